// A line index that was told how many lines its text has counts its way to the positions asked
// for, and lists its line starts only when asked out of order: every answer is the one a listed
// index gives, in any order of questions, with and without the byte scan.

import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import { byteScanFor } from "../../server/src/engine/scan/wasmModule";
import { scannerFor, setScannerPreference } from "../../server/src/engine/scan";
import { LineIndex } from "../../server/src/engine/lineIndex";

const lfText = fc.string({ unit: fc.constantFrom("a", "1", " ", ":", "\n", "\n\n", "é"), maxLength: 80 });

function lineFeeds(text: string): number {
  return text.split("\n").length - 1;
}

/** The offsets to ask for, in the order asked: mostly forward, sometimes back. */
function questions(text: string) {
  return fc.array(fc.integer({ min: -2, max: text.length + 2 }), { maxLength: 12 }).chain((offsets) =>
    fc.boolean().map((sorted) => (sorted ? [...offsets].sort((a, b) => a - b) : offsets)),
  );
}

after(() => setScannerPreference("auto"));

describe("LineIndex with a known line count", () => {
  for (const scan of [true, false]) {
    it(`answers as the listed index does, whatever order it is asked in (byte scan ${scan ? "on" : "off"})`, () => {
      setScannerPreference(scan ? "auto" : "typescript");
      try {
        fc.assert(
          fc.property(lfText.chain((text) => questions(text).map((offsets) => ({ text, offsets }))), ({ text, offsets }) => {
            const counted = new LineIndex(text, lineFeeds(text) + 1, scannerFor(text));
            const listed = new LineIndex(text, -1, scannerFor(text));
            for (const offset of offsets) {
              assert.deepEqual(counted.positionAt(offset), listed.positionAt(offset), `positionAt(${offset})`);
              const inside = Math.max(0, Math.min(offset, text.length));
              assert.equal(counted.lineAt(inside), listed.lineAt(inside), `lineAt(${inside})`);
            }
            assert.equal(counted.lineCount, listed.lineCount);
            assert.equal(counted.lastLineStart, listed.lastLineStart);
          }),
          { numRuns: 1000 },
        );
      } finally {
        setScannerPreference("auto");
      }
    });
  }

  it("counts forward without listing the starts, and lists them once asked about an earlier offset", () => {
    const text = Array.from({ length: 2000 }, (_, i) => `08:00:${String(i % 60).padStart(2, "0")} Trace: line ${i}`).join("\n");
    const counted = new LineIndex(text, 2000);
    const at = text.indexOf("line 1500");
    assert.deepEqual(counted.positionAt(at), { line: 1500, character: at - text.lastIndexOf("\n", at) - 1 });
    assert.equal(counted.lineAt(text.length), 1999);
    // Listed only now: the count so far cannot answer for an earlier offset.
    assert.equal(counted.lineAt(text.indexOf("line 12\n")), 12);
    assert.equal(counted.lineStarts.length, 2000);
  });

  it("counts LFs in the byte scan as the text holds them, over any span", () => {
    fc.assert(
      fc.property(lfText, fc.nat(), fc.nat(), (text, a, b) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = Math.max(from, Math.max(a, b) % (text.length + 1));
        assert.equal(byteScanFor(text)!.lineFeedCount(from, to), lineFeeds(text.slice(from, to)));
      }),
      { numRuns: 1000 },
    );
  });
});

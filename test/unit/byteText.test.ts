// A streamed piece is split as the bytes it was read as (ByteText): it reads as its string does,
// and the split of the bytes is the split of the text, whether the bytes are ASCII (scanned as they
// are) or not (decoded first), with the byte scan or without it.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { byteScanFor } from "../../server/src/engine/scan/wasmModule";
import { setScannerPreference } from "../../server/src/engine/scan";
import { ByteText, stringOf } from "../../server/src/engine/byteText";
import { type EntrySplit, type SplitOptions } from "../../server/src/engine/entries";
import { splitEntries } from "../../server/src/formats";
import { MARKERS } from "../../server/src/knowledge/markers";
import { markedEntries } from "../../server/src/engine/marking";

const piece = fc.oneof(
  fc.constantFrom("23:26:58 ", "00:00:01\n", "23:59:59\r\n", "\n05:59:59 Trace: ", "\n00:00:00 la-lgr Trace: ", "10:00:00.123 ", "12:34:56", "Build 0977823:26:58 "),
  fc.constantFrom("\n", "\r", " ", "\t", ":", "Trace: ", "Fail: ", "la-lgr ", "E", "Events from February 8, 2007\n", "at "),
  fc.constantFrom(...MARKERS.words),
  fc.constantFrom("é", "アクセス", "\u00ff"),
  fc.string({ maxLength: 10 }),
);
const traceText = fc.array(piece, { maxLength: 50 }).map((parts) => parts.join(""));
const asciiText = traceText.map((text) => text.replace(/[^\u0000-\u007f]/g, "?"));

const bytesOf = (text: string) => new ByteText(Buffer.from(text, "utf8"));

/** What a split says of every entry, in a form two splits can be compared by. */
function described(split: EntrySplit) {
  return {
    text: split.text,
    count: split.count,
    timed: split.timedCount,
    entries: Array.from({ length: split.count }, (_, i) => split.entryAt(i)),
    midLine: Array.from({ length: split.count }, (_, i) => split.isMidLine(i)),
    lineCount: split.lineIndex.lineCount,
    lastLineStart: split.lineIndex.lastLineStart,
    runTogether: split.runTogetherLines,
    state: split.state,
  };
}

function withByteScan<T>(allowed: boolean, run: () => T): T {
  setScannerPreference(allowed ? "auto" : "typescript");
  try {
    return run();
  } finally {
    setScannerPreference("auto");
  }
}

describe("a piece read as bytes", () => {
  it("reads as its string does: characters, slices, prefixes and searches, at any position", () => {
    const position = fc.integer({ min: -5, max: 60 });
    fc.assert(
      fc.property(asciiText, position, position, fc.constantFrom("\n", "\r", "E", "Trace", "23:", ""), (text, from, to, search) => {
        const bytes = bytesOf(text);
        assert.equal(bytes.length, text.length);
        assert.deepEqual(bytes.charCodeAt(from), text.charCodeAt(from));
        assert.equal(bytes.slice(from, to), text.slice(from, to));
        assert.equal(bytes.slice(from), text.slice(from));
        assert.equal(bytes.startsWith(search, from), text.startsWith(search, from));
        assert.equal(bytes.indexOf(search, from), text.indexOf(search, from));
        assert.equal(bytes.lastIndexOf(search, from), text.lastIndexOf(search, from));
        assert.equal(bytes.lastIndexOf(search), text.lastIndexOf(search));
      }),
      { numRuns: 1000 },
    );
  });

  it("decodes UTF-8 whole when read as a string", () => {
    const text = "10:00:00 Trace: Last API Error [5]: アクセスが拒否されました。é\n";
    assert.equal(stringOf(bytesOf(text)), text);
    assert.equal(stringOf(text), text);
  });

  it("is scanned as it is only when every byte is ASCII", () => {
    assert.notEqual(byteScanFor(bytesOf("10:00:00 Trace: plain\n")), null);
    assert.equal(byteScanFor(bytesOf("10:00:00 Trace: é\n")), null, "a two-byte character would put every later offset one off");
    assert.notEqual(byteScanFor("10:00:00 Trace: é\n"), null, "the decoded string is Latin-1, and scanned");
  });

  for (const scan of [true, false]) {
    it(`splits into the entries its text does, ASCII or not (byte scan ${scan ? "on" : "off"})`, () => {
      fc.assert(
        fc.property(traceText, traceText, fc.option(fc.integer({ min: 0, max: 86399 }), { nil: null }), (before, text, upcomingClock) => {
          withByteScan(scan, () => {
            // Also as a later piece of a stream: the state of the piece before carries over.
            const { state } = splitEntries(before);
            for (const options of [{}, { state, upcomingClock }] satisfies SplitOptions[]) {
              const fromBytes = splitEntries(bytesOf(text), options);
              const fromText = splitEntries(text, options);
              assert.deepEqual(described(fromBytes), described(fromText));
              assert.deepEqual(markedEntries(fromBytes, MARKERS), markedEntries(fromText, MARKERS));
            }
          });
        }),
        { numRuns: 500 },
      );
    });
  }

  it("keeps the bytes of an ASCII piece and the decoded text of any other", () => {
    withByteScan(true, () => {
      assert.ok(splitEntries(bytesOf("10:00:00 Trace: plain\n")).source instanceof ByteText);
      assert.equal(typeof splitEntries(bytesOf("10:00:00 Trace: é\n")).source, "string");
    });
  });
});

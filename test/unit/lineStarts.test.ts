// Line starts found backwards, in text and in bytes: the same answers as reading every character,
// whatever the mix of LF, CR and CRLF.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { lastLineStart } from "../../server/src/engine/lineStarts";

/** Every line start, last first, by reading each character. */
function naive(text: string, accepts: (pos: number) => boolean): number {
  for (let pos = text.length; pos >= 1; pos--) {
    const before = text.charCodeAt(pos - 1);
    if ((before === 10 || before === 13) && accepts(pos)) return pos;
  }
  return -1;
}

const lineText = fc.string({ unit: fc.constantFrom("a", "1", " ", ":", "\n", "\r", "\r\n"), maxLength: 60 });

describe("lastLineStart", () => {
  it("finds the line start after an LF, a lone CR and a CRLF", () => {
    assert.equal(lastLineStart("a\nb", () => true), 2);
    assert.equal(lastLineStart("a\rb", () => true), 2);
    assert.equal(lastLineStart("a\r\nb", () => true), 3);
    assert.equal(lastLineStart("a\rb\nc\rd", () => true), 6);
    assert.equal(lastLineStart("no break", () => true), -1);
  });

  it("goes back past the line starts it is not given", () => {
    assert.equal(lastLineStart("x\ry\nz\rw", (pos) => pos === 2), 2);
    assert.equal(lastLineStart(Buffer.from("x\ry\nz\rw", "latin1"), (pos) => pos === 2), 2);
  });

  it("answers as reading every character does, in text and in bytes (property)", () => {
    fc.assert(
      fc.property(lineText, fc.integer({ min: 0, max: 7 }), (text, modulus) => {
        const accepts = (pos: number) => modulus === 0 || pos % modulus === 0;
        const expected = naive(text, accepts);
        assert.equal(lastLineStart(text, accepts), expected);
        assert.equal(lastLineStart(Buffer.from(text, "latin1"), accepts), expected);
      }),
      { numRuns: 2000 },
    );
  });
});

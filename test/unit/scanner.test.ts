// The scanner a text gets: chosen once, carried by its split. The unit suite runs twice, the second
// time with ICM_TRACE_SCANNER=typescript, so every test meets both implementations.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scannerFor, scannerPreference } from "../../server/src/engine/scan";
import { splitEntries } from "../../server/src/formats";

const expected = process.env.ICM_TRACE_SCANNER === "typescript" ? "typescript" : "webassembly";

describe("the scanner of a text", () => {
  it("is the implementation this run asks for", () => {
    assert.equal(scannerPreference(), expected === "typescript" ? "typescript" : "auto");
    assert.equal(scannerFor("10:00:00 Trace: plain\n").implementation, expected);
  });

  it("is TypeScript for a text with a character above U+00FF, whatever the run asks", () => {
    assert.equal(scannerFor("10:00:00 Trace: アクセスが拒否されました。\n").implementation, "typescript");
  });

  it("is chosen once and carried by the split", () => {
    const split = splitEntries("10:00:00 Trace: one\n10:00:01 Trace: two\n");
    assert.equal(split.scanner.implementation, expected);
    assert.equal(split.scanner.text, split.source);
  });
});

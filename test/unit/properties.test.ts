// Properties that hold for any input: the split is lossless, never throws, ranges stay inside.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { FORMATS, splitEntries } from "../../server/src/formats";

const piece = fc.oneof(
  fc.constantFrom("23:26:58 ", "00:00:01 ", "23:59:59 ", "10:00:00.123 ", "25:61:99 ", "09:15:00, ", "Trace: ", "la-lgr "),
  // dumplog /ms, untimed tagged lines, Cisco Log and its syslog form, as published.
  fc.constantFrom("12:41:02:591 ", "9:41:02:591 ", "ra-rtr ", "PG1A-jgw1 ", "pg1A-pgag Fail: Assertion failed: ", "\tPrivData=[", "Labels=0 "),
  fc.constantFrom(
    "10356206: 10.66.68.169: Nov 11 2012 12:41:02.003 -0800: %CVP_9_0_SIP-7-CALL: ",
    "<134>25: host-w3k: Feb 13 2007 18:23:21.408 +0000: %ICM_Router_CallRouter-6-10500FF: [comp=Router-A][pname=rtr][sev=info]: ",
  ),
  fc.constantFrom("\n", "\r\n", "\r", " ", "\t", "\u0000", "\uFEFF", "Events from February 8, 2007\n"),
  fc.constantFrom("Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.", "Initiating state transfer RECEIVE operation.", "Waiting for MDS Messages", "PrepareToSendState", "CleanupPreparedState", "Unable to setup to use file in sending state."),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n)),
);
const traceText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

describe("split properties", () => {
  it("concatenated entries give back the input, in order, with no gaps", () => {
    fc.assert(
      fc.property(traceText, (text) => {
        const { entries } = splitEntries(text);
        let at = 0;
        for (const e of entries) {
          assert.equal(e.start, at);
          assert.ok(e.end > e.start);
          assert.ok(e.contentEnd <= e.end && e.contentEnd >= e.start);
          assert.ok(e.messageStart >= e.start && e.messageStart <= e.contentEnd);
          at = e.end;
        }
        assert.equal(at, text.length);
        assert.equal(entries.map((e) => text.slice(e.start, e.end)).join(""), text);
      }),
      { numRuns: 500 },
    );
  });

  it("every format splits any trace text losslessly, whatever the text's own format", () => {
    fc.assert(
      fc.property(traceText, fc.constantFrom(...FORMATS), (text, format) => {
        const { entries } = splitEntries(text, { format });
        assert.equal(entries.map((e) => text.slice(e.start, e.end)).join(""), text);
        for (const e of entries) assert.ok(e.messageStart >= e.start && e.messageStart <= e.contentEnd && e.end > e.start);
      }),
      { numRuns: 500 },
    );
  });

  it("analysis never throws and findings stay inside the text", () => {
    fc.assert(
      fc.property(traceText, (text) => {
        const { findings, split } = analyzeTrace(text);
        for (const f of findings) {
          assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end);
          assert.ok(f.entryIndex >= 0 && f.entryIndex < split.entries.length);
          // A placeholder left unfilled; the trace's own text may hold one (`Assertion failed: {A}`).
          for (const placeholder of f.message.en.match(/\{[a-zA-Z]+\}/g) ?? []) assert.ok(text.includes(placeholder), `${placeholder} unfilled in ${f.message.en}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("any string at all splits losslessly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { entries } = splitEntries(text);
        assert.equal(entries.map((e) => text.slice(e.start, e.end)).join(""), text);
      }),
      { numRuns: 500 },
    );
  });
});

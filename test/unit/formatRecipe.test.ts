// docs/architecture.md's recipe for a new format, followed literally (test/support/slashDatedFormat.ts):
// the module alone gives the split, the streamed analysis's cuts, the catalogue's findings and its
// sample tests.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { splitEntries } from "../../server/src/formats";
import { checkFormatSamples } from "../support/formatSamples";
import { slashDatedFormat } from "../support/slashDatedFormat";

const TRACE = [
  "some text before the first entry",
  "2007/02/08 23:59:58 lgr: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.",
  "  a continuation line",
  "2007/02/09 00:00:01 lgr: Unable to setup to use file in sending state.",
  "",
].join("\n");

describe("a format added by the recipe", () => {
  it("passes the sample tests every format passes", () => checkFormatSamples(slashDatedFormat, false));

  it("splits a text losslessly into its entries, continuation lines included, dates carried", () => {
    const split = splitEntries(TRACE, { format: slashDatedFormat });
    assert.deepEqual(split.entries.map((e) => e.kind), ["preamble", "entry", "entry"]);
    assert.equal(split.entries.map((e) => TRACE.slice(e.start, e.end)).join(""), TRACE);
    const [, first, second] = split.entries;
    assert.equal(first!.endLine, 2);
    assert.deepEqual([first!.date, second!.date], ["2007-02-08", "2007-02-09"]);
    assert.equal(second!.elapsedClock! - first!.elapsedClock!, 3);
  });

  it("gets the catalogue's findings", () => {
    const ids = analyzeTrace(TRACE, { format: slashDatedFormat }).findings.map((f) => f.id);
    assert.ok(ids.includes("temp-file-access-denied"), ids.join());
  });
});

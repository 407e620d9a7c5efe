// Every regular expression of the catalogue checked with recheck (a ReDoS analyser): a record
// whose pattern can backtrack super-linearly fails the build. The grammar's are checked in
// test/grammar with the same settings.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { catalogue } from "../../server/src/knowledge/catalogue";
import { describeVerdict, loadRecheck, RECHECK_PARAMS } from "../support/recheck";

describe("ReDoS check of the catalogue", () => {
  it("finds every record's pattern safe", { timeout: 900_000 }, async () => {
    const recheck = loadRecheck();
    const patterns = catalogue.flatMap((r) => (r.match.kind === "line" && r.match.pattern !== undefined ? [[r.id, r.match.pattern] as const] : []));
    assert.ok(patterns.length > 10);
    const unsafe: string[] = [];
    // One at a time: the results are then easy to read and the machine stays usable.
    for (const [id, pattern] of patterns) {
      const verdict = await recheck.check(pattern.source, pattern.flags, RECHECK_PARAMS);
      if (verdict.status !== "safe") unsafe.push(`${id}: /${pattern.source}/ ${describeVerdict(verdict)}`);
    }
    assert.deepEqual(unsafe, []);
  });

  it("flags a vulnerable record pattern (the check can fail)", { timeout: 300_000 }, async () => {
    const verdict = await loadRecheck().check(String.raw`Device (?<device>(?:\S+ ?)+) path changing to idle state`, "", RECHECK_PARAMS);
    assert.equal(verdict.status, "vulnerable", describeVerdict(verdict));
  });
});

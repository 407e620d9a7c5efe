// Text without times: alarm and event text, a message quoted without its time, sometimes wrapped.
// Each untimed entry is checked whole against the catalogue; a document that merely mentions a
// message raises nothing.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { splitEntries } from "../../server/src/formats";
import { looksLikeTraceText } from "../../server/src/formats/detect";
import { repoRoot } from "./helpers";

// Cisco Doc 23071 (PG agent asserts), as published: the message wraps onto a second line.
const WRAPPED_ASSERT = "pg1A-pgag Fail: Assertion failed: dmpp->source == \nnmargs.DMPSystemID. File: D:\\R1\\dmp\\pg\\MESSAGES.CPP. Line 77\n";

describe("untimed text", () => {
  it("is one entry per line that starts with a process tag, its other lines kept with it", () => {
    const text = `${WRAPPED_ASSERT}la-lgr Trace: Local Time Has Stopped for 10000 Milliseconds\n`;
    const split = splitEntries(text);
    assert.deepEqual(split.entries.map((e) => [e.kind, e.processTag, e.level, e.line, e.endLine, e.clock]), [
      ["preamble", "pg1A-pgag", "Fail", 0, 1, null],
      ["preamble", "la-lgr", "Trace", 2, 2, null],
    ]);
    assert.equal(split.text.slice(split.entries[0]!.messageStart, split.entries[0]!.messageStart + 16), "Assertion failed");
  });

  it("is checked against the catalogue, the finding covering all its lines, with no time", () => {
    const { findings, split } = analyzeTrace(WRAPPED_ASSERT);
    assert.equal(findings.length, 1);
    assert.deepEqual([findings[0]!.severity, findings[0]!.startPosition.line, findings[0]!.endPosition.line], ["error", 0, 1]);
    assert.equal(split.entryAt(findings[0]!.entryIndex).clock, null);
  });

  it("is checked in the text before the first timed entry too", () => {
    const { findings } = analyzeTrace(`Connection to Central Controller side A failed\n10:00:00 Trace: NodeManagerHandler: Logger Initializing\n`);
    assert.deepEqual(findings.map((f) => [f.id, f.startPosition.line]), [["cc-connection-failed", 0]]);
  });

  it("feeds no rule: an untimed receive is no receive in progress", () => {
    const { findings, role } = analyzeTrace("Initiating state transfer RECEIVE operation.\n");
    assert.deepEqual(findings, []);
    assert.equal(role, null);
  });

  it("reads as a trace when short or tagged, and a document does not, though it quotes traces", () => {
    for (const name of ["README.md", "docs/catalogue.md", "docs/architecture.md"]) {
      assert.equal(looksLikeTraceText(readFileSync(path.join(repoRoot, name), "utf8")), false, name);
    }
    assert.equal(looksLikeTraceText(WRAPPED_ASSERT), true);
    assert.equal(looksLikeTraceText("Connection to Central Controller side A failed\n"), true);
    assert.equal(looksLikeTraceText(readFileSync(path.join(repoRoot, "samples", "ticket-paste.txt"), "utf8")), true);
    assert.equal(looksLikeTraceText(readFileSync(path.join(repoRoot, "samples", "la-lgr-dumplog.txt"), "utf8")), true);
  });

  it("of a longer document is not matched in the editor either", () => {
    const prose = Array.from({ length: 60 }, (_, i) => (i === 30 ? "The guide quotes: Connection to Central Controller side A failed" : `Line ${i} of a document.`)).join("\n");
    assert.deepEqual(analyzeTrace(prose).findings, []);
    assert.deepEqual(analyzeTrace(prose.split("\n").slice(20, 40).join("\n")).findings.map((f) => f.id), ["cc-connection-failed"]);
  });
});

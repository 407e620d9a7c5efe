// One vocabulary of ICM phrases: a RECEIVE ended by any phrase of "transfer finished" is complete in
// the rule (no finding), in the timeline phase (outcome `complete`) and in the compare verdict
// (`transfer-completed` when the send side succeeded too).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { compareTraces } from "../../server/src/analysis/compare";
import { tracePhases } from "../../server/src/analysis/transferEvents";
import { SEND_DONE, TRANSFER_DONE } from "../../server/src/knowledge/vocabulary";

/** The phrase as a Logger would write it: a capital first letter and a full stop. */
function sentence(phrase: string): string {
  return `${phrase[0]!.toUpperCase()}${phrase.slice(1)}.`;
}

function receiveEndedBy(phrase: string): string {
  return [
    "10:00:00 Trace: Initiating state transfer RECEIVE operation.",
    "10:00:10 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
    "10:00:20 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
    `10:00:25 Trace: ${sentence(phrase)}`,
    "10:09:00 Trace: The Logger is NOW Starting MDS Client Message Processing",
    "",
  ].join("\n");
}

const SEND_SUCCEEDED = [
  "10:00:00 Trace: PrepareToSendState",
  "10:00:01 Trace: Synchronizing Configuration Data",
  `10:00:24 Trace: ${sentence(SEND_DONE[0])}`,
  "",
].join("\n");

const RECEIVE_NEVER_ENDED = receiveEndedBy("still waiting").replace("10:00:25 Trace: Still waiting.\n", "");

describe("the one vocabulary of a finished state transfer", () => {
  it("leaves an unfinished receive incomplete everywhere (the tests below could fail)", () => {
    const analysis = analyzeTrace(RECEIVE_NEVER_ENDED);
    assert.ok(analysis.findings.some((f) => f.id === "state-receive-incomplete"));
    assert.equal(tracePhases(analysis.split).find((p) => p.kind === "receive")?.outcome, "open");
    const model = compareTraces({ file: "sideA.txt", analysis }, { file: "sideB.txt", analysis: analyzeTrace(SEND_SUCCEEDED) });
    assert.equal(model.verdict.code, "transfer-completed", "the sender's own completion still counts");
    const alone = compareTraces({ file: "sideA.txt", analysis }, { file: "sideB.txt", analysis: analyzeTrace("10:00:00 Trace: PrepareToSendState\n") });
    assert.equal(alone.verdict.code, "receiver-stalled-cause-unknown");
  });

  for (const phrase of TRANSFER_DONE) {
    it(`"${sentence(phrase)}" completes the receive in the rule, the timeline phase and the verdict`, () => {
      const analysis = analyzeTrace(receiveEndedBy(phrase));
      assert.deepEqual(analysis.findings.filter((f) => f.id === "state-receive-incomplete"), []);
      const receive = tracePhases(analysis.split).find((p) => p.kind === "receive");
      assert.equal(receive?.outcome, "complete");
      const sender = analyzeTrace("10:00:00 Trace: PrepareToSendState\n10:00:01 Trace: Synchronizing Configuration Data\n");
      const model = compareTraces({ file: "sideA.txt", analysis }, { file: "sideB.txt", analysis: sender });
      assert.equal(model.verdict.code, "transfer-completed");
      const both = compareTraces({ file: "sideA.txt", analysis }, { file: "sideB.txt", analysis: analyzeTrace(SEND_SUCCEEDED) });
      assert.equal(both.verdict.code, "transfer-completed");
    });
  }

  for (const phrase of SEND_DONE) {
    it(`"${sentence(phrase)}" completes the send phase`, () => {
      const send = tracePhases(analyzeTrace(SEND_SUCCEEDED).split).find((p) => p.kind === "send");
      assert.equal(send?.outcome, "complete");
      assert.ok(SEND_SUCCEEDED.includes(sentence(phrase)));
    });
  }
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { seedReceive, seedSend, sample } from "./helpers";

const ids = (text: string, options = {}) => analyzeTrace(text, options).findings.map((f) => `${f.severity} ${f.id}`);

describe("findings on the seed traces", () => {
  it("reports the sending side's access-denied temp file and the aborted send", () => {
    const text = seedSend();
    const analysis = analyzeTrace(text);
    assert.deepEqual(
      analysis.findings.map((f) => `${f.severity} ${f.id}`),
      ["hint run-together-entries", "error temp-file-access-denied", "error state-send-aborted"],
    );
    const denied = analysis.findings[1]!;
    assert.equal(denied.start, text.indexOf("16:47:39 Trace: Unable to GetTempFileName"));
    assert.equal(denied.apiError, 5);
    assert.match(denied.message.en, /ERROR_ACCESS_DENIED/);
    assert.match(denied.message.ja, /アクセスが拒否されました/);
    assert.equal(analysis.role, "send");
    assert.equal(analysis.side, null);
    const aborted = analysis.findings[2]!;
    assert.deepEqual(aborted.related.map((r) => r.entryIndex), [6, 1, 8]);
  });

  it("reports the receiving side's incomplete receive as a warning, and no schema mismatch", () => {
    const analysis = analyzeTrace(seedReceive());
    assert.deepEqual(analysis.findings.map((f) => `${f.severity} ${f.id}`), ["hint run-together-entries", "warning state-receive-incomplete"]);
    const receive = analysis.findings[1]!;
    assert.match(receive.message.en, /waited 14 s with 2 × 'Waiting for MDS Messages'/);
    assert.equal(analysis.role, "receive");
    assert.equal(analysis.side, "A");
  });
});

describe("temporary file failures", () => {
  const line = (code: number, text: string) =>
    `16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [${code}]: ${text}\n`;

  it("tells disk full (112 and 39) from access denied", () => {
    assert.deepEqual(analyzeTrace(sample("sideB-lgr-send-disk-full.txt")).findings.map((f) => f.id), [
      "run-together-entries", "temp-file-disk-full", "state-send-aborted",
    ]);
    assert.deepEqual(ids(line(39, "The disk is full.")), ["error temp-file-disk-full"]);
  });

  it("matches on the number, not the English text (Japanese Windows)", () => {
    assert.deepEqual(ids(line(5, "アクセスが拒否されました。")), ["error temp-file-access-denied"]);
  });

  it("reports any other API error as temp-file-failed with the Win32 name", () => {
    const analysis = analyzeTrace(line(3, "The system cannot find the path specified."));
    assert.deepEqual(analysis.findings.map((f) => f.id), ["temp-file-failed"]);
    assert.match(analysis.findings[0]!.message.en, /ERROR_PATH_NOT_FOUND/);
  });

  it("reports other API errors as information, once per entry", () => {
    assert.deepEqual(ids("10:00:00 Trace: CreateFile failed. Last API Error [1326]: Logon failure\n"), ["information api-error"]);
    assert.match(analyzeTrace("10:00:00 Trace: x Last API Error [1326]: y\n").findings[0]!.message.en, /ERROR_LOGON_FAILURE/);
  });
});

describe("sequence rules", () => {
  it("makes a long incomplete receive an error, per the threshold", () => {
    const text = [
      "23:27:04 Initiating state transfer RECEIVE operation.",
      "23:27:08 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
      "23:30:08 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
      "",
    ].join("\n");
    assert.deepEqual(ids(text), ["error state-receive-incomplete"]);
    assert.deepEqual(ids(text, { receiveErrorAfterSeconds: 600 }), ["warning state-receive-incomplete"]);
    assert.match(analyzeTrace(text).findings[0]!.message.en, /waited 3 min 4 s with 2 ×/);
  });

  it("does not report a receive that completed", () => {
    assert.deepEqual(ids("23:27:04 Initiating state transfer RECEIVE operation.\n23:27:30 Trace: State transfer complete.\n"), []);
  });

  it("reports a schema version mismatch on the Logger's line", () => {
    const text = [
      "23:27:03 Trace: Database uses Major Version 76, CC Minor Version 2 of the Schema",
      "23:27:03 Trace: Logger Compatible with Major Version 77, CC Minor Version 4 of the Schema",
      "",
    ].join("\n");
    const analysis = analyzeTrace(text);
    assert.deepEqual(analysis.findings.map((f) => `${f.severity} ${f.id}`), ["error schema-version-mismatch"]);
    assert.equal(analysis.findings[0]!.entryIndex, 1);
    assert.match(analysis.findings[0]!.message.en, /Major Version 76, CC Minor Version 2.*Major Version 77, CC Minor Version 4/);
  });

  it("reports an aborted send from CleanupPreparedState alone after a failed temp file", () => {
    const text = [
      "16:47:39 Trace: PrepareToSendState",
      "16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.",
      "16:47:39 Trace: CleanupPreparedState",
      "",
    ].join("\n");
    const analysis = analyzeTrace(text);
    assert.deepEqual(analysis.findings.map((f) => f.id), ["temp-file-access-denied", "state-send-aborted"]);
    assert.equal(analysis.findings[1]!.entryIndex, 2);
  });

  it("does not take a message that says something is not operational for a peer's return", () => {
    const lost = "15:40:01 Trace: Connection to Central Controller side A failed.";
    const later = "15:52:00 Trace: Queuing low priority roll-forward to PG01 (seq 12)";
    const peerIds = (back: string) => ids([lost, back, later].join("\n")).filter((id) => id.endsWith("peer-never-returned"));
    assert.deepEqual(peerIds("15:40:30 Trace: PG is operational; peripheral 5000 is not operational."), ["error peer-never-returned"]);
    assert.deepEqual(peerIds("15:40:30 Trace: PG is operational."), []);
  });

  it("drops ignored ids", () => {
    assert.deepEqual(analyzeTrace(seedSend(), { ignore: ["temp-file-access-denied", "run-together-entries"] }).findings.map((f) => f.id), ["state-send-aborted"]);
  });
});

describe("a temp-file failure without an API error number", () => {
  it("still reads well: no placeholder is left", () => {
    const [finding] = analyzeTrace("16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file.\n").findings;
    assert.equal(finding?.id, "temp-file-failed");
    assert.doesNotMatch(finding!.message.en, /\{/);
    assert.match(finding!.message.en, /no error number/);
  });
});

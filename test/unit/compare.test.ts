// The A/B compare model: both sides of a state transfer read together.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { alignedEvents, compareTraces, sideLabelOf, type CompareModel } from "../../server/src/analysis/compare";
import { compareAsJson } from "../../server/src/cli/compareCommand";
import { parseZone } from "../../server/src/engine/clock";
import { seedReceive, seedSend, sample } from "./helpers";

const side = (file: string, text: string) => ({ file, analysis: analyzeTrace(text) });
const RECEIVE = side("samples/sideA-lgr-receive.txt", seedReceive());
const SEND = side("samples/sideB-lgr-send.txt", seedSend());

const RECEIVER = (lines: string[]) => side("logs/LoggerA-lgr.txt", lines.join("\n"));
const SENDER = (lines: string[]) => side("logs/LoggerB-lgr.txt", lines.join("\n"));
const INITIATE = "10:00:00 Initiating state transfer RECEIVE operation.";
const WAIT = (t: string) => `${t} Trace: NodeManagerHandler: Logger Waiting for MDS Messages`;

describe("compare on the seed pair", () => {
  for (const [name, model] of [["receive first", compareTraces(RECEIVE, SEND)], ["send first", compareTraces(SEND, RECEIVE)]] as const) {
    it(`finds A receiving, B sending and the access-denied cause, the sides in the order given (${name})`, () => {
      const receiveFirst = name === "receive first";
      const [receiver, sender] = receiveFirst ? [0, 1] : [1, 0];
      const sides = [
        ["A", "receive", "samples/sideA-lgr-receive.txt"],
        ["B", "send", "samples/sideB-lgr-send.txt"],
      ];
      assert.deepEqual(model.sides.map((s) => [s.side, s.role, s.file]), receiveFirst ? sides : sides.reverse());
      assert.equal(model.verdict.code, "temp-file-access-denied");
      assert.match(model.verdict.summary.en, /^Side B \(sending\) could not create its temporary state-transfer file \(Last API Error \[5\] ERROR_ACCESS_DENIED/);
      assert.match(model.verdict.summary.ja, /サイド B（送信側）は状態転送用の一時ファイルを作成できず/);
      const senderEvidence = model.verdict.evidence.filter((e) => e.sideIndex === sender).map((e) => e.column);
      assert.ok(senderEvidence.includes(seedSend().indexOf("16:47:39 Trace: Unable to GetTempFileName")));
      assert.ok(model.verdict.evidence.some((e) => e.sideIndex === receiver));
      // 23:27:04 (A's initiate) − 16:47:39 (B's prepare), added to the second side's times
      assert.equal(model.offsetSeconds, receiveFirst ? 23965 : -23965);
      assert.equal(model.offsetAnchor, "transfer");
    });
  }

  it("aligns B's events onto A's clock", () => {
    const model = compareTraces(RECEIVE, SEND);
    const prepare = alignedEvents(model).find((e) => e.event.kind === "send-prepare")!;
    assert.equal(prepare.alignedTime, 23 * 3600 + 27 * 60 + 4);
  });

  it("gives the JSON form with 1-based evidence positions and files as given", () => {
    const json = compareAsJson(compareTraces(SEND, RECEIVE), "en");
    assert.deepEqual(json.sides.map((s) => s.file), ["samples/sideB-lgr-send.txt", "samples/sideA-lgr-receive.txt"]);
    assert.equal(json.verdict.code, "temp-file-access-denied");
    assert.deepEqual(json.verdict.evidence.find((e) => e.file.endsWith("sideB-lgr-send.txt") && e.text.includes("GetTempFileName")), {
      file: "samples/sideB-lgr-send.txt",
      line: 1,
      column: 394,
      clock: "16:47:39",
      text: "16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.",
    });
  });
});

describe("verdicts", () => {
  const verdict = (model: CompareModel) => model.verdict.code;

  it("temp-file-disk-full for API error 112", () => {
    assert.equal(verdict(compareTraces(RECEIVE, side("samples/sideB-lgr-send-disk-full.txt", sample("sideB-lgr-send-disk-full.txt")))), "temp-file-disk-full");
  });

  it("transfer-completed when the receive completes", () => {
    const model = compareTraces(RECEIVER([INITIATE, "10:00:09 Trace: State transfer complete."]), SENDER(["09:59:58 Trace: PrepareToSendState", "09:59:59 Trace: Synchronizing Configuration Data"]));
    assert.equal(verdict(model), "transfer-completed");
  });

  it("no-transfer when neither trace shows one", () => {
    assert.equal(verdict(compareTraces(RECEIVER(["10:00:00 Trace: Logger Type is 1"]), SENDER(["10:00:00 MDS is in service."]))), "no-transfer");
  });

  it("receiver-stalled-cause-unknown when the sender shows no failure", () => {
    const model = compareTraces(RECEIVER([INITIATE, WAIT("10:00:10"), WAIT("10:03:10")]), SENDER(["09:59:58 Trace: PrepareToSendState", "09:59:59 Trace: Synchronizing Configuration Data"]));
    assert.equal(verdict(model), "receiver-stalled-cause-unknown");
    assert.match(model.verdict.summary.en, /waited 3 min 10 s/);
  });

  it("roles-unclear when only a sender without failure is visible", () => {
    assert.equal(verdict(compareTraces(RECEIVER(["10:00:00 Trace: Logger Type is 1"]), SENDER(["09:59:58 Trace: PrepareToSendState"]))), "roles-unclear");
  });

  it("tells the sides from file names when the text does not (lb-lgr, sideA)", () => {
    const model = compareTraces(side("x/lb-lgr.txt", seedSend()), side("x/trace-sideA.txt", "10:00:00 Initiating state transfer RECEIVE operation.\n"));
    assert.deepEqual(model.sides.map((s) => s.side), ["B", "A"]);
  });

  it("tells two traces of one side apart by their files, never both plain Side A", () => {
    const model = compareTraces(side("x/la-lgr-1.txt", seedReceive()), side("x/la-lgr-2.txt", seedReceive()));
    assert.deepEqual(model.sides.map((s) => s.side), ["A", "A"]);
    assert.deepEqual([0, 1].map((i) => sideLabelOf(model, i, "en")), ["Side A (la-lgr-1.txt) · receiving", "Side A (la-lgr-2.txt) · receiving"]);
  });
});

describe("pair issues", () => {
  it("reports configuration checksums that differ at the same update key", () => {
    const a = RECEIVER(["23:27:03 Trace: Checksum config complete: Rows = 23442, bytes = 13409511, checksum = 783166570, updateKey = 310473991055", INITIATE]);
    const b = SENDER(["16:47:20 Trace: Checksum config complete: Rows = 23441, bytes = 13409380, checksum = 105112298, updateKey = 310473991055", "16:47:39 Trace: PrepareToSendState"]);
    const model = compareTraces(b, a);
    assert.deepEqual(model.pairIssues.map((i) => i.id), ["config-checksum-differs"]);
    assert.match(model.pairIssues[0]!.message.en, /side A reports checksum 783166570 \(23442 rows\) and side B checksum 105112298 \(23441 rows\)/);
    assert.deepEqual(model.pairIssues[0]!.evidence.map((e) => e.sideIndex), [0, 1]);
  });
});

describe("clocks and zones", () => {
  // The same moment on both sides: Cisco Log writes it on UTC, dumplog in the node's local time (+0900).
  const ciscoLog = side("rtr-ciscolog.txt", "10: CICMRGRA: Feb 8 2007 05:37:44.658 +0000: %ICM_Router_ProcessSynchronization: [comp=Router-A][pname=rtr][iid=ipcc][sev=info]: MDS is in service.\n");
  const dumplog = side("ra-rtr.txt", "Events from February 8, 2007\n14:37:44 ra-rtr MDS is in service.\n");

  it("reads zones as users write them", () => {
    assert.deepEqual(["+0900", "+09:00", "-05", "UTC", "z", "GMT+5:30", "+1500", "nine"].map(parseZone), [540, 540, -300, 0, 0, 330, null, null]);
  });

  it("keeps local times of an unknown zone on their own clock, and places them on UTC when the zone is given", () => {
    const unknown = compareTraces(ciscoLog, dumplog);
    assert.deepEqual(unknown.sides.map((s) => s.dated), [true, false]);
    const given = compareTraces(ciscoLog, dumplog, { zoneMinutes: 540 });
    assert.deepEqual(given.sides.map((s) => s.dated), [true, true]);
    const times = given.sides.map((s) => s.events[0]!.time);
    assert.ok(Math.abs(times[0]! - times[1]!) < 1, `${times}`);
    assert.deepEqual(given.sides.map((s) => s.events[0]!.clock), ["05:37:44", "14:37:44"]);
  });
});

// The transfer timeline's view model: lanes, offset, aligned rows, stacking and labels, computed
// without the webview from the seed pair (side A received, side B failed to send).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { compareTraces, sideLabel, type CompareModel } from "../../server/src/analysis/compare";
import {
  anchorOf,
  clockText,
  displayedOffset,
  eventAccessibleLabel,
  formatOffset,
  initialViewState,
  laneLabel,
  laneOrder,
  laneShift,
  offsetFromDisplayed,
  phaseLabel,
  placeMarks,
  timeExtent,
  timelineRows,
} from "../../server/src/render/compareTimeline";
import { seedReceive, seedSend } from "./helpers";

function seedModel(): CompareModel {
  return compareTraces(
    { file: "sideA-lgr-receive.txt", analysis: analyzeTrace(seedReceive()) },
    { file: "sideB-lgr-send.txt", analysis: analyzeTrace(seedSend()) },
  );
}

describe("timeline lanes and offset", () => {
  it("puts side A on top and moves only the lower lane", () => {
    const model = seedModel();
    assert.equal(model.sides[0].side, "A");
    assert.deepEqual(laneOrder(false), [0, 1]);
    assert.equal(laneShift(0, model.offsetSeconds, false), 0);
    assert.equal(laneShift(1, model.offsetSeconds, false), model.offsetSeconds);
  });

  it("swapping puts side B on top, on its own clock, and negates the offset shown", () => {
    const model = seedModel();
    const offset = model.offsetSeconds;
    assert.deepEqual(laneOrder(true), [1, 0]);
    assert.equal(laneShift(1, offset, true), 0);
    assert.equal(laneShift(0, offset, true), -offset);
    assert.equal(displayedOffset(offset, true), -offset);
    assert.equal(offsetFromDisplayed(displayedOffset(offset, true), true), offset);
    assert.ok(Object.is(displayedOffset(0, true), 0), "no -0 in the control");
  });

  it("lines the sender's prepare up with the receiver's RECEIVE in both orders", () => {
    const model = seedModel();
    for (const swapped of [false, true]) {
      const rows = timelineRows(model, { offsetSeconds: model.offsetSeconds, swapped });
      const prepare = rows.find((r) => r.event.kind === "send-prepare")!;
      const initiate = rows.find((r) => r.event.kind === "receive-initiate")!;
      assert.equal(prepare.alignedTime, initiate.alignedTime);
      // The top lane's clock is the axis: 23:27:04 on A's, 16:47:39 on B's.
      assert.equal(clockText(initiate.alignedTime), swapped ? "16:47:39" : "23:27:04");
    }
  });

  it("moving the offset moves the lower lane's rows and the extent", () => {
    const model = seedModel();
    const aligned = timelineRows(model, { offsetSeconds: model.offsetSeconds, swapped: false });
    const later = timelineRows(model, { offsetSeconds: model.offsetSeconds + 30, swapped: false });
    const failure = (rows: typeof aligned) => rows.find((r) => r.event.kind === "send-temp-file-failed")!.alignedTime;
    assert.equal(failure(later) - failure(aligned), 30);
    const [min, max] = timeExtent(model, { offsetSeconds: model.offsetSeconds + 30, swapped: false });
    assert.ok(min < failure(later) && failure(later) + 0 < max);
  });

  it("lists key events and findings, or every entry on request", () => {
    const model = seedModel();
    const view = initialViewState(model);
    const notable = timelineRows(model, view);
    const all = timelineRows(model, view, true);
    assert.ok(notable.length < all.length);
    assert.equal(all.length, model.sides[0].events.length + model.sides[1].events.length);
    assert.ok(notable.every((r) => r.event.kind !== "entry" || r.event.severity !== null));
    const times = all.map((r) => r.alignedTime);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  it("marks where the offset lines the two sides up: the receiver's RECEIVE", () => {
    const model = seedModel();
    const anchor = anchorOf(model)!;
    assert.equal(anchor.sideIndex, 0);
    assert.equal(clockText(anchor.time), "23:27:04");
    assert.equal(anchorOf({ ...model, offsetAnchor: "first-entries" }), null);
  });

  it("formats the offset with its sign and seconds", () => {
    assert.equal(formatOffset(23965, "en"), "+6 h 39 min (+23965 s)");
    assert.equal(formatOffset(-14, "en"), "-14 s (-14 s)");
    assert.equal(formatOffset(90, "ja"), "+1 分 30 秒 (+90 秒)");
  });

  it("extent is never empty", () => {
    const model = seedModel();
    const empty: CompareModel = { ...model, sides: [{ ...model.sides[0], events: [], phases: [] }, { ...model.sides[1], events: [], phases: [] }] };
    const [min, max] = timeExtent(empty, { offsetSeconds: 0, swapped: false });
    assert.ok(max > min);
  });
});

describe("timeline marks", () => {
  const rows = (places: { row: number }[]) => places.map((p) => p.row);

  it("stacks marks that would overlap into rows and reuses a row once there is room", () => {
    const at = (...xs: number[]) => xs.map((x) => ({ x, priority: 1 }));
    assert.deepEqual(rows(placeMarks(at(10, 10, 10, 30, 30), 13, 5, () => 0)), [0, 1, 2, 0, 1]);
    assert.deepEqual(rows(placeMarks(at(0, 5, 20), 13, 5, () => 0)), [0, 1, 0]);
    assert.ok(placeMarks(at(10, 10), 13, 5, () => 0).every((p) => p.x === 10 && !p.crowded));
  });

  it("fans a full column out sideways instead of piling marks up", () => {
    const places = placeMarks(Array.from({ length: 5 }, () => ({ x: 100, priority: 1 })), 13, 3, () => 4);
    assert.deepEqual(places.map((p) => [p.row, p.x]), [[0, 100], [1, 100], [2, 100], [0, 113], [1, 113]]);
    // No two marks closer than the gap in one row.
    for (const p of places) for (const q of places) if (p !== q && p.row === q.row) assert.ok(Math.abs(p.x - q.x) >= 13);
  });

  it("gives findings and key events room first; ordinary entries crowd past their reach", () => {
    const items = [
      ...Array.from({ length: 6 }, () => ({ x: 50, priority: 0 })),
      { x: 50, priority: 3 },
      { x: 50, priority: 2 },
    ];
    const places = placeMarks(items, 13, 2, (priority) => (priority === 0 ? 1 : 6));
    assert.deepEqual([places[6], places[7]].map((p) => [p!.row, p!.x, p!.crowded]), [[0, 50, false], [1, 50, false]]);
    const ordinary = places.slice(0, 6);
    assert.equal(ordinary.filter((p) => !p.crowded).length, 4, "two columns either side of the full one");
    assert.equal(ordinary.filter((p) => p.crowded).length, 2);
  });

  it("names a mark with side, both clocks, severity, event and text", () => {
    const model = seedModel();
    const row = timelineRows(model, initialViewState(model)).find((r) => r.event.kind === "send-temp-file-failed")!;
    const label = eventAccessibleLabel(model, row, "en");
    assert.match(label, /^Side B · sending, 16:47:39 \(aligned 23:27:04\), error, temporary file failed, 16:47:39 Trace: Unable to GetTempFileName/);
    assert.match(eventAccessibleLabel(model, row, "ja"), /^サイド B · 送信側, 16:47:39 \(整列 23:27:04\), エラー, 一時ファイルの失敗, /);
  });

  it("keeps trace text as it is: the webview renders it as text", () => {
    const model = seedModel();
    const hostile = "23:27:05 <img src=x onerror=alert(1)> <script>alert(2)</script>";
    const event = { ...model.sides[0].events[0]!, text: hostile };
    const label = eventAccessibleLabel(model, { sideIndex: 0, alignedTime: event.time, event }, "en");
    assert.ok(label.endsWith(hostile));
  });
});

describe("timeline words", () => {
  it("labels lanes as the compare model does, two traces of one side told apart by their files", () => {
    const model = seedModel();
    for (const language of ["en", "ja"] as const) {
      model.sides.forEach((side, i) => assert.equal(laneLabel(model, i, language), sideLabel(side, language)));
      const sameSide: CompareModel = { ...model, sides: [model.sides[0], { ...model.sides[1], side: model.sides[0].side, file: "/traces/lgr-second.txt" }] };
      const labels = [0, 1].map((i) => laneLabel(sameSide, i, language));
      assert.notEqual(labels[0], labels[1]);
      assert.match(labels[1]!, /\(lgr-second\.txt\)/);
      const unknown: CompareModel = { ...model, sides: [{ ...model.sides[0], side: null, role: null }, { ...model.sides[1], side: null, role: null }] };
      assert.notEqual(laneLabel(unknown, 0, language), laneLabel(unknown, 1, language));
    }
  });

  it("labels phases with their outcome", () => {
    const model = seedModel();
    const receive = model.sides[0].phases.find((p) => p.kind === "receive")!;
    assert.equal(phaseLabel(receive, "en"), "receive · open");
    assert.equal(phaseLabel(receive, "ja"), "受信 · 未完了");
  });
});

// The merged timeline, without the webview: what the server sends (lanes grouped by clock, spans,
// findings as marks, a followed call's entries, the Logger pair's verdict) and what the view
// computes from it (the axis's extent, the window, times as text and back, labels).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TextDocuments } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { mergedTimeline, thinTimes, MAX_TICKS_PER_LANE } from "../../server/src/lsp/mergedTimeline";
import {
  anchorText,
  clockLabel,
  isMergedTimelineState,
  laneSummary,
  offsetText,
  parseTimeText,
  rememberAutomatic,
  shortFileName,
  tickText,
  timelineExtent,
  timeText,
  windowText,
  withOffset,
  zoomWindow,
} from "../../server/src/render/mergedTimeline";
import { mergedViewLinesHolding } from "../../server/src/shared/mergedViewLines";
import { bundleMemberUri, type MergedTimeline, type MergedTimelineMark } from "../../server/src/shared/protocol";
import { routerAndCvp } from "../support/routerAndCvp";
import { seedReceive, seedSend } from "./helpers";

/** The editor's open documents, as the server's TextDocuments hands them out. */
function documentsOf(texts: Readonly<Record<string, string>>): TextDocuments<TextDocument> {
  const documents = new Map(Object.entries(texts).map(([uri, text]) => [uri, TextDocument.create(uri, "icm-trace", 1, text)]));
  return { get: (uri: string) => documents.get(uri) } as unknown as TextDocuments<TextDocument>;
}

const RECEIVE = "file:///case/sideA-lgr-receive.txt";
const SEND = "file:///case/sideB-lgr-send.txt";
const ROUTER = bundleMemberUri("/case/bundle.zip!/ROUTERA/Router/rtr_output.txt");
const CVP = bundleMemberUri("/case/bundle.zip!/CVP1/CVP/cvp.txt");

function loggerPair(offsets?: Record<string, number>): Promise<MergedTimeline> {
  return mergedTimeline({ uris: [RECEIVE, SEND], ...(offsets === undefined ? {} : { offsets }) }, documentsOf({ [RECEIVE]: seedReceive(), [SEND]: seedSend() }), { language: "en", zoneMinutes: null });
}

describe("the merged timeline's model", () => {
  it("groups the Logger pair's lanes by side, the receiver's clock the reference, with the compare's verdict", async () => {
    const timeline = await loggerPair();
    assert.deepEqual(timeline.lanes.map((l) => [l.name, l.clock, l.uri]), [["A/lgr", "side:A", RECEIVE], ["B/lgr", "side:B", SEND]]);
    assert.deepEqual(timeline.groups.map((g) => [g.clock, g.anchor, g.offsetSeconds, g.lanes]), [["side:A", "reference", 0, [0]], ["side:B", "transfer", 23965, [1]]]);
    const failure = timeline.lanes[1]!.marks.find((m) => m.code === "temp-file-access-denied")!;
    // 16:47:39 on B's own clock is 23:27:04 on A's.
    assert.deepEqual([failure.severity, timeText(failure.time), failure.line, failure.column], ["error", "23:27:04", 0, 393]);
    assert.match(failure.message, /GetTempFileName|temporary/);
    // Editor-only hints (run-together entries) are not drawn.
    assert.ok(timeline.lanes.every((l) => l.marks.every((m) => m.code !== "run-together-entries")));
    assert.equal(timeline.verdict?.code, "temp-file-access-denied");
    assert.deepEqual(timeline.verdict?.lanes, [0, 1]);
    assert.deepEqual(timeline.verdict?.uris, [RECEIVE, SEND]);
    assert.ok(timeline.verdict!.evidence.some((e) => e.lane === 1 && e.column === 393));
    assert.equal(timeline.window, null);
  });

  it("sends spans, ticks and marks, never a trace's text", async () => {
    const timeline = await loggerPair();
    const [a] = timeline.lanes;
    assert.deepEqual([timeText(a!.span!.from), timeText(a!.span!.to), a!.entries], ["23:26:58", "23:27:18", 27]);
    assert.ok(a!.entryTimes.length > 0 && a!.entryTimes.length <= a!.entries);
    const wire = JSON.stringify(timeline);
    for (const text of ["Initializing Event Management System", "Setting the maximum number of DB-Lib", "LastUpdateKey for B Configuration"]) {
      assert.ok(seedReceive().includes(text) || seedSend().includes(text));
      assert.ok(!wire.includes(text), `${text} went over the wire`);
    }
  });

  it("moves a clock by the offset given by hand, marks and span alike", async () => {
    const auto = await loggerPair();
    const moved = await loggerPair({ "side:B": 23965 + 60 });
    assert.deepEqual([moved.groups[1]!.anchor, moved.groups[1]!.offsetSeconds], ["given", 24025]);
    const at = (t: MergedTimeline) => t.lanes[1]!.marks.find((m) => m.code === "temp-file-access-denied")!.time;
    assert.equal(at(moved) - at(auto), 60);
    assert.equal(moved.lanes[1]!.span!.from - auto.lanes[1]!.span!.from, 60);
    assert.deepEqual(moved.lanes[0]!.span, auto.lanes[0]!.span);
    // The reference clock moves too, and what follows it.
    const reference = await loggerPair({ "side:A": -10 });
    assert.deepEqual(reference.groups.map((g) => [g.anchor, g.offsetSeconds]), [["given", -10], ["transfer", 23955]]);
    // Offsets that are not numbers are left out, not merged.
    const ignored = await loggerPair({ "side:B": Number.NaN });
    assert.equal(ignored.groups[1]!.anchor, "transfer");
  });

  it("groups bundle members by host, places the late host by the calls both name, and marks a followed call's entries", async () => {
    const { router, cvp } = routerAndCvp(433);
    const documents = documentsOf({ [ROUTER]: router, [CVP]: cvp });
    // Where the router names CID=(150431,201): the first NewCall and the route's line.
    const named = router.split("\n").flatMap((text, line) => (text.includes("CID=(150431,201)") ? [{ uri: ROUTER, line, character: text.indexOf("CID=") }] : []));
    assert.ok(named.length >= 2);
    const timeline = await mergedTimeline({ uris: [ROUTER, CVP], callLocations: [...named, named[0]!, { uri: "file:///elsewhere.txt", line: 0, character: 0 }] }, documents, { language: "en", zoneMinutes: null });
    assert.deepEqual(timeline.groups.map((g) => [g.clock, g.anchor]), [["host:ROUTERA", "reference"], ["host:10.66.68.169", "call"]]);
    assert.ok(Math.abs(timeline.groups[1]!.offsetSeconds) > 1e8, "the CVP host's dated clock is placed on the router's");
    // Within a second of the router's after the shift: the late clock is undone.
    const [routerLane, cvpLane] = timeline.lanes;
    assert.ok(Math.abs(cvpLane!.span!.from - routerLane!.span!.from) < 2, `${timeText(cvpLane!.span!.from)} vs ${timeText(routerLane!.span!.from)}`);
    assert.equal(timeline.verdict, null);
    assert.equal(timeline.callMarks.length, named.length, "each entry once, other traces' positions left out");
    assert.ok(timeline.callMarks.every((m) => m.lane === 0 && m.text.includes("CID=(150431,201)")));
    assert.deepEqual(timeline.callMarks.map((m) => m.line), named.map((n) => n.line));
    const error = routerLane!.marks.find((m) => m.severity === "error")!;
    assert.equal(error.line, router.split("\n").findIndex((t) => t.includes("VRU script response had error")));
  });

  it("opens on a window around an entry", async () => {
    const timeline = await mergedTimeline({ uris: [RECEIVE, SEND], around: { uri: RECEIVE, line: 0, seconds: 900 } }, documentsOf({ [RECEIVE]: seedReceive(), [SEND]: seedSend() }), { language: "en", zoneMinutes: null });
    // The last entry on line 0 of the run-together receive trace is at 23:27:18.
    assert.deepEqual([timeText(timeline.window!.from), timeText(timeline.window!.to)], ["23:12:18", "23:42:18"]);
  });

  it("thins a lane's entry times to a bounded number of ticks, spread over its span", async () => {
    const times = Array.from({ length: 5000 }, (_, i) => 1000 + i * 0.5);
    const thinned = thinTimes(times, MAX_TICKS_PER_LANE);
    assert.ok(thinned.length <= MAX_TICKS_PER_LANE && thinned.length > MAX_TICKS_PER_LANE / 2);
    assert.equal(thinned[0], 1000);
    assert.ok(thinned[thinned.length - 1]! > 1000 + 2499 - 2499 / MAX_TICKS_PER_LANE - 1);
    assert.deepEqual(thinTimes([1, 2, 3], 10), [1, 2, 3]);
    assert.deepEqual(thinTimes([5, 5, 5, 5], 2), [5]);
  });
});

describe("the merged timeline's view", () => {
  it("covers every span, mark and call entry, padded, and zooms within it", async () => {
    const timeline = await loggerPair();
    const [from, to] = timelineExtent(timeline);
    assert.ok(from < timeline.lanes[0]!.span!.from && to > timeline.lanes[1]!.span!.to);
    assert.deepEqual(timelineExtent({ lanes: [], callMarks: [] }), [0, 1]);
    const zoomed = zoomWindow([from, to], 4, [from, to]);
    assert.ok(Math.abs(zoomed[1] - zoomed[0] - (to - from) / 4) < 1e-9);
    assert.ok(Math.abs((zoomed[0] + zoomed[1]) / 2 - (from + to) / 2) < 1e-9);
    // Out past the extent: the whole extent, no more.
    assert.deepEqual(zoomWindow(zoomed, 1 / 100, [from, to]), [from, to]);
    // About a point at the window's left edge: that edge stays.
    assert.equal(zoomWindow([100, 200], 2, [0, 1000], 100)[0], 100);
    // Never narrower than 50 ms.
    const narrow = zoomWindow([100, 100.1], 100, [0, 1000]);
    assert.ok(Math.abs(narrow[1] - narrow[0] - 0.05) < 1e-9);
  });

  it("writes and reads times: clock times near the window, dated times in UTC", async () => {
    assert.equal(timeText(84424), "23:27:04");
    assert.equal(timeText(38847.89), "10:47:27.890");
    assert.equal(timeText(1352832447.802), "2012-11-13 18:47:27.802");
    // A clock time is put on the day of the window it is typed near (a set may run past midnight).
    assert.equal(parseTimeText("23:27:04", 84400), 84424);
    assert.equal(parseTimeText("00:00:05", 86390), 86405);
    assert.equal(parseTimeText(" 10:47 ", 38000), 38820);
    assert.equal(parseTimeText("10:47:27.5", 38000), 38847.5);
    assert.equal(parseTimeText("2012-11-13 18:47:27.802", 1352832000), 1352832447.802);
    assert.equal(parseTimeText("18:47:27", 1352832000), 1352832447);
    for (const bad of ["", "soon", "25:00", "10:61", "10:47:27.1234"]) assert.equal(parseTimeText(bad, 0), null, bad);
    assert.equal(windowText([84418, 84438], "en"), "23:26:58 – 23:27:18 (20 s)");
    assert.equal(windowText([84418, 84418.25], "en"), "23:26:58 – 23:26:58.250 (250 ms)");
    assert.equal(windowText([1352832447, 1352832880], "ja"), "2012-11-13 18:47:27 – 18:54:40 UTC (7 分 13 秒)");
    assert.equal(tickText(84424.2, 0.2), "23:27:04.2");
    assert.equal(tickText(84424.05, 0.05), "23:27:04.05");
    assert.equal(tickText(84424, 5), "23:27:04");
  });

  it("labels clocks, files, offsets and lanes", async () => {
    assert.equal(clockLabel("host:ROUTERA", "en"), "Host ROUTERA");
    assert.equal(clockLabel("side:B", "ja"), "サイド B");
    assert.equal(clockLabel("file:/work/case/rtr_output.txt", "en"), "File rtr_output.txt");
    assert.equal(shortFileName("/work/case/bundle.zip!/ROUTERA/Router/rtr_output.txt"), "rtr_output.txt");
    assert.equal(shortFileName("C:\\cases\\lgr.txt"), "lgr.txt");
    assert.equal(anchorText({ anchor: "transfer", offsetSeconds: 23965 }, "en"), "automatic: +6 h 39 min 25 s, from the Logger pair's state transfer");
    assert.equal(offsetText(-433.0999999, "en"), "-7 min 13.1 s");
    assert.equal(offsetText(0, "en"), "+0 s");
    assert.equal(offsetText(-1352794033.918, "ja"), "-15657 日 8 時間 7 分 13.918 秒");
    assert.equal(offsetText(86400 + 3600, "en"), "+1 d 1 h");
    assert.equal(anchorText({ anchor: "reference", offsetSeconds: 0 }, "en"), "the reference clock");
    assert.equal(anchorText({ anchor: "given", offsetSeconds: 5 }, "ja"), "手動で設定");
    // By hand: what the merge found, when the view saw it.
    const automatic = rememberAutomatic({ "side:A": { offsetSeconds: 1, anchor: "reference" } }, (await loggerPair({ "side:A": 5 })).groups);
    assert.deepEqual(automatic, { "side:A": { offsetSeconds: 1, anchor: "reference" }, "side:B": { offsetSeconds: 23970, anchor: "transfer" } });
    assert.equal(anchorText({ anchor: "given", offsetSeconds: 23000 }, "en", automatic["side:B"]), "set by hand (automatic: +6 h 39 min 30 s, from the Logger pair's state transfer)");
    assert.equal(anchorText({ anchor: "given", offsetSeconds: 23000 }, "en"), "set by hand");
    // An anchor the merge names that the view has no words for is shown by its name.
    assert.equal(anchorText({ anchor: "ntp", offsetSeconds: -2 }, "en"), "automatic: -2 s, ntp");
    const [, b] = (await loggerPair()).lanes;
    assert.equal(laneSummary(b!, "en"), "9 entries · 2 errors");
    assert.equal(laneSummary({ entries: 1, span: { from: 0, to: 0 }, marks: [{ severity: "warning" }] as MergedTimelineMark[] }, "ja"), "1 エントリ · 警告 1 件");
    assert.equal(laneSummary({ entries: 0, span: null, marks: [] }, "en"), "no timed entries");
  });

  it("keeps hand offsets by clock and reads a saved state only when it is whole", async () => {
    assert.deepEqual(withOffset({}, "side:B", 60), { "side:B": 60 });
    assert.deepEqual(withOffset({ "side:B": 60, "side:A": 1 }, "side:B", null), { "side:A": 1 });
    const state = { uris: [RECEIVE], offsets: { "side:B": 60 }, window: [1, 2], collapsed: ["side:A"], callLocations: [{ uri: RECEIVE, line: 0, character: 5 }] };
    assert.ok(isMergedTimelineState(state));
    assert.ok(isMergedTimelineState({ ...state, window: null }));
    assert.ok(isMergedTimelineState({ ...state, automatic: { "side:B": { offsetSeconds: 23965, anchor: "transfer" } } }));
    for (const broken of [null, {}, { ...state, uris: [] }, { ...state, offsets: { "side:B": "60" } }, { ...state, window: [2, 1] }, { ...state, collapsed: [1] }, { ...state, callLocations: [{ uri: RECEIVE }] }, { ...state, automatic: { "side:B": { offsetSeconds: "x" } } }]) {
      assert.ok(!isMergedTimelineState(broken), JSON.stringify(broken));
    }
  });

  it("finds the merged view's lines that hold a call's positions", async () => {
    const a = "file:///a.txt";
    const b = "file:///b.txt";
    // The view's lines in time order; a's entries run together on line 0.
    const lines = [
      { uri: a, line: 0, column: 0 },
      { uri: b, line: 3, column: 0 },
      { uri: a, line: 0, column: 40 },
      { uri: b, line: 4, column: 0 },
    ];
    assert.deepEqual(mergedViewLinesHolding(lines, [{ uri: a, line: 0, character: 45 }, { uri: b, line: 3, character: 10 }]), [1, 2]);
    assert.deepEqual(mergedViewLinesHolding(lines, [{ uri: a, line: 0, character: 39 }]), [0]);
    // Before the view's first entry of its trace, or past its last one on another line (outside a window): none.
    assert.deepEqual(mergedViewLinesHolding(lines, [{ uri: b, line: 1, character: 0 }, { uri: b, line: 9, character: 0 }, { uri: "file:///c.txt", line: 0, character: 0 }]), []);
    assert.deepEqual(mergedViewLinesHolding(lines, [{ uri: b, line: 4, character: 99 }]), [3]);
  });
});

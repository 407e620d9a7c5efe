// What the merged timeline webview shows, computed without the DOM: the time axis's extent and the
// window on it, times as text and back, the labels of clocks, offsets and marks, and the words in
// English and Japanese. The webview bundles this file: it imports the wire types and the clock's
// formatting only.

import { formatClock, SECONDS_PER_DAY } from "../engine/clock";
import type { MergedTimeline, MergedTimelineCallMark, MergedTimelineGroup, MergedTimelineLane, MergedTimelineMark, TracePosition } from "../shared/protocol";
import type { Language } from "../shared/text";
import { fill, TIMELINE_WORDS } from "./compareTimeline";

/** A stretch of corrected time, in seconds: `[from, to]`. */
export type TimeWindow = readonly [number, number];

/** Times above this are seconds since the epoch (a dated set); below, seconds since a midnight. */
const EPOCH_TIMES = 1e8;
/** The narrowest window the view zooms to. */
export const MIN_WINDOW_SECONDS = 0.05;

/** What the webview keeps with `setState`, and the panel gets back after a reload. */
export interface MergedTimelineState {
  readonly uris: readonly string[];
  /** Offsets set by hand, by clock. */
  readonly offsets: Readonly<Record<string, number>>;
  /** The window shown; null: the whole set. */
  readonly window: TimeWindow | null;
  /** Clocks whose lanes are folded away. */
  readonly collapsed: readonly string[];
  /** The followed call's identifiers, when one is marked. */
  readonly callLocations: readonly TracePosition[];
  /** Each clock's offset as the merge last found it, shown beside an offset set by hand. */
  readonly automatic?: Readonly<Record<string, AutomaticOffset>>;
}

export interface AutomaticOffset {
  readonly offsetSeconds: number;
  readonly anchor: string;
}

/** `automatic` with the offsets this merge found (the clocks whose offset was not set by hand). */
export function rememberAutomatic(automatic: Readonly<Record<string, AutomaticOffset>> | undefined, groups: readonly Pick<MergedTimelineGroup, "clock" | "offsetSeconds" | "anchor">[]): Record<string, AutomaticOffset> {
  const next = { ...automatic };
  for (const g of groups) if (g.anchor !== "given") next[g.clock] = { offsetSeconds: g.offsetSeconds, anchor: g.anchor };
  return next;
}

export function isMergedTimelineState(value: unknown): value is MergedTimelineState {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<Record<keyof MergedTimelineState, unknown>>;
  return (
    Array.isArray(s.uris) &&
    s.uris.length > 0 &&
    s.uris.every((u) => typeof u === "string" && u !== "") &&
    isOffsets(s.offsets) &&
    (s.window === null || isWindow(s.window)) &&
    Array.isArray(s.collapsed) &&
    s.collapsed.every((c) => typeof c === "string") &&
    Array.isArray(s.callLocations) &&
    s.callLocations.every(isTracePosition) &&
    (s.automatic === undefined ||
      (typeof s.automatic === "object" &&
        s.automatic !== null &&
        Object.values(s.automatic).every((a: Partial<AutomaticOffset> | null) => typeof a?.offsetSeconds === "number" && Number.isFinite(a.offsetSeconds) && typeof a.anchor === "string")))
  );
}

export function isOffsets(value: unknown): value is Readonly<Record<string, number>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "number" && Number.isFinite(v));
}

export function isWindow(value: unknown): value is TimeWindow {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number" && Number.isFinite(v)) && value[0] < value[1];
}

function isTracePosition(value: unknown): value is TracePosition {
  const p = value as Partial<TracePosition> | null;
  return typeof p === "object" && p !== null && typeof p.uri === "string" && Number.isInteger(p.line) && Number.isInteger(p.character);
}

/** The hand offsets with `clock` set to `seconds`, or back to automatic when `seconds` is null. */
export function withOffset(offsets: Readonly<Record<string, number>>, clock: string, seconds: number | null): Record<string, number> {
  const next = { ...offsets };
  if (seconds === null) delete next[clock];
  else next[clock] = seconds;
  return next;
}

/** The corrected times the axis covers: every lane's span, mark and the call's entries, padded; never empty. */
export function timelineExtent(timeline: Pick<MergedTimeline, "lanes" | "callMarks">): TimeWindow {
  let min = Infinity;
  let max = -Infinity;
  const take = (t: number) => {
    if (t < min) min = t;
    if (t > max) max = t;
  };
  for (const lane of timeline.lanes) {
    if (lane.span !== null) {
      take(lane.span.from);
      take(lane.span.to);
    }
    for (const mark of lane.marks) take(mark.time);
  }
  for (const mark of timeline.callMarks) take(mark.time);
  if (!Number.isFinite(min)) return [0, 1];
  // Marks at the ends are not cut in half, and a single instant still has a width.
  const pad = Math.max(0.5, (max - min) * 0.03);
  return [min - pad, max + pad];
}

/** The smallest window that holds both. */
export function unionWindow(a: TimeWindow, b: TimeWindow): TimeWindow {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * `window` zoomed by `factor` (above 1 zooms in) about `center` (its middle by default), kept
 * within `extent` and no narrower than MIN_WINDOW_SECONDS.
 */
export function zoomWindow(window: TimeWindow, factor: number, extent: TimeWindow, center = (window[0] + window[1]) / 2): TimeWindow {
  const full = extent[1] - extent[0];
  const width = Math.min(full, Math.max(MIN_WINDOW_SECONDS, (window[1] - window[0]) / factor));
  const ratio = (center - window[0]) / (window[1] - window[0]);
  let from = center - width * (Number.isFinite(ratio) ? ratio : 0.5);
  from = Math.min(Math.max(from, extent[0]), extent[1] - width);
  return [from, from + width];
}

/** Whether a time is seconds since the epoch (a set with dates and zones) rather than a clock time. */
export function isEpochTime(time: number): boolean {
  return time > EPOCH_TIMES;
}

/** `HH:MM:SS` with `.mmm` when the time has a fraction; a date-time is shown as its UTC time of day. */
export function clockOf(time: number): string {
  const rounded = Math.round(time * 1000) / 1000;
  const whole = Math.floor(rounded);
  const ms = Math.round((rounded - whole) * 1000);
  return ms === 0 ? formatClock(whole) : `${formatClock(whole)}.${String(ms).padStart(3, "0")}`;
}

/** A time as the window's inputs show it: `HH:MM:SS[.mmm]`, or `YYYY-MM-DD HH:MM:SS[.mmm]` (UTC) when dated. */
export function timeText(time: number): string {
  if (!isEpochTime(time)) return clockOf(time);
  const date = new Date(Math.floor(Math.round(time * 1000) / 1000) * 1000).toISOString().slice(0, 10);
  return `${date} ${clockOf(time)}`;
}

/**
 * Reads a time typed into the window's inputs: `HH:MM[:SS[.mmm]]`, placed on the day of `near`
 * closest to it (a set's clock times may run past midnight), or `YYYY-MM-DD[ T]HH:MM[:SS[.mmm]][Z]`
 * (UTC) in a dated set. Null for anything else.
 */
export function parseTimeText(text: string, near: number): number | null {
  const trimmed = text.trim();
  const dated = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z?$/.exec(trimmed);
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(dated?.[2] ?? trimmed);
  if (clock === null) return null;
  const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? "0")];
  if (h > 23 || m > 59 || s > 59) return null;
  const ofDay = h * 3600 + m * 60 + s + Number(`0.${clock[4] ?? "0"}`);
  if (dated !== null && isEpochTime(near)) {
    const day = Date.parse(`${dated[1]}T00:00:00Z`);
    return Number.isNaN(day) ? null : day / 1000 + ofDay;
  }
  const midnight = Math.floor(near / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  const candidates = [-1, 0, 1].map((d) => midnight + d * SECONDS_PER_DAY + ofDay);
  return candidates.reduce((best, t) => (Math.abs(t - near) < Math.abs(best - near) ? t : best));
}

/** A short duration: `250 ms`, `12.5 s`, `7 min 13 s`, `2 h 5 min`. */
export function durationText(seconds: number, language: Language): string {
  const unit = language === "ja" ? { ms: " ミリ秒", s: " 秒", min: " 分", h: " 時間" } : { ms: " ms", s: " s", min: " min", h: " h" };
  const abs = Math.abs(seconds);
  if (abs < 1) return `${Math.round(abs * 1000)}${unit.ms}`;
  if (abs < 60) return `${Number(abs.toFixed(abs < 10 ? 2 : 1))}${unit.s}`;
  const total = Math.round(abs);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}${unit.h}${m === 0 ? "" : ` ${m}${unit.min}`}`;
  return `${m}${unit.min}${s === 0 ? "" : ` ${s}${unit.s}`}`;
}

/** `10:47:20 – 10:48:05 (45 s)`; a dated window names its day and UTC. */
export function windowText(window: TimeWindow, language: Language): string {
  const [from, to] = window;
  const sameDay = Math.floor(from / SECONDS_PER_DAY) === Math.floor(to / SECONDS_PER_DAY);
  const end = isEpochTime(to) && !sameDay ? timeText(to) : clockOf(to);
  const zone = isEpochTime(from) ? " UTC" : "";
  return `${timeText(from)} – ${end}${zone} (${durationText(to - from, language)})`;
}

/** An axis tick: `HH:MM:SS`, with as many decimals as the ticks' step needs. */
export function tickText(time: number, step: number): string {
  if (step >= 1) return formatClock(Math.round(time));
  const decimals = Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
  const rounded = Number(time.toFixed(decimals));
  const whole = Math.floor(rounded);
  return `${formatClock(whole)}${(rounded - whole).toFixed(decimals).slice(1)}`;
}

/** A clock as people read it: `Host ROUTERA`, `Side B`, `File rtr_output.txt`. */
export function clockLabel(clock: string, language: Language): string {
  const w = MERGED_TIMELINE_WORDS[language];
  const at = clock.indexOf(":");
  const kind = clock.slice(0, at);
  const name = clock.slice(at + 1);
  if (kind === "host") return `${w.host} ${name}`;
  if (kind === "side") return `${w.side} ${name}`;
  return `${w.file} ${shortFileName(name)}`;
}

/** A trace's own file name, without its folders or its archive (the tooltip holds the whole name). */
export function shortFileName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

/** `+7 min 13 s`, `-8 h 7 min 13.918 s`, `+1 d 2 h`: an offset to the millisecond, as people say it. */
export function offsetText(seconds: number, language: Language): string {
  const unit = language === "ja" ? { d: " 日", h: " 時間", min: " 分", s: " 秒" } : { d: " d", h: " h", min: " min", s: " s" };
  let rest = Math.round(Math.abs(seconds) * 1000) / 1000;
  const days = Math.floor(rest / SECONDS_PER_DAY);
  rest -= days * SECONDS_PER_DAY;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest = Math.round((rest - minutes * 60) * 1000) / 1000;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}${unit.d}`);
  if (hours > 0) parts.push(`${hours}${unit.h}`);
  if (minutes > 0) parts.push(`${minutes}${unit.min}`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest}${unit.s}`);
  return `${seconds < 0 ? "-" : "+"}${parts.join(" ")}`;
}

/**
 * Why a clock has its offset: `automatic: +7 min 13 s, from calls both clocks name`; for an offset
 * set by hand, what the merge found when it is known: `set by hand (automatic: +7 min 13 s, …)`.
 */
export function anchorText(group: Pick<MergedTimelineGroup, "anchor" | "offsetSeconds">, language: Language, automatic?: AutomaticOffset): string {
  const w = MERGED_TIMELINE_WORDS[language];
  const anchors: Readonly<Record<string, string>> = w.anchor;
  const found = (a: AutomaticOffset) => (a.anchor === "reference" ? fill(w.automatic, offsetText(a.offsetSeconds, language), w.anchor.reference) : fill(w.automatic, offsetText(a.offsetSeconds, language), anchors[a.anchor] ?? a.anchor));
  if (group.anchor === "reference") return w.anchor.reference;
  if (group.anchor === "given") return automatic === undefined ? w.anchor.given : fill(w.givenInstead, found(automatic));
  return found(group);
}

/** `2 errors · 1 warning`: the findings among `marks`, by severity; "" when none. */
export function findingCounts(marks: readonly Pick<MergedTimelineMark, "severity">[], language: Language): string {
  const w = MERGED_TIMELINE_WORDS[language];
  const parts: string[] = [];
  for (const severity of ["error", "warning", "information"] as const) {
    const count = marks.filter((m) => m.severity === severity).length;
    if (count > 0) parts.push(fill(count === 1 ? w.one[severity] : w.many[severity], count));
  }
  return parts.join(" · ");
}

/** `16 entries · 1 error · 1 warning`. */
export function laneSummary(lane: Pick<MergedTimelineLane, "entries" | "marks" | "span">, language: Language): string {
  const w = MERGED_TIMELINE_WORDS[language];
  const entries = lane.span === null ? w.noTimes : fill(lane.entries === 1 ? w.entry : w.entries, lane.entries);
  return [entries, findingCounts(lane.marks, language)].filter((t) => t !== "").join(" · ");
}

/** What a screen reader says for a mark, and what its tooltip holds: lane, time, severity, code, message. */
export function markLabel(mark: MergedTimelineMark, lane: Pick<MergedTimelineLane, "name">, language: Language): string {
  return `${lane.name}, ${timeText(mark.time)}, ${TIMELINE_WORDS[language].severity[mark.severity]} ${mark.code}: ${mark.message}`;
}

export function callMarkLabel(mark: MergedTimelineCallMark, lane: Pick<MergedTimelineLane, "name">, language: Language): string {
  return `${MERGED_TIMELINE_WORDS[language].callEntry}: ${lane.name}, ${timeText(mark.time)}: ${mark.text}`;
}

/** The buttons beside an offset: seconds each moves the clock by. */
export const OFFSET_NUDGES = [-60, -1, 1, 60] as const;

export const MERGED_TIMELINE_WORDS = {
  en: {
    title: "Merged timeline",
    traces: "{0} traces on one clock",
    window: "Window",
    from: "From",
    to: "To",
    show: "Show",
    windowHelp: "Type times as HH:MM:SS (a dated set: YYYY-MM-DD HH:MM:SS, UTC). Ctrl+scroll or pinch on the lanes to zoom, drag to pan.",
    badTime: "Type a time such as 10:47:20",
    host: "Host",
    side: "Side",
    file: "File",
    offset: "Offset",
    offsetHelp: "Seconds added to this clock's times to put them on the reference clock. Changing it moves every lane of this clock.",
    seconds: "s",
    nudge: { "-60": "1 minute earlier", "-1": "1 second earlier", "1": "1 second later", "60": "1 minute later" } as Record<string, string>,
    automatic: "automatic: {0}, {1}",
    automaticButton: "Automatic",
    givenInstead: "set by hand ({0})",
    automaticHelp: "Back to the offset found from the traces",
    anchor: {
      reference: "the reference clock",
      call: "from calls both clocks name",
      transfer: "from the Logger pair's state transfer",
      "peer-sync": "from the pair's peer synchronizers connecting",
      given: "set by hand",
      none: "nothing links it to the reference clock",
    },
    lanes: "{0} lanes",
    lane: "1 lane",
    hideLanes: "Hide the lanes of {0}",
    showLanes: "Show the lanes of {0}",
    entries: "{0} entries",
    entry: "1 entry",
    one: { error: "1 error", warning: "1 warning", information: "1 information" },
    many: { error: "{0} errors", warning: "{0} warnings", information: "{0} information" },
    noTimes: "no timed entries",
    omitted: "{0} findings of this trace are not drawn (too many).",
    legendEntries: "entries",
    legendSpan: "first to last entry",
    legendCall: "an entry of the followed call",
    evidenceCount: "Evidence ({0})",
    earlier: "◀ {0} earlier",
    later: "{0} later ▶",
    call: "The followed call: {0} entries in {1} lanes.",
    callEntry: "Entry of the followed call",
    zoomToCall: "Zoom to the Call",
    clearCall: "Clear",
    openCompare: "Open Transfer Timeline",
    pair: "Logger pair: {0} ⇄ {1}",
    axis: "Corrected time, on the clock of {0}",
    merging: "Merging…",
  },
  ja: {
    title: "統合タイムライン",
    traces: "{0} 個のトレースを 1 つの時計で表示",
    window: "表示範囲",
    from: "開始",
    to: "終了",
    show: "表示",
    windowHelp: "時刻は HH:MM:SS で入力します（日付のあるセットでは YYYY-MM-DD HH:MM:SS、UTC）。レーン上で Ctrl+スクロールまたはピンチで拡大縮小、ドラッグで移動します。",
    badTime: "10:47:20 のように時刻を入力してください",
    host: "ホスト",
    side: "サイド",
    file: "ファイル",
    offset: "ずれ",
    offsetHelp: "この時計の時刻に加えて基準の時計にそろえる秒数。変更するとこの時計のすべてのレーンが移動します。",
    seconds: "秒",
    nudge: { "-60": "1 分前へ", "-1": "1 秒前へ", "1": "1 秒後へ", "60": "1 分後へ" } as Record<string, string>,
    automatic: "自動: {0}（{1}）",
    automaticButton: "自動",
    givenInstead: "手動で設定（{0}）",
    automaticHelp: "トレースから求めたずれに戻します",
    anchor: {
      reference: "基準の時計",
      call: "両方の時計に現れるコールから",
      transfer: "Logger ペアの状態転送から",
      "peer-sync": "ペアのピア シンクロナイザーの接続から",
      given: "手動で設定",
      none: "基準の時計と結び付くものがありません",
    },
    lanes: "{0} レーン",
    lane: "1 レーン",
    hideLanes: "{0} のレーンを隠す",
    showLanes: "{0} のレーンを表示",
    entries: "{0} エントリ",
    entry: "1 エントリ",
    one: { error: "エラー 1 件", warning: "警告 1 件", information: "情報 1 件" },
    many: { error: "エラー {0} 件", warning: "警告 {0} 件", information: "情報 {0} 件" },
    noTimes: "時刻のあるエントリなし",
    omitted: "このトレースの検出 {0} 件は描画していません（多すぎるため）。",
    legendEntries: "エントリ",
    legendSpan: "最初から最後のエントリまで",
    legendCall: "追跡中のコールのエントリ",
    evidenceCount: "根拠（{0} 件）",
    earlier: "◀ {0} 前",
    later: "{0} 後 ▶",
    call: "追跡中のコール: {1} レーンの {0} エントリ。",
    callEntry: "追跡中のコールのエントリ",
    zoomToCall: "コールに拡大",
    clearCall: "解除",
    openCompare: "転送タイムラインを開く",
    pair: "Logger ペア: {0} ⇄ {1}",
    axis: "補正した時刻（{0} の時計）",
    merging: "統合しています…",
  },
} as const;

export type MergedTimelineWords = (typeof MERGED_TIMELINE_WORDS)[Language];

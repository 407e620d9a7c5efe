// What the transfer timeline webview shows, computed without the DOM: which lane is on top, how
// the other lane's clock is moved, the aligned rows of the text alternative, how marks that fall
// on the same pixel are stacked, and the words in English and Japanese.
//
// The webview bundles this file, so it imports the compare model's types only: compare.ts itself
// pulls in the catalogue, which has no business in a browser bundle.

import type { Language } from "../shared/text";
import { formatClock, formatDuration } from "../engine/clock";
import { sideLabelOf, sidesShareName, type CompareEvent, type CompareModel, type ComparePhase, type CompareSide, type EvidenceLine } from "../shared/compareModel";

/** What the view keeps between loads (with `vscode.setState`) besides the model. */
export interface TimelineViewState {
  /** Seconds added to sides[1]'s times, as in `CompareModel.offsetSeconds`. */
  readonly offsetSeconds: number;
  /** When true, sides[1] is the top lane and the axis shows its clock. */
  readonly swapped: boolean;
  /** Show every entry in the list, not only key events and failures. */
  readonly showAllRows: boolean;
}

export function initialViewState(model: CompareModel): TimelineViewState {
  return { offsetSeconds: model.offsetSeconds, swapped: false, showAllRows: false };
}

/** Side indexes from the top lane down. */
export function laneOrder(swapped: boolean): readonly [number, number] {
  return swapped ? [1, 0] : [0, 1];
}

/**
 * Seconds added to a side's own times to put them on the top lane's clock. The top lane keeps
 * its clock; the other one moves by the offset (negated when the lanes are swapped).
 */
export function laneShift(sideIndex: number, offsetSeconds: number, swapped: boolean): number {
  if (!swapped) return sideIndex === 1 ? offsetSeconds : 0;
  return sideIndex === 0 ? -offsetSeconds : 0;
}

/** The offset as the view's control shows it: seconds added to the lower lane's clock. */
export function displayedOffset(offsetSeconds: number, swapped: boolean): number {
  return normalizeZero(swapped ? -offsetSeconds : offsetSeconds);
}

/** The model's offset for what the control shows. */
export function offsetFromDisplayed(displayed: number, swapped: boolean): number {
  return normalizeZero(swapped ? -displayed : displayed);
}

function normalizeZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** `+6 h 39 min (+23965 s)`. */
export function formatOffset(seconds: number, language: Language): string {
  const sign = seconds < 0 ? "-" : "+";
  return `${sign}${formatDuration(Math.abs(seconds), language)} (${sign}${Math.abs(seconds)}${language === "ja" ? " 秒" : " s"})`;
}

/** `+6 h 39 min`: the offset as people say it. */
export function formatOffsetShort(seconds: number, language: Language): string {
  return `${seconds < 0 ? "-" : "+"}${formatDuration(Math.abs(seconds), language)}`;
}

/** `HH:MM:SS` of a time on any side's clock (clock-only or epoch seconds). */
export function clockText(time: number): string {
  return formatClock(time);
}

/** A lane is labelled as its side is everywhere: `Side A · receiving`, with its file's name when both sides carry one name. */
export { sideLabelOf as laneLabel } from "../shared/compareModel";

/** `Side A`, or the full label when the side is unknown or both sides carry one name. */
export function sideName(model: CompareModel, index: number, language: Language): string {
  const side = model.sides[index]!;
  return side.side === null || sidesShareName(model) ? sideLabelOf(model, index, language) : `${TIMELINE_WORDS[language].side} ${side.side}`;
}

/** The short name of a side in titles: `A`, `B`, or the file's base name when unknown. */
export function shortSideName(side: CompareSide): string {
  return side.side ?? side.file.replace(/^.*[\\/]/, "");
}

export interface TimelineRow {
  readonly sideIndex: number;
  /** On the top lane's clock. */
  readonly alignedTime: number;
  readonly event: CompareEvent;
}

/**
 * The instant the offset was chosen to line up (the receiver's RECEIVE, which the sender's
 * PrepareToSendState meets), on the receiving side's own clock; null without a transfer anchor.
 */
export function anchorOf(model: CompareModel): { readonly sideIndex: number; readonly time: number } | null {
  if (model.offsetAnchor !== "transfer") return null;
  const sideIndex = model.sides.findIndex((side) => side.role === "receive");
  const side = model.sides[sideIndex];
  if (side === undefined) return null;
  const receive = [...side.phases].reverse().find((phase) => phase.kind === "receive");
  return receive === undefined ? null : { sideIndex, time: receive.start };
}

/** A failure seen only in both traces together (e.g. configuration checksums that differ). */
export interface PairIssueView {
  readonly id: string;
  readonly severity: "error" | "warning" | "information" | "hint";
  readonly message: { readonly en: string; readonly ja: string };
  readonly evidence: readonly EvidenceLine[];
}

/**
 * The model's pair issues, when the server sends them: read defensively, since older servers do
 * not, and a webview must not break on a field it cannot find.
 */
export function pairIssuesOf(model: CompareModel): readonly PairIssueView[] {
  const issues = (model as { readonly pairIssues?: unknown }).pairIssues;
  return Array.isArray(issues) ? (issues as PairIssueView[]).filter((i) => typeof i?.id === "string" && Array.isArray(i.evidence)) : [];
}

/** Whether an event is worth a row and a tab stop: a key event of the transfer or a finding. */
export function isNotable(event: CompareEvent): boolean {
  return event.kind !== "entry" || event.severity !== null;
}

/** Both sides' events in aligned time order (only notable ones unless `all`). */
export function timelineRows(model: CompareModel, view: Pick<TimelineViewState, "offsetSeconds" | "swapped">, all = false): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const order = laneOrder(view.swapped);
  model.sides.forEach((side, sideIndex) => {
    const shift = laneShift(sideIndex, view.offsetSeconds, view.swapped);
    for (const event of side.events) {
      if (all || isNotable(event)) rows.push({ sideIndex, alignedTime: event.time + shift, event });
    }
  });
  const lane = (sideIndex: number) => order.indexOf(sideIndex);
  return rows.sort((p, q) => p.alignedTime - q.alignedTime || lane(p.sideIndex) - lane(q.sideIndex) || p.event.entryIndex - q.event.entryIndex);
}

/** The aligned times the axis must cover: every event and phase of both sides, never empty. */
export function timeExtent(model: CompareModel, view: Pick<TimelineViewState, "offsetSeconds" | "swapped">): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  model.sides.forEach((side, sideIndex) => {
    const shift = laneShift(sideIndex, view.offsetSeconds, view.swapped);
    const times = [...side.events.map((e) => e.time), ...side.phases.flatMap((p) => [p.start, p.end])];
    for (const t of times) {
      min = Math.min(min, t + shift);
      max = Math.max(max, t + shift);
    }
  });
  if (!Number.isFinite(min)) return [0, 1];
  // Pad so that marks at the ends are not cut in half, and a single instant still has a width.
  const pad = Math.max(1, (max - min) * 0.04);
  return [min - pad, max + pad];
}

export interface MarkInput {
  readonly x: number;
  /** Higher goes first: evidence and findings, then key events, then ordinary entries. */
  readonly priority: number;
}

export interface MarkPlace {
  readonly row: number;
  /** Where the mark is drawn: its time's x, or moved sideways when its column was full. */
  readonly x: number;
  /** No room within reach: drawn at its time's x over others, faded, and not clickable. */
  readonly crowded: boolean;
}

/**
 * Places marks so that none hides another: each takes the lowest of `maxRows` rows with no mark
 * within `gap` of its x. When the column is full, a mark moves sideways by whole gaps, up to
 * `reach(priority)` of them, so that marks of the same second fan out instead of piling up.
 * Marks are placed by priority first, so findings and key events are never the crowded ones.
 */
export function placeMarks(items: readonly MarkInput[], gap: number, maxRows: number, reach: (priority: number) => number): MarkPlace[] {
  const rows: number[][] = Array.from({ length: maxRows }, () => []);
  const isFree = (row: number, x: number): boolean => {
    const xs = rows[row]!;
    const i = lowerBound(xs, x);
    return (i >= xs.length || xs[i]! - x >= gap) && (i === 0 || x - xs[i - 1]! >= gap);
  };
  const take = (row: number, x: number) => {
    const xs = rows[row]!;
    xs.splice(lowerBound(xs, x), 0, x);
  };
  const order = items.map((_, i) => i).sort((p, q) => items[q]!.priority - items[p]!.priority || items[p]!.x - items[q]!.x || p - q);
  const places: MarkPlace[] = new Array<MarkPlace>(items.length);
  for (const i of order) {
    const { x, priority } = items[i]!;
    const steps = Math.max(0, Math.floor(reach(priority)));
    let placed: MarkPlace | undefined;
    for (let k = 0; k <= steps && placed === undefined; k++) {
      for (const dx of k === 0 ? [0] : [k * gap, -k * gap]) {
        const row = firstFreeRow(maxRows, (r) => isFree(r, x + dx));
        if (row !== -1) {
          placed = { row, x: x + dx, crowded: false };
          break;
        }
      }
    }
    if (placed === undefined) placed = { row: maxRows - 1, x, crowded: true };
    else take(placed.row, placed.x);
    places[i] = placed;
  }
  return places;
}

function firstFreeRow(maxRows: number, free: (row: number) => boolean): number {
  for (let row = 0; row < maxRows; row++) if (free(row)) return row;
  return -1;
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A phase span's label: `receive · open`, `send · failed`. */
export function phaseLabel(phase: ComparePhase, language: Language): string {
  const w = TIMELINE_WORDS[language];
  const kind = w.phase[phase.kind];
  return phase.outcome === null ? kind : `${kind} · ${w.outcome[phase.outcome] ?? phase.outcome}`;
}

export function severityLabel(severity: CompareEvent["severity"], language: Language): string {
  const w = TIMELINE_WORDS[language];
  return severity === null ? w.noFinding : w.severity[severity];
}

/** The event kind in words, or "" for an ordinary entry. */
export function kindLabel(kind: CompareEvent["kind"], language: Language): string {
  return kind === "entry" ? "" : (TIMELINE_WORDS[language].kind[kind] ?? kind);
}

/**
 * What a screen reader says for a mark or a row: side, own clock, aligned clock, severity, kind
 * and the entry's text. Plain text: the caller puts it in an attribute or a text node.
 */
export function eventAccessibleLabel(model: CompareModel, row: TimelineRow, language: Language): string {
  const w = TIMELINE_WORDS[language];
  const kind = kindLabel(row.event.kind, language);
  const parts = [
    sideLabelOf(model, row.sideIndex, language),
    `${row.event.clock} (${w.alignedAt} ${clockText(row.alignedTime)})`,
    severityLabel(row.event.severity, language),
  ];
  if (kind !== "") parts.push(kind);
  parts.push(row.event.text);
  return parts.join(", ");
}

export interface PhaseWords {
  readonly startup: string;
  readonly sync: string;
  readonly send: string;
  readonly receive: string;
}

export const TIMELINE_WORDS = {
  en: {
    title: "Transfer timeline",
    side: "Side",
    offset: "Clock offset of the lower lane",
    offsetHelp: "Seconds added to the lower lane's clock to line it up with the upper one. Changing it moves the lower lane.",
    offsetSeconds: "seconds",
    offsetMinus: "Move the lower lane 1 second earlier (Shift: 1 minute)",
    offsetPlus: "Move the lower lane 1 second later (Shift: 1 minute)",
    offsetReset: "Reset offset",
    offsetResetHelp: "Back to the offset that lines up the sender's prepare with the receiver's RECEIVE",
    swap: "Swap Sides",
    swapHelp: "Put the other side on top; its clock becomes the axis",
    copy: "Copy Diagnosis as Markdown",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    zoomReset: "Fit",
    zoomHelp: "Scroll or pinch to zoom, drag to pan. Keys on the chart: + and - zoom, arrows move between marks, Enter opens the entry.",
    verdict: "Verdict",
    evidence: "Evidence",
    fixes: "Fixes",
    fixesCount: "Fixes ({0})",
    pairIssues: "Also found in both traces together",
    chart: "Timeline of both sides",
    lane: "Lane",
    axis: "Time axis: {0}'s clock",
    list: "Aligned events",
    listHelp: "The events of both sides in time order. Enter on a row opens the entry in its trace.",
    showAll: "Show every entry",
    aligned: "Aligned time",
    local: "Own clock",
    severityHeader: "Severity",
    kindHeader: "Event",
    entry: "Entry",
    alignedAt: "aligned",
    noFinding: "no finding",
    waiting: "waiting for MDS messages",
    omitted: "{0} ordinary entries are not drawn (too many).",
    loading: "Comparing the two traces…",
    anchor: {
      transfer: "The offset lines up the sender's PrepareToSendState with the receiver's RECEIVE.",
      "first-entries": "The offset lines up the first entries (no transfer seen on both sides).",
      none: "The traces are dated: no offset was needed.",
    },
    ownClock: "own clock",
    anchorLine: "Where the offset lines the sender's PrepareToSendState up with the receiver's RECEIVE",
    legend: "Legend",
    keyEvent: "key event",
    ordinaryEntry: "other entry",
    evidenceMark: "evidence",
    copied: "Copied.",
    open: "Open in the editor",
    severity: { error: "error", warning: "warning", information: "information", hint: "hint" },
    phase: { startup: "start-up", sync: "sync", send: "send", receive: "receive" } satisfies PhaseWords,
    outcome: { open: "open", complete: "complete", failed: "failed", assert: "assertion failed" } as Record<string, string>,
    kind: {
      startup: "start-up",
      sync: "synchronisation",
      "mds-in-service": "MDS in service",
      "send-prepare": "prepare to send state",
      "send-sync": "synchronising configuration",
      "send-temp-file-failed": "temporary file failed",
      "send-setup-failed": "send setup failed",
      "send-cleanup": "prepared state cleaned up",
      "send-complete": "send complete",
      "receive-initiate": "RECEIVE started",
      "receive-wait": "waiting for MDS messages",
      "receive-complete": "receive complete",
      assert: "assertion failed",
      restart: "restart",
    } as Record<string, string>,
  },
  ja: {
    title: "転送タイムライン",
    side: "サイド",
    offset: "下のレーンの時計のずれ",
    offsetHelp: "下のレーンの時計に加えて上のレーンにそろえる秒数。変更すると下のレーンが移動します。",
    offsetSeconds: "秒",
    offsetMinus: "下のレーンを 1 秒前へ（Shift: 1 分）",
    offsetPlus: "下のレーンを 1 秒後へ（Shift: 1 分）",
    offsetReset: "ずれを戻す",
    offsetResetHelp: "送信側の準備と受信側の RECEIVE をそろえるずれに戻します",
    swap: "サイドを入れ替え",
    swapHelp: "もう一方のサイドを上にし、その時計を時間軸にします",
    copy: "診断を Markdown でコピー",
    zoomIn: "拡大",
    zoomOut: "縮小",
    zoomReset: "全体表示",
    zoomHelp: "スクロールまたはピンチで拡大縮小、ドラッグで移動。チャート上のキー: + と - で拡大縮小、矢印キーでマーク間を移動、Enter でエントリを開きます。",
    verdict: "判定",
    evidence: "根拠",
    fixes: "対処",
    fixesCount: "対処（{0} 件）",
    pairIssues: "両方のトレースを合わせて見つかった問題",
    chart: "両サイドのタイムライン",
    lane: "レーン",
    axis: "時間軸: {0} の時計",
    list: "整列したイベント",
    listHelp: "両サイドのイベントを時刻順に並べています。行で Enter を押すとトレースのエントリを開きます。",
    showAll: "すべてのエントリを表示",
    aligned: "整列時刻",
    local: "各サイドの時計",
    severityHeader: "重大度",
    kindHeader: "イベント",
    entry: "エントリ",
    alignedAt: "整列",
    noFinding: "検出なし",
    waiting: "MDS メッセージ待ち",
    omitted: "通常のエントリ {0} 件は描画していません（多すぎるため）。",
    loading: "2 つのトレースを比較しています…",
    anchor: {
      transfer: "送信側の PrepareToSendState と受信側の RECEIVE がそろうようにずれを決めています。",
      "first-entries": "先頭のエントリがそろうようにずれを決めています（両サイドの転送が見つかりません）。",
      none: "トレースに日付があるため、ずれは不要です。",
    },
    ownClock: "各サイドの時計",
    anchorLine: "送信側の PrepareToSendState と受信側の RECEIVE をそろえた位置",
    legend: "凡例",
    keyEvent: "主要イベント",
    ordinaryEntry: "その他のエントリ",
    evidenceMark: "根拠",
    copied: "コピーしました。",
    open: "エディターで開く",
    severity: { error: "エラー", warning: "警告", information: "情報", hint: "ヒント" },
    phase: { startup: "起動", sync: "同期", send: "送信", receive: "受信" } satisfies PhaseWords,
    outcome: { open: "未完了", complete: "完了", failed: "失敗", assert: "アサーション失敗" } as Record<string, string>,
    kind: {
      startup: "起動",
      sync: "同期",
      "mds-in-service": "MDS 稼働",
      "send-prepare": "状態送信の準備",
      "send-sync": "構成の同期",
      "send-temp-file-failed": "一時ファイルの失敗",
      "send-setup-failed": "送信の準備に失敗",
      "send-cleanup": "準備した状態の破棄",
      "send-complete": "送信完了",
      "receive-initiate": "RECEIVE 開始",
      "receive-wait": "MDS メッセージ待ち",
      "receive-complete": "受信完了",
      assert: "アサーション失敗",
      restart: "再起動",
    } as Record<string, string>,
  },
} as const;

export type TimelineWords = (typeof TIMELINE_WORDS)[Language];

/** `{0}` placeholders, as in vscode.l10n.t. */
export function fill(template: string, ...values: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const value = values[Number(i)];
    return value === undefined ? m : String(value);
  });
}

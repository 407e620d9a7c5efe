// The A/B compare model: two Loggers' traces read together. Which side sent and which received,
// the phases of the transfer on each, the clock offset that lines the two up, and a verdict with
// evidence on both sides. The server, the webview, the CLI and the HTML export all use this.

import { catalogueRecord, isEditorOnly } from "../knowledge/catalogue";
import type { TraceAnalysis } from "./analyze";
import { describeApiError } from "../knowledge/apiError";
import { formatClock, formatDuration } from "../engine/clock";
import { entryText, type TraceEntry } from "../engine/entries";
import { compareSeverity } from "../model/findings";
import { checksumDifferences } from "./pairRules";
import {
  sideFromPath, type CompareModel, type ComparePhase, type CompareSide, type EvidenceLine, type PairSide, type PhaseKind, type TransferEventKind, type TransferRole, type Verdict, type VerdictCode, type CompareEvent,
} from "../shared/compareModel";
import type { Localized, Severity } from "../shared/text";
import { tracePhases, transferEvents, type TracePhase } from "./transferEvents";

export type * from "../shared/compareModel";
export { alignedEvents, sideLabel, sideLabelOf, verdictTone } from "../shared/compareModel";

export interface CompareInput {
  /** The file as the user named it (path or URI). */
  readonly file: string;
  readonly analysis: TraceAnalysis;
}

/** Events per side beyond which ordinary entries are left out (key events and failures stay). */
export const MAX_EVENTS_PER_SIDE = 5000;
const MAX_TEXT = 240;

interface SideWork {
  readonly input: CompareInput;
  readonly side: PairSide | null;
  readonly role: TransferRole | null;
  readonly phases: readonly TracePhase[];
  readonly timeOf: (entry: TraceEntry) => number | null;
  /** Whether its times are on UTC (dated, with a known zone) rather than its own clock. */
  readonly dated: boolean;
}

export interface CompareOptions {
  /**
   * The zone of times that carry none (dumplog's standard and `/ms` layouts write local times), in
   * minutes east of UTC; null or absent when unknown. Times that carry their zone (Cisco Log) keep it.
   */
  readonly zoneMinutes?: number | null;
}

export function compareTraces(first: CompareInput, second: CompareInput, options: CompareOptions = {}): CompareModel {
  let works = [prepareSide(first, options.zoneMinutes ?? null), prepareSide(second, options.zoneMinutes ?? null)];
  // The sides stay in the order they were given (the command line's, the palette's).
  works = inferMissingSide(works);
  const [a, b] = works as [SideWork, SideWork];
  const { offset, anchor } = alignment(a, b);
  const sides: [CompareSide, CompareSide] = [describeSide(a), describeSide(b)];
  const pairIssues = checksumDifferences(a.input.analysis, b.input.analysis, [a.side ?? "A", b.side ?? "B"]).map((f) => ({
    id: f.id,
    severity: f.severity,
    message: f.message,
    evidence: [evidence(a, 0, f.entries[0].index), evidence(b, 1, f.entries[1].index)],
  }));
  return { sides, offsetSeconds: offset, offsetAnchor: anchor, verdict: judge(works as [SideWork, SideWork]), pairIssues };
}

function prepareSide(input: CompareInput, zoneMinutes: number | null): SideWork {
  const { analysis } = input;
  const side = analysis.side ?? sideFromPath(input.file);
  const phases = tracePhases(analysis.split, transferEvents(analysis.split));
  // An entry is placed on UTC when it has a date and a zone: its own (Cisco Log `+0900`) or the one
  // the user gave for local times. Local times of an unknown zone stay on the trace's own clock.
  const zoneOf = (entry: TraceEntry): number | null => entry.utcOffsetMinutes ?? zoneMinutes;
  const dated = analysis.split.entries.some((e) => e.date !== null && zoneOf(e) !== null);
  const timeOf = (entry: TraceEntry): number | null => {
    if (entry.clock === null) return null;
    const zone = zoneOf(entry);
    if (dated && entry.date !== null && zone !== null) return Date.parse(`${entry.date}T00:00:00Z`) / 1000 + entry.clock - zone * 60;
    return entry.elapsedClock;
  };
  return { input, side, role: analysis.role, phases, timeOf, dated };
}

/** A duplexed pair has one A and one B: when only one side is known, the other is the other. */
function inferMissingSide(works: SideWork[]): SideWork[] {
  const [x, y] = works as [SideWork, SideWork];
  const other = (s: PairSide): PairSide => (s === "A" ? "B" : "A");
  if (x.side !== null && y.side === null) return [x, { ...y, side: other(x.side) }];
  if (x.side === null && y.side !== null) return [{ ...x, side: other(y.side) }, y];
  return works;
}

function lastPhase(work: SideWork, kind: PhaseKind): TracePhase | undefined {
  for (let i = work.phases.length - 1; i >= 0; i--) if (work.phases[i]!.kind === kind) return work.phases[i];
  return undefined;
}

function entryTime(work: SideWork, index: number): number | null {
  const entry = work.input.analysis.split.entries[index];
  return entry === undefined ? null : work.timeOf(entry);
}

/** Lines the sender's prepare up with the receiver's initiate: the two happen within a second. */
function alignment(a: SideWork, b: SideWork): { offset: number; anchor: CompareModel["offsetAnchor"] } {
  const anchorOf = (w: SideWork): number | null => {
    const phase = w.role === "send" ? lastPhase(w, "send") : w.role === "receive" ? lastPhase(w, "receive") : undefined;
    return phase === undefined ? null : entryTime(w, phase.firstEntry);
  };
  const ta = anchorOf(a);
  const tb = anchorOf(b);
  if (ta !== null && tb !== null && a.role !== b.role) return { offset: ta - tb, anchor: "transfer" };
  const firstTime = (w: SideWork) => {
    const e = w.input.analysis.split.entries.find((x) => x.clock !== null);
    return e === undefined ? null : w.timeOf(e);
  };
  const fa = firstTime(a);
  const fb = firstTime(b);
  // Dated traces are already on one time line; clock-only ones start together by default.
  const bothDated = isDated(a) && isDated(b);
  if (bothDated) return { offset: 0, anchor: "none" };
  if (fa !== null && fb !== null) return { offset: fa - fb, anchor: "first-entries" };
  return { offset: 0, anchor: "none" };
}

function isDated(w: SideWork): boolean {
  return w.dated;
}

function describeSide(work: SideWork): CompareSide {
  const { analysis } = work.input;
  const { split } = analysis;
  const keyKinds = new Map<number, TransferEventKind>();
  for (const phase of work.phases) for (const event of phase.events) keyKinds.set(event.entryIndex, event.kind);
  const findingsByEntry = new Map<number, { ids: string[]; severity: Severity }>();
  for (const f of analysis.findings) {
    if (isEditorOnly(f.id)) continue;
    const seen = findingsByEntry.get(f.entryIndex);
    if (seen === undefined) findingsByEntry.set(f.entryIndex, { ids: [f.id], severity: f.severity });
    else {
      seen.ids.push(f.id);
      if (compareSeverity(f.severity, seen.severity) < 0) seen.severity = f.severity;
    }
  }
  const timed = split.entries.filter((e) => e.clock !== null);
  const keepAll = timed.length <= MAX_EVENTS_PER_SIDE;
  const events: CompareEvent[] = [];
  let omitted = 0;
  for (const entry of timed) {
    const kind = keyKinds.get(entry.index) ?? "entry";
    const found = findingsByEntry.get(entry.index);
    if (!keepAll && kind === "entry" && found === undefined) {
      omitted++;
      continue;
    }
    const text = entryText(split, entry);
    events.push({
      entryIndex: entry.index,
      line: entry.line,
      column: entry.column,
      time: work.timeOf(entry)!,
      clock: formatClock(entry.clock ?? 0),
      kind,
      severity: found?.severity ?? null,
      findingIds: found?.ids ?? [],
      text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    });
  }
  const phases = work.phases.map((p) => describePhase(work, p));
  return {
    file: work.input.file,
    side: work.side,
    role: work.role,
    dated: isDated(work),
    phases,
    events,
    omittedEntries: omitted,
  };
}

function describePhase(work: SideWork, phase: TracePhase): ComparePhase {
  const start = entryTime(work, phase.firstEntry) ?? 0;
  const end = entryTime(work, phase.lastEntry) ?? start;
  const waits = phase.events.filter((e) => e.kind === "receive-wait");
  const entry = work.input.analysis.split.entries[phase.firstEntry]!;
  return {
    kind: phase.kind,
    outcome: phase.outcome,
    start,
    end,
    firstLine: entry.line,
    waitStart: waits.length > 0 ? start : null,
    waitEnd: waits.length > 0 ? (entryTime(work, waits[waits.length - 1]!.entryIndex) ?? end) : null,
  };
}

function evidence(work: SideWork, sideIndex: number, entryIndex: number): EvidenceLine {
  const { split } = work.input.analysis;
  const entry = split.entries[entryIndex]!;
  const text = entryText(split, entry);
  return {
    sideIndex,
    entryIndex,
    line: entry.line,
    column: entry.column,
    clock: formatClock(entry.clock ?? 0),
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
  };
}

const TEMP_VERDICTS: readonly VerdictCode[] = ["temp-file-access-denied", "temp-file-disk-full", "temp-file-failed"];

function sideName(work: SideWork, language: "en" | "ja"): string {
  if (language === "ja") {
    const role = work.role === "send" ? "送信側" : work.role === "receive" ? "受信側" : "";
    return work.side === null ? role || "相手側" : `サイド ${work.side}${role === "" ? "" : `（${role}）`}`;
  }
  const role = work.role === "send" ? "sending" : work.role === "receive" ? "receiving" : "";
  return work.side === null ? `the ${role || "other"} side` : `Side ${work.side}${role === "" ? "" : ` (${role})`}`;
}

function judge(works: [SideWork, SideWork]): Verdict {
  const senderIndex = works.findIndex((w) => w.role === "send");
  const receiverIndex = works.findIndex((w) => w.role === "receive");
  const sender = senderIndex === -1 ? undefined : works[senderIndex];
  const receiver = receiverIndex === -1 ? undefined : works[receiverIndex];
  const lines: EvidenceLine[] = [];
  const receive = receiver === undefined ? undefined : lastPhase(receiver, "receive");
  const send = sender === undefined ? undefined : lastPhase(sender, "send");
  const receiverEvidence = () => {
    if (receiver === undefined || receive === undefined) return;
    lines.push(evidence(receiver, receiverIndex, receive.firstEntry));
    if (receive.lastEntry !== receive.firstEntry) lines.push(evidence(receiver, receiverIndex, receive.lastEntry));
  };
  const receiveSummary = (language: "en" | "ja"): string => {
    if (receiver === undefined || receive === undefined) return "";
    const waits = receive.events.filter((e) => e.kind === "receive-wait").length;
    const waited = (entryTime(receiver, receive.lastEntry) ?? 0) - (entryTime(receiver, receive.firstEntry) ?? 0);
    return language === "ja"
      ? `${sideName(receiver, "ja")}は ${formatDuration(waited, "ja")}にわたり MDS メッセージを待ちましたが（${waits} 回）、データは届きませんでした。`
      : ` ${capitalize(sideName(receiver, "en"))} waited ${formatDuration(waited)} for MDS messages (${waits} waits) that never came.`;
  };

  // The sender's own failure is the cause when it has one.
  if (sender !== undefined && send !== undefined) {
    const findings = sender.input.analysis.findings.filter((f) => f.entryIndex >= send.firstEntry && f.entryIndex <= send.lastEntry);
    const temp = findings.find((f) => (TEMP_VERDICTS as readonly string[]).includes(f.id));
    const aborted = findings.find((f) => f.id === "state-send-aborted");
    if (temp !== undefined || aborted !== undefined) {
      const code = (temp?.id ?? "state-send-aborted") as VerdictCode;
      lines.push(evidence(sender, senderIndex, send.firstEntry));
      if (temp !== undefined) lines.push(evidence(sender, senderIndex, temp.entryIndex));
      if (aborted !== undefined) lines.push(evidence(sender, senderIndex, aborted.entryIndex));
      receiverEvidence();
      const apiError = temp?.apiError ?? aborted?.apiError ?? null;
      const record = catalogueRecord(code)!;
      const errorEn = apiError === null ? "" : ` (Last API Error [${apiError}] ${describeApiError(apiError, "en")})`;
      const errorJa = apiError === null ? "" : `（Last API Error [${apiError}] ${describeApiError(apiError, "ja")}）`;
      const senderNameEn = capitalize(sideName(sender, "en"));
      const what: Localized = temp !== undefined
        ? {
            en: `${senderNameEn} could not create its temporary state-transfer file${errorEn}, so it abandoned the transfer.`,
            ja: `${sideName(sender, "ja")}は状態転送用の一時ファイルを作成できず${errorJa}、転送を中止しました。`,
          }
        : {
            en: `${senderNameEn} abandoned the state transfer it had prepared${errorEn}.`,
            ja: `${sideName(sender, "ja")}は準備した状態転送を中止しました${errorJa}。`,
          };
      return {
        code,
        summary: {
          en: `${what.en}${receiveSummary("en")} Most likely cause: ${record.title.en}.`,
          ja: `${what.ja}${receiveSummary("ja")}最も可能性の高い原因: ${record.title.ja}。`,
        },
        evidence: sortEvidence(lines),
        fixes: record.fixes,
      };
    }
  }

  const received = receive?.outcome === "complete";
  const sent = send?.outcome === "complete";
  if (received || sent) {
    if (receiver !== undefined && receive !== undefined) lines.push(evidence(receiver, receiverIndex, receive.lastEntry));
    if (sender !== undefined && send !== undefined) lines.push(evidence(sender, senderIndex, send.lastEntry));
    return {
      code: "transfer-completed",
      summary: {
        en: "The state transfer completed: no failure on either side explains a stall.",
        ja: "状態転送は完了しています。どちらのサイドにも停止を説明する障害はありません。",
      },
      evidence: sortEvidence(lines),
      fixes: { en: [], ja: [] },
    };
  }

  if (receiver !== undefined && receive !== undefined) {
    receiverEvidence();
    const record = catalogueRecord("state-receive-incomplete")!;
    const senderNote: Localized = sender === undefined
      ? { en: "The other trace shows no state transfer SEND: it may be another process's trace or another time.", ja: "もう一方のトレースには状態転送 SEND がありません。別プロセスまたは別時刻のトレースの可能性があります。" }
      : { en: "The sending side's trace shows no failure for this transfer: check the private network and MDS on both sides, and the sender's trace around the same time.", ja: "送信側のトレースにはこの転送の障害がありません。プライベート ネットワークと両サイドの MDS、同時刻の送信側トレースを確認してください。" };
    return {
      code: "receiver-stalled-cause-unknown",
      summary: {
        en: `The state transfer RECEIVE did not complete.${receiveSummary("en")} ${senderNote.en}`,
        ja: `状態転送 RECEIVE が完了していません。${receiveSummary("ja")}${senderNote.ja}`,
      },
      evidence: sortEvidence(lines),
      fixes: record.fixes,
    };
  }

  if (sender === undefined && receiver === undefined) {
    return {
      code: "no-transfer",
      summary: { en: "Neither trace shows a state transfer (no PrepareToSendState, no RECEIVE operation).", ja: "どちらのトレースにも状態転送（PrepareToSendState、RECEIVE 操作）はありません。" },
      evidence: [],
      fixes: { en: [], ja: [] },
    };
  }
  if (sender !== undefined && send !== undefined) lines.push(evidence(sender, senderIndex, send.firstEntry));
  return {
    code: "roles-unclear",
    summary: {
      en: "Only one side of a state transfer is visible and it shows no failure: give the traces of both Loggers for the same time.",
      ja: "状態転送の片側しか見えず、障害もありません。同時刻の両サイドの Logger トレースを指定してください。",
    },
    evidence: sortEvidence(lines),
    fixes: { en: [], ja: [] },
  };
}

function sortEvidence(lines: EvidenceLine[]): EvidenceLine[] {
  const seen = new Set<string>();
  return lines
    .filter((l) => {
      const key = `${l.sideIndex}:${l.entryIndex}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((p, q) => p.sideIndex - q.sideIndex || p.entryIndex - q.entryIndex);
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

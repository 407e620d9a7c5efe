// The merged timeline: the merged view's traces as lanes on one clock, grouped by the clock they
// share, each with its time span, its entries as ticks and its findings as marks, the entries of a
// followed call, and the Logger pair's verdict when the set holds one. Only what the webview draws
// crosses the wire: times, positions and short texts, never a trace's text.

import { ErrorCodes, ResponseError } from "vscode-languageserver";
import type { TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { compareTraces } from "../analysis/compare";
import { mergeTraces, type MergedEntry, type MergedSet } from "../analysis/merge";
import { isEditorOnly } from "../knowledge/catalogue";
import { sideFromPath } from "../knowledge/traceFacts";
import { compareSeverity } from "../model/findings";
import type {
  MergedTimeline,
  MergedTimelineCallMark,
  MergedTimelineLane,
  MergedTimelineMark,
  MergedTimelineParams,
  MergedTimelineVerdict,
  TracePosition,
} from "../shared/protocol";
import type { Language } from "../shared/text";
import { entryTimeAt, mergeInputs } from "./mergedView";

/** Findings drawn per lane: the most severe first when a trace has more. */
export const MAX_MARKS_PER_LANE = 500;
/** Entry ticks per lane: more would draw as one band anyway. */
export const MAX_TICKS_PER_LANE = 400;
/** A followed call's entry text, cut for the tooltip. */
const CALL_TEXT_LENGTH = 240;

export interface MergedTimelineOptions {
  readonly language: Language;
  /** The zone of local times (`icmTrace.timeZone`), for the Logger pair's compare. */
  readonly zoneMinutes: number | null;
}

/**
 * At most `max` of the sorted `times`, spread over their range: the first time of each of `max`
 * equal stretches, so that a burst keeps one tick and a quiet stretch keeps its few.
 */
export function thinTimes(times: readonly number[], max: number): number[] {
  if (times.length <= max) return [...times];
  const first = times[0]!;
  const width = (times[times.length - 1]! - first) / max;
  if (width === 0) return [first];
  const kept: number[] = [];
  let bucket = -1;
  for (const t of times) {
    const b = Math.min(max - 1, Math.floor((t - first) / width));
    if (b !== bucket) {
      kept.push(t);
      bucket = b;
    }
  }
  return kept;
}

function finiteOffsets(raw: unknown): Record<string, number> {
  if (typeof raw !== "object" || raw === null) return {};
  const offsets: Record<string, number> = {};
  for (const [clock, value] of Object.entries(raw as Record<string, unknown>)) if (typeof value === "number" && Number.isFinite(value)) offsets[clock] = value;
  return offsets;
}

function isPosition(value: unknown): value is TracePosition {
  const p = value as Partial<TracePosition> | null;
  return typeof p === "object" && p !== null && typeof p.uri === "string" && Number.isInteger(p.line) && Number.isInteger(p.character);
}

/** Each trace's timed entries in text order (by line, then column). */
function entriesByTrace(set: MergedSet): MergedEntry[][] {
  const byTrace: MergedEntry[][] = set.lanes.map(() => []);
  for (const e of set.entries) byTrace[e.traceIndex]!.push(e);
  for (const list of byTrace) list.sort((a, b) => a.entryIndex - b.entryIndex);
  return byTrace;
}

/** The last of `entries` (in text order) for which `before` holds, or undefined. */
function lastWhere(entries: readonly MergedEntry[], before: (e: MergedEntry) => boolean): MergedEntry | undefined {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(entries[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return entries[lo - 1];
}

function laneOf(set: MergedSet, traceIndex: number, uri: string, timed: readonly MergedEntry[], language: Language): MergedTimelineLane {
  const lane = set.lanes[traceIndex]!;
  const times = timed.map((e) => e.time).sort((a, b) => a - b);
  const marks: MergedTimelineMark[] = [];
  for (const finding of set.analyses[traceIndex]!.findings) {
    if (finding.severity === "hint" || isEditorOnly(finding.id)) continue;
    // An untimed entry (a wrapped line, an alarm text) is drawn at the last timed entry before it.
    const entry = lastWhere(timed, (e) => e.entryIndex <= finding.entryIndex) ?? timed[0];
    if (entry === undefined) continue;
    marks.push({
      time: entry.time,
      severity: finding.severity,
      code: finding.id,
      message: finding.message[language],
      line: finding.startPosition.line,
      column: finding.startPosition.character,
    });
  }
  const kept = [...marks].sort((a, b) => compareSeverity(a.severity, b.severity) || a.time - b.time).slice(0, MAX_MARKS_PER_LANE);
  return {
    name: lane.name,
    uri,
    file: lane.file,
    clock: lane.clock,
    span: times.length === 0 ? null : { from: times[0]!, to: times[times.length - 1]! },
    entries: times.length,
    entryTimes: thinTimes(times, MAX_TICKS_PER_LANE),
    marks: kept.sort((a, b) => a.time - b.time),
    omittedMarks: marks.length - kept.length,
  };
}

/** The entries that hold the call's identifiers, each once, at their corrected times. */
function callMarks(locations: readonly TracePosition[], uris: readonly string[], byTrace: readonly MergedEntry[][]): MergedTimelineCallMark[] {
  const seen = new Set<string>();
  const marks: MergedTimelineCallMark[] = [];
  for (const at of locations) {
    const traceIndex = uris.indexOf(at.uri);
    if (traceIndex < 0) continue;
    const entry = lastWhere(byTrace[traceIndex]!, (e) => e.line < at.line || (e.line === at.line && e.column <= at.character));
    if (entry === undefined || seen.has(`${traceIndex}:${entry.entryIndex}`)) continue;
    seen.add(`${traceIndex}:${entry.entryIndex}`);
    const text = entry.message.length > CALL_TEXT_LENGTH ? `${entry.message.slice(0, CALL_TEXT_LENGTH - 1)}…` : entry.message;
    marks.push({ lane: traceIndex, time: entry.time, line: entry.line, column: entry.column, text });
  }
  return marks.sort((a, b) => a.time - b.time || a.lane - b.lane);
}

/** The side a lane's trace is of: what its text says, else its file name or folder. */
function sideOf(set: MergedSet, index: number): "A" | "B" | null {
  return set.analyses[index]!.side ?? sideFromPath(set.lanes[index]!.file.replace(/^.*!\//, ""));
}

/** The A/B compare's verdict on the set's first Logger of side A and first of side B. */
function loggerPairVerdict(set: MergedSet, uris: readonly string[], options: MergedTimelineOptions): MergedTimelineVerdict | null {
  const loggers = set.lanes.map((lane, i) => i).filter((i) => set.lanes[i]!.name.endsWith("/lgr"));
  const a = loggers.find((i) => sideOf(set, i) === "A");
  const b = loggers.find((i) => sideOf(set, i) === "B");
  if (a === undefined || b === undefined) return null;
  const model = compareTraces({ file: uris[a]!, analysis: set.analyses[a]! }, { file: uris[b]!, analysis: set.analyses[b]! }, { zoneMinutes: options.zoneMinutes });
  const lanes = [a, b] as const;
  return {
    code: model.verdict.code,
    summary: model.verdict.summary[options.language],
    lanes,
    uris: [uris[a]!, uris[b]!],
    evidence: model.verdict.evidence.map((e) => ({ lane: lanes[e.sideIndex]!, line: e.line, column: e.column, clock: e.clock, text: e.text })),
  };
}

export async function mergedTimeline(params: MergedTimelineParams, documents: TextDocuments<TextDocument>, options: MergedTimelineOptions): Promise<MergedTimeline> {
  const uris = params?.uris;
  if (!Array.isArray(uris) || uris.length === 0 || !uris.every((u) => typeof u === "string")) throw new ResponseError(ErrorCodes.InvalidParams, "the merged timeline needs trace URIs");
  const set = mergeTraces(await mergeInputs(uris, documents), { offsets: finiteOffsets(params.offsets) });
  const byTrace = entriesByTrace(set);
  const lanes = set.lanes.map((_, i) => laneOf(set, i, uris[i]!, byTrace[i]!, options.language));
  const around = params.around;
  let window: MergedTimeline["window"] = null;
  if (around !== undefined && around !== null) {
    if (typeof around.uri !== "string" || !Number.isInteger(around.line) || typeof around.seconds !== "number" || !(around.seconds > 0)) {
      throw new ResponseError(ErrorCodes.InvalidParams, "around needs a uri, a line and seconds");
    }
    const time = entryTimeAt(set.entries, uris, around);
    window = { from: time - around.seconds, to: time + around.seconds };
  }
  const locations = Array.isArray(params.callLocations) ? params.callLocations.filter(isPosition) : [];
  return {
    language: options.language,
    groups: set.clocks.map((c) => ({ clock: c.clock, offsetSeconds: c.offsetSeconds, anchor: c.anchor, lanes: lanes.flatMap((lane, i) => (lane.clock === c.clock ? [i] : [])) })),
    lanes,
    window,
    callMarks: callMarks(locations, uris, byTrace),
    verdict: loggerPairVerdict(set, uris, options),
  };
}

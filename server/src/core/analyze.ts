// parse → entries → findings: the one analysis every consumer (server, CLI, tests) calls.
// A trace is analysed as one or more chunks (a document in the editor is one chunk; a large file
// is streamed in many); the findings are the same either way.

import { catalogue } from "../catalogue";
import type { FailureRecord, LineMatch, Localized } from "../catalogue/types";
import { apiErrorValues, readApiError } from "./apiError";
import { splitEntries, type EntrySplit, type TraceEntry } from "./entries";
import { defaultAnalysisOptions, fillLocalized, type AnalysisOptions, type Finding, type TraceRange } from "./findings";
import { caseVariants, entryMarkers, markersIn } from "./markers";
import { sequenceRules, type RuleHit, type SequenceRule } from "./sequenceRules";
import { RECEIVE_MARKERS, SEND_MARKERS, sideFromText, type PairSide, type TransferRole } from "./traceFacts";

export interface TraceAnalysis {
  readonly split: EntrySplit;
  /** Sorted by position. */
  readonly findings: readonly Finding[];
  readonly role: TransferRole | null;
  /** The side named by the trace's text; a file name may tell it when this is null. */
  readonly side: PairSide | null;
}

export function analyzeTrace(text: string, options: Partial<AnalysisOptions> = {}): TraceAnalysis {
  const split = splitEntries(text);
  const collector = new FindingCollector(options);
  collector.addChunk(split, FIRST_CHUNK);
  const result = collector.finish();
  return { split, findings: result.findings, role: result.role, side: sideFromText(text) };
}

/** Where a chunk sits in the whole trace. Chunks start at line starts, except when a line was cut. */
export interface ChunkBase {
  readonly offset: number;
  readonly line: number;
  /** Column of the chunk's first character on its line (0 unless a giant line was cut). */
  readonly column: number;
  /** Entries before this chunk. */
  readonly entryIndex: number;
}

export const FIRST_CHUNK: ChunkBase = { offset: 0, line: 0, column: 0, entryIndex: 0 };

interface LineRecord {
  readonly record: FailureRecord;
  readonly match: LineMatch;
}

const lineRecords: readonly LineRecord[] = catalogue.flatMap((record) =>
  record.match.kind === "line" ? [{ record, match: record.match }] : [],
);

/** Line records by their anchor, each list in catalogue (priority) order. */
const recordsByAnchor = new Map<string, LineRecord[]>();
lineRecords.forEach((lineRecord) => {
  const list = recordsByAnchor.get(lineRecord.match.anchor) ?? [];
  list.push(lineRecord);
  recordsByAnchor.set(lineRecord.match.anchor, list);
});
const priority = new Map(lineRecords.map((r, i) => [r, i]));

/** The line records whose anchor the message holds, in priority order. */
function candidateRecords(found: ReadonlySet<string>): LineRecord[] {
  const candidates: LineRecord[] = [];
  for (const word of found) {
    const list = recordsByAnchor.get(word);
    if (list !== undefined) candidates.push(...list);
  }
  return candidates.length > 1 ? candidates.sort((a, b) => priority.get(a)! - priority.get(b)!) : candidates;
}

interface ActiveRule {
  readonly record: FailureRecord;
  readonly rule: SequenceRule;
  /** The rule's markers as `markersIn` reports them (any-case markers in their case variants). */
  readonly markers: readonly string[];
}

export interface CollectedFindings {
  readonly findings: Finding[];
  readonly role: TransferRole | null;
  /** Timed entries seen. */
  readonly entries: number;
}

/** Feeds chunks of one trace through the catalogue and the sequence rules. */
export class FindingCollector {
  private readonly options: AnalysisOptions;
  private readonly ignored: ReadonlySet<string>;
  private readonly rules: ActiveRule[];
  private readonly findings: Finding[] = [];
  private role: TransferRole | null = null;
  private lastEntry: TraceEntry | null = null;
  private timedEntries = 0;
  private readonly reportRunTogether: boolean;

  constructor(options: Partial<AnalysisOptions> = {}) {
    this.options = { ...defaultAnalysisOptions, ...options };
    this.ignored = new Set(this.options.ignore);
    this.rules = catalogue.flatMap((record) => {
      if (record.match.kind !== "sequence" || record.match.rule === "run-together-entries" || this.ignored.has(record.id)) return [];
      const definition = sequenceRules[record.match.rule];
      const markers = [...definition.markers, ...(definition.markersAnyCase ?? []).flatMap(caseVariants)];
      return [{ record, rule: definition.create(this.options), markers }];
    });
    this.reportRunTogether = this.options.editorHints && !this.ignored.has("run-together-entries");
  }

  addChunk(split: EntrySplit, base: ChunkBase): void {
    const { text } = split;
    for (const index of entryMarkers(split)) {
      const local = split.entryAt(index);
      const entry = globalEntry(local, base);
      const message = text.slice(local.messageStart, local.contentEnd);
      const found = markersIn(message);
      this.matchLine(entry, message, found);
      for (const active of this.rules) {
        if (active.markers.some((m) => found.has(m))) active.rule.onEntry(entry, message);
      }
      // The role markers are markers too: `found` holds them.
      if (SEND_MARKERS.some((m) => found.has(m))) this.role = "send";
      else if (RECEIVE_MARKERS.some((m) => found.has(m))) this.role = "receive";
    }
    if (this.reportRunTogether) this.addRunTogether(split, base);
    for (let i = split.count - 1; i >= 0; i--) {
      if (split.isTimed(i)) {
        this.lastEntry = globalEntry(split.entryAt(i), base);
        break;
      }
    }
    this.timedEntries += split.timedCount;
  }

  finish(): CollectedFindings {
    for (const active of this.rules) {
      for (const hit of active.rule.finish(this.lastEntry)) this.findings.push(fromRuleHit(active.record, hit));
    }
    this.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
    return { findings: this.findings, role: this.role, entries: this.timedEntries };
  }

  private matchLine(entry: TraceEntry, message: string, found: ReadonlySet<string>): void {
    let apiError: number | null | undefined;
    let matchedSpecific = false;
    for (const { record, match } of candidateRecords(found)) {
      if (match.fallback === true && matchedSpecific) continue;
      let groups: Record<string, string> = {};
      if (match.pattern !== undefined) {
        const found = match.pattern.exec(message);
        if (found === null) continue;
        groups = { ...found.groups };
      }
      if (apiError === undefined) apiError = readApiError(message);
      if (!apiErrorAllows(match, apiError)) continue;
      if (match.fallback !== true) matchedSpecific = true;
      if (this.ignored.has(record.id)) continue;
      const namesApiError = record.message.en.includes("{apiError}");
      const values = apiError !== null ? withApiError(groups, apiError) : namesApiError ? withoutApiError(groups) : { en: groups, ja: groups };
      this.findings.push({
        id: record.id,
        severity: record.severity,
        entryIndex: entry.index,
        ...entryRange(entry),
        message: fillBoth(record.message, values),
        apiError,
        values: values.en,
        related: [],
      });
    }
  }

  private runTogetherHints = 0;

  /**
   * One hint per physical line that holds several entries: its line breaks were lost. A trace that
   * lost them all says so on its first lines; thousands more hints would only bury the findings.
   */
  private addRunTogether(split: EntrySplit, base: ChunkBase): void {
    const record = RUN_TOGETHER_RECORD;
    if (record === undefined || this.runTogetherHints >= MAX_RUN_TOGETHER_HINTS) return;
    const lines = split.runTogetherLines;
    if (lines.length === 0) return;
    const { lineIndex } = split;
    let i = 0;
    for (const line of lines) {
      const lineStart = lineIndex.lineStart(line);
      const nextLineStart = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : split.text.length + 1;
      while (i < split.count && !(split.isMidLine(i) && split.startOf(i) >= lineStart)) i++;
      if (i >= split.count) break;
      const first = split.entryAt(i);
      let lastIndex = i;
      let count = 1;
      while (lastIndex + 1 < split.count && split.startOf(lastIndex + 1) < nextLineStart) {
        lastIndex++;
        count++;
      }
      const last = split.entryAt(lastIndex);
      i = lastIndex;
      if (++this.runTogetherHints > MAX_RUN_TOGETHER_HINTS) return;
      // The entry the line starts with, before the first run-together one.
      const values = { entries: String(count + 1) };
      const firstGlobal = globalEntry(first, base);
      const lastGlobal = globalEntry(last, base);
      const startColumn = line === 0 ? base.column : 0;
      this.findings.push({
        id: record.id,
        severity: record.severity,
        entryIndex: firstGlobal.index,
        start: base.offset + lineStart,
        end: lastGlobal.contentEnd,
        startPosition: { line: firstGlobal.line, character: startColumn },
        endPosition: { line: lastGlobal.endLine, character: lastGlobal.endColumn },
        message: fillBoth(record.message, { en: values, ja: values }),
        apiError: null,
        values,
        related: [],
      });
      i++;
    }
  }
}

/** Run-together hints reported per trace at most. */
export const MAX_RUN_TOGETHER_HINTS = 100;

const RUN_TOGETHER_RECORD = catalogue.find((r) => r.match.kind === "sequence" && r.match.rule === "run-together-entries");

/** The entry with offsets, lines and index in the whole trace rather than in its chunk. */
function globalEntry(entry: TraceEntry, base: ChunkBase): TraceEntry {
  if (base.offset === 0 && base.line === 0 && base.entryIndex === 0) return entry;
  const onFirstLine = entry.line === 0;
  return {
    ...entry,
    index: entry.index + base.entryIndex,
    start: entry.start + base.offset,
    end: entry.end + base.offset,
    contentEnd: entry.contentEnd + base.offset,
    messageStart: entry.messageStart + base.offset,
    line: entry.line + base.line,
    column: onFirstLine ? entry.column + base.column : entry.column,
    endLine: entry.endLine + base.line,
    endColumn: entry.endLine === 0 ? entry.endColumn + base.column : entry.endColumn,
    midLine: entry.midLine || (onFirstLine && base.column > 0),
  };
}

export function entryRange(entry: TraceEntry): TraceRange {
  return {
    start: entry.start,
    end: entry.contentEnd,
    startPosition: { line: entry.line, character: entry.column },
    endPosition: { line: entry.endLine, character: entry.endColumn },
  };
}

function apiErrorAllows(match: LineMatch, apiError: number | null): boolean {
  if (match.apiErrors !== undefined) return apiError !== null && match.apiErrors.includes(apiError);
  if (match.apiErrorsExcept !== undefined) return apiError === null || !match.apiErrorsExcept.includes(apiError);
  return true;
}

function withApiError(groups: Record<string, string>, code: number): Localized<Record<string, string>> {
  const named = apiErrorValues(code);
  return { en: { ...groups, ...named.en }, ja: { ...groups, ...named.ja } };
}

/** Records that name the API error still read well on a line that gives none. */
function withoutApiError(groups: Record<string, string>): Localized<Record<string, string>> {
  return {
    en: { apiError: "?", win32Name: "no error number", win32Meaning: "the trace gives none", ...groups },
    ja: { apiError: "?", win32Name: "エラー番号なし", win32Meaning: "トレースに記載なし", ...groups },
  };
}

function fillBoth(template: Localized, values: Localized<Record<string, string>>): Localized {
  return { en: fillLocalized(template, values.en).en, ja: fillLocalized(template, values.ja).ja };
}

function fromRuleHit(record: FailureRecord, hit: RuleHit): Finding {
  return {
    id: record.id,
    severity: hit.severity ?? record.severity,
    entryIndex: hit.entry.index,
    ...entryRange(hit.entry),
    message: fillBoth(record.message, hit.values),
    apiError: hit.apiError ?? null,
    values: hit.values.en,
    related: hit.related.map((r) => ({ entryIndex: r.entry.index, ...entryRange(r.entry), message: r.message })),
  };
}

// parse → entries → findings: the one analysis every consumer (server, CLI, tests) calls.
// A trace is analysed as one or more chunks (a document in the editor is one chunk; a large file
// is streamed in many); the findings are the same either way.

import { catalogue } from "../knowledge/catalogue";
import type { FailureRecord, LineMatch, Localized } from "../knowledge/types";
import { apiErrorValues, readApiError } from "../knowledge/apiError";
import { FIRST_CHUNK, HeldEntry, type ChunkBase, type EntrySplit, type KeptEntry, type TraceEntry } from "../engine/entries";
import { caseVariants } from "../engine/literalSet";
import { markedEntries, MarkedEntryRoom } from "../engine/marking";
import { splitEntries, type TraceFormat } from "../formats";
import { defaultAnalysisOptions, fillLocalized, type AnalysisOptions, type Finding, type TraceRange } from "../model/findings";
import { MARKERS } from "../knowledge/markers";
import { sequenceRules, type RuleHit, type RuleMemory, type SeenEntry, type SequenceRule } from "../knowledge/rules";
import { sideFromText, type PairSide, type TransferRole } from "../knowledge/traceFacts";
import { RECEIVE_ROLE_MARKERS, SEND_ROLE_MARKERS } from "../knowledge/vocabulary";

export interface TraceAnalysis {
  readonly split: EntrySplit;
  /** Sorted by position. */
  readonly findings: readonly Finding[];
  readonly role: TransferRole | null;
  /** The side named by the trace's text; a file name may tell it when this is null. */
  readonly side: PairSide | null;
}

export function analyzeTrace(text: string, options: Partial<AnalysisOptions> & { readonly format?: TraceFormat } = {}): TraceAnalysis {
  const split = splitEntries(text, options.format === undefined ? {} : { format: options.format });
  const collector = new FindingCollector(options);
  collector.addChunk(split, FIRST_CHUNK);
  const result = collector.finish();
  return { split, findings: result.findings, role: result.role, side: sideFromText(text) };
}

interface LineRecord {
  readonly record: FailureRecord;
  readonly match: LineMatch;
}

const lineRecords: readonly LineRecord[] = catalogue.flatMap((record) =>
  record.match.kind === "line" ? [{ record, match: record.match }] : [],
);

const priority = new Map(lineRecords.map((r, i) => [r, i]));

/** For each marker word (by its index in MARKERS): the line records it anchors, in priority order. */
const recordsByWord: readonly (readonly LineRecord[])[] = MARKERS.words.map((word) => lineRecords.filter((r) => r.match.anchor === word));
/** For each marker word: 1 when it anchors a line record. */
const ANCHORS = Uint8Array.from(recordsByWord, (records) => (records.length > 0 ? 1 : 0));

/** The line records whose anchor the message holds, in priority order. */
function candidateRecords(words: ArrayLike<number>, from: number, to: number): readonly LineRecord[] {
  if (to - from === 1) return recordsByWord[words[from]!]!;
  const candidates: LineRecord[] = [];
  for (let k = from; k < to; k++) candidates.push(...recordsByWord[words[k]!]!);
  return candidates.length > 1 ? candidates.sort((a, b) => priority.get(a)! - priority.get(b)!) : candidates;
}

const SENDS = 1;
const RECEIVES = 2;
/** For each marker word: whether it tells the sending or the receiving role. */
const ROLE_OF_WORD = Uint8Array.from(MARKERS.words, (word) => (SEND_ROLE_MARKERS.includes(word) ? SENDS : 0) | (RECEIVE_ROLE_MARKERS.includes(word) ? RECEIVES : 0));
// The rules' bit set in an Int32Array holds 31 of them.
if (Object.keys(sequenceRules).length > 31) throw new Error("more sequence rules than the marker bit sets hold");

interface ActiveRule {
  readonly record: FailureRecord;
  readonly rule: SequenceRule;
  readonly memory: RuleSlots;
}

/**
 * The entries a rule remembered, one held entry per slot: a rule that remembers an entry at each of
 * thousands of waits keeps one per piece of a stream (its row is copied when the piece is done),
 * and what it held is let go when it goes idle or the trace ends, so the stream may reuse the buffer.
 */
class RuleSlots implements RuleMemory {
  private readonly slots = new Map<string, HeldEntry>();

  slot(name: string): HeldEntry {
    let held = this.slots.get(name);
    if (held === undefined) this.slots.set(name, (held = new HeldEntry()));
    return held;
  }

  recall(name: string): TraceEntry | null {
    const held = this.slots.get(name);
    return held?.holds === true ? held.entry : null;
  }

  forget(): void {
    for (const held of this.slots.values()) held.letGo();
  }
}

export interface CollectedFindings {
  readonly findings: Finding[];
  readonly role: TransferRole | null;
  /** Timed entries seen. */
  readonly entries: number;
  /** Entries of every kind, as `split` prints them. */
  readonly allEntries: number;
  /** The first and the last timed entry, or null when there is none. */
  readonly first: TraceEntry | null;
  readonly last: TraceEntry | null;
}

/** Feeds chunks of one trace through the catalogue and the sequence rules. */
export class FindingCollector {
  private readonly options: AnalysisOptions;
  private readonly ignored: ReadonlySet<string>;
  private readonly rules: ActiveRule[];
  /** For each marker word: the rules it concerns, as a bit set over `rules`. */
  private readonly rulesByWord: Int32Array;
  /** For each marker word: the rules it may wake when idle (every rule that cannot tell it is idle). */
  private readonly wakersByWord: Int32Array;
  /** The rules that tell when they are idle, and those idle now. */
  private readonly tellsIdle: number;
  private idleRules: number;
  private readonly findings: Finding[] = [];
  private role: TransferRole | null = null;
  /** The last timed entry so far, made only when the rules finish: each piece replaces it. */
  private readonly lastEntry = new HeldEntry();
  private timedEntries = 0;
  private allEntries = 0;
  private firstEntry: TraceEntry | null = null;
  private readonly reportRunTogether: boolean;
  /** The marked entries of each chunk are copied here: one set of arrays for the whole trace. */
  private readonly markedRoom = new MarkedEntryRoom();

  constructor(options: Partial<AnalysisOptions> = {}) {
    this.options = { ...defaultAnalysisOptions, ...options };
    this.ignored = new Set(this.options.ignore);
    const ruleMarkers: string[][] = [];
    const ruleWakers: string[][] = [];
    this.rules = catalogue.flatMap((record) => {
      if (record.match.kind !== "sequence" || record.match.rule === "run-together-entries" || this.ignored.has(record.id)) return [];
      const definition = sequenceRules[record.match.rule];
      const markers = [...definition.markers, ...(definition.markersAnyCase ?? []).flatMap(caseVariants)];
      ruleMarkers.push(markers);
      ruleWakers.push(definition.wakers !== undefined ? [...definition.wakers] : markers);
      const memory = new RuleSlots();
      return [{ record, rule: definition.create(this.options, memory), memory }];
    });
    // Bit r: rule r (at most 31 rules, checked at load).
    const bitSet = (lists: string[][], word: string) => lists.reduce((mask, list, r) => (list.includes(word) ? mask | (1 << r) : mask), 0);
    this.rulesByWord = Int32Array.from(MARKERS.words, (word) => bitSet(ruleMarkers, word));
    this.wakersByWord = Int32Array.from(MARKERS.words, (word) => bitSet(ruleWakers, word));
    this.tellsIdle = this.rules.reduce((mask, { rule }, r) => (rule.idle !== undefined ? mask | (1 << r) : mask), 0);
    this.idleRules = this.rules.reduce((mask, { rule }, r) => (rule.idle === true ? mask | (1 << r) : mask), 0);
    this.reportRunTogether = this.options.editorHints && !this.ignored.has("run-together-entries");
  }

  addChunk(split: EntrySplit, base: ChunkBase): void {
    const marked = markedEntries(split, MARKERS, this.markedRoom);
    const { entries, words, wordsFrom } = marked;
    const piece = new MarkedPiece(split, base);
    // One object shows every entry in turn: an object per entry costs 5 % of a large check.
    const seen = new MarkedEntry(piece);
    const { rulesByWord, wakersByWord, tellsIdle } = this;
    for (let k = 0; k < entries.length; k++) {
      const from = wordsFrom[k]!;
      const to = wordsFrom[k + 1]!;
      let anchors = 0;
      let rules = 0;
      let wakes = 0;
      let roles = 0;
      for (let w = from; w < to; w++) {
        const word = words[w]!;
        anchors |= ANCHORS[word]!;
        rules |= rulesByWord[word]!;
        wakes |= wakersByWord[word]!;
        roles |= ROLE_OF_WORD[word]!;
      }
      const index = entries[k]!;
      // Untimed text is matched against line records only, and only when it reads like a quoted
      // message (a few lines), not like a document that mentions one.
      if (!split.isTimed(index)) {
        rules = 0;
        roles = 0;
        if (!isQuotedMessage(split, index)) anchors = 0;
      }
      // The role markers are markers too; the last entry that holds one tells the role.
      if ((roles & SENDS) !== 0) this.role = "send";
      else if ((roles & RECEIVES) !== 0) this.role = "receive";
      // An idle rule is shown only what may wake it.
      rules &= ~this.idleRules | wakes;
      if (anchors === 0 && rules === 0) continue;
      seen.moveTo(index, words, from, to);
      if (anchors !== 0) this.matchLine(seen, candidateRecords(words, from, to));
      // Each rule sees the entry once, in catalogue order, however many of its markers it holds.
      for (let r = 0, bit = 1; rules !== 0; r++, bit <<= 1, rules >>>= 1) {
        if ((rules & 1) === 0) continue;
        const { rule, memory } = this.rules[r]!;
        seen.memory = memory;
        rule.onEntry(seen);
        if ((tellsIdle & bit) !== 0) {
          const idle = rule.idle === true;
          this.idleRules = idle ? this.idleRules | bit : this.idleRules & ~bit;
          if (idle) memory.forget();
        }
      }
    }
    piece.settleHeld();
    if (this.reportRunTogether) this.addRunTogether(split, base);
    for (let i = split.count - 1; i >= 0; i--) {
      if (split.isTimed(i)) {
        this.lastEntry.hold(split, i, base);
        this.lastEntry.settle();
        break;
      }
    }
    if (this.firstEntry === null && split.timedCount > 0) {
      for (let i = 0; i < split.count; i++) {
        if (split.isTimed(i)) {
          this.firstEntry = split.entryAt(i, base);
          break;
        }
      }
    }
    this.timedEntries += split.timedCount;
    this.allEntries += split.count;
  }

  finish(): CollectedFindings {
    for (const active of this.rules) {
      for (const hit of active.rule.finish(this.lastEntry.holds ? this.lastEntry.entry : null)) this.findings.push(fromRuleHit(active.record, hit));
      active.memory.forget();
    }
    this.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
    const last = this.lastEntry.holds ? this.lastEntry.entry : null;
    return { findings: this.findings, role: this.role, entries: this.timedEntries, allEntries: this.allEntries, first: this.firstEntry, last };
  }

  private matchLine(seen: SeenEntry, candidates: readonly LineRecord[]): void {
    const { message } = seen;
    let apiError: number | null | undefined;
    let matchedSpecific = false;
    for (const { record, match } of candidates) {
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
      const entry = seen.entry;
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
    const { lineIndex } = split;
    // Walks the entries only until the hints are all given: a trace that lost every line break has a
    // run-together line per few entries.
    for (let i = 0; i < split.count; i++) {
      if (!split.isMidLine(i)) continue;
      // The first run-together entry of its line; the line's others follow it.
      const line = lineIndex.lineAt(split.startOf(i));
      const lineStart = lineIndex.lineStart(line);
      const nextLineStart = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : split.source.length + 1;
      const firstGlobal = split.entryAt(i, base);
      let lastIndex = i;
      let count = 1;
      while (lastIndex + 1 < split.count && split.startOf(lastIndex + 1) < nextLineStart) {
        lastIndex++;
        count++;
      }
      const lastGlobal = split.entryAt(lastIndex, base);
      i = lastIndex;
      if (++this.runTogetherHints > MAX_RUN_TOGETHER_HINTS) return;
      // The entry the line starts with, before the first run-together one.
      const values = { entries: String(count + 1) };
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
    }
  }
}

/** A piece of a trace being analysed, and the held entries to settle before its table is filled again. */
class MarkedPiece {
  private readonly held: HeldEntry[] = [];

  constructor(readonly split: EntrySplit, readonly base: ChunkBase) {}

  hold(held: HeldEntry, index: number): void {
    held.hold(this.split, index, this.base);
    if (!this.held.includes(held)) this.held.push(held);
  }

  /** Keeps what rules remembered from this piece: its split's table is filled again by the next. */
  settleHeld(): void {
    for (const held of this.held) held.settle();
    this.held.length = 0;
  }
}

/**
 * The marked entry records and rules are shown, one at a time: its message and entry are made only
 * when read. The same object shows the next entry: a rule keeps `entry` or remembers it, never the
 * SeenEntry (the rule tests show each entry as an object that throws when read later).
 */
class MarkedEntry implements SeenEntry {
  private index = -1;
  private kept: KeptEntry | null = null;
  private text: string | null = null;
  private words: ArrayLike<number> = [];
  private wordsFrom = 0;
  private wordsTo = 0;
  /** The memory of the rule it is being shown to. */
  memory: RuleSlots | null = null;

  constructor(private readonly piece: MarkedPiece) {}

  /** Shows entry `index`, which holds marker words `words[from]` up to `words[to]`. */
  moveTo(index: number, words: ArrayLike<number>, from: number, to: number): void {
    this.index = index;
    this.kept = null;
    this.text = null;
    this.words = words;
    this.wordsFrom = from;
    this.wordsTo = to;
  }

  get message(): string {
    const { split } = this.piece;
    return (this.text ??= split.source.slice(split.messageStartOf(this.index), split.contentEndOf(this.index)));
  }

  holds(marker: string): boolean {
    // By the words held (most entries hold one), not by looking the marker up: markers are constants,
    // and the rule tests hold every one a rule asks for to be a marker.
    for (let w = this.wordsFrom; w < this.wordsTo; w++) if (MARKERS.words[this.words[w]!] === marker) return true;
    return false;
  }

  holdsAny(markers: readonly string[]): boolean {
    // By the words held (one or two), not by looking each marker up.
    for (let w = this.wordsFrom; w < this.wordsTo; w++) if (markers.includes(MARKERS.words[this.words[w]!]!)) return true;
    return false;
  }

  get entry(): TraceEntry {
    return (this.kept ??= this.piece.split.keepEntry(this.index, this.piece.base)).entry;
  }

  remember(slot: string): void {
    this.piece.hold(this.memory!.slot(slot), this.index);
  }
}

/** Untimed text longer than this many lines is a document, not a quoted message: it is not matched. */
export const MAX_UNTIMED_LINES = 40;

function isQuotedMessage(split: EntrySplit, index: number): boolean {
  const { lineIndex } = split;
  return lineIndex.lineAt(split.contentEndOf(index)) - lineIndex.lineAt(split.startOf(index)) < MAX_UNTIMED_LINES;
}

/** Run-together hints reported per trace at most. */
export const MAX_RUN_TOGETHER_HINTS = 100;

const RUN_TOGETHER_RECORD = catalogue.find((r) => r.match.kind === "sequence" && r.match.rule === "run-together-entries");

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

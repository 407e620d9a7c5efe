// Splits trace text into entries. An entry starts at a clock time (`HH:MM:SS`) at the start of a
// line, or in the middle of a line where a lost line break ran one entry into the next
// (`... Build 0977823:26:58 Initializing ...`). A clock time written inside a message is not an
// entry start; the split decides by what surrounds the time and by time order with neighbours.
// The split is lossless: the entries' ranges tie end to start and cover the whole text.

import { forwardGap, isDigitCode, isMidnightRollover, readClock, SECONDS_PER_DAY } from "./clock";
import { ciscoLogHeads, isCiscoLog } from "./ciscoLog";
import { LineIndex } from "./lineIndex";

export type EntryKind =
  /** Text before the first timestamp. */
  | "preamble"
  /** A dumplog day header: `Events from February 8, 2007`. */
  | "header"
  /** A timestamped entry. */
  | "entry";

export interface TraceEntry {
  readonly index: number;
  readonly kind: EntryKind;
  /** Offset of the entry's first character. */
  readonly start: number;
  /** Offset just past the entry, including its own line ending: the next entry's start. */
  readonly end: number;
  /** Offset just past the entry's text, without trailing line endings. */
  readonly contentEnd: number;
  /** Offset where the message starts, after the time, process tag and level word. */
  readonly messageStart: number;
  /** 0-based line and column (UTF-16 code units) of `start`. */
  readonly line: number;
  readonly column: number;
  /** 0-based line and column of `contentEnd`. */
  readonly endLine: number;
  readonly endColumn: number;
  /** True when the entry starts after other text on its physical line (a lost line break). */
  readonly midLine: boolean;
  /** Seconds since midnight of the entry's day, or null for preamble and header. */
  readonly clock: number | null;
  /** Seconds since midnight of the first timed entry's day: counts midnights passed. */
  readonly elapsedClock: number | null;
  /** Calendar date `YYYY-MM-DD` when the trace gives one (dumplog day headers, Cisco Log). */
  readonly date: string | null;
  /** The time zone of `clock`, in minutes east of UTC, when the trace gives it (Cisco Log `+0900`). */
  readonly utcOffsetMinutes: number | null;
  /** Process tag after the time, e.g. `la-lgr`. */
  readonly processTag: string | null;
  /** Level word after the time and tag, e.g. `Trace`, `Fail`. */
  readonly level: string | null;
}

export type TraceFormat =
  /** `HH:MM:SS [tag] [Level:] message`, with or without dumplog's `Events from` day headers. */
  | "standard"
  /** Cisco Log: `<seq>: <host>: <Mon> <d> <yyyy> <HH:MM:SS.mmm> <zone>: %<APP>...: message`. */
  | "ciscolog";

/** What a split carries over to the next chunk of the same trace (streaming large files). */
export interface SplitState {
  readonly format: TraceFormat;
  /** Clock of the last timed entry: mid-line time order and midnight rollovers continue from it. */
  readonly previousClock: number | null;
  /** The last dumplog day header's date and the midnights passed since. */
  readonly day: string | null;
  readonly daysPassed: number;
  /** The first date an entry carried (Cisco Log): elapsed clocks count days from it. */
  readonly firstDate: string | null;
}

export interface SplitOptions {
  /** The state at the end of the previous chunk; absent for the first chunk or a whole text. */
  readonly state?: SplitState;
  /** Clock of the line-start entry that follows this chunk, for the last mid-line decisions. */
  readonly upcomingClock?: number | null;
}

export interface EntrySplit {
  readonly text: string;
  readonly format: TraceFormat;
  /** The state to pass on to the next chunk. */
  readonly state: SplitState;
  readonly entries: readonly TraceEntry[];
  readonly lineIndex: LineIndex;
  /** Physical lines (0-based) holding more than one entry start. */
  readonly runTogetherLines: readonly number[];
}

export const enum CandidatePlace {
  LineStart,
  /** Directly after other text: `...0977823:26:58`. */
  Abutting,
  /** After a space or tab: `... Library. 23:26:58 Trace: ...`. */
  Spaced,
}

export interface Candidate {
  readonly pos: number;
  readonly clock: number;
  readonly length: number;
  readonly place: CandidatePlace;
}

// Words after which a clock time is part of the message ("scheduled at 01:30:00").
const MESSAGE_TIME_WORDS = new Set([
  "at", "until", "till", "since", "by", "from", "to", "after", "before", "on", "is", "was", "were",
  "time", "times", "and", "or", "between", "around", "than", "as", "of", "for", "in", "next", "last",
  "scheduled", "expires", "expired", "starts", "started", "ends", "ended", "every", "each", "about",
]);

// Characters after which a clock time cannot start an entry: it is quoted or part of a value.
const NO_ENTRY_AFTER = new Set("([{<='\"/\\@#:+-$".split("").map((c) => c.charCodeAt(0)));

const EVENTS_FROM = "Events from ";
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

export function splitEntries(text: string, options: SplitOptions = {}): EntrySplit {
  const lineIndex = new LineIndex(text);
  const candidates = findCandidates(text);
  const state = options.state ?? initialState(isCiscoLog(text) ? "ciscolog" : "standard");
  if (state.format === "ciscolog") return buildEntries(text, lineIndex, state, ciscoLogHeads(text, candidates));
  const kept = chooseEntryStarts(text, candidates, state.previousClock, options.upcomingClock ?? null);
  return buildEntries(text, lineIndex, state, mergeHeads(kept.map((c) => standardHead(text, c)), findDayHeaders(text)));
}

function initialState(format: TraceFormat): SplitState {
  return { format, previousClock: null, day: null, daysPassed: 0, firstDate: null };
}

export function isLineStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const prev = text.charCodeAt(pos - 1);
  if (prev === 10 || prev === 13) return true;
  return pos === 1 && prev === 0xfeff;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Every well-formed clock time followed by a blank or line end. Linear: hops from colon to colon. */
export function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  let colon = text.indexOf(":", 2);
  while (colon !== -1) {
    const pos = colon - 2;
    const reading = readClock(text, pos);
    if (reading !== null) {
      const after = text.charCodeAt(pos + reading.length);
      const endsWell = Number.isNaN(after) || isBlank(after) || after === 10 || after === 13;
      if (endsWell) {
        let place: CandidatePlace;
        if (isLineStart(text, pos)) place = CandidatePlace.LineStart;
        else if (isBlank(text.charCodeAt(pos - 1))) place = CandidatePlace.Spaced;
        else place = CandidatePlace.Abutting;
        found.push({ pos, clock: reading.seconds, length: reading.length, place });
        colon = text.indexOf(":", pos + reading.length);
        continue;
      }
    }
    colon = text.indexOf(":", colon + 1);
  }
  return found;
}

/** Whether the text around a mid-line time reads like an entry start rather than a message value. */
function contextAllowsEntry(text: string, c: Candidate): boolean {
  if (c.place === CandidatePlace.LineStart) return true;
  const before = text.charCodeAt(c.pos - 1);
  if (c.place === CandidatePlace.Abutting) {
    if (NO_ENTRY_AFTER.has(before)) return false;
    // `2007-02-08T01:30:00` is an ISO time, not an entry start.
    return !(before === 84 /* T */ && isDigitCode(text.charCodeAt(c.pos - 2)));
  }
  // Spaced: the word before must not lead into a time, and what follows must look like an entry.
  const word = wordBefore(text, c.pos - 1);
  if (word === "" || MESSAGE_TIME_WORDS.has(word.toLowerCase())) return false;
  if (isDigitCode(word.charCodeAt(word.length - 1))) return false; // a date: `Feb 8 2007 05:37:44`
  return looksLikeEntryHead(text, c.pos + c.length + 1);
}

/** The run of non-blank characters ending just before `blankPos`, without trailing punctuation. */
function wordBefore(text: string, blankPos: number): string {
  let end = blankPos;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  let start = end;
  const limit = Math.max(0, end - 64);
  while (start > limit) {
    const code = text.charCodeAt(start - 1);
    if (isBlank(code) || code === 10 || code === 13) break;
    start--;
  }
  let word = text.slice(start, end);
  while (word.length > 0 && /[,;]/.test(word[word.length - 1]!)) word = word.slice(0, -1);
  return word;
}

/** An entry's message begins with a capital letter, a level word or a process tag such as `la-lgr`. */
function looksLikeEntryHead(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  if (code >= 65 && code <= 90) return true;
  return readProcessTag(text, pos) !== null;
}

/**
 * Keeps every line-start time; keeps a mid-line time when its context allows it and it lies on the
 * forward path of the clock between the previous kept time and the next likely entry time. A step
 * back is a midnight rollover only from late evening into early morning.
 */
function chooseEntryStarts(
  text: string,
  candidates: readonly Candidate[],
  previousClock: number | null,
  upcomingClock: number | null,
): Candidate[] {
  const plausible = candidates.map((c) => contextAllowsEntry(text, c));
  // nextAnchor[i]: clock of the first later candidate that is a line start or abutting and plausible.
  const nextAnchor = new Array<number | null>(candidates.length);
  let upcoming: number | null = upcomingClock;
  for (let i = candidates.length - 1; i >= 0; i--) {
    nextAnchor[i] = upcoming;
    const c = candidates[i]!;
    if (plausible[i] && c.place !== CandidatePlace.Spaced) upcoming = c.clock;
  }
  const kept: Candidate[] = [];
  let previous = previousClock;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.place !== CandidatePlace.LineStart) {
      if (!plausible[i]) continue;
      if (previous !== null && !liesBetween(previous, c.clock, nextAnchor[i]!)) continue;
    }
    kept.push(c);
    previous = c.clock;
  }
  return kept;
}

function isForwardStep(from: number, to: number): boolean {
  return to >= from || isMidnightRollover(from, to);
}

function liesBetween(previous: number, clock: number, next: number | null): boolean {
  if (!isForwardStep(previous, clock)) return false;
  if (next === null) return true;
  if (!isForwardStep(previous, next)) {
    // The next anchor itself breaks the order; judge by the previous time alone.
    return true;
  }
  return forwardGap(previous, clock) + forwardGap(clock, next) === forwardGap(previous, next);
}

interface DayHeader {
  readonly pos: number;
  readonly date: string;
}

/** `Events from February 8, 2007` at a line start. */
function findDayHeaders(text: string): DayHeader[] {
  const headers: DayHeader[] = [];
  let pos = text.indexOf(EVENTS_FROM);
  while (pos !== -1) {
    if (isLineStart(text, pos)) {
      const date = parseHeaderDate(text, pos + EVENTS_FROM.length);
      if (date !== null) headers.push({ pos, date });
    }
    pos = text.indexOf(EVENTS_FROM, pos + EVENTS_FROM.length);
  }
  return headers;
}

function parseHeaderDate(text: string, pos: number): string | null {
  const lineEnd = Math.min(text.length, pos + 40);
  const rest = text.slice(pos, lineEnd);
  const match = /^([A-Z][a-z]{2,8}) (\d{1,2}), (\d{4})/.exec(rest);
  if (match === null) return null;
  const month = MONTHS.indexOf(match[1]!) + 1;
  const day = Number(match[2]);
  if (month === 0 || day < 1 || day > 31) return null;
  return `${match[3]}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Where an entry starts and what its head says; the format's reader fills it. */
export interface EntryHead {
  readonly pos: number;
  readonly kind: EntryKind;
  readonly clock: number | null;
  /** A date the entry itself carries (Cisco Log), or the day header's date for a header. */
  readonly date: string | null;
  readonly utcOffsetMinutes: number | null;
  readonly messageStart: number;
  readonly processTag: string | null;
  readonly level: string | null;
}

function standardHead(text: string, c: Candidate): EntryHead {
  let messageStart = c.pos + c.length;
  if (text.charCodeAt(messageStart) === 32) messageStart++;
  const processTag = readProcessTag(text, messageStart);
  if (processTag !== null) messageStart += processTag.length + 1;
  const level = readLevelWord(text, messageStart);
  if (level !== null) {
    messageStart += level.length + 1;
    while (isBlank(text.charCodeAt(messageStart))) messageStart++;
  }
  return { pos: c.pos, kind: "entry", clock: c.clock, date: null, utcOffsetMinutes: null, messageStart, processTag, level };
}

function mergeHeads(times: readonly EntryHead[], headers: readonly DayHeader[]): EntryHead[] {
  const heads: EntryHead[] = [];
  let t = 0;
  let h = 0;
  while (t < times.length || h < headers.length) {
    const time = times[t];
    const header = headers[h];
    if (header !== undefined && (time === undefined || header.pos < time.pos)) {
      heads.push({ pos: header.pos, kind: "header", clock: null, date: header.date, utcOffsetMinutes: null, messageStart: header.pos, processTag: null, level: null });
      h++;
    } else if (time !== undefined) {
      heads.push(time);
      t++;
    }
  }
  return heads;
}

const PREAMBLE_HEAD: Omit<EntryHead, "pos"> = {
  kind: "preamble", clock: null, date: null, utcOffsetMinutes: null, messageStart: 0, processTag: null, level: null,
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function buildEntries(text: string, lineIndex: LineIndex, state: SplitState, heads: readonly EntryHead[]): EntrySplit {
  const entries: TraceEntry[] = [];
  const runTogetherLines: number[] = [];
  const firstPos = heads.length > 0 ? heads[0]!.pos : text.length;
  if (firstPos > 0) entries.push(makeEntry(text, lineIndex, 0, { ...PREAMBLE_HEAD, pos: 0 }, firstPos, null, null));
  // Undated entries take the day header's date, moved on at each midnight rollover.
  let { day, daysPassed, previousClock, firstDate } = state;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i]!;
    const end = i + 1 < heads.length ? heads[i + 1]!.pos : text.length;
    if (head.kind === "header") {
      day = head.date;
      daysPassed = 0;
      previousClock = null;
      entries.push(makeEntry(text, lineIndex, entries.length, head, end, null, day));
      continue;
    }
    const clock = head.clock!;
    let date: string | null;
    let elapsed: number;
    if (head.date !== null) {
      firstDate ??= head.date;
      date = head.date;
      elapsed = clock + daysBetween(firstDate, date) * SECONDS_PER_DAY;
    } else {
      if (previousClock !== null && isMidnightRollover(previousClock, clock)) daysPassed++;
      date = day === null ? null : addDays(day, daysPassed);
      elapsed = clock + daysPassed * SECONDS_PER_DAY;
    }
    previousClock = clock;
    const entry = makeEntry(text, lineIndex, entries.length, head, end, elapsed, date);
    if (entry.midLine && runTogetherLines[runTogetherLines.length - 1] !== entry.line) runTogetherLines.push(entry.line);
    entries.push(entry);
  }
  const next: SplitState = { format: state.format, previousClock, day, daysPassed, firstDate };
  return { text, format: state.format, state: next, entries, lineIndex, runTogetherLines };
}

function makeEntry(
  text: string,
  lineIndex: LineIndex,
  index: number,
  head: EntryHead,
  end: number,
  elapsedClock: number | null,
  date: string | null,
): TraceEntry {
  const start = head.pos;
  let contentEnd = end;
  while (contentEnd > start) {
    const code = text.charCodeAt(contentEnd - 1);
    if (code !== 10 && code !== 13) break;
    contentEnd--;
  }
  const startPos = lineIndex.positionAt(start);
  const endPos = lineIndex.positionAt(contentEnd);
  const messageStart = head.kind === "entry" ? Math.min(head.messageStart, contentEnd) : start;
  return {
    index,
    kind: head.kind,
    start,
    end,
    contentEnd,
    messageStart,
    line: startPos.line,
    column: startPos.character,
    endLine: endPos.line,
    endColumn: endPos.character,
    midLine: head.kind !== "preamble" && !isLineStart(text, start),
    clock: head.clock,
    elapsedClock,
    date,
    utcOffsetMinutes: head.utcOffsetMinutes,
    processTag: head.processTag,
    level: head.level,
  };
}

const LEVEL_WORDS = ["Trace", "Fail", "Warn", "Warning", "Error", "Info"];

function readLevelWord(text: string, pos: number): string | null {
  for (const word of LEVEL_WORDS) {
    if (text.startsWith(word, pos) && text.charCodeAt(pos + word.length) === 58 /* : */) return word;
  }
  return null;
}

/** A dumplog process tag, `<node><side>-<process>` such as `la-lgr` or `pg1a-opc`, then a blank. */
export function readProcessTag(text: string, pos: number): string | null {
  let i = pos;
  const limit = Math.min(text.length, pos + 24);
  let dash = -1;
  while (i < limit) {
    const code = text.charCodeAt(i);
    const lowerOrDigit = (code >= 97 && code <= 122) || isDigitCode(code);
    if (lowerOrDigit) {
      i++;
      continue;
    }
    if (code === 45 /* - */ && dash === -1 && i > pos) {
      dash = i;
      i++;
      continue;
    }
    break;
  }
  if (dash === -1 || i === dash + 1 || text.charCodeAt(i) !== 32) return null;
  return text.slice(pos, i);
}

/** The entry's text without its own line ending. */
export function entryText(split: EntrySplit, entry: TraceEntry): string {
  return split.text.slice(entry.start, entry.contentEnd);
}

/** The entry's message: after the time, process tag and level word. */
export function entryMessage(split: EntrySplit, entry: TraceEntry): string {
  return split.text.slice(entry.messageStart, entry.contentEnd);
}

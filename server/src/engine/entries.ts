// Splits trace text into entries, as the text's format says where they start (engine/format.ts).
// In dumplog's layout an entry starts at a clock time (`HH:MM:SS`) at the start of a line, or in the
// middle of a line where a lost line break ran one entry into the next (`... Build 0977823:26:58
// Initializing ...`). A clock time written inside a message is not an entry start; the split
// decides by what surrounds the time and by time order with neighbours.
// The split is lossless: the entries' ranges tie end to start and cover the whole text.
// Entries live in a table of typed arrays; an entry object is made only when one is read.

import { stringOf, type BufferReaders, type TextLike, type TraceText } from "./byteText";
import { CandidateList } from "./candidateList";
import { chooseEntryStarts, isLineStart } from "./candidates";
import { isMidnightRollover, SECONDS_PER_DAY } from "./clock";
import type { ClockLedEntries, EntryHead, HeadLedEntries, HeadWords, TraceFormat } from "./format";
import { LineIndex } from "./lineIndex";
import { scannerFor } from "./scan";
import type { EntryColumns, MarkableEntries, Scanner, TimedEntries } from "./scan/types";
import type { EntryKind, TraceEntry } from "../model/entries";

export type { EntryColumns } from "./scan/types";
export type { EntryKind, TraceEntry } from "../model/entries";

/** What a split carries over to the next chunk of the same trace (streaming large files). */
export interface SplitState {
  /** The format's name. */
  readonly format: string;
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
  /**
   * A table the split fills instead of allocating one: a stream's splits take turns in it. The split
   * made with it before is not to be read after (its kept entries copied their rows: `keepEntry`).
   */
  readonly sharedTable?: SharedEntryTable;
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

export interface EntrySplit extends MarkableEntries {
  /** The text, as a string (a split of bytes decodes them when this is first read). */
  readonly text: string;
  /** The text as it was split: a string, or ASCII bytes (streamed pieces of a file). */
  readonly source: TraceText;
  /** The format's name. */
  readonly format: string;
  /** The format the text was split by. */
  readonly traceFormat: TraceFormat;
  /** The scanner chosen for the text: every later scan of it goes through this one. */
  readonly scanner: Scanner;
  /** The state to pass on to the next chunk. */
  readonly state: SplitState;
  /** How many entries (preamble and headers included). */
  readonly count: number;
  /** How many of them are timed entries. */
  readonly timedCount: number;
  /** Every entry, made on first use (a streaming consumer reads only the ones it needs). */
  readonly entries: readonly TraceEntry[];
  /** One entry; with `base`, its offsets, lines and index are those in the whole trace. */
  entryAt(index: number, base?: ChunkBase): TraceEntry;
  /**
   * Entry `index`, to make later if at all: its row is copied now, so it stays readable after the
   * split's table is filled again (`SplitOptions.sharedTable`).
   */
  keepEntry(index: number, base?: ChunkBase): KeptEntry;
  readonly lineIndex: LineIndex;
  /** Physical lines (0-based) holding more than one entry start. */
  readonly runTogetherLines: readonly number[];
  /** Cheap per-entry reads, without making entry objects. */
  startOf(index: number): number;
  /** The index of the entry holding `offset`; `from`, an entry at or before it, narrows the search. */
  indexAt(offset: number, from?: number): number;
  /** Seconds since midnight, or null for preamble and headers. */
  clockOf(index: number): number | null;
  /**
   * The entry's time in seconds: since the epoch (UTC) when it has a date and a zone, else on the
   * elapsed clock (since midnight of the first timed entry's day); null for preamble and headers.
   * `onDates` false: the elapsed clock always (a text that mixes dated and undated entries).
   */
  timeOf(index: number, onDates?: boolean): number | null;
  /** How many timed entries have a date and a zone. */
  readonly datedCount: number;
  endOf(index: number): number;
  /** Offset just past the entry's text, without its trailing line endings. */
  contentEndOf(index: number): number;
  messageStartOf(index: number): number;
  isTimed(index: number): boolean;
  isMidLine(index: number): boolean;
  /** The columns the byte scan maps marker matches to entries with (markers.ts). */
  readonly columns: EntryColumns;
}

const KIND_ENTRY = 0;
const KIND_PREAMBLE = 1;
const KIND_HEADER = 2;
const KIND_NAMES: readonly EntryKind[] = ["entry", "preamble", "header"];
const NO_ZONE = -32768;
const MESSAGE_START_UNREAD = -1;

/** Entries as columns of typed arrays: millions of entries without millions of objects. */
class EntryTable {
  count = 0;
  timed = 0;
  start: Int32Array;
  messageStart: Int32Array;
  clock: Float64Array;
  elapsed: Float64Array;
  kind: Uint8Array;
  dateRef: Int32Array;
  zone: Int16Array;

  /** `capacity`: the expected number of entries; the columns grow past it when needed. */
  constructor(capacity: number) {
    const size = Math.max(64, capacity);
    this.start = new Int32Array(size);
    this.messageStart = new Int32Array(size);
    this.clock = new Float64Array(size);
    this.elapsed = new Float64Array(size);
    this.kind = new Uint8Array(size);
    this.dateRef = new Int32Array(size);
    this.zone = new Int16Array(size);
  }
  readonly dates: string[] = [];
  /** Tag and level words read by a format's reader; the standard format reads them again on demand. */
  readonly tags = new Map<number, HeadWords>();
  /** Counts the splits that filled the table: a split reads it only while it is the last. */
  generation = 0;

  /** Empties the table for the next split, with room for `capacity` entries. */
  refill(capacity: number): this {
    this.count = 0;
    this.timed = 0;
    this.dates.length = 0;
    this.tags.clear();
    this.generation++;
    while (this.start.length < capacity) this.grow();
    return this;
  }

  push(start: number, messageStart: number, kind: number, clock: number, elapsed: number, date: string | null, zone: number): number {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    if (kind === KIND_ENTRY) this.timed++;
    this.start[i] = start;
    this.messageStart[i] = messageStart;
    this.kind[i] = kind;
    this.clock[i] = clock;
    this.elapsed[i] = elapsed;
    this.zone[i] = zone;
    this.dateRef[i] = date === null ? -1 : this.refOf(date);
    return i;
  }

  /**
   * Makes room for `n` entries after the last and counts them in; returns the first one's index. The
   * caller writes every column of them: a shared table holds the last split's rows there.
   */
  reserve(n: number): number {
    while (this.count + n > this.start.length) this.grow();
    const first = this.count;
    this.count += n;
    return first;
  }

  /** The index of `date` in `dates`: dates come in text order, so only the last is compared. */
  refOf(date: string): number {
    if (this.dates[this.dates.length - 1] !== date) this.dates.push(date);
    return this.dates.length - 1;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array | Int16Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.start = grown(this.start, (n) => new Int32Array(n));
    this.messageStart = grown(this.messageStart, (n) => new Int32Array(n));
    this.clock = grown(this.clock, (n) => new Float64Array(n));
    this.elapsed = grown(this.elapsed, (n) => new Float64Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.dateRef = grown(this.dateRef, (n) => new Int32Array(n));
    this.zone = grown(this.zone, (n) => new Int16Array(n));
  }
}

/** One entry table that a stream's splits take turns in, instead of each allocating its own. */
export class SharedEntryTable {
  private table: EntryTable | null = null;

  /** The table, emptied, with room for `capacity` entries. */
  take(capacity: number): EntryTable {
    return this.table === null ? (this.table = new EntryTable(capacity)) : this.table.refill(capacity);
  }
}

/** Candidates live only while a text is split: one list serves every split. */
const SCRATCH_CANDIDATES = new CandidateList();

/**
 * Splits a text, or the bytes of a piece of a file, written in `format`: bytes the scanner reads as
 * they are (ASCII) are split so, others are decoded first.
 */
export function splitWith(format: TraceFormat, input: TraceText, options: SplitOptions = {}): EntrySplit {
  const scanner = scannerFor(input);
  const text = scanner.text;
  const state = options.state ?? initialState(format.name);
  const capacity = Math.ceil(text.length / 64);
  const table = options.sharedTable?.take(capacity) ?? new EntryTable(capacity);
  // Line breaks counted, not listed, when the scanner counts them and LF alone ends lines.
  const breaks = scanner.lineBreaks();
  const lineFeedsOnly = breaks !== null && !breaks.hasCarriageReturn;
  const lines = new LineIndex(text, lineFeedsOnly ? breaks.lineFeeds + 1 : -1, scanner);
  const builder = new TableBuilder(table, state);
  const { entries } = format;
  if (entries.kind === "heads") {
    const heads = entries.findHeads?.(stringOf(text), scanner, lines) ?? headsAtLineStarts(stringOf(text), lines, entries);
    builder.preamble(text, heads.length > 0 ? heads[0]!.pos : text.length);
    for (const head of heads) builder.head(head);
  } else {
    // Day headers start with `E`: the lines the scanner found an `E` at, or every line.
    const headers = findDayHeaders(text, lineFeedsOnly ? withFirstLine(breaks.eLineStarts) : lines.lineStarts, entries);
    const upcomingClock = options.upcomingClock ?? null;
    const previousClock = state.previousClock ?? Number.NaN;
    if (headers.length === 0 && state.day === null) {
      // Most traces have no day header: the scanner finds, chooses and times the entries in one go.
      const timed = scanner.timedEntries(previousClock, upcomingClock ?? Number.NaN, state.daysPassed);
      builder.preamble(text, timed.start.length > 0 ? timed.start[0]! : text.length);
      builder.scannedTimes(timed);
    } else {
      const candidates = scanner.clockCandidates(SCRATCH_CANDIDATES);
      const kept = chooseEntryStarts(stringOf(text), candidates, state.previousClock, upcomingClock);
      const firstTime = kept.length > 0 ? candidates.pos[kept[0]!]! : text.length;
      builder.preamble(text, Math.min(firstTime, headers[0]?.pos ?? text.length));
      // Runs of times between day headers.
      let k = 0;
      for (const header of headers) {
        const to = firstAtOrAfter(candidates.pos, kept, k, header.pos);
        builder.times(candidates, kept, k, to);
        builder.header(header);
        k = to;
      }
      builder.times(candidates, kept, k, kept.length);
    }
  }
  return new TraceSplit(text, format, scanner, builder.finish(), table, lines);
}

/** The heads of the entries that start lines, as the format reads them. */
function headsAtLineStarts(text: string, lines: LineIndex, entries: HeadLedEntries): EntryHead[] {
  const heads: EntryHead[] = [];
  const starts = lines.lineStarts;
  for (let line = 0; line < starts.length; line++) {
    const pos = starts[line]!;
    if (pos >= text.length) break;
    const head = entries.readHead(text, pos);
    if (head !== null) heads.push(head);
  }
  return heads;
}

/** The first k from `from` on whose candidate lies at or after `offset`. */
function firstAtOrAfter(pos: Int32Array, kept: Int32Array, from: number, offset: number): number {
  let k = from;
  while (k < kept.length && pos[kept[k]!]! < offset) k++;
  return k;
}

function initialState(format: string): SplitState {
  return { format, previousClock: null, day: null, daysPassed: 0, firstDate: null };
}

/** Fills the table in text order, carrying day headers and midnight rollovers along. */
class TableBuilder {
  private day: string | null;
  private daysPassed: number;
  private previousClock: number | null;
  private firstDate: string | null;

  constructor(private readonly table: EntryTable, private readonly state: SplitState) {
    ({ day: this.day, daysPassed: this.daysPassed, previousClock: this.previousClock, firstDate: this.firstDate } = state);
  }

  /**
   * The untimed text before the first entry: pasted alarm or event text, a message quoted without its
   * time. A line that starts with a process tag (`la-lgr Fail: …`) starts an untimed entry of its own;
   * any other line goes on the one before, so a wrapped message stays whole.
   */
  preamble(text: TextLike, end: number): void {
    if (end <= 0) return;
    let start = 0;
    let head = readUntimedHead(text, 0);
    for (let lf = text.indexOf("\n"); lf !== -1 && lf + 1 < end; lf = text.indexOf("\n", lf + 1)) {
      const next = readUntimedHead(text, lf + 1);
      if (next === null) continue;
      this.untimed(start, head);
      start = lf + 1;
      head = next;
    }
    this.untimed(start, head);
  }

  private untimed(start: number, head: UntimedHead | null): void {
    const index = this.table.push(start, head?.messageStart ?? start, KIND_PREAMBLE, Number.NaN, Number.NaN, null, NO_ZONE);
    if (head !== null) this.table.tags.set(index, head);
  }

  header(header: DayHeader): void {
    this.day = header.date;
    this.daysPassed = 0;
    this.previousClock = null;
    this.table.push(header.pos, header.pos, KIND_HEADER, Number.NaN, Number.NaN, header.date, NO_ZONE);
  }

  /** Timed entries at the candidates `kept[from]` up to `kept[to]`, in one loop: a chunk holds thousands. */
  times(candidates: CandidateList, kept: Int32Array, from: number, to: number): void {
    if (from === to) return;
    const table = this.table;
    const first = table.reserve(to - from);
    const { start, clock: clocks, elapsed, dateRef } = table;
    let previous = this.previousClock ?? Number.NaN;
    let daysPassed = this.daysPassed;
    let dateAt = this.dateRefFor(daysPassed);
    for (let k = from, i = first; k < to; k++, i++) {
      const c = kept[k]!;
      const clock = candidates.clock[c]!;
      if (previous === previous && isMidnightRollover(previous, clock)) dateAt = this.dateRefFor(++daysPassed);
      previous = clock;
      start[i] = candidates.pos[c]!;
      clocks[i] = clock;
      elapsed[i] = clock + daysPassed * SECONDS_PER_DAY;
      dateRef[i] = dateAt;
    }
    this.markTimed(first);
    this.previousClock = previous;
    this.daysPassed = daysPassed;
  }

  /** Timed entries the byte scan chose and read (a text with no day header, after none). */
  scannedTimes(timed: TimedEntries): void {
    const n = timed.start.length;
    if (n === 0) return;
    const table = this.table;
    const first = table.reserve(n);
    table.start.set(timed.start, first);
    table.clock.set(timed.clock, first);
    table.elapsed.set(timed.elapsed, first);
    // No day header: no dates, as dateRefFor says.
    table.dateRef.fill(-1, first, table.count);
    this.markTimed(first);
    this.previousClock = timed.lastClock;
    this.daysPassed = timed.daysPassed;
  }

  /**
   * The columns a reader of times leaves alike for the rows from `first` on, which it reserved: a
   * shared table still holds the last split's rows there.
   */
  private markTimed(first: number): void {
    const table = this.table;
    // The message start is read on demand: most entries of a large trace are never looked into.
    table.messageStart.fill(MESSAGE_START_UNREAD, first, table.count);
    table.kind.fill(KIND_ENTRY, first, table.count);
    table.zone.fill(NO_ZONE, first, table.count);
    table.timed += table.count - first;
  }

  /** The table's reference to the date `daysPassed` after the current day header's, or -1 without one. */
  private dateRefFor(daysPassed: number): number {
    return this.day === null ? -1 : this.table.refOf(addDays(this.day, daysPassed));
  }

  /** An entry whose head its format read: dated (Cisco Log), or counting midnights as times do. */
  head(head: EntryHead): void {
    const clock = head.clock!;
    let date = head.date;
    let elapsed: number;
    if (date !== null) {
      this.firstDate ??= date;
      elapsed = clock + daysBetween(this.firstDate, date) * SECONDS_PER_DAY;
    } else {
      if (this.previousClock !== null && isMidnightRollover(this.previousClock, clock)) this.daysPassed++;
      elapsed = clock + this.daysPassed * SECONDS_PER_DAY;
      date = this.day === null ? null : addDays(this.day, this.daysPassed);
    }
    this.previousClock = clock;
    const index = this.table.push(head.pos, head.messageStart, KIND_ENTRY, clock, elapsed, date, head.utcOffsetMinutes ?? NO_ZONE);
    this.table.tags.set(index, { processTag: head.processTag, level: head.level });
  }

  finish(): SplitState {
    return { format: this.state.format, previousClock: this.previousClock, day: this.day, daysPassed: this.daysPassed, firstDate: this.firstDate };
  }
}

class TraceSplit implements EntrySplit {
  private made: TraceEntry[] | undefined;
  private runTogether: number[] | undefined;
  private dated: number | undefined;
  /** Each date's midnight (UTC) in epoch seconds, by its index in the table's dates. */
  private readonly midnights: number[] = [];
  /** The table's generation when this split filled it. */
  private readonly generation: number;

  /** Reads the heads the table does not hold (a clock-led format's tags, levels and message starts). */
  private readonly reader: ClockLedEntries | null;

  constructor(
    readonly source: TraceText,
    readonly traceFormat: TraceFormat,
    readonly scanner: Scanner,
    readonly state: SplitState,
    private readonly table: EntryTable,
    readonly lineIndex: LineIndex,
  ) {
    this.generation = table.generation;
    this.reader = traceFormat.entries.kind === "clock" ? traceFormat.entries : null;
  }

  hasMessage(index: number): boolean {
    const kind = this.table.kind[index];
    return kind === KIND_ENTRY || kind === KIND_PREAMBLE;
  }

  get format(): string {
    return this.traceFormat.name;
  }

  get text(): string {
    return stringOf(this.source);
  }

  get count(): number {
    return this.table.count;
  }

  get columns(): EntryColumns {
    return this.table;
  }

  get timedCount(): number {
    return this.table.timed;
  }

  get entries(): readonly TraceEntry[] {
    if (this.made === undefined) {
      const made: TraceEntry[] = new Array(this.table.count);
      for (let i = 0; i < this.table.count; i++) made[i] = this.makeEntry(i, FIRST_CHUNK);
      this.made = made;
    }
    return this.made;
  }

  entryAt(index: number, base: ChunkBase = FIRST_CHUNK): TraceEntry {
    return (base === FIRST_CHUNK ? this.made?.[index] : undefined) ?? this.makeEntry(index, base);
  }

  keepEntry(index: number, base: ChunkBase = FIRST_CHUNK): KeptEntry {
    const t = this.table;
    // Entries are kept and made from the table as this split left it, never from a later split's.
    if (t.generation !== this.generation) throw new Error("an entry read from a split whose table was filled again");
    const dateRef = t.dateRef[index]!;
    return new KeptEntry(
      this.source,
      this.lineIndex,
      base,
      index,
      t.kind[index]!,
      t.start[index]!,
      this.endOf(index),
      t.messageStart[index]!,
      t.clock[index]!,
      t.elapsed[index]!,
      dateRef < 0 ? null : t.dates[dateRef]!,
      t.zone[index]!,
      t.tags.size === 0 ? undefined : t.tags.get(index),
      this.reader,
    );
  }

  get runTogetherLines(): readonly number[] {
    if (this.runTogether === undefined) {
      const lines: number[] = [];
      for (let i = 0; i < this.table.count; i++) {
        if (!this.isMidLine(i)) continue;
        const line = this.lineIndex.lineAt(this.table.start[i]!);
        if (lines[lines.length - 1] !== line) lines.push(line);
      }
      this.runTogether = lines;
    }
    return this.runTogether;
  }

  startOf(index: number): number {
    return this.table.start[index]!;
  }

  indexAt(offset: number, from = 0): number {
    const starts = this.table.start;
    let low = from;
    let high = this.table.count - 1;
    // Gallop from `from`: callers that walk forward mostly ask for an entry a few places on.
    let step = 1;
    for (; low + step <= high && starts[low + step]! <= offset; step *= 2) low += step;
    if (low + step <= high) high = low + step - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  clockOf(index: number): number | null {
    return this.table.kind[index] === KIND_ENTRY ? this.table.clock[index]! : null;
  }

  timeOf(index: number, onDates = true): number | null {
    const t = this.table;
    if (t.kind[index] !== KIND_ENTRY) return null;
    const zone = t.zone[index]!;
    const dateRef = t.dateRef[index]!;
    if (!onDates || zone === NO_ZONE || dateRef < 0) return t.elapsed[index]!;
    return (this.midnights[dateRef] ??= Date.parse(`${t.dates[dateRef]!}T00:00:00Z`) / 1000) + t.clock[index]! - zone * 60;
  }

  endOf(index: number): number {
    return index + 1 < this.table.count ? this.table.start[index + 1]! : this.source.length;
  }

  contentEndOf(index: number): number {
    return contentEndIn(this.source, this.table.start[index]!, this.endOf(index));
  }

  messageStartOf(index: number): number {
    const t = this.table;
    return (t.messageStart[index] = messageStartIn(this.source, t.start[index]!, t.messageStart[index]!, this.reader));
  }

  get datedCount(): number {
    if (this.dated === undefined) {
      const t = this.table;
      let dated = 0;
      for (let i = 0; i < t.count; i++) if (t.kind[i] === KIND_ENTRY && t.zone[i] !== NO_ZONE && t.dateRef[i]! >= 0) dated++;
      this.dated = dated;
    }
    return this.dated;
  }

  isTimed(index: number): boolean {
    return this.table.kind[index] === KIND_ENTRY;
  }

  isMidLine(index: number): boolean {
    return startsMidLine(this.source, this.table.kind[index]!, this.table.start[index]!);
  }

  private makeEntry(index: number, base: ChunkBase): TraceEntry {
    return this.keepEntry(index, base).entry;
  }
}

/**
 * An entry's row, copied out of its split's table, and the entry made from it on first read: rules
 * keep many entries and read few, and the table is filled again by the next piece of a stream.
 */
export class KeptEntry {
  private made: TraceEntry | null = null;
  /** Counts this entry as a reader of its buffer until it is made or let go (a streamed piece's bytes). */
  private readers: BufferReaders | null = null;
  private letGo = false;

  constructor(
    private readonly source: TraceText,
    private readonly lines: LineIndex,
    private readonly base: ChunkBase,
    private readonly index: number,
    private readonly kindCode: number,
    private readonly start: number,
    private readonly end: number,
    /** As stored: MESSAGE_START_UNREAD when not read yet. */
    private readonly messageStart: number,
    private readonly clock: number,
    private readonly elapsed: number,
    private readonly date: string | null,
    private readonly zone: number,
    /** The tag and level a format's reader read; the standard format reads them from the text. */
    private readonly headWords: HeadWords | undefined,
    private readonly reader: ClockLedEntries | null,
  ) {
    if (typeof source !== "string" && source.readers !== undefined) {
      this.readers = source.readers;
      this.readers.count++;
    }
  }

  get entry(): TraceEntry {
    if (this.made === null) {
      // Its buffer may have been written again since.
      if (this.letGo) throw new Error("a kept entry read after it was let go");
      this.made = this.make();
      this.stopReading();
    }
    return this.made;
  }

  /** Its holder will not read it: its buffer may be written again. */
  letGoUnread(): void {
    if (this.made === null) this.letGo = true;
    this.stopReading();
  }

  private stopReading(): void {
    if (this.readers !== null) this.readers.count--;
    this.readers = null;
  }

  private make(): TraceEntry {
    const { source, start, base } = this;
    const contentEnd = contentEndIn(source, start, this.end);
    const timed = this.kindCode === KIND_ENTRY;
    // Positions, not lines and their starts: a chunk whose line starts are not listed counts to them.
    const startAt = this.lines.positionAt(start);
    const endAt = this.lines.positionAt(contentEnd);
    const { processTag, level } = this.headWords ?? (timed && this.reader !== null ? this.reader.readHead(source, start) : NO_HEAD_WORDS);
    const messageStart = this.kindCode === KIND_HEADER ? start : messageStartIn(source, start, this.messageStart, this.reader);
    // A chunk's first line may go on a line the previous chunk began (a giant line was cut).
    const offset = base.offset;
    return {
      index: this.index + base.entryIndex,
      kind: KIND_NAMES[this.kindCode]!,
      start: start + offset,
      end: this.end + offset,
      contentEnd: contentEnd + offset,
      messageStart: Math.min(messageStart, contentEnd) + offset,
      line: startAt.line + base.line,
      column: startAt.character + (startAt.line === 0 ? base.column : 0),
      endLine: endAt.line + base.line,
      endColumn: endAt.character + (endAt.line === 0 ? base.column : 0),
      midLine: startsMidLine(source, this.kindCode, start) || (startAt.line === 0 && base.column > 0),
      clock: timed ? this.clock : null,
      elapsedClock: timed ? this.elapsed : null,
      date: this.date,
      utcOffsetMinutes: this.zone === NO_ZONE ? null : this.zone,
      processTag,
      level,
    };
  }
}

/** What a held entry is kept from: a split (`EntrySplit.keepEntry`). */
export interface EntryKeeper {
  keepEntry(index: number, base: ChunkBase): Pick<KeptEntry, "entry" | "letGoUnread">;
}

/**
 * An entry a rule holds on to and may replace at every entry it is shown (a receive's last wait):
 * its row is copied only when the piece it is in is done (`settle`) or when it is read, so a rule
 * that replaces it thousands of times keeps one entry per piece, not one per replacement.
 */
export class HeldEntry {
  private split: EntryKeeper | null = null;
  private index = 0;
  private base: ChunkBase = FIRST_CHUNK;
  private kept: Pick<KeptEntry, "entry" | "letGoUnread"> | null = null;

  /** Holds entry `index` of `split`, which is being analysed, instead of the one held before. */
  hold(split: EntryKeeper, index: number, base: ChunkBase): void {
    this.letGo();
    this.split = split;
    this.index = index;
    this.base = base;
  }

  /** Holds nothing: an entry kept and never read leaves its buffer free to be written again. */
  letGo(): void {
    this.kept?.letGoUnread();
    this.kept = null;
    this.split = null;
  }

  /** Whether an entry is held (none before the first `hold`, nor after `letGo`). */
  get holds(): boolean {
    return this.split !== null || this.kept !== null;
  }

  /** Keeps the held entry before its split's table is filled again. */
  settle(): void {
    if (this.split === null) return;
    this.kept = this.split.keepEntry(this.index, this.base);
    this.split = null;
  }

  get entry(): TraceEntry {
    this.settle();
    if (this.kept === null) throw new Error("no entry held");
    return this.kept.entry;
  }
}

const NO_HEAD_WORDS: HeadWords = { processTag: null, level: null };

/** A timed entry's message start as stored, or read from its head when not read yet (only a clock-led format leaves it unread). */
function messageStartIn(text: TextLike, start: number, stored: number, reader: ClockLedEntries | null): number {
  return stored === MESSAGE_START_UNREAD && reader !== null ? reader.messageStart(text, start) : stored;
}

/** Whether an entry of this kind starts after other text on its line (a lost line break). */
function startsMidLine(text: TextLike, kindCode: number, start: number): boolean {
  return kindCode !== KIND_PREAMBLE && !isLineStart(text, start);
}

/** Just past the text of the entry from `start` to `end`, without its trailing line endings. */
function contentEndIn(text: TextLike, start: number, end: number): number {
  let at = end;
  while (at > start) {
    const code = text.charCodeAt(at - 1);
    if (code !== 10 && code !== 13) break;
    at--;
  }
  return at;
}

/** The head of an untimed entry: a process tag and a level word, e.g. `pg1A-pgag Fail: `. */
interface UntimedHead extends HeadWords {
  readonly messageStart: number;
}

// dumplog's tag `<node><side>-<process>` in either case (`la-lgr`, `pg10A-pim1`, `PG1A-jgw1`): a
// node name ends with its side, A or B. Then an optional level word.
const UNTIMED_HEAD = /^([A-Za-z]{1,4}[0-9]{0,3}[ABab]-[a-z][a-z0-9]{1,11}) (?:([A-Z][a-z]{1,10}): *)?/;

function readUntimedHead(text: TextLike, pos: number): UntimedHead | null {
  const match = UNTIMED_HEAD.exec(text.slice(pos, pos + 48));
  if (match === null) return null;
  return { processTag: match[1]!, level: match[2] ?? null, messageStart: pos + match[0].length };
}

interface DayHeader {
  readonly pos: number;
  readonly date: string;
}

/**
 * Day headers at line starts: only the given line starts are looked at (all of them, or those the
 * scanner found an `E` at), not the whole text.
 */
function findDayHeaders(text: TextLike, lineStarts: ArrayLike<number>, entries: ClockLedEntries): DayHeader[] {
  const headers: DayHeader[] = [];
  for (let line = 0; line < lineStarts.length; line++) {
    let pos = lineStarts[line]!;
    if (pos === 0 && text.charCodeAt(0) === 0xfeff) pos = 1;
    if (text.charCodeAt(pos) !== 69 /* E */) continue;
    const date = entries.readDayHeader(text, pos);
    if (date !== null) headers.push({ pos, date });
  }
  return headers;
}

/** The first line's start, 0, before the starts of the lines that follow a line break. */
function withFirstLine(starts: Int32Array): Int32Array {
  const all = new Int32Array(starts.length + 1);
  all.set(starts, 1);
  return all;
}

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function addDays(isoDate: string, days: number): string {
  if (days === 0) return isoDate;
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The entry's text without its own line ending. */
export function entryText(split: EntrySplit, entry: TraceEntry): string {
  return split.text.slice(entry.start, entry.contentEnd);
}

/** The entry's message: after the time, process tag and level word. */
export function entryMessage(split: EntrySplit, entry: TraceEntry): string {
  return split.text.slice(entry.messageStart, entry.contentEnd);
}

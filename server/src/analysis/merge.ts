// Many traces on one clock: each trace is a lane (`<who>/<process>`), traces of one host (else one
// side, else each file alone) share a clock, the first trace's clock is the reference, and every
// other clock gets the offset that two of them logging the same event tells (a call both name, the
// Logger pair's state transfer), else zero; the user may set any offset. Entries then merge in
// corrected time order, each trace keeping its own order.
//
// Two passes over each trace, in bounded memory: the survey reads what places its clock (its start,
// and where the clocks need events the marked entries only), then the merge reads every trace's
// entries side by side, a split at a time (the CLI's on threads: cli/mergeThreads.ts).

import type { ByteSource } from "../engine/byteSource";
import { SECONDS_PER_DAY } from "../engine/clock";
import { FIRST_CHUNK, type ChunkBase, type EntrySplit } from "../engine/entries";
import { LiteralSet } from "../engine/literalSet";
import { markedEntries, MarkedEntryRoom } from "../engine/marking";
import { feedSplits, SplitStream, type FeedOptions } from "../formats/splitStream";
import { CALL_KINDS, callIdKey, callIdWords, findCallIds, type CallId } from "../knowledge/callIds";
import { sideFromPath, sideFromText } from "../knowledge/traceFacts";
import { hostOf, processFromFileName, processFromTag, sideFromTag } from "../knowledge/traceOrigin";
import { PEER_SYNC_MARKERS, RECEIVE_START, SEND_PREPARE } from "../knowledge/vocabulary";
import { analyzeTrace, type TraceAnalysis } from "./analyze";

export interface MergeInput {
  /** The trace's name: a path or a bundle member (`case.zip!/LoggerA/lgr.txt`). */
  readonly file: string;
  readonly text: string;
}

export interface Lane {
  /** `<who>/<process>`: host, else side, else file name; process, else `?`. */
  readonly name: string;
  readonly file: string;
  /** The clock the lane is on: `host:…`, `side:…` or `file:…`. */
  readonly clock: string;
}

export interface ClockOffset {
  readonly clock: string;
  /** Seconds added to this clock's times to put them on the reference clock. */
  readonly offsetSeconds: number;
  /**
   * What found it: a call both clocks name, the Logger pair's transfer, the peer synchronizers of a
   * duplexed pair connecting, the user, or nothing.
   */
  readonly anchor: "reference" | "call" | "transfer" | "peer-sync" | "given" | "none";
}

export interface MergedEntry {
  readonly lane: string;
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
  /** Seconds on the reference clock: since the epoch when dated, else since midnight of the first day. */
  readonly time: number;
  /** `time` as text: ISO 8601 (UTC) where a date is known, else `HH:MM:SS[.mmm]`. */
  readonly timeText: string;
  readonly offsetSeconds: number;
  readonly message: string;
  /** The source trace and entry, for callers that show more of it. */
  readonly traceIndex: number;
  readonly entryIndex: number;
}

export interface MergedSet {
  readonly lanes: readonly Lane[];
  readonly clocks: readonly ClockOffset[];
  readonly entries: readonly MergedEntry[];
  readonly analyses: readonly TraceAnalysis[];
}

export interface MergeOptions {
  /** Offsets the user sets, by clock or by the `who` of a lane (`ROUTERB`, `B`, a file name), in seconds. */
  readonly offsets?: Readonly<Record<string, number>>;
}

// ---------------------------------------------------------------------------------------------
// The survey: one pass over a trace for its lane and the events that place its clock.

/** What one pass over a trace tells the merge. */
export interface TraceSurvey {
  readonly lane: Lane;
  /** Each call identifier's first time, on the trace's own clock (split.timeOf). */
  readonly callTimes: ReadonlyMap<string, number>;
  /** The last state transfer's start on the trace's own clock: the sender's prepare, the receiver's initiate. */
  readonly sendStart: number | null;
  readonly receiveStart: number | null;
  /** The last time the trace's synchronizer connected to its peer's, on its own clock. */
  readonly peerSync: number | null;
  /** The first timed entry's time; null for a trace without times, which cannot be placed. */
  readonly firstTime: number | null;
  /**
   * Whether dated entries are placed on their date (UTC): not when the trace's first piece mixes
   * dated and undated entries (a paste of dumplog and Cisco Log lines), whose times then all stay
   * times of day, in one order.
   */
  readonly onDates: boolean;
}

/** An entry the survey was asked to keep: one that names a followed call. */
export interface NamingEntry {
  readonly line: number;
  readonly column: number;
  readonly entryIndex: number;
  /** On the trace's own clock; the first timed entry's for untimed text before it. */
  readonly ownTime: number | null;
  readonly message: string;
}

/** Every event that two clocks may both log: a transfer's start on either side, the peer synchronizers connecting. */
const CLOCK_EVENTS = [SEND_PREPARE, RECEIVE_START, ...PEER_SYNC_MARKERS];
/** Every word an entry that may place a clock holds: a call's own identifiers, an event both sides log. */
const SURVEY_WORDS = new LiteralSet([...callIdWords(CALL_KINDS), ...CLOCK_EVENTS]);

function innerPath(file: string): string {
  return file.replace(/^.*!\//, "");
}

/** A split consumer that surveys a trace, split by split. */
class TraceSurveyor {
  private readonly callTimes = new Map<string, number>();
  private sendStart: number | null = null;
  private receiveStart: number | null = null;
  private peerSync: number | null = null;
  private firstTime: number | null = null;
  private firstTag: string | null = null;
  private onDates = true;
  private splits = 0;
  private readonly room = new MarkedEntryRoom();
  /** The words of the entries read; null reads none (a survey of the start only). */
  private readonly words: LiteralSet | null;
  /** Entries naming the followed call, in trace order. */
  readonly naming: NamingEntry[] = [];
  private readonly untimedNaming: number[] = [];

  constructor(
    private readonly file: string,
    private readonly follow: FollowedCall | null,
    startOnly = false,
  ) {
    this.words = startOnly ? null : follow === null ? SURVEY_WORDS : follow.words;
  }

  /** Whether the start of the trace has told all it tells: its first time is known. */
  get started(): boolean {
    return this.firstTime !== null;
  }

  read(split: EntrySplit, base: ChunkBase): void {
    // The process tag of the trace's first entries (of its first piece) names the process.
    if (this.splits++ === 0) {
      for (let i = 0; i < split.count && this.firstTag === null; i++) if (split.isTimed(i)) this.firstTag = split.entryAt(i).processTag;
      this.onDates = split.datedCount === 0 || split.datedCount === split.timedCount;
    }
    if (this.firstTime === null) {
      for (let i = 0; i < split.count && this.firstTime === null; i++) this.firstTime = split.timeOf(i, this.onDates);
    }
    if (this.words === null) return;
    const marked = markedEntries(split, this.words, this.room).entries;
    for (let k = 0; k < marked.length; k++) {
      const index = marked[k]!;
      const time = split.timeOf(index, this.onDates);
      const message = split.source.slice(split.messageStartOf(index), split.contentEndOf(index));
      if (this.follow?.isNamedBy(message) === true) {
        const entry = split.entryAt(index, base);
        if (time === null) this.untimedNaming.push(this.naming.length);
        this.naming.push({ line: entry.line, column: entry.column, entryIndex: entry.index, ownTime: time, message: oneLine(message) });
      }
      this.place(message, time);
    }
  }

  private place(message: string, time: number | null): void {
    if (time === null) return;
    if (message.includes(SEND_PREPARE)) this.sendStart = time;
    if (message.includes(RECEIVE_START)) this.receiveStart = time;
    if (PEER_SYNC_MARKERS.some((marker) => message.includes(marker))) this.peerSync = time;
    if (!/\d/.test(message)) return;
    for (const id of findCallIds(message)) {
      if (!CALL_KINDS.has(id.kind)) continue;
      const key = callIdKey(id);
      const known = this.callTimes.get(key);
      if (known === undefined || time < known) this.callTimes.set(key, time);
    }
  }

  finish(sample: string): TraceSurvey {
    for (const at of this.untimedNaming) this.naming[at] = { ...this.naming[at]!, ownTime: this.firstTime };
    const host = hostOf(sample.slice(0, 64 * 1024), this.file);
    const side = sideFromText(sample) ?? sideFromPath(innerPath(this.file)) ?? sideFromTag(this.firstTag);
    const base = innerPath(this.file).replace(/^.*[\\/]/, "");
    const process = processFromFileName(innerPath(this.file)) ?? processFromTag(this.firstTag) ?? "?";
    const who = host ?? side ?? base;
    const clock = host !== null ? `host:${host}` : side !== null ? `side:${side}` : `file:${this.file}`;
    return {
      lane: { name: `${who}/${process}`, file: this.file, clock },
      callTimes: this.callTimes,
      sendStart: this.sendStart,
      receiveStart: this.receiveStart,
      peerSync: this.peerSync,
      firstTime: this.firstTime,
      onDates: this.onDates,
    };
  }
}

/** A call being followed: the words its identifiers are written with, and a test of an entry's message. */
export class FollowedCall {
  readonly key: string;
  readonly words: LiteralSet;

  constructor(id: Pick<CallId, "kind" | "value">) {
    this.key = callIdKey(id);
    // The clocks are placed as without a call followed: its words join the survey's.
    this.words = new LiteralSet([...callIdWords(CALL_KINDS), ...CLOCK_EVENTS, ...callIdWords([id.kind])]);
  }

  isNamedBy(message: string): boolean {
    return /\d/.test(message) && findCallIds(message).some((found) => callIdKey(found) === this.key);
  }
}

// ---------------------------------------------------------------------------------------------
// Clocks: the reference, and every other clock placed through one already placed.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** What the traces of one clock logged that another clock's may have logged too. */
interface ClockEvents {
  readonly lanes: Lane[];
  /** Each call identifier's first time. */
  readonly calls: Map<string, number>;
  /** The first of its traces' last transfer starts, sending and receiving, and peer connections. */
  sendStart: number | null;
  receiveStart: number | null;
  peerSync: number | null;
}

/** Each clock's events, in the order the clocks first appear. */
function clockEvents(surveys: readonly TraceSurvey[]): Map<string, ClockEvents> {
  const byClock = new Map<string, ClockEvents>();
  for (const survey of surveys) {
    let events = byClock.get(survey.lane.clock);
    if (events === undefined) {
      events = { lanes: [], calls: new Map(), sendStart: null, receiveStart: null, peerSync: null };
      byClock.set(survey.lane.clock, events);
    }
    events.lanes.push(survey.lane);
    for (const [key, time] of survey.callTimes) {
      const known = events.calls.get(key);
      if (known === undefined || time < known) events.calls.set(key, time);
    }
    events.sendStart ??= survey.sendStart;
    events.receiveStart ??= survey.receiveStart;
    events.peerSync ??= survey.peerSync;
  }
  return byClock;
}

function linkable(events: ClockEvents): boolean {
  return events.calls.size > 0 || events.sendStart !== null || events.receiveStart !== null || events.peerSync !== null;
}

/**
 * The offset that puts a clock (`b`) on one already on the reference (`a`): from calls both name,
 * else from a transfer, else from the peer synchronizers connecting.
 */
function offsetBetween(a: ClockEvents, b: ClockEvents): { offset: number; anchor: "call" | "transfer" | "peer-sync" } | null {
  const differences: number[] = [];
  for (const [key, time] of b.calls) {
    const other = a.calls.get(key);
    if (other !== undefined) differences.push(other - time);
  }
  if (differences.length > 0) return { offset: median(differences), anchor: "call" };
  // The sender's prepare and the receiver's initiate of one transfer: the same moment on both clocks.
  if (a.sendStart !== null && b.receiveStart !== null) return { offset: a.sendStart - b.receiveStart, anchor: "transfer" };
  if (a.receiveStart !== null && b.sendStart !== null) return { offset: a.receiveStart - b.sendStart, anchor: "transfer" };
  // Both synchronizers of a duplexed pair log the one connection between them.
  if (a.peerSync !== null && b.peerSync !== null) return { offset: a.peerSync - b.peerSync, anchor: "peer-sync" };
  return null;
}

function givenOffset(clock: string, lanes: readonly Lane[], given: Readonly<Record<string, number>>): number | undefined {
  if (given[clock] !== undefined) return given[clock];
  for (const lane of lanes) {
    const who = lane.name.slice(0, lane.name.lastIndexOf("/"));
    if (given[who] !== undefined) return given[who];
    if (given[lane.name] !== undefined) return given[lane.name];
  }
  return undefined;
}

/** Every clock's offset, in the order the clocks first appear. */
export function placeClocks(surveys: readonly TraceSurvey[], given: Readonly<Record<string, number>> = {}): ClockOffset[] {
  const events = clockEvents(surveys);
  const clocks = [...events.keys()];
  const offsets = new Map<string, ClockOffset>();
  /** Placed clocks that may place others, in the order they were placed. */
  const placedLinkable: string[] = [];
  const place = (offset: ClockOffset) => {
    offsets.set(offset.clock, offset);
    if (linkable(events.get(offset.clock)!)) placedLinkable.push(offset.clock);
  };
  clocks.forEach((clock, i) => {
    const user = givenOffset(clock, events.get(clock)!.lanes, given);
    if (user !== undefined) place({ clock, offsetSeconds: user, anchor: "given" });
    else if (i === 0) place({ clock, offsetSeconds: 0, anchor: "reference" });
  });
  // Clocks join the reference one by one, each through one already placed. A clock nothing placed
  // links to keeps its times, and the clocks linked to it are placed through it.
  const candidates = clocks.filter((clock) => linkable(events.get(clock)!));
  for (;;) {
    let changed = false;
    for (const clock of candidates) {
      if (offsets.has(clock)) continue;
      for (const placed of [...placedLinkable]) {
        const found = offsetBetween(events.get(placed)!, events.get(clock)!);
        if (found === null) continue;
        place({ clock, offsetSeconds: offsets.get(placed)!.offsetSeconds + found.offset, anchor: found.anchor });
        changed = true;
        break;
      }
    }
    if (changed) continue;
    const unlinked = candidates.find((clock) => !offsets.has(clock));
    if (unlinked === undefined) break;
    place({ clock: unlinked, offsetSeconds: 0, anchor: "none" });
  }
  return clocks.map((clock) => offsets.get(clock) ?? { clock, offsetSeconds: 0, anchor: "none" });
}

/**
 * Whether placing the clocks needs the events the traces log: not for one clock, nor when every
 * clock but the reference has an offset given (placeClocks then places them by the start alone).
 */
export function clocksNeedEvents(surveys: readonly TraceSurvey[], given: Readonly<Record<string, number>> = {}): boolean {
  const clocks = [...clockEvents(surveys)];
  return clocks.slice(1).some(([clock, events]) => givenOffset(clock, events.lanes, given) === undefined);
}

// ---------------------------------------------------------------------------------------------
// The merge: every trace's entries side by side, the least corrected time first.

/**
 * Fills `times` with the corrected time of each entry of `split`: its own time plus `offsetSeconds`;
 * untimed text takes the last own time before it (`ownTime` where the split starts); NaN for an
 * entry without a message (a day header). Returns the last own time.
 */
export function correctedTimes(split: EntrySplit, onDates: boolean, offsetSeconds: number, ownTime: number, times: Float64Array): number {
  for (let i = 0; i < split.count; i++) {
    if (!split.hasMessage(i)) {
      times[i] = Number.NaN;
      continue;
    }
    const own = split.timeOf(i, onDates);
    if (own !== null) ownTime = own;
    times[i] = ownTime + offsetSeconds;
  }
  return ownTime;
}

/** A trace's entries in its own order, each with its corrected time, as the merge reads them. */
export interface MergeCursor {
  readonly traceIndex: number;
  /** Entries in the current part (a split, a block of lines). */
  readonly count: number;
  /** The current entry's index in the part, and its corrected time. */
  index: number;
  time: number;
  /** Moves to the next entry with a time in this part; false at its end. */
  advance(): boolean;
  /** Where the run of entries from the current one ends that come before (`time`, `traceIndex`). */
  runEnd(time: number, traceIndex: number): number;
  /** Moves to the first entry of the next part that has one; false at the trace's end. */
  refill(): Promise<boolean>;
}

/** One trace's entries with a message, in its own order, each with its corrected time: a trace split whole, in memory. */
export class TraceCursor implements MergeCursor {
  index = -1;
  time = 0;
  /** Each entry's corrected time; NaN for one without a message (a day header). */
  readonly times: Float64Array;

  constructor(
    readonly traceIndex: number,
    readonly offsetSeconds: number,
    { firstTime, onDates }: { readonly firstTime: number; readonly onDates: boolean },
    readonly split: EntrySplit,
  ) {
    this.times = new Float64Array(split.count);
    correctedTimes(split, onDates, offsetSeconds, firstTime, this.times);
  }

  get count(): number {
    return this.split.count;
  }

  advance(): boolean {
    const { times } = this;
    const count = this.split.count;
    for (let i = this.index + 1; i < count; i++) {
      const time = times[i]!;
      if (time !== time) continue;
      this.index = i;
      this.time = time;
      return true;
    }
    this.index = count;
    return false;
  }

  runEnd(time: number, traceIndex: number): number {
    const { times } = this;
    const count = this.split.count;
    const tieFirst = this.traceIndex < traceIndex;
    let i = this.index + 1;
    for (; i < count; i++) {
      const t = times[i]!;
      if (t === t && !(t < time || (t === time && tieFirst))) break;
    }
    return i;
  }

  async refill(): Promise<boolean> {
    return this.advance();
  }
}

function before(a: MergeCursor, b: MergeCursor): boolean {
  return a.time < b.time || (a.time === b.time && a.traceIndex < b.traceIndex);
}

/** A binary heap of cursors, the least first. */
class CursorHeap<C extends MergeCursor> {
  readonly items: C[] = [];

  push(cursor: C): void {
    const items = this.items;
    let i = items.push(cursor) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(cursor, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = cursor;
  }

  /** The least after the first, or undefined when the first is alone. */
  second(): C | undefined {
    const [, left, right] = this.items;
    return right !== undefined && before(right, left!) ? right : left;
  }

  /** Puts the first item where it belongs after its time grew. */
  settleFirst(): void {
    const items = this.items;
    const n = items.length;
    const cursor = items[0]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, cursor)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = cursor;
  }

  removeFirst(): void {
    const last = this.items.pop()!;
    if (this.items.length === 0) return;
    this.items[0] = last;
    this.settleFirst();
  }

  /** The first cursor's run: its entries from the current one that come before every other cursor's. */
  firstRun(): { readonly cursor: C; readonly to: number } {
    const cursor = this.items[0]!;
    const next = this.second();
    return { cursor, to: next === undefined ? cursor.count : cursor.runEnd(next.time, next.traceIndex) };
  }
}

/**
 * Calls `visitRun` with runs of every cursor's entries, in corrected time order (ties: the trace
 * given first): entries [from, to) of the cursor's current part, those with a time being the
 * run's. A promise it returns is waited for (output backpressure).
 */
export async function visitMergedRuns<C extends MergeCursor>(cursors: readonly C[], visitRun: (cursor: C, from: number, to: number) => void | Promise<void>): Promise<void> {
  const heap = new CursorHeap<C>();
  for (const cursor of cursors) if (await cursor.refill()) heap.push(cursor);
  while (heap.items.length > 0) {
    const { cursor, to } = heap.firstRun();
    const waiting = visitRun(cursor, cursor.index, to);
    if (waiting !== undefined) await waiting;
    cursor.index = to - 1;
    if (cursor.advance() || (await cursor.refill())) heap.settleFirst();
    else heap.removeFirst();
  }
}

/** Each entry with a message of a run, the cursor on it. */
function eachEntry(cursor: TraceCursor, from: number, to: number, visit: (cursor: TraceCursor) => void): void {
  for (let i = from; i < to; i++) {
    const time = cursor.times[i]!;
    if (time !== time) continue;
    cursor.index = i;
    cursor.time = time;
    visit(cursor);
  }
}

/** `visitMergedRuns` for traces split whole, in memory, one entry at a time: each cursor's one split, no waiting. */
function visitMergedInMemory(cursors: readonly TraceCursor[], visit: (cursor: TraceCursor) => void): void {
  const heap = new CursorHeap<TraceCursor>();
  for (const cursor of cursors) if (cursor.advance()) heap.push(cursor);
  while (heap.items.length > 0) {
    const { cursor, to } = heap.firstRun();
    eachEntry(cursor, cursor.index, to, visit);
    cursor.index = to - 1;
    if (cursor.advance()) heap.settleFirst();
    else heap.removeFirst();
  }
}

// ---------------------------------------------------------------------------------------------
// Text of merged entries.

/** A message on one line: its lines joined with ` ⏎ `. */
export function oneLine(text: string): string {
  return text.includes("\n") || text.includes("\r") ? text.replace(/\r\n|\r|\n/g, " ⏎ ") : text;
}

const MS_PER_DAY = SECONDS_PER_DAY * 1000;
let cachedDay = Number.NaN;
let cachedDayText = new Uint8Array(0);

function writeTwo(n: number, out: Uint8Array, at: number): number {
  out[at] = 48 + Math.floor(n / 10);
  out[at + 1] = 48 + (n % 10);
  return at + 2;
}

/**
 * Writes `time` (on the reference clock) as text at `at`, returning where it ends: epoch seconds
 * (over 10^8) as ISO 8601 (`2026-12-07T08:00:00.000Z`), a clock time as `HH:MM:SS[.mmm]`. As bytes:
 * a merge writes millions. `out` has room for 24 bytes from `at`.
 */
export function writeMergedTime(time: number, out: Uint8Array, at: number): number {
  // Rounded half up, as the WebAssembly writer of merged lines rounds (server/assembly/byteScan.ts).
  const totalMs = Math.floor(time * 1000 + 0.5);
  // Times on a dated clock are epoch seconds; clock times count seconds from a midnight.
  const dated = time > 1e8;
  const day = Math.floor(totalMs / MS_PER_DAY);
  const ofDay = totalMs - day * MS_PER_DAY;
  if (dated) {
    if (day !== cachedDay) {
      cachedDay = day;
      cachedDayText = Buffer.from(new Date(day * MS_PER_DAY).toISOString().slice(0, 11), "latin1");
    }
    out.set(cachedDayText, at);
    at += cachedDayText.length;
  }
  const seconds = Math.floor(ofDay / 1000);
  const ms = ofDay % 1000;
  at = writeTwo(Math.floor(seconds / 3600), out, at);
  out[at++] = 58;
  at = writeTwo(Math.floor(seconds / 60) % 60, out, at);
  out[at++] = 58;
  at = writeTwo(seconds % 60, out, at);
  if (dated || ms !== 0) {
    out[at++] = 46;
    out[at++] = 48 + Math.floor(ms / 100);
    at = writeTwo(ms % 100, out, at);
  }
  if (dated) out[at++] = 90;
  return at;
}

const TIME_TEXT = new Uint8Array(32);

/** `time` on the reference clock as text (writeMergedTime). */
export function mergedTimeText(time: number): string {
  return Buffer.from(TIME_TEXT.buffer, 0, writeMergedTime(time, TIME_TEXT, 0)).toString("latin1");
}

// ---------------------------------------------------------------------------------------------
// A set of traces in memory (the editor's open documents).

/** Traces held in memory, merged: their lanes, clocks, entries in corrected order, and each one's analysis. */
export function mergeTraces(inputs: readonly MergeInput[], options: MergeOptions = {}): MergedSet {
  const analyses = inputs.map((input) => analyzeTrace(input.text));
  const surveys = analyses.map((analysis, i) => {
    const surveyor = new TraceSurveyor(inputs[i]!.file, null);
    surveyor.read(analysis.split, FIRST_CHUNK);
    return surveyor.finish(analysis.split.text.slice(0, 1024 * 1024));
  });
  const clocks = placeClocks(surveys, options.offsets);
  const offsetOf = new Map(clocks.map((c) => [c.clock, c.offsetSeconds]));
  const cursors = surveys.flatMap((survey, i) => (survey.firstTime === null ? [] : [new TraceCursor(i, offsetOf.get(survey.lane.clock)!, { firstTime: survey.firstTime, onDates: survey.onDates }, analyses[i]!.split)]));
  const entries: MergedEntry[] = [];
  visitMergedInMemory(cursors, (cursor) => {
    const { split, index, time, traceIndex } = cursor;
    const entry = split.entryAt(index);
    const survey = surveys[traceIndex]!;
    entries.push({
      lane: survey.lane.name,
      file: survey.lane.file,
      line: entry.line,
      column: entry.column,
      time,
      timeText: mergedTimeText(time),
      offsetSeconds: cursor.offsetSeconds,
      message: oneLine(split.text.slice(entry.messageStart, entry.contentEnd)),
      traceIndex,
      entryIndex: index,
    });
  });
  return { lanes: surveys.map((s) => s.lane), clocks, entries, analyses };
}

// ---------------------------------------------------------------------------------------------
// A set of traces streamed (files, bundle members of any size).

/** A trace to stream: its name and a way to open its bytes, once per pass. */
export interface TraceSourceRef {
  readonly file: string;
  open(): Promise<ByteSource>;
}

/**
 * Surveys a streamed trace; `follow` keeps the entries naming that call. `startOnly` reads no more
 * than tells the lane, the first time and whether times are dated (the start's sample, a first
 * time): all a clock needs that no event places.
 */
export async function surveyTrace(
  trace: TraceSourceRef,
  { follow = null, startOnly = false, feed: feedOptions = {} }: { readonly follow?: FollowedCall | null; readonly startOnly?: boolean; readonly feed?: FeedOptions } = {},
): Promise<{ survey: TraceSurvey; naming: readonly NamingEntry[] }> {
  const source = await trace.open();
  try {
    const surveyor = new TraceSurveyor(trace.file, follow, startOnly);
    const stream = new SplitStream((split, base) => surveyor.read(split, base));
    const feed = feedSplits(source, trace.file, stream, feedOptions);
    while ((await feed.next()).done !== true) {
      if (!startOnly || !surveyor.started) continue;
      if (stream.sampleComplete) {
        await feed.return(undefined as never);
        break;
      }
      // What is left to read of the start is text for the sample alone.
      stream.sampleOnly();
    }
    return { survey: surveyor.finish(stream.sample), naming: surveyor.naming };
  } finally {
    await source.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Windows of time.

/** Reads `HH:MM:SS[.mmm]` (a time of day) or an ISO 8601 date-time (epoch seconds); null otherwise. */
export function parseMergeTime(text: string): { readonly seconds: number; readonly dated: boolean } | null {
  const clock = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (clock !== null) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3])];
    if (h > 23 || m > 59 || s > 59) return null;
    return { seconds: h * 3600 + m * 60 + s + Number(`0.${clock[4] ?? "0"}`), dated: false };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text.trim())) return null;
  const epoch = Date.parse(text.trim());
  return Number.isNaN(epoch) ? null : { seconds: epoch / 1000, dated: true };
}

export type MergeTime = ReturnType<typeof parseMergeTime>;

/** A time to the millisecond, as times are written (sums of seconds carry binary fractions); as a time of day for a bound without a date. */
function comparable(time: number, bound: NonNullable<MergeTime>): number {
  const rounded = Math.round(time * 1000) / 1000;
  if (bound.dated) return rounded;
  // A time of day: the entry's own, whether its time is epoch seconds or a clock time.
  const ofDay = rounded % SECONDS_PER_DAY;
  return Math.round((ofDay < 0 ? ofDay + SECONDS_PER_DAY : ofDay) * 1000) / 1000;
}

/** Whether a corrected time lies in [since, until], both ends included; a time of day compares with the time's own. */
export function timeInWindow(time: number, since: MergeTime, until: MergeTime): boolean {
  if (since !== null && comparable(time, since) < since.seconds) return false;
  if (until !== null && comparable(time, until) > until.seconds) return false;
  return true;
}

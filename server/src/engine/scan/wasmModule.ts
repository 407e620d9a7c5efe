// The WebAssembly module of the byte scans (server/assembly/byteScan.ts) for texts of one-byte
// characters: the text's Latin-1 bytes go into the module's memory once, and each scan reads them
// there. Where WebAssembly or its SIMD is missing, or a text holds a character above U+00FF,
// `byteScanFor` answers null and the text gets the TypeScript scanner (scan/index.ts).
//
// Memory: a word at 0 (where a scan stopped), the literal sets' tables (in room kept for them), then
// the text, then results.

import { isLatin1, type TraceText } from "../byteText";
import type { CandidateList } from "../candidateList";
import type { LiteralTables } from "../literalSet";
import { BYTE_SCAN_WASM_BASE64 } from "./generated/byteScanWasm";
import type { ClockContextWords, EntryColumns, LineBreaks, MarkedEntries, MarkedEntriesRoom, TimedEntries } from "./types";

interface ByteScanExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  clockCandidates(
    text: number, end: number, from: number, to: number, outPos: number, outClock: number, outLength: number, outPlace: number, outContext: number,
    noEntryAfter: number, noEntryAfterEnd: number, timeWords: number, timeWordsEnd: number,
  ): number;
  literalMatches(text: number, end: number, fromEnd: number, tablesAt: number, out: number, capacity: number, resumeAt: number): number;
  lineStarts(text: number, end: number, from: number, to: number, out: number, firstByte: number): number;
  lineFeedCount(from: number, to: number): number;
  timedEntries(
    pos: number, clock: number, place: number, context: number, n: number, previousClock: number, upcomingClock: number, daysPassed: number,
    outElapsed: number, stateAt: number,
  ): number;
  lineBreaks(text: number, end: number, from: number, to: number, flagsAt: number): number;
  isAscii(from: number, to: number): number;
  sortMatches(matches: number, count: number): void;
  markEntries(
    text: number, end: number, matches: number, matchCount: number, tablesAt: number,
    starts: number, kinds: number, messageStarts: number, entryCount: number, levelWords: number, levelWordsEnd: number,
    outEntries: number, outWordsFrom: number, outWords: number,
  ): number;
  mergedLines(
    text: number, end: number, starts: number, kinds: number, messageStarts: number, times: number, count: number, from: number, to: number,
    prefix: number, prefixLength: number, levelWords: number, levelWordsEnd: number, out: number, outEnd: number, endAt: number, lineEnds: number,
  ): number;
  mergeRuns(slots: number, heap: number, size: number, resume: number, out: number, outEnd: number, endAt: number): number;
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const PAGE_BYTES = 64 * 1024;
/** Room kept for literal tables before the text (the markers' take about 330 KB): a text loaded before them stays put. */
const TABLES_ROOM = 512 * 1024;
const RESUME_AT = 0;
/** Where lineBreaks leaves its two flags. */
const LINE_BREAK_FLAGS_AT = 4;
/** lineStarts' first byte: any, or `E` (day headers). */
const ANY_FIRST_BYTE = -1;
const CAPITAL_E = 69;
/** Colons scanned per call: bounds the room the results need. */
const WINDOW_BYTES = 1024 * 1024;
/** A time takes at least nine bytes (`HH:MM:SS` and a blank): at most this many per window. */
const MAX_CANDIDATES = Math.floor(WINDOW_BYTES / 9) + 1;
/** Room for results: candidates (14 bytes each) or literal matches (8 bytes each). */
const RESULT_BYTES = MAX_CANDIDATES * 16;
const MAX_MATCHES = RESULT_BYTES / 8;
/**
 * Candidates the byte scan chooses entries among, at most (22 bytes of module memory each, 11 MB in
 * all): a text with more (over 10 MB of nothing but times) is left to the TypeScript choice.
 */
export const MAX_CHOSEN_CANDIDATES = 512 * 1024;
/** Bytes scanned for LFs per call: each may be one, and each takes four bytes of room. */
const LINE_FEED_WINDOW = RESULT_BYTES / 4;

export interface ClockCandidateSink {
  /** The results of one window, as views into the module's memory (valid until the next scan). */
  append(pos: Int32Array, clock: Float64Array, length: Uint8Array, place: Uint8Array, context: Uint8Array): void;
}

function concat(parts: readonly Int32Array[]): Int32Array {
  const all = new Int32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

export class ByteScan {
  private bytes: Buffer;
  private text: TraceText | null = null;
  private textAt = 16;
  private length = 0;
  private tablesEnd = 16;
  private readonly tablesAt = new Map<LiteralTables, number>();
  private readonly placedAt = new Map<Uint8Array, number>();

  constructor(private readonly exports: ByteScanExports) {
    this.bytes = Buffer.from(exports.memory.buffer);
  }

  /** Whether `text` is the one in the module's memory. */
  holds(text: TraceText): boolean {
    return this.text === text;
  }

  /**
   * Puts `text` into the module's memory unless it is there already: a string's Latin-1 bytes, or a
   * ByteText's bytes as they are. False (and nothing held) when those bytes are not all ASCII.
   */
  load(text: TraceText): boolean {
    if (this.holds(text)) return true;
    this.textAt = align(Math.max(this.tablesEnd, TABLES_ROOM), 16);
    this.length = text.length;
    this.ensureBytes(this.resultsAt + RESULT_BYTES);
    if (typeof text === "string") {
      this.bytes.write(text, this.textAt, "latin1");
    } else {
      this.bytes.set(text.bytes, this.textAt);
      // UTF-8 bytes are read as Latin-1 only when they are ASCII: then each is one character.
      if (this.exports.isAscii(this.textAt, this.textAt + this.length) === 0) {
        this.text = null;
        return false;
      }
    }
    this.text = text;
    return true;
  }

  /** Every clock time that may start an entry, with its context read, window by window in text order. */
  clockCandidates(sink: ClockCandidateSink, words: ClockContextWords): void {
    // Constants first: placing them may move the text, and with it the results after it.
    const placedWords = this.placedClockWords(words);
    const { posAt, clockAt, lengthAt, placeAt, contextAt } = this.candidatesAt;
    const end = this.textAt + this.length;
    for (let from = this.textAt; from < end; from += WINDOW_BYTES) {
      const count = this.scanClockWindow(from, Math.min(end, from + WINDOW_BYTES), placedWords);
      if (count === 0) continue;
      const buffer = this.exports.memory.buffer;
      sink.append(
        new Int32Array(buffer, posAt, count),
        new Float64Array(buffer, clockAt, count),
        new Uint8Array(buffer, lengthAt, count),
        new Uint8Array(buffer, placeAt, count),
        new Uint8Array(buffer, contextAt, count),
      );
    }
  }

  /** Where the clock scan leaves a window's candidates: room for MAX_CANDIDATES of each column. */
  private get candidatesAt(): { posAt: number; clockAt: number; lengthAt: number; placeAt: number; contextAt: number } {
    const posAt = this.resultsAt;
    const clockAt = posAt + align(MAX_CANDIDATES * 4, 8);
    const lengthAt = clockAt + MAX_CANDIDATES * 8;
    const placeAt = lengthAt + MAX_CANDIDATES;
    return { posAt, clockAt, lengthAt, placeAt, contextAt: placeAt + MAX_CANDIDATES };
  }

  /** Where the clock scan's context words are in module memory: [from, to) of each list. */
  private placedClockWords(words: ClockContextWords): readonly [number, number, number, number] {
    const noEntryAfter = this.placed(words.noEntryAfter);
    const timeWords = this.placed(words.timeWords);
    return [noEntryAfter, noEntryAfter + words.noEntryAfter.length, timeWords, timeWords + words.timeWords.length];
  }

  /** The clock scan of the window [from, to) of the loaded text, into `candidatesAt`; returns how many. */
  private scanClockWindow(from: number, to: number, placedWords: readonly [number, number, number, number]): number {
    const { posAt, clockAt, lengthAt, placeAt, contextAt } = this.candidatesAt;
    return this.exports.clockCandidates(this.textAt, this.textAt + this.length, from, to, posAt, clockAt, lengthAt, placeAt, contextAt, ...placedWords);
  }

  /**
   * The entries that the candidates (of the loaded text, contexts read) start, chosen as
   * chooseEntryStarts does, with their clocks and elapsed clocks as TableBuilder.times reads them:
   * for a text with no day header. NaN stands for no previous or upcoming clock. Null when there are
   * more than MAX_CHOSEN_CANDIDATES: the caller chooses in TypeScript.
   */
  timedEntries(candidates: CandidateList, previousClock: number, upcomingClock: number, daysPassed: number): TimedEntries | null {
    const n = candidates.count;
    if (n > MAX_CHOSEN_CANDIDATES) return null;
    const posAt = this.resultsAt;
    const clockAt = align(posAt + n * 4, 8);
    const elapsedAt = clockAt + n * 8;
    const stateAt = elapsedAt + n * 8;
    const placeAt = stateAt + 16;
    const contextAt = placeAt + n;
    this.ensureBytes(contextAt + n);
    const buffer = this.exports.memory.buffer;
    new Int32Array(buffer, posAt, n).set(candidates.pos.subarray(0, n));
    new Float64Array(buffer, clockAt, n).set(candidates.clock.subarray(0, n));
    new Uint8Array(buffer, placeAt, n).set(candidates.place.subarray(0, n));
    new Uint8Array(buffer, contextAt, n).set(candidates.context.subarray(0, n));
    return this.chooseEntries({ posAt, clockAt, placeAt, contextAt, elapsedAt, stateAt }, n, previousClock, upcomingClock, daysPassed);
  }

  /**
   * The timed entries of the loaded text, found and chosen in the module without handing the
   * candidates to TypeScript and back (the clock scan, then the choice, on the same memory): for a
   * text of one scan window (a streamed piece) with no day header. Null for a longer text, whose
   * candidates are gathered window by window.
   */
  scannedTimedEntries(words: ClockContextWords, previousClock: number, upcomingClock: number, daysPassed: number): TimedEntries | null {
    if (this.length > WINDOW_BYTES) return null;
    const placedWords = this.placedClockWords(words);
    // The elapsed clocks and the state after the results' room.
    const elapsedAt = this.resultsAt + RESULT_BYTES;
    const stateAt = elapsedAt + MAX_CANDIDATES * 8;
    this.ensureBytes(stateAt + 16);
    const n = this.scanClockWindow(this.textAt, this.textAt + this.length, placedWords);
    return this.chooseEntries({ ...this.candidatesAt, elapsedAt, stateAt }, n, previousClock, upcomingClock, daysPassed);
  }

  /** The choice of entries among `n` candidates at the given addresses; its results are views of module memory. */
  private chooseEntries(
    at: { posAt: number; clockAt: number; placeAt: number; contextAt: number; elapsedAt: number; stateAt: number },
    n: number, previousClock: number, upcomingClock: number, daysPassed: number,
  ): TimedEntries {
    const count = this.exports.timedEntries(at.posAt, at.clockAt, at.placeAt, at.contextAt, n, previousClock, upcomingClock, daysPassed, at.elapsedAt, at.stateAt);
    const buffer = this.exports.memory.buffer;
    return {
      // The entries' starts and clocks are written over the candidates'.
      start: new Int32Array(buffer, at.posAt, count),
      clock: new Float64Array(buffer, at.clockAt, count),
      elapsed: new Float64Array(buffer, at.elapsedAt, count),
      lastClock: new Float64Array(buffer, at.stateAt, 1)[0]!,
      daysPassed: new Int32Array(buffer, at.stateAt + 8, 1)[0]!,
    };
  }

  /** Every match of a literal set's words, in the order their windows end. */
  literalMatches(tables: LiteralTables, onMatch: (start: number, word: number) => void, room = MAX_MATCHES): void {
    const tablesAt = this.tablesFor(tables);
    const out = this.resultsAt;
    const view = new Int32Array(this.exports.memory.buffer);
    for (let fromEnd = tables.window - 1; fromEnd < this.length; ) {
      // `room` is smaller only in tests, to make each call stop and resume.
      const count = this.exports.literalMatches(this.textAt, this.textAt + this.length, fromEnd, tablesAt, out, Math.min(room, MAX_MATCHES), RESUME_AT);
      for (let k = 0, at = out >> 2; k < count; k++, at += 2) onMatch(view[at]!, view[at + 1]!);
      fromEnd = view[RESUME_AT >> 2]!;
    }
  }

  /**
   * The entries of the loaded text whose message holds a word of the set (markedEntries in
   * markers.ts): every match is found, sorted and mapped to its entry in the module, with no object
   * per match. The message starts it reads are filled into `columns`. `levelWords`: each after its
   * length in one byte, as Latin-1 bytes. The results are new arrays, or views of `room`'s.
   */
  markedEntries(tables: LiteralTables, columns: EntryColumns, levelWords: Uint8Array, room?: MarkedEntriesRoom): MarkedEntries {
    // Constants first: placing them may move the text, and with it the results after it.
    const levelAt = this.placed(levelWords);
    const tablesAt = this.tablesFor(tables);
    const matchesAt = this.resultsAt;
    let count = 0;
    for (let fromEnd = tables.window - 1; fromEnd < this.length; ) {
      // All matches stay in memory, one call's room after the last.
      this.ensureBytes(matchesAt + (count + MAX_MATCHES) * 8);
      count += this.exports.literalMatches(this.textAt, this.textAt + this.length, fromEnd, tablesAt, matchesAt + count * 8, MAX_MATCHES, RESUME_AT);
      fromEnd = new Int32Array(this.exports.memory.buffer, RESUME_AT, 1)[0]!;
    }
    this.exports.sortMatches(matchesAt, count);
    const n = columns.count;
    const startsAt = align(matchesAt + count * 8, 16);
    const kindsAt = align(startsAt + n * 4, 16);
    const messageStartsAt = align(kindsAt + n, 16);
    const entriesAt = align(messageStartsAt + n * 4, 16);
    const wordsFromAt = align(entriesAt + count * 4, 16);
    const wordsAt = align(wordsFromAt + (count + 1) * 4, 16);
    this.ensureBytes(wordsAt + count * 4);
    const buffer = this.exports.memory.buffer;
    new Int32Array(buffer, startsAt, n).set(columns.start.subarray(0, n));
    new Uint8Array(buffer, kindsAt, n).set(columns.kind.subarray(0, n));
    new Int32Array(buffer, messageStartsAt, n).set(columns.messageStart.subarray(0, n));
    const end = this.textAt + this.length;
    const marked = this.exports.markEntries(
      this.textAt, end, matchesAt, count, tablesAt,
      startsAt, kindsAt, messageStartsAt, n, levelAt, levelAt + levelWords.length,
      entriesAt, wordsFromAt, wordsAt,
    );
    columns.messageStart.set(new Int32Array(buffer, messageStartsAt, n));
    const entries = new Int32Array(buffer, entriesAt, marked);
    const wordsFrom = new Int32Array(buffer, wordsFromAt, marked + 1);
    const words = new Int32Array(buffer, wordsAt, wordsFrom[marked]!);
    return room === undefined ? { entries: entries.slice(), wordsFrom: wordsFrom.slice(), words: words.slice() } : room.hold(entries, wordsFrom, words);
  }

  /** Where each line starts, 0 first, when LF alone ends lines (the caller checks there is no CR). */
  lineFeedStarts(): Int32Array {
    const out = this.resultsAt;
    const end = this.textAt + this.length;
    const windows = [Int32Array.of(0)];
    for (let from = this.textAt; from < end; from += LINE_FEED_WINDOW) {
      const count = this.exports.lineStarts(this.textAt, end, from, Math.min(end, from + LINE_FEED_WINDOW), out, ANY_FIRST_BYTE);
      windows.push(new Int32Array(this.exports.memory.buffer, out, count).slice());
    }
    return concat(windows);
  }

  /** How many LFs the loaded text holds from offset `from` up to `to`. */
  lineFeedCount(from: number, to: number): number {
    return this.exports.lineFeedCount(this.textAt + from, this.textAt + to);
  }

  /**
   * How many LFs the text holds, whether it holds a CR, and where the lines that follow an LF and
   * start with `E` start (where a day header may be), without the offset of every line.
   */
  lineBreaks(): LineBreaks {
    const out = this.resultsAt;
    const end = this.textAt + this.length;
    const eLines: Int32Array[] = [];
    let lineFeeds = 0;
    let hasCarriageReturn = false;
    for (let from = this.textAt; from < end; from += LINE_FEED_WINDOW) {
      const to = Math.min(end, from + LINE_FEED_WINDOW);
      lineFeeds += this.exports.lineBreaks(this.textAt, end, from, to, LINE_BREAK_FLAGS_AT);
      const [carriageReturn, eLine] = new Int32Array(this.exports.memory.buffer, LINE_BREAK_FLAGS_AT, 2);
      hasCarriageReturn ||= carriageReturn === 1;
      // Lines that start with E are rare: a window is looked at again only when it has one.
      if (eLine === 1) eLines.push(new Int32Array(this.exports.memory.buffer, out, this.exports.lineStarts(this.textAt, end, from, to, out, CAPITAL_E)).slice());
    }
    return { lineFeeds, hasCarriageReturn, eLineStarts: concat(eLines) };
  }

  private get resultsAt(): number {
    return align(this.textAt + this.length, 16);
  }

  /** The set's tables in memory, written there on first use. */
  private tablesFor(tables: LiteralTables): number {
    const known = this.tablesAt.get(tables);
    if (known !== undefined) return known;
    const header = 8 * 4;
    const parts = [tables.shift, tables.bucketOf, tables.bucketStart, tables.bucketWords, tables.windowAt, tables.wordStart, tables.wordBytes];
    const at = align(this.tablesEnd, 16);
    const addresses: number[] = [];
    let next = at + header;
    for (const part of parts) {
      addresses.push(next);
      next = align(next + part.byteLength, 16);
    }
    this.reserveTables(next);
    const memory = new Uint8Array(this.exports.memory.buffer);
    new Int32Array(this.exports.memory.buffer, at, 8).set([tables.window, ...addresses]);
    parts.forEach((part, i) => memory.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), addresses[i]!));
    this.tablesAt.set(tables, at);
    return at;
  }

  /** Where constant bytes (a word list) are in memory, written with the tables on first use. */
  private placed(bytes: Uint8Array): number {
    const known = this.placedAt.get(bytes);
    if (known !== undefined) return known;
    const at = align(this.tablesEnd, 16);
    this.reserveTables(at + bytes.length);
    new Uint8Array(this.exports.memory.buffer).set(bytes, at);
    this.placedAt.set(bytes, at);
    return at;
  }

  /** Makes the room before the text reach `end`; the text moves up only when tables outgrow the room kept for them. */
  private reserveTables(end: number): void {
    this.tablesEnd = end;
    const text = end > this.textAt ? this.text : null;
    if (text !== null) this.text = null;
    this.ensureBytes(end + 16);
    // The text is written again, after the tables.
    if (text !== null) this.load(text);
  }

  private ensureBytes(size: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < size) memory.grow(Math.ceil((size - memory.buffer.byteLength) / PAGE_BYTES));
    if (this.bytes.buffer !== memory.buffer) this.bytes = Buffer.from(memory.buffer);
  }
}

let shared: ByteScan | null | undefined;

/**
 * Module memory only grows: longer texts (a whole document in the editor; files are streamed in
 * small pieces) are scanned in TypeScript, so that the server keeps no copy of a big document.
 */
const MAX_TEXT_CHARS = 16 * 1024 * 1024;

/**
 * The scan with `text` loaded; null when the text is longer than 16 MiB or has a character above
 * U+00FF (bytes: one above 0x7F), or WebAssembly is unusable.
 */
export function byteScanFor(text: TraceText): ByteScan | null {
  if (text.length > MAX_TEXT_CHARS) return null;
  // The scans of one text each ask: a text already loaded is known to be Latin-1.
  if (shared?.holds(text) === true) return shared;
  if (typeof text === "string" && !isLatin1(text)) return null;
  shared ??= instantiate();
  return shared?.load(text) === true ? shared : null;
}

function instantiate(): ByteScan | null {
  const exports = newInstance();
  return exports === null ? null : new ByteScan(exports);
}

let compiled: object | null | undefined;

/** A new instance of the module, with memory of its own; null where WebAssembly (with SIMD) is missing. */
export function newInstance(): ByteScanExports | null {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (api === undefined) return null;
  try {
    compiled ??= new api.Module(Buffer.from(BYTE_SCAN_WASM_BASE64, "base64"));
    return new api.Instance(compiled, {}).exports as ByteScanExports;
  } catch {
    compiled = null;
    return null; // An engine without WebAssembly SIMD: the TypeScript scans serve.
  }
}

export type { ByteScanExports };

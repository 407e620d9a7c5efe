// Entries written as lines in the WebAssembly module: for each entry with a message, a prefix, its
// time, a tab, its message (line breaks inside written as ` ⏎ `) and a line feed. A merge writes
// millions of such lines from many traces at once: each trace's current piece and entry columns
// stay in a place of their own in the module's memory (an instance apart from the scans'), and a
// run of lines is one call. The TypeScript twin is cli/mergedLines.ts's; tests hold them to the
// same bytes.

import { ByteText } from "../byteText";
import type { EntrySplit } from "../entries";
import { levelWordsOf } from "../marking";
import { scannerPreference } from "./index";
import { newInstance, type ByteScanExports } from "./wasmModule";

const PAGE_BYTES = 64 * 1024;
/** Where the writer leaves the end of what it wrote, and after it (8 bytes on) the text of the last time written. */
const END_AT = 0;
/** Room for the level words of the format of the last split loaded. */
const LEVEL_WORDS_AT = 64;
const LEVEL_WORDS_ROOM = 1024;
/** The lines written, until taken. */
const OUT_AT = LEVEL_WORDS_AT + LEVEL_WORDS_ROOM;
const OUT_BYTES = 2 * 1024 * 1024;
const SLOTS_AT = OUT_AT + OUT_BYTES;
/** Pieces larger than this are written in TypeScript (a line longer than a piece, cut inside): a line then always fits the room. */
const MAX_PIECE_BYTES = 256 * 1024;

/** Where one trace's piece, its prefix and its entry columns are in module memory. */
interface Slot {
  at: number;
  capacity: number;
  split: EntrySplit | null;
  text: number;
  end: number;
  starts: number;
  kinds: number;
  messageStarts: number;
  times: number;
  prefix: number;
  prefixLength: number;
  levelWords: Uint8Array;
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

export class EntryLineWriter {
  private readonly slots: Slot[] = [];
  private memoryEnd = SLOTS_AT;
  private placedLevelWords: Uint8Array | null = null;
  private written = OUT_AT;

  private constructor(private readonly exports: ByteScanExports) {}

  /** A writer, or null where WebAssembly is missing or the run's scans are TypeScript's (ICM_TRACE_SCANNER=typescript). */
  static create(): EntryLineWriter | null {
    if (scannerPreference() === "typescript") return null;
    const exports = newInstance();
    return exports === null ? null : new EntryLineWriter(exports);
  }

  /** How many bytes of lines are held. */
  get heldBytes(): number {
    return this.written - OUT_AT;
  }

  /**
   * Puts `split` (a piece of ASCII bytes) with its entries' times into slot `slot`, with the lines'
   * prefix; false when the split cannot be written here (a decoded string, a piece too large).
   */
  load(slot: number, split: EntrySplit, times: Float64Array, prefix: Uint8Array): boolean {
    const source = split.source;
    if (!(source instanceof ByteText) || source.length > MAX_PIECE_BYTES) return false;
    const count = split.count;
    const textBytes = align(source.length, 8);
    const need = prefix.length + 8 + textBytes + count * 4 + count + 8 + count * 4 + count * 8 + 32;
    let place = this.slots[slot];
    if (place === undefined || place.capacity < need) {
      // A new place at the end: a trace's pieces are about one size, so this happens seldom.
      const capacity = need * 2;
      place = { at: this.memoryEnd, capacity, split: null, text: 0, end: 0, starts: 0, kinds: 0, messageStarts: 0, times: 0, prefix: 0, prefixLength: 0, levelWords: new Uint8Array(0) };
      this.memoryEnd = align(this.memoryEnd + capacity, 16);
      this.ensureBytes(this.memoryEnd);
      this.slots[slot] = place;
    }
    const buffer = this.exports.memory.buffer;
    const bytes = new Uint8Array(buffer);
    place.prefix = place.at;
    place.prefixLength = prefix.length;
    bytes.set(prefix, place.prefix);
    place.text = align(place.prefix + prefix.length, 8);
    place.end = place.text + source.length;
    bytes.set(source.bytes, place.text);
    const columns = split.columns;
    place.starts = align(place.end, 8);
    new Int32Array(buffer, place.starts, count).set(columns.start.subarray(0, count));
    place.kinds = place.starts + count * 4;
    bytes.set(columns.kind.subarray(0, count), place.kinds);
    place.messageStarts = align(place.kinds + count, 8);
    new Int32Array(buffer, place.messageStarts, count).set(columns.messageStart.subarray(0, count));
    place.times = align(place.messageStarts + count * 4, 8);
    new Float64Array(buffer, place.times, count).set(times.subarray(0, count));
    place.levelWords = levelWordsOf(split.traceFormat);
    place.split = split;
    return true;
  }

  /** Whether slot `slot` holds `split`. */
  holds(slot: number, split: EntrySplit): boolean {
    return this.slots[slot]?.split === split;
  }

  /**
   * Writes the lines of entries [from, to) of the slot's split; returns the first entry not
   * written (to, unless the lines held fill the room: take them, then write on).
   */
  write(slot: number, from: number, to: number): number {
    const place = this.slots[slot]!;
    if (this.placedLevelWords !== place.levelWords) {
      new Uint8Array(this.exports.memory.buffer).set(place.levelWords, LEVEL_WORDS_AT);
      this.placedLevelWords = place.levelWords;
    }
    const count = place.split!.count;
    const next = this.exports.mergedLines(
      place.text, place.end, place.starts, place.kinds, place.messageStarts, place.times, count, from, to,
      place.prefix, place.prefixLength, LEVEL_WORDS_AT, LEVEL_WORDS_AT + place.levelWords.length, this.written, OUT_AT + OUT_BYTES, END_AT,
    );
    this.written = new Int32Array(this.exports.memory.buffer, END_AT, 1)[0]!;
    return next;
  }

  /** The lines held, copied out; the room is then empty. */
  take(): Buffer {
    const lines = Buffer.allocUnsafe(this.written - OUT_AT);
    lines.set(new Uint8Array(this.exports.memory.buffer, OUT_AT, this.written - OUT_AT));
    this.written = OUT_AT;
    return lines;
  }

  private ensureBytes(size: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < size) memory.grow(Math.ceil((size - memory.buffer.byteLength) / PAGE_BYTES));
  }
}

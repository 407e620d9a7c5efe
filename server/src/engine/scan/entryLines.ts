// Entries written as lines in the WebAssembly module: for each entry with a message and a time, a
// prefix, its time, a tab, its message (line breaks inside written as ` ⏎ `) and a line feed. A
// merge writes millions of such lines: a split's piece and entry columns are copied once into an
// instance apart from the scans', and its lines are written in one call (more when they fill the
// room). The TypeScript twin is cli/mergedLines.ts's; tests hold them to the same bytes.

import { ByteText } from "../byteText";
import type { EntrySplit } from "../entries";
import { levelWordsOf } from "../marking";
import { scannerPreference } from "./index";
import { newInstance, type ByteScanExports } from "./wasmModule";

const PAGE_BYTES = 64 * 1024;
/** Where the writer leaves the end of what it wrote and the number of lines, and after them (8 bytes on) the text of the last time written. */
const END_AT = 0;
/** Room for the level words of the format of the split written. */
const LEVEL_WORDS_AT = 64;
const LEVEL_WORDS_ROOM = 1024;
/** The lines of one call. */
const OUT_AT = LEVEL_WORDS_AT + LEVEL_WORDS_ROOM;
const OUT_BYTES = 2 * 1024 * 1024;
/** The split's piece, its entry columns, the lines' prefix and their ends. */
const PLACE_AT = OUT_AT + OUT_BYTES;
/** Pieces larger than this are written in TypeScript (a line longer than a piece, cut inside): a line then always fits the room. */
const MAX_PIECE_BYTES = 256 * 1024;

/** Where the lines go: each call's, as views of module memory valid for the call only. */
export interface LineSink {
  /** `bytes[from, to)` holds lines; `lineEnds` each one's end, as an index of `bytes`. */
  append(bytes: Uint8Array, from: number, to: number, lineEnds: Int32Array): void;
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

export class EntryLineWriter {
  private constructor(private readonly exports: ByteScanExports) {}

  /** A writer, or null where WebAssembly is missing or the run's scans are TypeScript's (ICM_TRACE_SCANNER=typescript). */
  static create(): EntryLineWriter | null {
    if (scannerPreference() === "typescript") return null;
    const exports = newInstance();
    return exports === null ? null : new EntryLineWriter(exports);
  }

  /**
   * Writes a line to `sink` for each entry of `split` (a piece of ASCII bytes) that has a message
   * and a time in `times` (NaN: none), prefixed with `prefix`; false when the split cannot be
   * written here (a decoded string, a piece too large), and nothing is written.
   */
  write(split: EntrySplit, times: Float64Array, prefix: Uint8Array, sink: LineSink): boolean {
    const source = split.source;
    if (!(source instanceof ByteText) || source.length > MAX_PIECE_BYTES) return false;
    const count = split.count;
    const prefixAt = PLACE_AT;
    const textAt = align(prefixAt + prefix.length, 8);
    const textEnd = textAt + source.length;
    const startsAt = align(textEnd, 8);
    const kindsAt = startsAt + count * 4;
    const messageStartsAt = align(kindsAt + count, 8);
    const timesAt = align(messageStartsAt + count * 4, 8);
    const lineEndsAt = timesAt + count * 8;
    this.ensureBytes(lineEndsAt + count * 4);
    const buffer = this.exports.memory.buffer;
    const bytes = new Uint8Array(buffer);
    bytes.set(prefix, prefixAt);
    bytes.set(source.bytes, textAt);
    const columns = split.columns;
    new Int32Array(buffer, startsAt, count).set(columns.start.subarray(0, count));
    bytes.set(columns.kind.subarray(0, count), kindsAt);
    new Int32Array(buffer, messageStartsAt, count).set(columns.messageStart.subarray(0, count));
    new Float64Array(buffer, timesAt, count).set(times.subarray(0, count));
    const levelWords = levelWordsOf(split.traceFormat);
    bytes.set(levelWords, LEVEL_WORDS_AT);
    for (let next = 0; next < count; ) {
      next = this.exports.mergedLines(
        textAt, textEnd, startsAt, kindsAt, messageStartsAt, timesAt, count, next, count,
        prefixAt, prefix.length, LEVEL_WORDS_AT, LEVEL_WORDS_AT + levelWords.length, OUT_AT, OUT_AT + OUT_BYTES, END_AT, lineEndsAt,
      );
      const [end, lines] = new Int32Array(buffer, END_AT, 2);
      if (lines! > 0) sink.append(bytes, OUT_AT, end!, new Int32Array(buffer, lineEndsAt, lines!));
    }
    return true;
  }

  private ensureBytes(size: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < size) memory.grow(Math.ceil((size - memory.buffer.byteLength) / PAGE_BYTES));
  }
}

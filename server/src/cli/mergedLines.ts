// The merge's output lines, written as bytes a split at a time into blocks: `lane<TAB>time<TAB>message`
// (text) or a comma, a line break and an object (JSON), one line per entry with a time, with each
// line's end and time beside them, so that the merge orders lines by copying runs of them. A merge of
// a gigabyte writes more than a gigabyte: a string per line would cost more than the merge. Text
// lines are written by the WebAssembly module (engine/scan/entryLines.ts) when it can read the piece,
// else here, to the same bytes.

import type { Lane } from "../analysis/merge";
import { mergedTimeText, oneLine, writeMergedTime } from "../analysis/merge";
import { ByteText } from "../engine/byteText";
import type { ChunkBase, EntrySplit } from "../engine/entries";
import { EntryLineWriter, type LineSink } from "../engine/scan/entryLines";
import type { LineBlock } from "../engine/scan/mergedRuns";

/** ` ⏎ `, in place of a line break inside a message. */
const LINE_BREAK = Buffer.from(" \u23ce ", "utf8");
const TAB = 9;
const LF = 10;
const CR = 13;

/** Where blocks' buffers come from: made afresh, or given back once the merge has read their lines. */
export interface BlockBuffers {
  /** A buffer of at least `bytes` bytes. */
  take(bytes: number): ArrayBuffer;
}

/** Fresh buffers, for a merge that gives none back. */
export const FRESH_BUFFERS: BlockBuffers = { take: (bytes) => new ArrayBuffer(bytes) };

/**
 * A block being written: its lines' times, ends and bytes in one buffer (a worker thread hands it
 * over whole, and it comes back to be written again).
 */
class BlockBuilder implements LineSink {
  times!: Float64Array;
  ends!: Int32Array;
  bytes!: Uint8Array;
  length = 0;
  count = 0;

  /** `lines`: exactly the block's; `bytes`: as many as it will likely take. */
  constructor(
    private readonly lines: number,
    bytes: number,
    private readonly buffers: BlockBuffers,
  ) {
    this.layOut(buffers.take(lines * 12 + bytes));
  }

  /** Room for `bytes` more bytes. */
  room(bytes: number): Uint8Array {
    if (this.length + bytes > this.bytes.length) {
      const { times, ends, bytes: held } = this;
      this.layOut(this.buffers.take(this.lines * 12 + Math.max(this.length + bytes, held.length * 2)));
      this.times.set(times);
      this.ends.set(ends);
      this.bytes.set(held.subarray(0, this.length));
    }
    return this.bytes;
  }

  endLine(end: number, time: number): void {
    this.length = end;
    this.ends[this.count] = end;
    this.times[this.count++] = time;
  }

  /** The module's lines; their times are set after (`timesOf`). */
  append(bytes: Uint8Array, from: number, to: number, lineEnds: Int32Array): void {
    const out = this.room(to - from);
    out.set(bytes.subarray(from, to), this.length);
    const shift = this.length - from;
    for (let k = 0; k < lineEnds.length; k++) this.ends[this.count++] = lineEnds[k]! + shift;
    this.length += to - from;
  }

  /** The times of the module's lines: every time of `times` that is not NaN, in order. */
  timesOf(times: Float64Array, count: number): void {
    let k = 0;
    for (let i = 0; i < count; i++) {
      const time = times[i]!;
      if (time === time) this.times[k++] = time;
    }
  }

  done(): LineBlock {
    return { bytes: this.bytes.subarray(0, this.length), ends: this.ends, times: this.times, count: this.count };
  }

  private layOut(buffer: ArrayBuffer): void {
    const lines = this.lines;
    this.times = new Float64Array(buffer, 0, lines);
    this.ends = new Int32Array(buffer, lines * 8, lines);
    this.bytes = new Uint8Array(buffer, lines * 12);
  }
}

function countTimes(times: Float64Array, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (times[i] === times[i]) n++;
  return n;
}

let lineWriter: EntryLineWriter | null | undefined;

/** The thread's one writer in the module, shared by its traces (each call writes one split whole). */
function threadLineWriter(): EntryLineWriter | null {
  if (lineWriter === undefined) lineWriter = EntryLineWriter.create();
  return lineWriter;
}

/** Writes one trace's lines, a split at a time. */
export class MergedLineFormatter {
  /** `lane<TAB>`. */
  private readonly prefix: Buffer;
  private readonly module: EntryLineWriter | null;
  private readonly timeText = new Uint8Array(32);

  /** `inModule`: false writes every text line here (tests compare the two ways). */
  constructor(
    private readonly lane: Lane,
    private readonly offsetSeconds: number,
    private readonly json: boolean,
    inModule = true,
  ) {
    this.prefix = Buffer.from(`${lane.name}\t`, "utf8");
    this.module = inModule && !json ? threadLineWriter() : null;
  }

  /** The lines of the entries of `split` that have a time in `times` (NaN: none), in a buffer from `buffers`. */
  block(split: EntrySplit, base: ChunkBase, times: Float64Array, buffers: BlockBuffers = FRESH_BUFFERS): LineBlock {
    const count = split.count;
    const lines = countTimes(times, count);
    const block = new BlockBuilder(lines, split.source.length + lines * (this.prefix.length + 32), buffers);
    if (this.json) {
      for (let i = 0; i < count; i++) if (times[i] === times[i]) this.jsonLine(split, base, i, times[i]!, block);
    } else if (this.module !== null && this.module.write(split, times, this.prefix, block)) {
      block.timesOf(times, count);
    } else {
      for (let i = 0; i < count; i++) if (times[i] === times[i]) this.textLine(split, i, times[i]!, block);
    }
    return block.done();
  }

  /** One text line, written here: for a piece the module cannot read (decoded text, a line longer than a piece). */
  private textLine(split: EntrySplit, index: number, time: number, block: BlockBuilder): void {
    const source = split.source;
    const from = split.messageStartOf(index);
    const to = source instanceof ByteText ? contentEnd(source.bytes, from, split.endOf(index)) : split.contentEndOf(index);
    const message = source instanceof ByteText ? null : Buffer.from(oneLine(source.slice(from, to)), "utf8");
    const timeLength = writeMergedTime(time, this.timeText, 0);
    // Room for the worst case: every byte of the message a line break.
    const out = block.room(this.prefix.length + timeLength + 1 + (message?.length ?? (to - from) * LINE_BREAK.length) + 1);
    let at = copyBytes(this.prefix, 0, this.prefix.length, out, block.length);
    at = copyBytes(this.timeText, 0, timeLength, out, at);
    out[at++] = TAB;
    if (message !== null) {
      out.set(message, at);
      at += message.length;
    } else at = copyMessage((source as ByteText).bytes, from, to, out, at);
    out[at++] = LF;
    block.endLine(at, time);
  }

  private jsonLine(split: EntrySplit, base: ChunkBase, index: number, time: number, block: BlockBuilder): void {
    const entry = split.entryAt(index, base);
    const { file, name } = this.lane;
    const value = { file, line: entry.line + 1, column: entry.column + 1, lane: name, time: mergedTimeText(time), offsetSeconds: this.offsetSeconds, message: oneLine(split.source.slice(split.messageStartOf(index), split.contentEndOf(index))) };
    // Each object after a comma: whoever writes the first leaves its comma out.
    const text = Buffer.from(`,\n  ${JSON.stringify(value)}`, "utf8");
    const out = block.room(text.length);
    out.set(text, block.length);
    block.endLine(block.length + text.length, time);
  }
}

/** Short runs of bytes: a loop costs less than a call into the runtime. */
function copyBytes(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
  for (let i = from; i < to; i++) out[at++] = bytes[i]!;
  return at;
}

/** A message's ASCII bytes as they are, a line break inside it replaced. */
function copyMessage(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b !== LF && b !== CR) {
      out[at++] = b;
      continue;
    }
    if (b === CR && i + 1 < to && bytes[i + 1] === LF) i++;
    at = copyBytes(LINE_BREAK, 0, LINE_BREAK.length, out, at);
  }
  return at;
}

/** Just past a message's bytes, without the line endings that end its entry. */
function contentEnd(bytes: Uint8Array, from: number, end: number): number {
  while (end > from && (bytes[end - 1] === LF || bytes[end - 1] === CR)) end--;
  return end;
}

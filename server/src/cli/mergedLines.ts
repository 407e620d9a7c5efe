// The merge's text output, `lane<TAB>time<TAB>message` a line, written as bytes: a merge of a
// gigabyte writes more than a gigabyte, and a string per line would cost more than the merge.

import { ByteText } from "../engine/byteText";
import { oneLine, writeMergedTime, type TraceCursor } from "../analysis/merge";

/** Bytes written at a time. */
const BLOCK_BYTES = 1024 * 1024;
/** ` ⏎ `, in place of a line break inside a message. */
const LINE_BREAK = Buffer.from(" \u23ce ", "utf8");
const TAB = 9;
const LF = 10;
const CR = 13;

export class MergedLineWriter {
  private out = Buffer.allocUnsafe(BLOCK_BYTES);
  private at = 0;
  /** Each trace's `lane<TAB>`, and its last time with its text and a tab. */
  private readonly lanes: Buffer[];
  private readonly lastTimes: number[];
  private readonly timeTexts: Uint8Array[];
  private readonly timeLengths: number[];

  constructor(
    laneNames: readonly string[],
    private readonly write: (bytes: Uint8Array) => void | Promise<void>,
  ) {
    this.lanes = laneNames.map((name) => Buffer.from(`${name}\t`, "utf8"));
    this.lastTimes = laneNames.map(() => Number.NaN);
    this.timeTexts = laneNames.map(() => new Uint8Array(32));
    this.timeLengths = laneNames.map(() => 0);
  }

  /** Writes the cursor's entry; a promise when the reader is behind. */
  line(cursor: TraceCursor): void | Promise<void> {
    const { split, index, traceIndex, time } = cursor;
    const source = split.source;
    const from = split.messageStartOf(index);
    const to = source instanceof ByteText ? contentEnd(source.bytes, from, split.endOf(index)) : split.contentEndOf(index);
    const lane = this.lanes[traceIndex]!;
    const timeText = this.timeTexts[traceIndex]!;
    if (time !== this.lastTimes[traceIndex]) {
      this.lastTimes[traceIndex] = time;
      const end = writeMergedTime(time, timeText, 0);
      timeText[end] = TAB;
      this.timeLengths[traceIndex] = end + 1;
    }
    const timeLength = this.timeLengths[traceIndex]!;
    let waiting: void | Promise<void> = undefined;
    // Room for the worst case: every byte of the message a line break.
    const most = lane.length + timeLength + (to - from) * LINE_BREAK.length + 1;
    if (this.at + most > this.out.length) waiting = this.flush(most);
    const out = this.out;
    let at = copyBytes(lane, 0, lane.length, out, this.at);
    at = copyBytes(timeText, 0, timeLength, out, at);
    at = source instanceof ByteText ? copyMessage(source.bytes, from, to, out, at) : at + out.write(oneLine(source.slice(from, to)), at, "utf8");
    out[at++] = LF;
    this.at = at;
    return waiting;
  }

  /** Writes what is held; `room`: the bytes the next line needs. */
  flush(room = 0): void | Promise<void> {
    const full = this.out.subarray(0, this.at);
    // The written block is handed over, not written again: the reader may hold it a while.
    this.out = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, room));
    this.at = 0;
    return full.length === 0 ? undefined : this.write(full);
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

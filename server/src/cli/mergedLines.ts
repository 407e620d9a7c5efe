// The merge's text output, `lane<TAB>time<TAB>message` a line, written as bytes: a merge of a
// gigabyte writes more than a gigabyte, and a string per line would cost more than the merge. Runs
// of one trace's entries are written by the WebAssembly module (engine/scan/entryLines.ts) when it
// can read their piece; otherwise, and where WebAssembly is missing, here, line by line, to the
// same bytes.

import { ByteText } from "../engine/byteText";
import { EntryLineWriter } from "../engine/scan/entryLines";
import { oneLine, writeMergedTime, type TraceCursor } from "../analysis/merge";

/** Bytes handed on at a time. */
const BLOCK_BYTES = 1024 * 1024;
/** ` ⏎ `, in place of a line break inside a message. */
const LINE_BREAK = Buffer.from(" \u23ce ", "utf8");
const TAB = 9;
const LF = 10;
const CR = 13;
const NOTHING = new Uint8Array(0);

export class MergedLineWriter {
  private out = Buffer.allocUnsafe(BLOCK_BYTES);
  private at = 0;
  /** Each trace's `lane<TAB>`. */
  private readonly lanes: Buffer[];
  private readonly module: EntryLineWriter | null;
  private readonly timeText = new Uint8Array(32);

  /** `inModule`: false writes every line here (tests compare the two ways). */
  constructor(
    laneNames: readonly string[],
    private readonly write: (bytes: Uint8Array) => void | Promise<void>,
    inModule = true,
  ) {
    this.lanes = laneNames.map((name) => Buffer.from(`${name}\t`, "utf8"));
    this.module = inModule ? EntryLineWriter.create() : null;
  }

  /** Writes the lines of the cursor's entries [from, to) that have a message; a promise when the reader is behind. */
  run(cursor: TraceCursor, from: number, to: number): void | Promise<void> {
    const { split, traceIndex } = cursor;
    const module = this.module;
    const waiting: Promise<void>[] = [];
    if (module !== null && (module.holds(traceIndex, split) || module.load(traceIndex, split, cursor.times, this.lanes[traceIndex]!))) {
      // What was written here goes first.
      this.handOn(this.takeOwn(), waiting);
      for (let next = from; next < to; ) {
        next = module.write(traceIndex, next, to);
        if (next < to || module.heldBytes >= BLOCK_BYTES) this.handOn(module.take(), waiting);
      }
    } else {
      if (module !== null && module.heldBytes > 0) this.handOn(module.take(), waiting);
      for (let i = from; i < to; i++) {
        const time = cursor.times[i]!;
        if (time === time) this.line(cursor, i, time, waiting);
      }
    }
    return waiting.length === 0 ? undefined : Promise.all(waiting).then(() => undefined);
  }

  /** Hands on every line held. */
  async flush(): Promise<void> {
    const waiting: Promise<void>[] = [];
    if (this.module !== null && this.module.heldBytes > 0) this.handOn(this.module.take(), waiting);
    this.handOn(this.takeOwn(), waiting);
    await Promise.all(waiting);
  }

  private handOn(bytes: Uint8Array, waiting: Promise<void>[]): void {
    if (bytes.length === 0) return;
    const written = this.write(bytes);
    if (written !== undefined) waiting.push(written);
  }

  /** The lines written here, handed over (not written again: the reader may hold them a while). */
  private takeOwn(): Uint8Array {
    if (this.at === 0) return NOTHING;
    const own = this.out.subarray(0, this.at);
    this.out = Buffer.allocUnsafe(BLOCK_BYTES);
    this.at = 0;
    return own;
  }

  /** One line, written here: for a piece the module cannot read (decoded text, a line longer than a piece). */
  private line(cursor: TraceCursor, index: number, time: number, waiting: Promise<void>[]): void {
    const { split, traceIndex } = cursor;
    const source = split.source;
    const from = split.messageStartOf(index);
    const to = source instanceof ByteText ? contentEnd(source.bytes, from, split.endOf(index)) : split.contentEndOf(index);
    const lane = this.lanes[traceIndex]!;
    const timeLength = writeMergedTime(time, this.timeText, 0);
    // Room for the worst case: every byte of the message a line break.
    const most = lane.length + timeLength + 1 + (to - from) * LINE_BREAK.length + 1;
    if (this.at + most > this.out.length) {
      this.handOn(this.takeOwn(), waiting);
      if (most > this.out.length) this.out = Buffer.allocUnsafe(most);
    }
    const out = this.out;
    let at = copyBytes(lane, 0, lane.length, out, this.at);
    at = copyBytes(this.timeText, 0, timeLength, out, at);
    out[at++] = TAB;
    at = source instanceof ByteText ? copyMessage(source.bytes, from, to, out, at) : at + out.write(oneLine(source.slice(from, to)), at, "utf8");
    out[at++] = LF;
    this.at = at;
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

// The merged lines written out in corrected time order: runs of each trace's blocks of lines, ties
// to the trace given first. The WebAssembly module orders and copies the runs (engine/scan/
// mergedRuns.ts); where it cannot, the heap of analysis/merge.ts does, here, to the same bytes.

import { visitMergedRuns, type MergeCursor } from "../analysis/merge";
import { RunMerger, RUNS_DONE, RUNS_OUT_FULL, type LineBlock } from "../engine/scan/mergedRuns";
import type { CliIo } from "./io";
import type { BlockQueue } from "./mergeThreads";

/** Bytes handed on at a time, when ordered here. */
const OUT_BYTES = 1024 * 1024;

/** Where the merged lines go: stdout, with `[` and `]` around JSON lines, each of which starts with the comma after the one before. */
export class MergedOutput {
  private out = Buffer.allocUnsafe(OUT_BYTES);
  private at = 0;
  private started = false;
  private readonly write: (bytes: Uint8Array) => void | Promise<void>;
  /** Whether bytes written may be written over as soon as `lines` returns. */
  readonly writesAtOnce: boolean;

  constructor(
    io: CliIo,
    private readonly json: boolean,
  ) {
    this.writesAtOnce = io.stdoutWritesAtOnce === true;
    const decoder = new TextDecoder();
    this.write = io.stdoutBytes !== undefined ? (bytes) => io.stdoutBytes!(bytes) : (bytes) => io.stdout(decoder.decode(bytes));
    if (json) this.out[this.at++] = 0x5b; // [
  }

  /** Lines in order, in a buffer of their own unless `writesAtOnce`; a promise when the reader is behind. */
  lines(bytes: Uint8Array): void | Promise<void> {
    if (bytes.length === 0) return undefined;
    return settle([this.handOn(), this.write(this.firstLines(bytes))]);
  }

  /** Lines [from, to) of a block; a promise when the reader is behind. */
  run(block: LineBlock, from: number, to: number): void | Promise<void> {
    const lines = this.firstLines(block.bytes.subarray(from === 0 ? 0 : block.ends[from - 1]!, block.ends[to - 1]!));
    if (this.at + lines.length <= this.out.length) {
      this.out.set(lines, this.at);
      this.at += lines.length;
      return undefined;
    }
    // Copied: the block's buffer is written again once its lines are read.
    const waiting = this.handOn();
    if (lines.length > this.out.length) this.out = Buffer.allocUnsafe(lines.length);
    this.out.set(lines, 0);
    this.at = lines.length;
    return waiting;
  }

  async end(): Promise<void> {
    if (this.json) {
      const close = this.started ? "\n]\n" : "]\n";
      if (this.at + close.length > this.out.length) await this.handOn();
      this.at += this.out.write(close, this.at, "latin1");
    }
    await this.handOn();
  }

  /** The first JSON line has no comma before it. */
  private firstLines(bytes: Uint8Array): Uint8Array {
    if (this.started || bytes.length === 0) return bytes;
    this.started = true;
    return this.json ? bytes.subarray(1) : bytes;
  }

  /** The output held, handed on (not written again: the reader may hold it a while). */
  private handOn(): void | Promise<void> {
    if (this.at === 0) return undefined;
    const held = this.out.subarray(0, this.at);
    this.out = Buffer.allocUnsafe(OUT_BYTES);
    this.at = 0;
    return this.write(held);
  }
}

function settle(waiting: readonly (void | Promise<void>)[]): void | Promise<void> {
  const promises = waiting.filter((w): w is Promise<void> => w !== undefined);
  return promises.length === 0 ? undefined : Promise.all(promises).then(() => undefined);
}

/** A trace's lines for the heap here: the current block's, a block at a time. */
class BlockCursor implements MergeCursor {
  block: LineBlock = NO_BLOCK;
  index = -1;
  time = 0;

  constructor(private readonly queue: BlockQueue) {}

  get traceIndex(): number {
    return this.queue.traceIndex;
  }

  get count(): number {
    return this.block.count;
  }

  advance(): boolean {
    if (this.index + 1 < this.block.count) {
      this.time = this.block.times[++this.index]!;
      return true;
    }
    this.index = this.block.count;
    return false;
  }

  runEnd(time: number, traceIndex: number): number {
    const { times, count } = this.block;
    const tieFirst = this.traceIndex < traceIndex;
    let i = this.index + 1;
    while (i < count && (times[i]! < time || (times[i] === time && tieFirst))) i++;
    return i;
  }

  async refill(): Promise<boolean> {
    const next = await this.queue.next();
    this.block = next ?? NO_BLOCK;
    this.index = -1;
    return next !== null && this.advance();
  }
}

const NO_BLOCK: LineBlock = { bytes: new Uint8Array(0), ends: new Int32Array(0), times: new Float64Array(0), count: 0 };

/**
 * Writes every trace's lines to `output` in corrected time order. Tests compare the two ways:
 * `inModule` false orders them here; `moduleRoom` sets the module's output room.
 */
export async function writeMerged(queues: readonly BlockQueue[], output: MergedOutput, { inModule = true, moduleRoom }: { readonly inModule?: boolean; readonly moduleRoom?: number } = {}): Promise<void> {
  const merger = inModule ? RunMerger.create(queues.length, moduleRoom) : null;
  if (merger === null) {
    await visitMergedRuns(
      queues.map((queue) => new BlockCursor(queue)),
      (cursor, from, to) => output.run(cursor.block, from, to),
    );
    await output.end();
    return;
  }
  const firsts = await Promise.all(queues.map((queue) => queue.next()));
  const loaded: number[] = [];
  firsts.forEach((block, slot) => {
    if (block === null) return;
    merger.load(slot, queues[slot]!.traceIndex, block);
    loaded.push(slot);
  });
  loaded.sort((a, b) => firsts[a]!.times[0]! - firsts[b]!.times[0]! || queues[a]!.traceIndex - queues[b]!.traceIndex);
  merger.start(loaded);
  for (;;) {
    const answer = merger.merge();
    if (answer === RUNS_OUT_FULL || answer === RUNS_DONE) {
      // Written from module memory where the output is done with it at once; else copied.
      const held = merger.held();
      const written = output.lines(output.writesAtOnce ? held : Buffer.from(held));
      merger.clear();
      await written;
      if (answer === RUNS_DONE) break;
      continue;
    }
    const next = await queues[answer]!.next();
    if (next === null) merger.ended();
    else {
      merger.load(answer, queues[answer]!.traceIndex, next);
      merger.refilled();
    }
  }
  await output.end();
}

// The work of `merge` and `follow` that a thread does, on the main thread or on a worker (the same
// code, mergeWorker.ts only passing messages): surveying a trace to place its clock, and writing a
// trace's lines in blocks for the merge to order. What goes between threads is plain data: traces
// by name (TraceSpec), surveys, blocks of bytes.

import { Readable } from "node:stream";
import { correctedTimes, FollowedCall, timeInWindow, surveyTrace, type Lane, type MergeTime, type NamingEntry, type TraceSourceRef, type TraceSurvey } from "../analysis/merge";
import { openMember, UnreadableArchiveError } from "../engine/archive";
import { fileSource, streamSource, type ByteSource } from "../engine/byteSource";
import { BinaryTraceError } from "../engine/encoding";
import type { ChunkBase, EntrySplit } from "../engine/entries";
import { feedSplits, SplitStream, type FeedOptions } from "../formats/splitStream";
import type { CallId } from "../knowledge/callIds";
import type { LineBlock } from "../engine/scan/mergedRuns";
import { MergedLineFormatter, type BlockBuffers } from "./mergedLines";

/** A trace as threads name it: a file, a bundle member opened by its name, or a small member's bytes read already. */
export interface TraceSpec {
  /** A path, or a bundle member (`case.zip!/LoggerA/lgr.txt`). */
  readonly file: string;
  readonly member: boolean;
  readonly bytes: Uint8Array | null;
  /** Bytes to read, as far as known: traces are shared among threads by it. */
  readonly size: number;
}

/** A trace to read, once per pass. */
export function traceSource(spec: TraceSpec): TraceSourceRef {
  const { file, bytes } = spec;
  if (bytes !== null) return { file, open: async () => streamSource(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)]), bytes.length) };
  if (spec.member) return { file, open: () => openMemberSource(file) };
  return { file, open: () => fileSource(file) };
}

async function openMemberSource(name: string): Promise<ByteSource> {
  const member = await openMember(name);
  const source = streamSource(member.stream, member.size);
  return {
    ...source,
    close: async () => {
      await source.close();
      member.close();
    },
  };
}

/** A survey, or why the trace could not be read: a binary file, an archive that cannot be read, or another error. */
export type SurveyOutcome =
  | { readonly survey: TraceSurvey; readonly naming: readonly NamingEntry[] }
  | { readonly error: string; readonly binary: boolean; readonly archive: boolean };

/** How to survey: for a call followed, or the start only (surveyTrace). */
export interface SurveyHow {
  readonly follow: Pick<CallId, "kind" | "value"> | null;
  readonly startOnly: boolean;
  readonly encoding: string | undefined;
}

/** What writing one trace's lines needs: the trace, where its clock was placed, the window, the form. */
export interface BlockSetup {
  readonly traceIndex: number;
  readonly spec: TraceSpec;
  readonly lane: Lane;
  readonly offsetSeconds: number;
  readonly firstTime: number;
  readonly onDates: boolean;
  readonly since: MergeTime;
  readonly until: MergeTime;
  readonly json: boolean;
  readonly encoding: string | undefined;
}

/**
 * How a trace is read while others are: in smaller blocks than alone, as twenty traces side by side
 * each hold theirs, and in pieces no larger than the module writes lines of (entryLines.ts). Pieces
 * of 128 KB made twice the blocks: the merge of 1 GB took 7 % longer and held 20 MB more.
 */
const SIDE_BY_SIDE: FeedOptions = { pieceBytes: 256 * 1024, readBytes: 256 * 1024 };

/** One trace's lines, a split at a time, each block holding the lines of one split. */
class TraceBlocks {
  private ready: { split: EntrySplit; base: ChunkBase } | null = null;
  private ended = false;
  private times = new Float64Array(1024);
  private ownTime: number;
  private readonly formatter: MergedLineFormatter;
  private readonly feed: AsyncGenerator<void, unknown, void>;

  constructor(
    private readonly setup: BlockSetup,
    private readonly source: ByteSource,
    private readonly buffers: BlockBuffers,
  ) {
    this.ownTime = setup.firstTime;
    this.formatter = new MergedLineFormatter(setup.lane, setup.offsetSeconds, setup.json);
    const stream = new SplitStream((split, base) => {
      this.ready = { split, base };
    });
    this.feed = feedSplits(source, setup.spec.file, stream, { ...SIDE_BY_SIDE, ...(setup.encoding === undefined ? {} : { encoding: setup.encoding }) });
  }

  /** The next block with a line; null at the trace's end. */
  async next(): Promise<LineBlock | null> {
    const { onDates, offsetSeconds, since, until } = this.setup;
    const windowed = since !== null || until !== null;
    for (;;) {
      // Each piece fed makes at most one split.
      while (this.ready === null && !this.ended) this.ended = (await this.feed.next()).done === true;
      if (this.ready === null) return null;
      const { split, base } = this.ready;
      this.ready = null;
      if (this.times.length < split.count) this.times = new Float64Array(Math.max(split.count, this.times.length * 2));
      const times = this.times;
      this.ownTime = correctedTimes(split, onDates, offsetSeconds, this.ownTime, times);
      if (windowed) for (let i = 0; i < split.count; i++) if (times[i] === times[i] && !timeInWindow(times[i]!, since, until)) times[i] = Number.NaN;
      const block = this.formatter.block(split, base, times, this.buffers);
      if (block.count > 0) return block;
    }
  }

  async close(): Promise<void> {
    await this.feed.return(undefined);
    await this.source.close();
  }
}

/** Buffers given back, kept for blocks to come: a block's lines need no fresh memory. */
class BufferPool implements BlockBuffers {
  private readonly free: ArrayBuffer[] = [];

  take(bytes: number): ArrayBuffer {
    const at = this.free.findIndex((buffer) => buffer.byteLength >= bytes);
    if (at !== -1) return this.free.splice(at, 1)[0]!;
    // Rounded up, so that a buffer given back fits the blocks to come; not zeroed: every byte read is written first.
    return Buffer.allocUnsafeSlow(Math.ceil(bytes / BUFFER_STEP) * BUFFER_STEP).buffer as ArrayBuffer;
  }

  giveBack(buffer: ArrayBuffer): void {
    if (this.free.length < MAX_FREE_BUFFERS) this.free.push(buffer);
  }
}

const BUFFER_STEP = 64 * 1024;
const MAX_FREE_BUFFERS = 8;

/** A thread's part of a merge: the surveys asked of it, and the traces whose lines it writes. */
export class MergeWork {
  private readonly buffers = new BufferPool();
  /** Each trace's blocks, and the last block asked of it: a trace's blocks are written one after another. */
  private readonly traces = new Map<number, { readonly opened: Promise<TraceBlocks>; last: Promise<unknown> }>();

  async survey(spec: TraceSpec, how: SurveyHow): Promise<SurveyOutcome> {
    const { follow, startOnly, encoding } = how;
    try {
      return await surveyTrace(traceSource(spec), { follow: follow === null ? null : new FollowedCall(follow), startOnly, feed: encoding === undefined ? {} : { encoding } });
    } catch (error) {
      return { error: (error as Error).message, binary: error instanceof BinaryTraceError, archive: error instanceof UnreadableArchiveError };
    }
  }

  /** Opens a trace for `next` (which waits for it; its error is the first `next`'s). */
  open(setup: BlockSetup): void {
    const opened = traceSource(setup.spec)
      .open()
      .then((source) => new TraceBlocks(setup, source, this.buffers));
    this.traces.set(setup.traceIndex, { opened, last: opened.catch(() => undefined) });
  }

  next(traceIndex: number): Promise<LineBlock | null> {
    const trace = this.traces.get(traceIndex)!;
    const block = trace.last.then(async () => (await trace.opened).next());
    trace.last = block.catch(() => undefined);
    return block;
  }

  /** A block's buffer, its lines read: to be written again. */
  recycle(block: LineBlock): void {
    this.buffers.giveBack(block.bytes.buffer as ArrayBuffer);
  }

  async close(): Promise<void> {
    const traces = [...this.traces.values()];
    this.traces.clear();
    await Promise.all(
      traces.map(async (trace) => {
        await trace.last;
        await (await trace.opened.catch(() => null))?.close();
      }),
    );
  }
}

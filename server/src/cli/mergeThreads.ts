// The threads of a merge. Surveying traces and writing their lines are most of a merge's work, and
// each trace's is its own: worker threads (mergeWorker.ts) do them, while the main thread orders
// the lines and writes them out. A small set is merged on the main thread alone: starting a worker
// costs more than it saves.

import { availableParallelism } from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { LineBlock } from "../engine/scan/mergedRuns";
import { MergeWork, type BlockSetup, type SurveyHow, type SurveyOutcome, type TraceSpec } from "./mergeWork";

/** What one thread does for the merge, on a worker or here. */
export interface MergeThread {
  survey(spec: TraceSpec, how: SurveyHow): Promise<SurveyOutcome>;
  open(setup: BlockSetup): void;
  next(traceIndex: number): Promise<LineBlock | null>;
  /** Gives back a block whose lines the merge has read, its buffer to be written again. */
  recycle(block: LineBlock): void;
  close(): Promise<void>;
}

/** Requests and replies between the main thread and a worker. */
export type WorkerRequest =
  | { readonly id: number; readonly kind: "survey"; readonly spec: TraceSpec; readonly how: SurveyHow }
  | { readonly id: number; readonly kind: "open"; readonly setup: BlockSetup }
  | { readonly id: number; readonly kind: "next"; readonly traceIndex: number }
  | { readonly id: number; readonly kind: "recycle"; readonly block: LineBlock }
  | { readonly id: number; readonly kind: "close" };
export type WorkerReply = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string };

/** How long a closed worker is given to end on its own. */
const WORKER_EXIT_MS = 5000;

/** Below this many bytes in all, a set is merged on the main thread. */
const WORKER_SET_BYTES = 64 * 1024 * 1024;

/**
 * How many threads merge `specs`: `requested` when given (1: the main thread alone), else one per
 * core for a large set, at most one per trace.
 */
export function threadCount(specs: readonly TraceSpec[], requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, specs.length));
  const bytes = specs.reduce((sum, spec) => sum + spec.size, 0);
  return bytes < WORKER_SET_BYTES ? 1 : Math.max(1, Math.min(availableParallelism(), specs.length));
}

/** `count` threads: the main thread's own work for one, else as many workers. */
export function startThreads(count: number): MergeThread[] {
  if (count <= 1) return [new MergeWork()];
  return Array.from({ length: count }, () => new WorkerThread());
}

/** A worker thread running mergeWorker.ts, beside this module in the build. */
class WorkerThread implements MergeThread {
  // A small young generation: a worker's heap otherwise grew to 50 MB of short-lived objects (the
  // merge of 1 GB held 250 MB in all, 176 MB with this).
  private readonly worker = new Worker(path.join(__dirname, "mergeWorker.js"), { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor() {
    this.worker.on("message", (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("error" in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.value);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`a merge thread stopped (exit code ${code})`)));
  }

  survey(spec: TraceSpec, how: SurveyHow): Promise<SurveyOutcome> {
    return this.ask({ id: this.nextId++, kind: "survey", spec, how }) as Promise<SurveyOutcome>;
  }

  open(setup: BlockSetup): void {
    // Its error is the first `next`'s.
    void this.ask({ id: this.nextId++, kind: "open", setup }).catch(() => undefined);
  }

  next(traceIndex: number): Promise<LineBlock | null> {
    return this.ask({ id: this.nextId++, kind: "next", traceIndex }) as Promise<LineBlock | null>;
  }

  recycle(block: LineBlock): void {
    if (this.failure === null) this.worker.postMessage({ id: -1, kind: "recycle", block } satisfies WorkerRequest, [block.bytes.buffer as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (this.failure !== null) {
      await this.worker.terminate();
      return;
    }
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    await this.ask({ id: this.nextId++, kind: "close" }).catch(() => undefined);
    this.failure = new Error("closed");
    // The worker ends on its own once closed (mergeWorker.ts); one that does not is stopped.
    const stopping = setTimeout(() => void this.worker.terminate(), WORKER_EXIT_MS);
    await exited;
    clearTimeout(stopping);
  }

  private ask(request: WorkerRequest): Promise<unknown> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/** Surveys every trace, each thread taking the next trace as it is done with one; outcomes in the order of `specs`. */
export async function surveyOnThreads(threads: readonly MergeThread[], specs: readonly TraceSpec[], how: SurveyHow): Promise<SurveyOutcome[]> {
  const outcomes: SurveyOutcome[] = new Array(specs.length);
  let next = 0;
  await Promise.all(
    threads.map(async (thread) => {
      while (next < specs.length) {
        const i = next++;
        outcomes[i] = await thread.survey(specs[i]!, how);
      }
    }),
  );
  return outcomes;
}

/** Shares traces among threads for their lines, the largest first, each to the thread with the fewest bytes so far. */
export function shareTraces<T extends { readonly spec: TraceSpec }>(traces: readonly T[], threads: number): T[][] {
  const shares: T[][] = Array.from({ length: threads }, () => []);
  const bytes = new Array<number>(threads).fill(0);
  for (const trace of [...traces].sort((a, b) => b.spec.size - a.spec.size)) {
    const least = bytes.indexOf(Math.min(...bytes));
    shares[least]!.push(trace);
    bytes[least]! += trace.spec.size;
  }
  return shares;
}

/**
 * Blocks asked for ahead, per trace: its thread writes the next while the merge reads this one. Two
 * ahead made the merge of the 1 GB set 2–4 % faster and held 12 MB more.
 */
const BLOCKS_AHEAD = 1;

/** A trace's blocks of lines, in order, asked of its thread ahead of need. */
export class BlockQueue {
  private readonly ahead: Promise<LineBlock | null>[] = [];
  private ended = false;
  /** The block last given: its lines are read when the next is asked for. */
  private last: LineBlock | null = null;

  /** `onFailure`: told why a trace that cannot be read on ends where it does. */
  constructor(
    readonly traceIndex: number,
    private readonly thread: MergeThread,
    private readonly onFailure: (error: Error) => void,
  ) {
    for (let i = 0; i < BLOCKS_AHEAD; i++) this.ask();
  }

  /** The next block (of at least one line); null at the trace's end, or where it cannot be read on. The block before is then given back. */
  async next(): Promise<LineBlock | null> {
    if (this.last !== null) this.thread.recycle(this.last);
    this.last = null;
    if (this.ended) return null;
    let block: LineBlock | null;
    try {
      block = await this.ahead.shift()!;
    } catch (error) {
      this.ended = true;
      this.onFailure(error as Error);
      return null;
    }
    if (block === null) this.ended = true;
    else this.ask();
    this.last = block;
    return block;
  }

  private ask(): void {
    const block = this.thread.next(this.traceIndex);
    // Waited for in turn; until then its error is held, not unhandled.
    block.catch(() => undefined);
    this.ahead.push(block);
  }
}

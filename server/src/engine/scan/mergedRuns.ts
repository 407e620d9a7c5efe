// Runs of merged lines ordered in the WebAssembly module: each trace's current block of lines (its
// bytes, each line's end and time) sits in a place of its own in module memory, and a heap of the
// traces' cursors there picks runs of lines in corrected time order and copies them out, in one
// call until the output room is full or a block is done. A merge of many traces makes millions of
// runs; one call each from TypeScript would cost more than the copying. The TypeScript twin is
// cli/mergedOutput.ts's BlockCursor with analysis/merge.ts's visitMergedRuns; tests hold them to
// the same bytes.

import { scannerPreference } from "./index";
import { newInstance, type ByteScanExports } from "./wasmModule";

/** A block of one trace's lines: line k is `bytes[ends[k-1] (0 for the first), ends[k])`, at time `times[k]`. */
export interface LineBlock {
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
  readonly times: Float64Array;
  readonly count: number;
}

const PAGE_BYTES = 64 * 1024;
/** Where a call leaves the end of what it wrote and the heap's size. */
const END_AT = 0;
const HEAP_AT = 64;
const CURSOR_BYTES = 32;
const OUT_BYTES = 2 * 1024 * 1024;

/** What a call of `mergeRuns` answers besides a slot whose block is done. */
export const RUNS_OUT_FULL = -1;
export const RUNS_DONE = -2;
/** How the first cursor changed before a call: not, a new block, its trace ended. */
const RESUME_AS_IS = 0;
const RESUME_REFILLED = 1;
const RESUME_ENDED = 2;

function longestLine({ ends, count }: LineBlock): number {
  let longest = ends[0]!;
  for (let k = 1; k < count; k++) longest = Math.max(longest, ends[k]! - ends[k - 1]!);
  return longest;
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** Where one trace's block is in module memory. */
interface Place {
  at: number;
  capacity: number;
}

export class RunMerger {
  private readonly slotsAt: number;
  private outAt: number;
  private memoryEnd: number;
  private readonly places: (Place | undefined)[];
  private size = 0;
  private resume = RESUME_AS_IS;
  private written: number;

  private constructor(
    private readonly exports: ByteScanExports,
    slots: number,
    private outBytes: number,
  ) {
    this.slotsAt = align(HEAP_AT + slots * 4, 8);
    this.outAt = align(this.slotsAt + slots * CURSOR_BYTES, 16);
    this.written = this.outAt;
    this.memoryEnd = this.outAt + this.outBytes;
    this.places = new Array<Place | undefined>(slots);
    this.ensureBytes(this.memoryEnd);
  }

  /**
   * A merger of `slots` traces, its lines copied out into a room of `outBytes` (tests use a small
   * one), or null where WebAssembly is missing or the run's scans are TypeScript's (ICM_TRACE_SCANNER=typescript).
   */
  static create(slots: number, outBytes = OUT_BYTES): RunMerger | null {
    if (scannerPreference() === "typescript") return null;
    const exports = newInstance();
    return exports === null ? null : new RunMerger(exports, slots, outBytes);
  }

  /** Puts `block` (of at least one line) into `slot`, for trace `traceIndex`, its cursor on the first line. */
  load(slot: number, traceIndex: number, block: LineBlock): void {
    const { count } = block;
    const need = align(block.bytes.length, 8) + count * 12;
    let place = this.places[slot];
    if (place === undefined || place.capacity < need) {
      // A new place at the end: a trace's blocks are about one size, so this happens seldom.
      place = { at: this.memoryEnd, capacity: Math.ceil(need * 1.25) };
      this.memoryEnd = align(this.memoryEnd + place.capacity, 16);
      this.places[slot] = place;
    }
    // Room out for the longest line: the module copies whole lines.
    const longest = longestLine(block);
    if (longest > this.outBytes) this.growOut(longest);
    this.ensureBytes(this.memoryEnd);
    const buffer = this.exports.memory.buffer;
    const timesAt = place.at;
    const endsAt = timesAt + count * 8;
    const bytesAt = endsAt + count * 4;
    new Float64Array(buffer, timesAt, count).set(block.times.subarray(0, count));
    new Int32Array(buffer, endsAt, count).set(block.ends.subarray(0, count));
    new Uint8Array(buffer).set(block.bytes, bytesAt);
    const cursor = new DataView(buffer, this.slotsAt + slot * CURSOR_BYTES, CURSOR_BYTES);
    cursor.setInt32(0, bytesAt, true);
    cursor.setInt32(4, endsAt, true);
    cursor.setInt32(8, timesAt, true);
    cursor.setInt32(12, count, true);
    cursor.setInt32(16, 0, true);
    cursor.setInt32(20, traceIndex, true);
    cursor.setFloat64(24, block.times[0]!, true);
  }

  /** Starts the merge of the slots loaded, given in the order of their first lines' (time, trace). */
  start(slotsInOrder: readonly number[]): void {
    // An array in order is a heap.
    new Int32Array(this.exports.memory.buffer, HEAP_AT, slotsInOrder.length).set(slotsInOrder);
    this.size = slotsInOrder.length;
    this.resume = RESUME_AS_IS;
  }

  /**
   * Copies runs out until the room is full (RUNS_OUT_FULL: `take` the lines), every trace is done
   * (RUNS_DONE), or a slot's block is done: the slot is answered, to be `load`ed again (`refilled`)
   * or `ended`.
   */
  merge(): number {
    const result = this.exports.mergeRuns(this.slotsAt, HEAP_AT, this.size, this.resume, this.written, this.outAt + this.outBytes, END_AT);
    const [written, size] = new Int32Array(this.exports.memory.buffer, END_AT, 2);
    this.written = written!;
    this.size = size!;
    this.resume = RESUME_AS_IS;
    return result;
  }

  /** The slot `merge` answered has its next block loaded. */
  refilled(): void {
    this.resume = RESUME_REFILLED;
  }

  /** The slot `merge` answered has no more blocks. */
  ended(): void {
    this.resume = RESUME_ENDED;
  }

  /** The lines copied out, as a view of module memory: valid until the next `merge`, after `clear`. */
  held(): Uint8Array {
    return new Uint8Array(this.exports.memory.buffer, this.outAt, this.written - this.outAt);
  }

  /** Empties the room. */
  clear(): void {
    this.written = this.outAt;
  }

  /** A room of `bytes` at the end of memory, the lines held moved into it. */
  private growOut(bytes: number): void {
    const held = new Uint8Array(this.exports.memory.buffer, this.outAt, this.written - this.outAt).slice();
    this.outAt = align(this.memoryEnd, 16);
    this.outBytes = bytes;
    this.memoryEnd = align(this.outAt + bytes, 16);
    this.ensureBytes(this.memoryEnd);
    new Uint8Array(this.exports.memory.buffer).set(held, this.outAt);
    this.written = this.outAt + held.length;
  }

  private ensureBytes(size: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < size) memory.grow(Math.ceil((size - memory.buffer.byteLength) / PAGE_BYTES));
  }
}

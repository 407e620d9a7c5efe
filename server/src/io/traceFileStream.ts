// Analyses a trace file of any size in chunks: bounded memory, the same findings as the editor's
// whole-document analysis. Chunks are cut where a line starts with an entry, so no entry is split.

import { open } from "node:fs/promises";
import { FindingCollector, FIRST_CHUNK, type ChunkBase, type CollectedFindings } from "../core/analyze";
import { isDigitCode, readClock } from "../core/clock";
import { findCandidates, splitEntries, type SplitState } from "../core/entries";
import type { AnalysisOptions } from "../core/findings";
import { sideFromText, type PairSide } from "../core/traceFacts";
import { chunkDecoder } from "./decode";
import { guessEncoding, SAMPLE_BYTES } from "./encoding";

/** Bytes read at a time. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** A line longer than this is cut at an entry start inside it, so memory stays bounded. */
const MAX_CARRY_CHARS = 64 * 1024 * 1024;
/** How far back from the end of the text a cut point is looked for. */
const CUT_SEARCH_CHARS = 1024 * 1024;
const SIDE_SAMPLE_CHARS = 1024 * 1024;

export interface FileAnalysis extends CollectedFindings {
  readonly side: PairSide | null;
  readonly bytes: number;
  readonly encoding: string;
}

export interface StreamOptions {
  readonly analysis?: Partial<AnalysisOptions>;
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading when it returns true. */
  readonly isCancelled?: () => boolean;
  /** An iconv-lite encoding name; detected from the first bytes when absent. */
  readonly encoding?: string;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super("analysis cancelled");
  }
}

/** Feeds decoded text to the collector in chunks cut at entry starts. */
export class TraceTextStream {
  private carry = "";
  private base: ChunkBase = FIRST_CHUNK;
  private state: SplitState | undefined;
  private sideSample = "";
  private readonly collector: FindingCollector;

  constructor(options: Partial<AnalysisOptions> = {}) {
    this.collector = new FindingCollector(options);
  }

  push(text: string): void {
    if (this.sideSample.length < SIDE_SAMPLE_CHARS) this.sideSample += text.slice(0, SIDE_SAMPLE_CHARS - this.sideSample.length);
    this.carry = this.carry.length === 0 ? text : this.carry + text;
    const cut = findCut(this.carry, this.state?.format ?? null);
    if (cut > 0) this.process(cut, false);
  }

  finish(): CollectedFindings & { side: PairSide | null } {
    if (this.carry.length > 0) this.process(this.carry.length, true);
    return { ...this.collector.finish(), side: sideFromText(this.sideSample) };
  }

  private process(cut: number, last: boolean): void {
    const chunk = this.carry.slice(0, cut);
    const rest = this.carry.slice(cut);
    const upcoming = last ? null : (readClock(rest, 0)?.seconds ?? null);
    const split = splitEntries(chunk, { ...(this.state === undefined ? {} : { state: this.state }), upcomingClock: upcoming });
    this.collector.addChunk(split, this.base);
    const lastLineStart = split.lineIndex.lineStart(split.lineIndex.lineCount - 1);
    const lines = split.lineIndex.lineCount - 1;
    this.base = {
      offset: this.base.offset + cut,
      line: this.base.line + lines,
      column: (lines === 0 ? this.base.column : 0) + (cut - lastLineStart),
      entryIndex: this.base.entryIndex + split.count,
    };
    this.state = split.state;
    this.carry = rest;
  }
}

/**
 * Where to cut: the start of the last line that begins with an entry, so the part before it holds
 * only whole entries. A giant line with no such start is cut at an entry start inside it.
 */
function findCut(text: string, format: SplitState["format"] | null): number {
  // Look in a small tail first: a text without CR must not be rescanned end to start for one.
  for (const span of [64 * 1024, CUT_SEARCH_CHARS]) {
    const from = Math.max(0, text.length - span);
    const tail = text.slice(from);
    let lf = tail.lastIndexOf("\n");
    let cr = tail.lastIndexOf("\r");
    while (lf !== -1 || cr !== -1) {
      const br = Math.max(lf, cr);
      const pos = from + br + 1;
      if (pos < text.length && startsEntryLine(text, pos, format)) return pos;
      if (lf === br) lf = br > 0 ? tail.lastIndexOf("\n", br - 1) : -1;
      if (cr === br) cr = br > 0 ? tail.lastIndexOf("\r", br - 1) : -1;
    }
    if (from === 0) break;
  }
  if (text.length < MAX_CARRY_CHARS) return 0;
  const tail = text.slice(text.length - CUT_SEARCH_CHARS);
  const candidates = findCandidates(tail);
  return candidates.count === 0 ? text.length : text.length - CUT_SEARCH_CHARS + candidates.pos[candidates.count - 1]!;
}

function startsEntryLine(text: string, pos: number, format: SplitState["format"] | null): boolean {
  if (format === "ciscolog") {
    const code = text.charCodeAt(pos);
    return isDigitCode(code) || code === 60 /* < */;
  }
  const reading = readClock(text, pos);
  if (reading === null) return false;
  const after = text.charCodeAt(pos + reading.length);
  return after === 32 || after === 9 || after === 10 || after === 13;
}

export async function analyzeTraceFile(path: string, options: StreamOptions = {}): Promise<FileAnalysis> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(sample, 0, sample.length, 0);
    const { encoding } = guessEncoding(sample, path, options.encoding);
    const decoder = chunkDecoder(encoding);
    const stream = new TraceTextStream(options.analysis);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytesRead = 0;
    for (;;) {
      if (options.isCancelled?.() === true) throw new AnalysisCancelled();
      const { bytesRead: n } = await handle.read(buffer, 0, CHUNK_BYTES, bytesRead);
      if (n === 0) break;
      stream.push(decoder.write(buffer.subarray(0, n)));
      bytesRead += n;
      options.onProgress?.(bytesRead, size);
    }
    stream.push(decoder.end());
    return { ...stream.finish(), bytes: bytesRead, encoding };
  } finally {
    await handle.close();
  }
}

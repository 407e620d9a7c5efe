// Analyses a trace file of any size in chunks: bounded memory, the same findings as the editor's
// whole-document analysis. The split stream (formats/splitStream.ts) cuts the text where a line
// starts with an entry, so no entry is split; the finding collector reads each split in turn.

import { FindingCollector, type CollectedFindings } from "./analyze";
import { fileSource, type ByteSource } from "../engine/byteSource";
import { feedAll, SplitStream } from "../formats/splitStream";
import { looksLikeTraceText } from "../formats/detect";
import type { AnalysisOptions } from "../model/findings";
import { sideFromText, type PairSide } from "../knowledge/traceFacts";

export { PIECE_BYTES } from "../formats/splitStream";

/** How much of a trace's start a file analysis keeps, for what else it tells (host, process). */
const SAMPLE_TEXT_CHARS = 64 * 1024;

export interface FileAnalysis extends CollectedFindings {
  /** The format's name, null for a text with no entries read. */
  readonly format: string | null;
  /** The text's first characters. */
  readonly sample: string;
  /** Whether the text reads as a trace, not as a document that quotes one (formats/detect.ts). */
  readonly isTrace: boolean;
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
  /** The size of the pieces a UTF-8 file is analysed in (tests use smaller ones, to cross more boundaries). */
  readonly pieceBytes?: number;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super("analysis cancelled");
  }
}

export async function analyzeTraceFile(path: string, options: StreamOptions = {}): Promise<FileAnalysis> {
  const source = await fileSource(path);
  try {
    return await analyzeTraceSource(source, path, options);
  } finally {
    await source.close();
  }
}

/** A trace from any source of bytes (a file, an archive member): streamed, in bounded memory. */
export async function analyzeTraceSource(source: ByteSource, name: string, options: StreamOptions = {}): Promise<FileAnalysis> {
  const collector = new FindingCollector(options.analysis);
  const stream = new SplitStream((split, base) => collector.addChunk(split, base));
  const { bytes, encoding } = await feedAll(source, name, stream, {
    onProgress: (bytesRead, totalBytes) => {
      if (options.isCancelled?.() === true) throw new AnalysisCancelled();
      options.onProgress?.(bytesRead, totalBytes);
    },
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.pieceBytes === undefined ? {} : { pieceBytes: options.pieceBytes }),
  });
  const sample = stream.sample;
  return { ...collector.finish(), side: sideFromText(sample), isTrace: looksLikeTraceText(sample), format: stream.format?.name ?? null, sample: sample.slice(0, SAMPLE_TEXT_CHARS), bytes, encoding };
}

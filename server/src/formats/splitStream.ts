// A trace of any size as a sequence of splits: its bytes are read block by block, cut into pieces
// that end where a line starts with an entry (so no entry is split), and each piece is split on its
// own, carrying the split's state (format, day, clock) to the next. Memory stays bounded; whoever
// reads the splits (the check's finding collector, the merge) is done with one before the next.

import { decodeWholeUtf8, ByteText, BufferReaders, stringOf, type TraceText } from "../engine/byteText";
import type { ByteSource } from "../engine/byteSource";
import { readClock } from "../engine/clock";
import { chunkDecoder, completeUtf8Length } from "../engine/decode";
import { guessEncoding, SAMPLE_BYTES, type ChunkDecoder } from "../engine/encoding";
import { FIRST_CHUNK, SharedEntryTable, type ChunkBase, type EntrySplit, type SplitState } from "../engine/entries";
import type { TraceFormat } from "../engine/format";
import { lastLineStart } from "../engine/lineStarts";
import { findCandidates } from "../engine/scan";
import { standardFormat } from "./standard";
import { splitEntries } from "./index";

/**
 * The size of the pieces a UTF-8 file is analysed in, as the bytes they were read as. Each piece has
 * its costs (a dozen calls into the byte scan, views of its memory, a split): 448 KB measured faster
 * than 112, 224, 336, 672 and 896 KB on 100 MB.
 */
export const PIECE_BYTES = 448 * 1024;
/**
 * The size of the pieces decoded text is analysed in (another encoding, or a line longer than a
 * piece): a string small enough for the young generation of the heap (larger strings are allocated
 * apart and stay until a full collection).
 */
export const TEXT_CHUNK_CHARS = 112 * 1024;
/** Bytes read from disk at a time. */
const READ_BYTES = 1024 * 1024;
/** A line longer than this is cut at an entry start inside it, so memory stays bounded. */
const MAX_CARRY_CHARS = 64 * 1024 * 1024;
/** How far back from the end of the text a cut point is looked for. */
const CUT_SEARCH_CHARS = 1024 * 1024;

/** The text's first characters a stream keeps, for what they tell of the whole (side, host, a trace or a document). */
const SAMPLE_CHARS = 1024 * 1024;

/** A split and where its text lies in the trace. */
export type SplitConsumer = (split: EntrySplit, base: ChunkBase) => void;

/**
 * Splits text fed to it in chunks cut at entry starts and hands each split on. A split is done with
 * once handed on: the next fills the same entry table.
 */
export class SplitStream {
  private carry = "";
  private base: ChunkBase = FIRST_CHUNK;
  private state: SplitState | undefined;
  private firstChars = "";
  private readonly table = new SharedEntryTable();
  private traceFormat: TraceFormat | null = null;
  private sampling = false;

  constructor(private readonly onSplit: SplitConsumer) {}

  /**
   * From here on the text only fills the sample, unsplit: for a reader that needs no more entries
   * but the sample whole (a survey of a trace's start).
   */
  sampleOnly(): void {
    this.sampling = true;
  }

  /** The trace's format once its first chunk is split. */
  get format(): TraceFormat | null {
    return this.traceFormat;
  }

  /** The text's first characters (up to 1 MB). */
  get sample(): string {
    return this.firstChars;
  }

  /** Whether the sample holds all it keeps. */
  get sampleComplete(): boolean {
    return this.firstChars.length >= SAMPLE_CHARS;
  }

  push(text: string): void {
    this.carry = this.carry.length === 0 ? text : this.carry + text;
    const cut = findCut(this.carry, this.traceFormat);
    if (cut > 0) this.process(cut, false);
  }

  /**
   * A text (or the bytes of one) that ends where a line starts with an entry: split as it is,
   * without joining it to a carry and cutting it again. `upcomingClock` is the clock of the entry
   * that follows it.
   */
  pushWhole(text: TraceText, upcomingClock: number | null): void {
    if (this.carry.length > 0) {
      this.push(stringOf(text));
      return;
    }
    this.split(text, upcomingClock);
  }

  /** Splits what is left. */
  finish(): void {
    if (this.carry.length > 0) this.process(this.carry.length, true);
  }

  private process(cut: number, last: boolean): void {
    const chunk = this.carry.slice(0, cut);
    const rest = this.carry.slice(cut);
    this.carry = rest;
    this.split(chunk, last ? null : (readClock(rest, 0)?.seconds ?? null));
  }

  private split(chunk: TraceText, upcomingClock: number | null): void {
    if (this.sampling) {
      if (this.firstChars.length < SAMPLE_CHARS) this.firstChars += stringOf(chunk).slice(0, SAMPLE_CHARS - this.firstChars.length);
      return;
    }
    const split = splitEntries(chunk, { ...(this.state === undefined ? {} : { state: this.state }), upcomingClock, sharedTable: this.table });
    // As split: bytes that are not ASCII were decoded, and offsets count characters.
    const text = split.source;
    if (this.firstChars.length < SAMPLE_CHARS) this.firstChars += text.slice(0, SAMPLE_CHARS - this.firstChars.length);
    const base = this.base;
    const lastLineStart = split.lineIndex.lastLineStart;
    const lines = split.lineIndex.lineCount - 1;
    this.base = {
      offset: base.offset + text.length,
      line: base.line + lines,
      column: (lines === 0 ? base.column : 0) + (text.length - lastLineStart),
      entryIndex: base.entryIndex + split.count,
    };
    this.state = split.state;
    this.traceFormat = split.traceFormat;
    this.onSplit(split, base);
  }
}

/**
 * Where to cut: the start of the last line that begins with an entry, so the part before it holds
 * only whole entries. A giant line with no such start is cut at an entry start inside it.
 */
function findCut(text: string, format: TraceFormat | null): number {
  // Look in a small tail first: a text without CR must not be rescanned end to start for one.
  for (const span of [64 * 1024, CUT_SEARCH_CHARS]) {
    const from = Math.max(0, text.length - span);
    const at = lastLineStart(text.slice(from), (pos) => from + pos < text.length && startsEntryLine(text, from + pos, format));
    if (at !== -1) return from + at;
    if (from === 0) break;
  }
  if (text.length < MAX_CARRY_CHARS) return 0;
  const tail = text.slice(text.length - CUT_SEARCH_CHARS);
  const candidates = findCandidates(tail);
  return candidates.count === 0 ? text.length : text.length - CUT_SEARCH_CHARS + candidates.pos[candidates.count - 1]!;
}

/** Before the first piece is split its format is not known: a dumplog time then starts an entry line. */
function startsEntryLine(text: string, pos: number, format: TraceFormat | null): boolean {
  return (format ?? standardFormat).startsEntryLine(text, pos);
}

export interface FeedOptions {
  /** Called after each block with the bytes read so far; throwing stops the feed. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** An iconv-lite encoding name; detected from the first bytes when absent. */
  readonly encoding?: string;
  /** The size of the pieces a UTF-8 file is split in (tests use smaller ones, to cross more boundaries). */
  readonly pieceBytes?: number;
  /** Bytes read at a time: smaller when many traces are read side by side. */
  readonly readBytes?: number;
}

/** What a feed read: its bytes and their encoding. */
export interface FeedResult {
  readonly bytes: number;
  readonly encoding: string;
}

/**
 * Feeds a trace's bytes to `stream`, one piece per step: each `next()` pushes one piece (and may
 * make one split), so a reader of many traces splits each only as far as it reads. The stream is
 * finished at the end; the result is the bytes read and their encoding.
 */
export async function* feedSplits(source: ByteSource, name: string, stream: SplitStream, options: FeedOptions = {}): AsyncGenerator<void, FeedResult, void> {
  const sample = await source.peek(SAMPLE_BYTES);
  const { encoding } = guessEncoding(sample, name, options.encoding);
  // A small source is read in buffers of its size: a merge may hold thousands of small ones at once.
  const fits = (bytes: number) => (source.size === null ? bytes : Math.min(bytes, Math.max(4096, source.size)));
  const readBytes = fits(options.readBytes ?? READ_BYTES);
  const pieceBytes = fits(options.pieceBytes ?? PIECE_BYTES);
  const read: ReadAt = (buffer, at, length = readBytes) => source.read(buffer, at, length);
  const progress = (bytesRead: number) => options.onProgress?.(bytesRead, source.size ?? 0);
  const bytes = isUtf8(encoding) ? yield* feedUtf8(read, stream, progress, pieceBytes, readBytes) : yield* feedDecoded(read, chunkDecoder(encoding), stream, progress);
  stream.finish();
  return { bytes, encoding };
}

/** A whole trace fed to `stream` at once. */
export async function feedAll(source: ByteSource, name: string, stream: SplitStream, options: FeedOptions = {}): Promise<FeedResult> {
  const feed = feedSplits(source, name, stream, options);
  for (;;) {
    const step = await feed.next();
    if (step.done === true) return step.value;
  }
}

type ReadAt = (buffer: Buffer, at: number, length?: number) => Promise<number>;

function isUtf8(encoding: string): boolean {
  return encoding === "utf-8" || encoding === "utf8";
}

/** Any encoding: decoded chunk by chunk, the split stream joins and cuts the text. */
async function* feedDecoded(read: ReadAt, decoder: ChunkDecoder, stream: SplitStream, progress: (bytesRead: number) => void): AsyncGenerator<void, number, void> {
  // Decoded text is joined and cut by the split stream: pieces stay small, as in the UTF-8 path.
  const buffer = Buffer.allocUnsafe(TEXT_CHUNK_CHARS);
  let bytesRead = 0;
  for (;;) {
    progress(bytesRead);
    const n = await read(buffer, 0, TEXT_CHUNK_CHARS);
    if (n === 0) break;
    stream.push(decoder.write(buffer.subarray(0, n)));
    bytesRead += n;
    yield;
  }
  stream.push(decoder.end());
  progress(bytesRead);
  return bytesRead;
}

/**
 * UTF-8 is cut as bytes, at a line break before an entry: each piece is split as it is, as its
 * bytes (decoded only if they are not all ASCII), without joining and re-cutting text, which would
 * copy every chunk twice. A line break is never inside a UTF-8 character, so every cut is on a
 * character boundary. The file is read in large blocks, the next one while the pieces of the last
 * are split.
 */
async function* feedUtf8(read: ReadAt, stream: SplitStream, progress: (bytesRead: number) => void, pieceBytes: number, readBytes: number): AsyncGenerator<void, number, void> {
  // Each block is read into a buffer after room for what the block before leaves (less than a
  // piece): the next block is read while this one's pieces are split, and only what is left over
  // is copied. Pieces are split as the bytes they are, and an entry kept from one may be read
  // later: a buffer is written again only when no kept entry still reads it.
  const buffers = new ReadBuffers(pieceBytes + readBytes);
  let block = buffers.take();
  let bytesRead = 0;
  progress(0);
  let n = await read(block.bytes, pieceBytes);
  let from = pieceBytes;
  let end = pieceBytes + n;
  if (n >= 3 && block.bytes[from] === 0xef && block.bytes[from + 1] === 0xbb && block.bytes[from + 2] === 0xbf) {
    from += 3;
    n -= 3;
    bytesRead += 3;
  }
  while (n > 0) {
    bytesRead += n;
    progress(bytesRead);
    const spare = buffers.take();
    const next = read(spare.bytes, pieceBytes);
    let consumed = from;
    let fed = false;
    try {
      consumed = yield* feedPieces(block, from, end, stream, pieceBytes);
      fed = true;
    } finally {
      // On an error or an early stop the next block is under way: let it end before the source is closed.
      if (!fed) await next.catch(() => 0);
    }
    n = await next;
    const left = end - consumed;
    block.bytes.copy(spare.bytes, pieceBytes - left, consumed, end);
    buffers.retire(block);
    block = spare;
    from = pieceBytes - left;
    end = pieceBytes + n;
  }
  const consumed = yield* feedPieces(block, from, end, stream, pieceBytes);
  if (consumed < end) stream.push(decodeUtf8(block.bytes, consumed, end));
  return bytesRead;
}

/**
 * Feeds the bytes from `from` to `held` in pieces of at most `pieceBytes`, each ending where a line
 * starts with an entry; returns where it stopped. The pieces share the bytes about equally and the
 * last ends at the last such line start, so what is left for the next block (copied there) is only
 * the last lines. A piece with no such line start is part of a line longer than a piece: the split
 * stream cuts those inside the line. What is left is always less than a piece.
 */
function* feedPieces({ bytes, readers }: ReadBuffer, from: number, held: number, stream: SplitStream, pieceBytes: number): Generator<void, number, void> {
  let consumed = from;
  while (consumed < held) {
    const pieces = Math.ceil((held - consumed) / pieceBytes);
    const size = Math.ceil((held - consumed) / pieces);
    const cut = lastEntryLineStart(bytes, consumed, consumed + size, held, stream.format);
    if (cut > consumed) {
      const upcomingClock = readClock(bytes.toString("latin1", cut, Math.min(held, cut + 16)), 0)?.seconds ?? null;
      stream.pushWhole(new ByteText(bytes.subarray(consumed, cut), readers), upcomingClock);
      consumed = cut;
    } else if (held - consumed >= pieceBytes) {
      const whole = completeUtf8Length(bytes, consumed + pieceBytes);
      stream.push(decodeUtf8(bytes, consumed, whole));
      consumed = whole;
    } else {
      break;
    }
    yield;
  }
  return consumed;
}

/** A buffer blocks are read into, and the kept entries that still read it. */
interface ReadBuffer {
  readonly bytes: Buffer;
  readonly readers: BufferReaders;
}

/** Buffers whose blocks are split, kept to be written again: a new one per 1 MB block cost page faults and garbage collections. */
const RETIRED_BUFFERS = 4;

/**
 * Read buffers of one size. A retired buffer is taken again once no kept entry reads it; one that
 * stays read longer is dropped after RETIRED_BUFFERS more (the collector frees it with its readers).
 */
class ReadBuffers {
  private readonly retired: ReadBuffer[] = [];

  constructor(private readonly size: number) {}

  take(): ReadBuffer {
    const free = this.retired.findIndex((buffer) => buffer.readers.count === 0);
    if (free !== -1) return this.retired.splice(free, 1)[0]!;
    return { bytes: Buffer.allocUnsafe(this.size), readers: new BufferReaders() };
  }

  /** Its pieces are split and what they left over is copied. */
  retire(buffer: ReadBuffer): void {
    this.retired.push(buffer);
    if (this.retired.length > RETIRED_BUFFERS) this.retired.shift();
  }
}

function decodeUtf8(bytes: Buffer, from: number, to: number): string {
  return decodeWholeUtf8(bytes.subarray(from, to));
}

/**
 * The offset of the last line start in (from, to] whose line starts with an entry, or -1; the bytes
 * up to `held` show what follows a line start.
 */
function lastEntryLineStart(bytes: Buffer, from: number, to: number, held: number, format: TraceFormat | null): number {
  const at = lastLineStart(bytes.subarray(from, to), (pos) => {
    const start = from + pos;
    return start < held && startsEntryLine(bytes.toString("latin1", start, Math.min(held, start + 16)), 0, format);
  });
  return at === -1 ? -1 : from + at;
}

// The one interface of the scans that read a whole text: clock candidates, the choice of entries,
// literal matches, the marking of entries, line breaks. Two implementations give the same answers:
// WebAssembly for texts of one-byte characters, TypeScript for any text (scan/index.ts chooses one
// per text, once). Results may be views of working memory: read them before the next scan.

import type { TraceText } from "../byteText";
import type { CandidateList } from "../candidateList";
import type { LiteralMatches, LiteralSet } from "../literalSet";

export interface Scanner {
  readonly implementation: "webassembly" | "typescript";
  /** The text as scanned: as given, or decoded when it was bytes that are not all ASCII. */
  readonly text: TraceText;
  /** Every clock time that may start an entry, in text order, into `list` (emptied first). */
  clockCandidates(list: CandidateList): CandidateList;
  /**
   * The timed entries of a text with no day header: candidates found, entries chosen among them
   * (chooseEntryStarts) and their clocks read, midnights counted on from `daysPassed`. NaN stands
   * for no previous or upcoming clock.
   */
  timedEntries(previousClock: number, upcomingClock: number, daysPassed: number): TimedEntries;
  /** Every match of the set's words, sorted by position. */
  literalMatches(set: LiteralSet): LiteralMatches;
  /**
   * The entries whose message holds a word of the set, with every word each holds; message
   * starts the format leaves unread are read (after `levelWords`) and filled into the columns.
   */
  markEntries(entries: MarkableEntries, set: LiteralSet, levelWords: LevelWords, room?: MarkedEntriesRoom): MarkedEntries;
  /** LFs counted, CRs noticed and the lines that start with `E` listed; null when the scan leaves line breaks to LineIndex. */
  lineBreaks(): LineBreaks | null;
  /** Where each line starts, 0 first, for a text that ends lines with LF alone. */
  lineFeedStarts(): Int32Array;
  /** How many LFs the text holds from `from` up to `to`. */
  lineFeedCount(from: number, to: number): number;
}

/** The timed entries of a text, as columns. */
export interface TimedEntries {
  readonly start: Int32Array;
  readonly clock: Float64Array;
  /** Seconds since midnight of the first day. */
  readonly elapsed: Float64Array;
  /** The last entry's clock: NaN when there is none, before or in the text. */
  readonly lastClock: number;
  readonly daysPassed: number;
}

/** A text's line breaks as counted by the scan. */
export interface LineBreaks {
  readonly lineFeeds: number;
  readonly hasCarriageReturn: boolean;
  /** The offset of each line that follows an LF and starts with `E`. */
  readonly eLineStarts: Int32Array;
}

/**
 * Entry columns as stored: start offsets, kinds (0 for a timed entry) and message starts, -1 where
 * not read yet (marking fills them in: they are what `messageStartOf` reads on demand).
 */
export interface EntryColumns {
  readonly count: number;
  readonly start: Int32Array;
  readonly kind: Uint8Array;
  readonly messageStart: Int32Array;
}

/** What marking reads of a split. */
export interface MarkableEntries {
  readonly columns: EntryColumns;
  endOf(index: number): number;
  indexAt(offset: number, from?: number): number;
  /** Whether the entry has a message to mark: a timed entry or untimed text (not a day header). */
  hasMessage(index: number): boolean;
  messageStartOf(index: number): number;
  contentEndOf(index: number): number;
}

/** The entries that hold words of a set, each with the words it holds (as indices into the set). */
export interface MarkedEntries {
  /** Entry indices, ascending. */
  readonly entries: ArrayLike<number> & Iterable<number>;
  /** The words of `entries[k]` are `words[wordsFrom[k]]` up to `words[wordsFrom[k + 1]]`. */
  readonly wordsFrom: ArrayLike<number>;
  readonly words: ArrayLike<number>;
}

/** Arrays marking may copy its results into (MarkedEntryRoom): the results are then views of them. */
export interface MarkedEntriesRoom {
  hold(entries: Int32Array, wordsFrom: Int32Array, words: Int32Array): MarkedEntries;
}

/** A format's level words (`Trace:`), each after its length in one byte, as Latin-1 bytes. */
export type LevelWords = Uint8Array;

/** What the clock scan reads a mid-line time's context by (contextAllowsEntry in candidates.ts), as Latin-1 bytes. */
export interface ClockContextWords {
  /** The characters after which no entry starts. */
  readonly noEntryAfter: Uint8Array;
  /** The words after which a time is part of the message, each followed by a blank. */
  readonly timeWords: Uint8Array;
}

// What a trace format is to the engine: how to tell it, where its entries start and what their heads
// say. Each format is one module in formats/, with real sample lines that are also its tests.

import type { TextLike } from "./byteText";
import type { LineIndex } from "./lineIndex";
import type { Scanner } from "./scan/types";
import type { EntryKind } from "../model/entries";

/** The process tag and level word of an entry's head. */
export interface HeadWords {
  readonly processTag: string | null;
  readonly level: string | null;
}

/** Where an entry starts and what its head says. */
export interface EntryHead extends HeadWords {
  readonly pos: number;
  readonly kind: EntryKind;
  readonly clock: number | null;
  /** A date the entry itself carries (`YYYY-MM-DD`). */
  readonly date: string | null;
  /** The zone of `clock` in minutes east of UTC, when the entry gives it. */
  readonly utcOffsetMinutes: number | null;
  readonly messageStart: number;
}

/** A real line of the format and what its first entry's head reads as: a test of the format. */
export interface FormatSample {
  readonly line: string;
  /** `HH:MM:SS` or `HH:MM:SS.mmm`. */
  readonly clock: string;
  readonly processTag: string | null;
  readonly level: string | null;
  /** The message's first characters. */
  readonly messageStartsWith: string;
  /** Where the line was published or which process writes it. */
  readonly source: string;
}

export interface TraceFormat {
  /** Stable: kept in a stream's state and shown as the format's name. */
  readonly name: string;
  readonly samples: readonly FormatSample[];
  /** Whether a text whose first characters are `head` (up to 8 KB) is written in this format. */
  detect(head: string): boolean;
  /** Whether an entry starts at `pos`, a line start: where a stream may cut the text. */
  startsEntryLine(text: string, pos: number): boolean;
  /** How the engine finds the entries. */
  readonly entries: ClockLedEntries | HeadLedEntries;
}

/**
 * An entry starts at its clock time, `HH:MM:SS[.mmm]`, at a line start or run into the line before
 * (dumplog's layout). The engine finds the times and chooses the entry starts among them itself,
 * with its scanner; the format reads what follows the time.
 */
export interface ClockLedEntries {
  readonly kind: "clock";
  /**
   * The words that may follow the time and process tag, each before a colon (`Trace:`). The
   * WebAssembly scan reads message starts with them as `messageStart` does.
   */
  readonly levelWords: readonly string[];
  /** The tag and level of the entry at `start` and where its message starts. */
  readHead(text: TextLike, start: number): HeadWords & { readonly messageStart: number };
  /** Where the message of the entry at `start` starts, without making strings: the hot path. */
  messageStart(text: TextLike, start: number): number;
  /** The date of a day header at `pos` (dumplog's `Events from February 8, 2007`), or null. Day headers start with `E`. */
  readDayHeader(text: TextLike, pos: number): string | null;
}

/** The format reads its entries' heads itself. */
export interface HeadLedEntries {
  readonly kind: "heads";
  /** The head of the entry that starts at `pos`, a line start, or null when the line goes on the entry before. */
  readHead(text: string, pos: number): EntryHead | null;
  /**
   * Every entry head in text order, run-together ones included. Without it, the engine reads the
   * head of each line start with `readHead`.
   */
  findHeads?(text: string, scanner: Scanner, lines: LineIndex): EntryHead[];
}

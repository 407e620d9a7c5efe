// A trace as entries: what every layer above the engine reads of a split.

export type EntryKind =
  /** Text before the first timestamp. */
  | "preamble"
  /** A dumplog day header: `Events from February 8, 2007`. */
  | "header"
  /** A timestamped entry. */
  | "entry";

export interface TraceEntry {
  readonly index: number;
  readonly kind: EntryKind;
  /** Offset of the entry's first character. */
  readonly start: number;
  /** Offset just past the entry, including its own line ending: the next entry's start. */
  readonly end: number;
  /** Offset just past the entry's text, without trailing line endings. */
  readonly contentEnd: number;
  /** Offset where the message starts, after the time, process tag and level word. */
  readonly messageStart: number;
  /** 0-based line and column (UTF-16 code units) of `start`. */
  readonly line: number;
  readonly column: number;
  /** 0-based line and column of `contentEnd`. */
  readonly endLine: number;
  readonly endColumn: number;
  /** True when the entry starts after other text on its physical line (a lost line break). */
  readonly midLine: boolean;
  /** Seconds since midnight of the entry's day, or null for preamble and header. */
  readonly clock: number | null;
  /** Seconds since midnight of the first timed entry's day: counts midnights passed. */
  readonly elapsedClock: number | null;
  /** Calendar date `YYYY-MM-DD` when the trace gives one (dumplog day headers, Cisco Log). */
  readonly date: string | null;
  /** The time zone of `clock`, in minutes east of UTC, when the trace gives it (Cisco Log `+0900`). */
  readonly utcOffsetMinutes: number | null;
  /** Process tag after the time, e.g. `la-lgr`. */
  readonly processTag: string | null;
  /** Level word after the time and tag, e.g. `Trace`, `Fail`. */
  readonly level: string | null;
}

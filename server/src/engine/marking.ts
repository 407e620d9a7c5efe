// Which entries deserve a closer look: those whose message holds a word of a set (catalogue
// anchors, rule markers). One multi-literal pass over the text, by the split's scanner, instead of
// every record against every entry: most entries of a large trace hold none.

import type { EntrySplit } from "./entries";
import type { TraceFormat } from "./format";
import type { LiteralSet } from "./literalSet";
import type { LevelWords, MarkedEntries, MarkedEntriesRoom } from "./scan/types";

export type { MarkedEntries } from "./scan/types";
export { MarkedEntryRoom } from "./scan/markedEntryRoom";

const NO_LEVEL_WORDS: LevelWords = new Uint8Array(0);
const levelWordBytes = new WeakMap<TraceFormat, LevelWords>();

/** A clock-led format's level words as the WebAssembly scan reads them: each after its length, in one byte. */
export function levelWordsOf(format: TraceFormat): LevelWords {
  if (format.entries.kind !== "clock") return NO_LEVEL_WORDS;
  let bytes = levelWordBytes.get(format);
  if (bytes === undefined) {
    bytes = Buffer.from(format.entries.levelWords.map((word) => String.fromCharCode(word.length) + word).join(""), "latin1");
    levelWordBytes.set(format, bytes);
  }
  return bytes;
}

/**
 * Every timed entry whose message holds a word of the set, with all the words it holds; in `room`'s
 * arrays when one is given (then valid until its next use).
 */
export function markedEntries(split: EntrySplit, set: LiteralSet, room?: MarkedEntriesRoom): MarkedEntries {
  return split.scanner.markEntries(split, set, levelWordsOf(split.traceFormat), room);
}

/** Indices of the timed entries whose message holds one of the set's words, in order. */
export function entriesHolding(split: EntrySplit, set: LiteralSet): ArrayLike<number> & Iterable<number> {
  return markedEntries(split, set).entries;
}

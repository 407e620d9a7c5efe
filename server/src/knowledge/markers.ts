// Which entries deserve a closer look: those whose message holds a catalogue anchor or a sequence
// rule's marker. One multi-literal pass over the text, instead of every record against every
// entry: most entries of a large trace hold none.

import { catalogue } from "./catalogue";
import { byteScanFor } from "../engine/byteScan";
import { LEVEL_WORDS, type EntrySplit } from "../engine/entries";
import { sequenceRules } from "./rules";
import { LiteralSet } from "../engine/literalSet";
import { RECEIVE_MARKERS, SEND_MARKERS } from "./traceFacts";

/** Case variants of a marker matched without regard to case: enough for a first look. */
export function caseVariants(lower: string): string[] {
  const title = lower.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return [lower, lower[0]!.toUpperCase() + lower.slice(1), title, lower.toUpperCase()];
}

const ruleDefinitions = Object.values(sequenceRules);

/** Every anchor and marker, found in one scan; `MARKERS.words[i]` is word `i`. */
export const MARKERS = new LiteralSet([
  ...catalogue.flatMap((r) => (r.match.kind === "line" ? [r.match.anchor] : [])),
  ...ruleDefinitions.flatMap((d) => d.markers),
  ...ruleDefinitions.flatMap((d) => (d.markersAnyCase ?? []).flatMap(caseVariants)),
  ...SEND_MARKERS,
  ...RECEIVE_MARKERS,
]);

/** The entries that hold words of a set, each with the words it holds (as indices into the set). */
export interface MarkedEntries {
  /** Entry indices, ascending. */
  readonly entries: ArrayLike<number> & Iterable<number>;
  /** The words of `entries[k]` are `words[wordsFrom[k]]` up to `words[wordsFrom[k + 1]]`. */
  readonly wordsFrom: ArrayLike<number>;
  readonly words: ArrayLike<number>;
}

/** The level words as the byte scan reads them: each after its length, in one byte. */
const LEVEL_WORD_BYTES = Buffer.from(LEVEL_WORDS.map((word) => String.fromCharCode(word.length) + word).join(""), "latin1");

/**
 * Arrays that `markedEntries` may copy its results into, reused from one text to the next (a stream
 * marks hundreds of pieces): the results are then views of them, valid until the next call.
 */
export class MarkedEntryRoom {
  private entries: Int32Array = new Int32Array(1024);
  private wordsFrom: Int32Array = new Int32Array(1025);
  private words: Int32Array = new Int32Array(1024);

  /** Copies of the three, as views of this room's arrays. */
  hold(entries: Int32Array, wordsFrom: Int32Array, words: Int32Array): MarkedEntries {
    this.entries = fitted(this.entries, entries);
    this.wordsFrom = fitted(this.wordsFrom, wordsFrom);
    this.words = fitted(this.words, words);
    return { entries: this.entries.subarray(0, entries.length), wordsFrom: this.wordsFrom.subarray(0, wordsFrom.length), words: this.words.subarray(0, words.length) };
  }
}

/** `values` copied to the start of `into`, or of a larger array when it does not fit. */
function fitted(into: Int32Array, values: Int32Array): Int32Array {
  const room = values.length <= into.length ? into : new Int32Array(Math.max(values.length, into.length * 2));
  room.set(values);
  return room;
}

/**
 * Every timed entry whose message holds a word of the set, with all the words it holds; in `room`'s
 * arrays when one is given.
 */
export function markedEntries(split: EntrySplit, set: LiteralSet = MARKERS, room?: MarkedEntryRoom): MarkedEntries {
  // A Latin-1 text is matched and mapped in the byte scan, as below.
  const scan = set.size > 0 ? byteScanFor(split.source) : null;
  if (scan !== null) return scan.markedEntries(set.tables(), split.columns, LEVEL_WORD_BYTES, room);
  const entries: number[] = [];
  const wordsFrom: number[] = [];
  const words: number[] = [];
  const { positions, words: matched } = set.findAll(split.text);
  let e = 0;
  // One loop, no callback: a large trace has a match in every few entries.
  for (let m = 0; m < positions.length; m++) {
    const at = positions[m]!;
    // Matches come in text order: the entry is the current one or a later one.
    if (split.endOf(e) <= at) e = split.endOf(e + 1) > at ? e + 1 : split.indexAt(at, e + 1);
    const word = matched[m]!;
    // Only matches in a timed entry's message count, not in its time or level word.
    if (!split.isTimed(e) || at < split.messageStartOf(e) || at + set.words[word]!.length > split.contentEndOf(e)) continue;
    if (entries[entries.length - 1] !== e) {
      entries.push(e);
      wordsFrom.push(words.length);
    } else if (words.indexOf(word, wordsFrom[wordsFrom.length - 1]!) !== -1) {
      continue; // already noted for this entry
    }
    words.push(word);
  }
  wordsFrom.push(words.length);
  return { entries, wordsFrom, words };
}

/** Indices of the timed entries whose message holds one of the set's words, in order. */
export function entriesHolding(split: EntrySplit, set: LiteralSet): ArrayLike<number> & Iterable<number> {
  return markedEntries(split, set).entries;
}

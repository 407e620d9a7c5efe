// Arrays that marking copies its results into, reused from one text to the next.

import type { MarkedEntries, MarkedEntriesRoom } from "./types";

/**
 * Arrays that `markedEntries` may copy its results into, reused from one text to the next (a stream
 * marks hundreds of pieces): the results are then views of them, valid until the next call.
 */
export class MarkedEntryRoom implements MarkedEntriesRoom {
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


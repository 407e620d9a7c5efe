// Finds any of many literal strings in one pass (Wu–Manber): a shift table on three-character blocks
// lets the scan jump ahead by up to the shortest word's length, so a long text is mostly skipped,
// not read character by character. Linear; no regular expression.

import { isLatin1 } from "./byteText";

const BLOCK = 3;
/**
 * Blocks are hashed into this many slots. The scan reads the shift table at every step: 8 KB stays
 * in the processor's first-level cache, and on traces a larger table gives no longer shifts (64 KB
 * shifted 7.29 bytes a step on the 10 MB benchmark trace, 8 KB 7.26); the byte scan ran 20 % faster.
 */
const TABLE_BITS = 13;
const TABLE_SIZE = 1 << TABLE_BITS;
/**
 * Knuth's multiplicative hash (2^32 divided by the golden ratio) of a block's three bytes as one
 * number, which the byte scan reads in one load: 7.22 bytes a step on the 10 MB trace, against 7.26
 * with a sum of the bytes times powers of 31, and each step takes one load and one multiplication
 * instead of three and two (the scan alone: about 5 % faster).
 */
const BLOCK_MULTIPLIER = 0x9e3779b1 | 0;

/** A literal set's Wu–Manber tables, in the layout the WebAssembly scan reads. */
export interface LiteralTables {
  readonly window: number;
  readonly shift: Uint8Array;
  readonly bucketOf: Int32Array;
  readonly bucketStart: Int32Array;
  readonly bucketWords: Int32Array;
  readonly windowAt: Int32Array;
  /** Word k is wordBytes[wordStart[k]] up to wordBytes[wordStart[k + 1]]. */
  readonly wordStart: Int32Array;
  readonly wordBytes: Uint8Array;
}

/** Matches of a set's words, sorted by position; `words[i]` indexes the set's words. */
export interface LiteralMatches {
  readonly positions: number[];
  readonly words: number[];
}

export class LiteralSet {
  readonly words: readonly string[];
  /** The shortest word's length: the length of the window each word is found by. */
  private readonly window: number;
  /** Where in each word its window starts: where the window's last block is least common. */
  private readonly windowAt: Int32Array;
  private readonly shift: Uint8Array;
  /** For a block that ends a word's window: where its words start in `bucketWords`. */
  private readonly bucketOf: Int32Array;
  private readonly bucketStart: Int32Array;
  private readonly bucketWords: Int32Array;
  /** Each word's first two characters (their low bytes) in one number: most candidates fail on them, cheaply. */
  private readonly head: Int32Array;
  /** The same tables for the byte scan, made on first use. */
  private byteTables: LiteralTables | undefined;
  /** Words with a character above U+00FF: a text the byte scan reads cannot hold them. */
  private readonly wide: Uint8Array;
  private readonly indexOfWord: ReadonlyMap<string, number>;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].filter((w) => w.length >= BLOCK);
    this.window = Math.min(255, ...this.words.map((w) => w.length));
    const window = this.window;
    const holders = blockHolders(this.words);
    this.windowAt = Int32Array.from(this.words, (word) => rarestWindow(word, window, holders));
    this.shift = new Uint8Array(TABLE_SIZE).fill(window - BLOCK + 1);
    const buckets = new Map<number, number[]>();
    this.words.forEach((word, index) => {
      const from = this.windowAt[index]!;
      for (let q = BLOCK - 1; q < window; q++) {
        const at = from + q;
        // By low bytes, as the scans read the text: a word with wider characters is found too, then confirmed.
        const block = blockHash(word.charCodeAt(at - 2) & 0xff, word.charCodeAt(at - 1) & 0xff, word.charCodeAt(at) & 0xff);
        const shift = window - 1 - q;
        if (shift < this.shift[block]!) this.shift[block] = shift;
        if (shift === 0) buckets.set(block, [...(buckets.get(block) ?? []), index]);
      }
    });
    // Buckets as flat arrays: the scan's inner loop reads typed arrays, not maps of lists.
    this.bucketOf = new Int32Array(TABLE_SIZE);
    const starts: number[] = [];
    const flat: number[] = [];
    for (const [block, list] of buckets) {
      this.bucketOf[block] = starts.length;
      starts.push(flat.length);
      flat.push(...list);
    }
    starts.push(flat.length);
    this.bucketStart = Int32Array.from(starts);
    this.bucketWords = Int32Array.from(flat);
    this.head = Int32Array.from(this.words, (w) => (w.charCodeAt(0) & 0xff) | ((w.charCodeAt(1) & 0xff) << 16));
    this.wide = Uint8Array.from(this.words, (w) => (isLatin1(w) ? 0 : 1));
    this.indexOfWord = new Map(this.words.map((w, i) => [w, i]));
  }

  /**
   * The tables for the byte scan. Its buckets leave out the words with a character above U+00FF:
   * their low bytes could show in a Latin-1 text, which cannot hold them.
   */
  tables(): LiteralTables {
    if (this.byteTables === undefined) {
      const wordBytes = Buffer.from(this.words.join(""), "latin1");
      const wordStart = new Int32Array(this.words.length + 1);
      this.words.forEach((word, k) => (wordStart[k + 1] = wordStart[k]! + word.length));
      const bucketStart = new Int32Array(this.bucketStart.length);
      const bucketWords: number[] = [];
      for (let b = 0; b + 1 < this.bucketStart.length; b++) {
        for (let k = this.bucketStart[b]!; k < this.bucketStart[b + 1]!; k++) if (this.wide[this.bucketWords[k]!] === 0) bucketWords.push(this.bucketWords[k]!);
        bucketStart[b + 1] = bucketWords.length;
      }
      const { window, shift, bucketOf, windowAt } = this;
      this.byteTables = { window, shift, bucketOf, bucketStart, bucketWords: Int32Array.from(bucketWords), windowAt, wordStart, wordBytes };
    }
    return this.byteTables;
  }

  /** The index of `word` in `words`, or -1. */
  indexOf(word: string): number {
    return this.indexOfWord.get(word) ?? -1;
  }

  get size(): number {
    return this.words.length;
  }

  /** Every match of every word, sorted by position (words that match at one position in word order). */
  findAllInText(text: string): LiteralMatches {
    const positions: number[] = [];
    const found: number[] = [];
    if (this.words.length === 0) return { positions, words: found };
    const n = text.length;
    // The scan reads bytes, twice as fast as reading characters; each match is confirmed on the text.
    const bytes = latin1Bytes(text);
    const { window, windowAt, shift, bucketOf, bucketStart, bucketWords, head, words } = this;
    let end = window - 1;
    while (end < n) {
      const block = blockHash(bytes[end - 2]!, bytes[end - 1]!, bytes[end]!);
      const step = shift[block]!;
      if (step > 0) {
        end += step;
        continue;
      }
      const bucket = bucketOf[block]!;
      for (let k = bucketStart[bucket]!, last = bucketStart[bucket + 1]!; k < last; k++) {
        const index = bucketWords[k]!;
        const start = end - window + 1 - windowAt[index]!;
        if (start >= 0 && head[index] === (bytes[start]! | (bytes[start + 1]! << 16)) && text.startsWith(words[index]!, start)) {
          insertSorted(positions, found, start, index);
        }
      }
      end++;
    }
    return { positions, words: found };
  }
}

/** Texts up to this length are written into one reused buffer. */
const SCRATCH_LIMIT = 1024 * 1024;
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The text as one byte per character. A character above U+00FF keeps its low byte, so the bytes may
 * show a word the text does not hold, never the other way round: every match is confirmed on the text.
 */
function latin1Bytes(text: string): Uint8Array {
  if (text.length > SCRATCH_LIMIT) return Buffer.from(text, "latin1");
  if (scratch.length < text.length) scratch = Buffer.allocUnsafe(SCRATCH_LIMIT);
  scratch.write(text, 0, "latin1");
  return scratch;
}

/**
 * Words are found by their window's last block, so a block common in text makes many false alarms
 * ("er " in "SQL Server "). The window is placed where that block is least common, by how often
 * its characters occur in English text and traces, and by how many of the set's other words hold
 * it: the set's words are what a trace says often ("MDS" of "MDS is in service" is in every
 * "Waiting for MDS Messages"). On the 10 MB benchmark trace: 16 % fewer false alarms, 2 % fewer steps.
 */
function rarestWindow(word: string, window: number, holders: Uint8Array): number {
  let best = 0;
  let bestWeight = Number.POSITIVE_INFINITY;
  for (let from = 0; from + window <= word.length; from++) {
    const end = from + window - 1;
    // The word itself is one of the holders.
    const heldByOthers = holders[blockSlot(word, end)]! - 1;
    const weight = charWeight(word.charCodeAt(end - 2)) * charWeight(word.charCodeAt(end - 1)) * charWeight(word.charCodeAt(end)) * (1 + heldByOthers);
    if (weight < bestWeight) {
      best = from;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * For each table slot, how many of the words hold a block of that slot, a word's case variants
 * counted once (they hold its blocks by design). By slot, not by block, so that this costs little
 * at start-up: a shared slot only adds to a heuristic.
 */
function blockHolders(words: readonly string[]): Uint8Array {
  const variants = new Map<string, string[]>();
  for (const word of words) {
    const lower = word.toLowerCase();
    const list = variants.get(lower);
    if (list === undefined) variants.set(lower, [word]);
    else list.push(word);
  }
  const counts = new Uint8Array(TABLE_SIZE);
  const countedFor = new Int32Array(TABLE_SIZE).fill(-1);
  let group = 0;
  for (const list of variants.values()) {
    for (const word of list) {
      for (let end = BLOCK - 1; end < word.length; end++) {
        const slot = blockSlot(word, end);
        if (countedFor[slot] === group) continue;
        countedFor[slot] = group;
        if (counts[slot]! < 255) counts[slot]!++;
      }
    }
    group++;
  }
  return counts;
}

/** The slot of the block of `word` that ends at `end`, by its characters' low bytes as the scans read them. */
function blockSlot(word: string, end: number): number {
  return blockHash(word.charCodeAt(end - 2) & 0xff, word.charCodeAt(end - 1) & 0xff, word.charCodeAt(end) & 0xff);
}

// Rough character frequencies (per 100 characters) of English prose and trace messages.
const LOWER_FREQUENCY = [8, 1.5, 3, 4, 12, 2, 2, 5, 7, 0.2, 0.8, 4, 2.5, 7, 7.5, 2, 0.1, 6, 6.5, 9, 3, 1, 2, 0.2, 2, 0.1];

function charWeight(code: number): number {
  if (code === 32) return 15;
  if (code >= 97 && code <= 122) return LOWER_FREQUENCY[code - 97]!;
  if (code >= 65 && code <= 90) return 0.8;
  if (code >= 48 && code <= 57) return 1;
  return 0.5;
}

/** Matches arrive almost in order (words are found by windows at different places in them). */
export function insertSorted(positions: number[], words: number[], position: number, word: number): void {
  let i = positions.length;
  positions.push(position);
  words.push(word);
  while (i > 0 && (positions[i - 1]! > position || (positions[i - 1] === position && words[i - 1]! > word))) {
    positions[i] = positions[i - 1]!;
    words[i] = words[i - 1]!;
    i--;
  }
  positions[i] = position;
  words[i] = word;
}

/** Three characters to a table slot; slots are shared by design, which only costs a check. */
function blockHash(a: number, b: number, c: number): number {
  // The three bytes as one number (as the byte scan reads them, in one load), spread by a
  // multiplication whose top bits pick the slot.
  return Math.imul(a | (b << 8) | (c << 16), BLOCK_MULTIPLIER) >>> (32 - TABLE_BITS);
}

/** Case variants of a lower-case phrase matched without regard to case: enough for a first look. */
export function caseVariants(lower: string): string[] {
  const title = lower.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return [lower, lower[0]!.toUpperCase() + lower.slice(1), title, lower.toUpperCase()];
}

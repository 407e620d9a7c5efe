// Finds any of many literal strings in one pass (Wu–Manber): a shift table on three-character blocks
// lets the scan jump ahead by up to the shortest word's length, so a long text is mostly skipped,
// not read character by character. Linear; no regular expression.

const BLOCK = 3;

export class LiteralSet {
  private readonly words: readonly string[];
  /** The shortest word's length: the window the shifts are computed on. */
  private readonly window: number;
  private readonly shift: Uint8Array;
  /** Words whose window ends with a given block. */
  private readonly endings = new Map<number, number[]>();

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].filter((w) => w.length >= BLOCK);
    this.window = Math.min(255, ...this.words.map((w) => w.length));
    const defaultShift = this.window - BLOCK + 1;
    this.shift = new Uint8Array(1 << 16).fill(defaultShift);
    this.words.forEach((word, index) => {
      for (let q = BLOCK - 1; q < this.window; q++) {
        const block = blockHash(word.charCodeAt(q - 2), word.charCodeAt(q - 1), word.charCodeAt(q));
        const shift = this.window - 1 - q;
        if (shift < this.shift[block]!) this.shift[block] = shift;
        if (shift === 0) {
          const list = this.endings.get(block) ?? [];
          list.push(index);
          this.endings.set(block, list);
        }
      }
    });
  }

  get size(): number {
    return this.words.length;
  }

  /**
   * Calls `onMatch(position, word)` for matches in text order; it returns where to go on searching
   * (at least position + 1), which lets a caller skip the rest of a line or entry.
   */
  scan(text: string, onMatch: (position: number, word: string) => number): void {
    if (this.words.length === 0) return;
    const n = text.length;
    const window = this.window;
    const shift = this.shift;
    let end = window - 1;
    while (end < n) {
      const block = blockHash(text.charCodeAt(end - 2), text.charCodeAt(end - 1), text.charCodeAt(end));
      const step = shift[block]!;
      if (step > 0) {
        end += step;
        continue;
      }
      const start = end - window + 1;
      let next = end + 1;
      for (const index of this.endings.get(block)!) {
        const word = this.words[index]!;
        if (text.startsWith(word, start)) {
          next = Math.max(start + 1, onMatch(start, word)) + window - 1;
          break;
        }
      }
      end = next;
    }
  }
}

/** Three characters to a table slot; slots are shared by design, which only costs a check. */
function blockHash(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & 0xffff;
}

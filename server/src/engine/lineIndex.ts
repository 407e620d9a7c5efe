// Offsets to 0-based line/character positions. LF, CRLF and CR all end a line, as in LSP.

import type { TextLike, TraceText } from "./byteText";
import type { Position } from "../model/findings";
import type { Scanner } from "./scan/types";

export type { Position } from "../model/findings";

export class LineIndex {
  private built: Int32Array | null = null;

  /**
   * `knownLineCount`: the number of lines when a scan has counted them; the offsets of the lines
   * are then found only when one is asked for (a streamed chunk mostly needs none).
   */
  constructor(
    private readonly text: TraceText,
    private readonly knownLineCount = -1,
    /** The text's scanner, which lists and counts line feeds faster; absent, they are found in TypeScript. */
    private readonly scanner: Scanner | null = null,
  ) {}

  /** Offset where each line starts. */
  private get starts(): Int32Array {
    return (this.built ??= this.findLineStarts());
  }

  get lineCount(): number {
    return this.built === null && this.knownLineCount >= 0 ? this.knownLineCount : this.starts.length;
  }

  /** Where the last line starts. */
  get lastLineStart(): number {
    if (this.built !== null || this.knownLineCount < 0) return this.lineStart(this.lineCount - 1);
    // A known count comes from a text that ends lines with LF alone.
    return this.text.lastIndexOf("\n") + 1;
  }

  /** The 0-based line holding `offset`. */
  lineAt(offset: number): number {
    if (this.countsTo(offset)) return this.countedLines;
    const starts = this.starts;
    // Callers mostly ask in text order: try the line of the last answer and the next before searching.
    let line = this.lastLine;
    if (!(starts[line]! <= offset && (line + 1 === starts.length || offset < starts[line + 1]!))) {
      line++;
      if (!(line < starts.length && starts[line]! <= offset && (line + 1 === starts.length || offset < starts[line + 1]!))) {
        line = this.lineOf(offset);
      }
    }
    this.lastLine = line;
    return line;
  }

  /** The offset of every line's start, in order. */
  get lineStarts(): Int32Array {
    return this.starts;
  }

  /** Lists every line's start now, if not yet: an editor then asks for positions in any order at no cost. */
  listStarts(): void {
    this.built ??= this.findLineStarts();
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    if (this.countsTo(clamped)) return { line: this.countedLines, character: clamped - this.countedLineStart };
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line]! };
  }

  private lastLine = 0;

  // Until the starts are listed, lines are counted forward: LFs before `countedTo`, and where the
  // line holding it starts.
  private countedTo = 0;
  private countedLines = 0;
  private countedLineStart = 0;

  /**
   * Counts the lines up to `offset` when the starts are not listed and `offset` is not before the
   * last one counted to; false when the starts must be read (an offset asked for out of order lists
   * them, so no text is counted twice).
   */
  private countsTo(offset: number): boolean {
    if (this.built !== null || this.knownLineCount < 0 || offset < this.countedTo) return false;
    const lineFeeds = (this.scanner?.lineFeedCount(this.countedTo, offset) ?? countLineFeeds(this.text, this.countedTo, offset));
    if (lineFeeds > 0) {
      this.countedLines += lineFeeds;
      // The last LF is after `countedTo`: no line is searched back past it.
      this.countedLineStart = this.text.lastIndexOf("\n", offset - 1) + 1;
    }
    this.countedTo = offset;
    return true;
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  private findLineStarts(): Int32Array {
    if (this.text.indexOf("\r") !== -1) return Int32Array.from(lineStarts(this.text));
    return this.scanner?.lineFeedStarts() ?? Int32Array.from(lineFeedStarts(this.text));
  }

  /** The line ending the text uses first, for edits that add lines. */
  preferredLineEnding(): string {
    const lf = this.text.indexOf("\n");
    const cr = this.text.indexOf("\r");
    if (cr !== -1 && (lf === -1 || cr < lf)) return this.text.charCodeAt(cr + 1) === 10 ? "\r\n" : "\r";
    return "\n";
  }
}

/** How many LFs `text` holds from `from` up to `to`. */
export function countLineFeeds(text: TextLike, from: number, to: number): number {
  let count = 0;
  for (let lf = text.indexOf("\n", from); lf !== -1 && lf < to; lf = text.indexOf("\n", lf + 1)) count++;
  return count;
}


/** Line starts of a text that ends lines with LF only, where the byte scan cannot read it: one search per line. */
export function lineFeedStarts(text: TextLike): number[] {
  const starts = [0];
  for (let lf = text.indexOf("\n"); lf !== -1; lf = text.indexOf("\n", lf + 1)) starts.push(lf + 1);
  return starts;
}

/** Line starts when CR, CRLF and LF may all end lines. */
function lineStarts(text: TextLike): number[] {
  const starts = [0];
  // The next CR and LF at or after `i`, each searched again only once passed: linear overall.
  let nextCr = text.indexOf("\r");
  let nextLf = text.indexOf("\n");
  let i = 0;
  while (nextCr !== -1 || nextLf !== -1) {
    if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
      i = nextLf === nextCr + 1 ? nextCr + 2 : nextCr + 1;
    } else {
      i = nextLf + 1;
    }
    starts.push(i);
    if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf("\r", i);
    if (nextLf !== -1 && nextLf < i) nextLf = text.indexOf("\n", i);
  }
  return starts;
}

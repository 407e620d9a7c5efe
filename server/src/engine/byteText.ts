// A piece of a trace file as the UTF-8 bytes it was read as. The byte scans read the bytes as they
// are; a string is made only of what is read as text. A streamed check of a 100 MB trace reads a few
// hundred messages, and decoding every piece into a string (and writing it back into the scans'
// memory) took a tenth of its time.

import { isAscii } from "node:buffer";

/** What the split reads of a text: a string has all of it, and so has a ByteText. */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start?: number, end?: number): string;
  startsWith(search: string, position?: number): boolean;
  indexOf(search: string, position?: number): number;
  lastIndexOf(search: string, position?: number): number;
}

/** A trace's text: a string, or bytes that are decoded only where read. */
export type TraceText = string | ByteText;

/**
 * How many kept entries still read a read buffer's bytes (an entry is made when first read): a
 * stream writes the buffer again only when none does.
 */
export class BufferReaders {
  count = 0;
}

/**
 * UTF-8 bytes read as their characters. Offsets are byte offsets: a split uses a ByteText only
 * when its bytes are all ASCII (the byte scan checks as it loads them), else the decoded string.
 */
export class ByteText implements TextLike {
  private decoded: string | null = null;

  /** `readers`: the count of the buffer the bytes lie in, when it is written again (a stream's). */
  constructor(
    readonly bytes: Buffer,
    readonly readers?: BufferReaders,
  ) {}

  get length(): number {
    return this.bytes.length;
  }

  /** The whole text, decoded once. */
  toString(): string {
    return (this.decoded ??= decodeWholeUtf8(this.bytes));
  }

  charCodeAt(index: number): number {
    return index >= 0 && index < this.bytes.length ? this.bytes[index]! : Number.NaN;
  }

  slice(start = 0, end = this.bytes.length): string {
    const from = clampIndex(start, this.bytes.length);
    const to = clampIndex(end, this.bytes.length);
    return from < to ? this.bytes.toString("latin1", from, to) : "";
  }

  startsWith(search: string, position = 0): boolean {
    const at = Math.max(0, Math.min(position, this.bytes.length));
    if (at + search.length > this.bytes.length) return false;
    for (let k = 0; k < search.length; k++) if (this.bytes[at + k] !== search.charCodeAt(k)) return false;
    return true;
  }

  indexOf(search: string, position = 0): number {
    return this.bytes.indexOf(search, Math.max(0, position), "latin1");
  }

  lastIndexOf(search: string, position = this.bytes.length): number {
    // A string searches back from 0 at least; a buffer would count a negative offset from its end.
    return this.bytes.lastIndexOf(search, Math.max(0, position), "latin1");
  }
}

/** UTF-8 bytes that hold whole characters, decoded. ASCII is the same in Latin-1, which decodes several times faster. */
export function decodeWholeUtf8(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** The text as a string (a ByteText is decoded, once). */
export function stringOf(text: TraceText): string {
  return typeof text === "string" ? text : text.toString();
}

/** As String.prototype.slice reads an index: negative counts from the end. */
function clampIndex(index: number, length: number): number {
  return index < 0 ? Math.max(0, length + index) : Math.min(index, length);
}

const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/** Whether every character is at most U+00FF. For a one-byte string the engine answers without reading it. */
export function isLatin1(text: string): boolean {
  return !NOT_LATIN1.test(text);
}

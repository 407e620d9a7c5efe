// Bytes to text, chunk by chunk. UTF-8 (a BOM is dropped) with a fast path for pure-ASCII chunks;
// other encodings through iconv-lite.

import { isAscii } from "node:buffer";
import { StringDecoder } from "node:string_decoder";
import { iconvDecoder, type ChunkDecoder } from "./encoding";

export function chunkDecoder(encoding: string): ChunkDecoder {
  return encoding === "utf-8" || encoding === "utf8" ? new Utf8ChunkDecoder() : iconvDecoder(encoding);
}

/** Decodes a whole buffer in the given encoding. */
export function decodeAll(bytes: Buffer, encoding: string): string {
  const decoder = chunkDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}

class Utf8ChunkDecoder implements ChunkDecoder {
  private readonly utf8 = new StringDecoder("utf8");
  private started = false;
  /** Whether the UTF-8 decoder holds the first bytes of a character split across chunks. */
  private holdsPartial = false;

  write(bytes: Buffer): string {
    let chunk = bytes;
    if (!this.started) {
      this.started = true;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (!this.holdsPartial && isAscii(chunk)) return asciiText(chunk);
    this.holdsPartial = endsInsideSequence(chunk);
    return this.utf8.write(chunk);
  }

  end(): string {
    return this.utf8.end();
  }
}

/** ASCII is the same in Latin-1 and UTF-8, and Latin-1 decoding is several times faster. */
function asciiText(bytes: Buffer): string {
  return bytes.toString("latin1");
}

/** True when the last bytes start a UTF-8 character that the next chunk completes. */
function endsInsideSequence(chunk: Buffer): boolean {
  return completeUtf8Length(chunk, chunk.length) < chunk.length;
}

/** How many of the first `length` bytes hold whole UTF-8 characters (a character cut at the end is left out). */
export function completeUtf8Length(bytes: Buffer, length: number): number {
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (byte < 0x80) return length;
    const sequence = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return sequence > back ? length - back : length;
  }
  return length;
}

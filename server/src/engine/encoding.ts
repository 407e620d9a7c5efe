// Which encoding a trace file is in, and whether it is text at all. Traces come from Japanese
// Windows (Shift_JIS / CP932, often only a few dozen Japanese bytes in the Windows error texts),
// from tools that write UTF-16 with a BOM, and as binary EMS logs that dumplog has not converted.

import type * as Chardet from "chardet";
import type * as IconvLite from "iconv-lite";

// Loaded on first need: a UTF-8 trace, the common case, needs neither library, and loading them
// (iconv-lite loads node:stream too) would cost every CLI run. In the bundles they are files of
// their own, next to dist/cli.js and dist/server.js (scripts/build.mjs), so not even compiled then.
let iconvLite: typeof IconvLite | undefined;
let chardetLib: typeof Chardet | undefined;
const iconv = (): typeof IconvLite => (iconvLite ??= require("iconv-lite") as typeof IconvLite);
const chardet = (): typeof Chardet => (chardetLib ??= require("chardet") as typeof Chardet);

export interface EncodingGuess {
  /** An iconv-lite encoding name, or `utf-8`. */
  readonly encoding: string;
  /** How it was decided, for messages. */
  readonly reason: "bom" | "utf-16 pattern" | "valid utf-8" | "detected" | "given";
}

export class BinaryTraceError extends Error {
  constructor(readonly path: string) {
    super(`'${path}' is a binary file, not a text trace. ICM writes binary EMS logs: convert them to text with dumplog first (for example, in the logfiles folder: dumplog lgr /of lgr.txt).`);
  }
}

/** How much of the start of a file decides its encoding. */
export const SAMPLE_BYTES = 64 * 1024;

export function isKnownEncoding(name: string): boolean {
  return iconv().encodingExists(name);
}

/** Decides the encoding from the first bytes; throws BinaryTraceError for binary data. */
export function guessEncoding(sample: Buffer, path: string, given?: string): EncodingGuess {
  if (given !== undefined) return { encoding: given, reason: "given" };
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", reason: "bom" };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", reason: "bom" };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", reason: "bom" };
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== null) return { encoding: utf16, reason: "utf-16 pattern" };
  if (looksBinary(sample)) throw new BinaryTraceError(path);
  if (isValidUtf8(sample)) return { encoding: "utf-8", reason: "valid utf-8" };
  const detected = chardet().detect(sample);
  // Japanese Windows writes CP932, the superset of Shift_JIS that iconv-lite knows as cp932.
  if (detected === "Shift_JIS") return { encoding: "cp932", reason: "detected" };
  if (detected !== null && iconv().encodingExists(detected)) return { encoding: detected.toLowerCase(), reason: "detected" };
  return { encoding: "windows-1252", reason: "detected" };
}

/** ASCII text in UTF-16 has a NUL in every other byte. */
function utf16WithoutBom(sample: Buffer): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenNul++;
    if (sample[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return null;
}

/** NUL and the control characters that text does not hold (tab, LF, FF, CR and ESC it may). */
const BINARY_BYTE = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/** Many NULs or control characters: not a text trace (a few are tolerated inside one). */
function looksBinary(sample: Buffer): boolean {
  // Most samples hold none: one native scan answers, before any byte is counted in JavaScript
  // (that loop, run once per file while the code is still cold, took 4 ms of a CLI start).
  if (!BINARY_BYTE.test(sample.toString("latin1"))) return false;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) nul++;
    else if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 27) control++;
  }
  return nul > sample.length * 0.02 || (nul + control) > sample.length * 0.1;
}

function isValidUtf8(sample: Buffer): boolean {
  // A character cut at the end of the sample is not a reason to refuse UTF-8.
  let end = sample.length;
  for (let back = 1; back <= 3 && back <= sample.length; back++) {
    const byte = sample[sample.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end = sample.length - back;
    break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

/** A streaming decoder for non-UTF-8 encodings (keeps characters split across chunks whole). */
export function iconvDecoder(encoding: string): ChunkDecoder {
  const decoder = iconv().getDecoder(encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? "" };
}

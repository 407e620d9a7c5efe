// The scanner of a text, chosen once: WebAssembly for a text of one-byte characters (bytes: ASCII)
// up to 16 MiB where the engine has WebAssembly SIMD, else TypeScript. Both give the same answers;
// the unit tests run against each (ICM_TRACE_SCANNER=typescript).

import { CandidateList } from "../candidateList";
import { stringOf, type TraceText } from "../byteText";
import type { LiteralMatches, LiteralSet } from "../literalSet";
import { TypeScriptScanner } from "./typescriptScanner";
import type { Scanner } from "./types";
import { byteScanFor } from "./wasmModule";
import { WasmScanner } from "./wasmScanner";

export type ScannerPreference = "auto" | "typescript";

let preference: ScannerPreference = process.env.ICM_TRACE_SCANNER === "typescript" || process.env.ICM_TRACE_NO_WASM === "1" ? "typescript" : "auto";

/** `typescript`: every text is scanned in TypeScript (tests compare the two implementations). */
export function setScannerPreference(value: ScannerPreference): void {
  preference = value;
}

export function scannerPreference(): ScannerPreference {
  return preference;
}

/** The scanner for `input` (the run's preference unless `choice` says); bytes that are not all ASCII are decoded, and the scanner reads the string. */
export function scannerFor(input: TraceText, choice: ScannerPreference = preference): Scanner {
  if (choice === "typescript") return new TypeScriptScanner(stringOf(input));
  const module = byteScanFor(input);
  if (module !== null) return new WasmScanner(input, module);
  // Bytes that are not all ASCII may still decode to a Latin-1 string.
  const text = stringOf(input);
  const decoded = text === input ? null : byteScanFor(text);
  return decoded !== null ? new WasmScanner(text, decoded) : new TypeScriptScanner(text);
}

/** Every well-formed clock time followed by a blank or a line end. */
export function findCandidates(text: TraceText, list: CandidateList = new CandidateList()): CandidateList {
  return scannerFor(text).clockCandidates(list);
}

/** Every match of the set's words in `text`, sorted by position. */
export function findAll(set: LiteralSet, text: TraceText): LiteralMatches {
  return scannerFor(text).literalMatches(set);
}

export type { Scanner } from "./types";

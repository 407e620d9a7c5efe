// Reads a trace that is not open in the editor (compare, large files): file URIs only.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import { decodeAll } from "../engine/decode";
import { BinaryTraceError, guessEncoding, SAMPLE_BYTES } from "../engine/encoding";

export function readTraceUri(uri: string): string {
  if (!uri.startsWith("file:")) throw new ResponseError(ErrorCodes.InvalidParams, `only open documents or file: URIs can be read: ${uri}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileURLToPath(uri));
  } catch (error) {
    throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${uri}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const { encoding } = guessEncoding(bytes.subarray(0, SAMPLE_BYTES), uri);
    return decodeAll(bytes, encoding);
  } catch (error) {
    if (error instanceof BinaryTraceError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    throw error;
  }
}

// Reads a trace that is not open in the editor (compare, large files, the merge): file URIs, and
// for the merge also bundle members.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import { decodeAll } from "../engine/decode";
import { BinaryTraceError, guessEncoding, SAMPLE_BYTES } from "../engine/encoding";
import { BUNDLE_SCHEME } from "../shared/protocol";
import { readMemberBytes } from "./traceBundles";

/** A file or a bundle member (`icm-bundle:`), decoded. */
export async function readTraceOrMember(uri: string): Promise<string> {
  if (!uri.startsWith(`${BUNDLE_SCHEME}:`)) return readTraceUri(uri);
  const member = decodeURIComponent(uri.slice(BUNDLE_SCHEME.length + 1));
  return decoded(await readMemberBytes(member), member);
}

export function readTraceUri(uri: string): string {
  if (!uri.startsWith("file:")) throw new ResponseError(ErrorCodes.InvalidParams, `only open documents or file: URIs can be read: ${uri}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileURLToPath(uri));
  } catch (error) {
    throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${uri}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return decoded(bytes, uri);
}

function decoded(bytes: Buffer, name: string): string {
  try {
    const { encoding } = guessEncoding(bytes.subarray(0, SAMPLE_BYTES), name);
    return decodeAll(bytes, encoding);
  } catch (error) {
    if (error instanceof BinaryTraceError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    throw error;
  }
}

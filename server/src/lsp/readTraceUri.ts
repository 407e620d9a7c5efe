// Reads a trace that is not open in the editor (compare, large files): file URIs only.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ErrorCodes, ResponseError } from "vscode-languageserver";

export function readTraceUri(uri: string): string {
  if (!uri.startsWith("file:")) throw new ResponseError(ErrorCodes.InvalidParams, `only open documents or file: URIs can be read: ${uri}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileURLToPath(uri));
  } catch (error) {
    throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${uri}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

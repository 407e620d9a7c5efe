// The trace files in a folder: the CLI's `check DIR` and the editor's "Analyze Folder…".

import { readdirSync } from "node:fs";
import * as path from "node:path";

/** Files in a folder that are taken for traces. */
export const TRACE_FILE = /\.(txt|log|trace|icmtrace)$/i;

/** Every trace file below `folder`, sorted, sub-folders included. */
export function listTraceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...listTraceFiles(full));
    else if (entry.isFile() && TRACE_FILE.test(entry.name)) found.push(full);
  }
  return found;
}

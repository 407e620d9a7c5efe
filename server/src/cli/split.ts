// `icm-trace split FILE`: one line per entry.

import { splitEntries } from "../core/entries";
import { entryAsOneLine } from "../core/splitText";
import { CliError, readTraceFile, type CliIo } from "./io";

export async function runSplit(files: readonly string[], io: CliIo, encoding?: string): Promise<number> {
  if (files.length !== 1) throw new CliError("split takes exactly one FILE");
  const { text } = readTraceFile(files[0]!, encoding);
  const split = splitEntries(text);
  const out: string[] = [];
  for (const entry of split.entries) out.push(entryAsOneLine(split, entry), "\n");
  io.stdout(out.join(""));
  return 0;
}

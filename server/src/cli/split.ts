// `icm-trace split FILE`: one line per entry.

import { splitEntries } from "../formats";
import { entryAsOneLine } from "../engine/splitText";
import { CliError, readTraceFile, type CliIo } from "./io";

const OUTPUT_BATCH = 20_000;

export async function runSplit(files: readonly string[], io: CliIo, encoding?: string): Promise<number> {
  if (files.length !== 1) throw new CliError("split takes exactly one FILE");
  const { text } = readTraceFile(files[0]!, encoding);
  const split = splitEntries(text);
  // Written in batches: one string for millions of entries would hold the text twice over.
  let batch: string[] = [];
  for (let i = 0; i < split.count; i++) {
    batch.push(entryAsOneLine(split, i), "\n");
    if (batch.length >= OUTPUT_BATCH) {
      io.stdout(batch.join(""));
      batch = [];
    }
  }
  io.stdout(batch.join(""));
  return 0;
}

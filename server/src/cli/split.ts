// `icm-trace split FILE`: one line per entry.

import { splitEntries } from "../formats";
import { entryAsOneLine } from "../engine/splitText";
import { CliError, isBundlePath, readBundleTexts, readTraceFile, type CliIo } from "./io";

const OUTPUT_BATCH = 20_000;

export async function runSplit(files: readonly string[], io: CliIo, encoding?: string): Promise<number> {
  if (files.length !== 1) throw new CliError("split takes exactly one FILE (an archive or a member path too)");
  const file = files[0]!;
  if (!isBundlePath(file)) {
    writeSplit(readTraceFile(file, encoding).text, io);
    return 0;
  }
  // Each member of a bundle under a header of its own, as `head` prints several files.
  const members = await readBundleTexts(file, encoding);
  members.forEach((member, i) => {
    if (members.length > 1) io.stdout(`${i === 0 ? "" : "\n"}==> ${member.path} <==\n`);
    writeSplit(member.text, io);
  });
  return 0;
}

function writeSplit(text: string, io: CliIo): void {
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
}

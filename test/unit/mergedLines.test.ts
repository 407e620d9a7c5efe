// The merge's lines, written by the WebAssembly module and in TypeScript: the same bytes for every
// layout the merge meets, and the time written as the merged view writes it.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { correctedTimes, mergedTimeText } from "../../server/src/analysis/merge";
import { MergedLineFormatter } from "../../server/src/cli/mergedLines";
import { FIRST_CHUNK } from "../../server/src/engine/entries";
import { ByteText } from "../../server/src/engine/byteText";
import { EntryLineWriter } from "../../server/src/engine/scan/entryLines";
import { splitEntries } from "../../server/src/formats";
import { repoRoot, sample } from "./helpers";

const published = (name: string) => readFileSync(path.join(repoRoot, "test", "fixtures", "published", name), "utf8");

/** Texts of every layout: a day header, tags and level words, milliseconds, CRLF, a message on two lines, untimed text, run-together entries, Cisco Log. */
const TEXTS: readonly string[] = [
  "Events from February 8, 2007\n00:37:44 ra-rtr MDS is in service.\n00:37:45.120 la-lgr Fail: Assertion failed\n",
  "preamble before any time\r\n23:59:59.999 Trace: rounds up\r\n23:59:59 Trace: two\r\n   lines\r\n00:00:01 Trace: after midnight\r\n",
  "08:00:00 Trace: run08:00:01 Trace: together08:00:02 Trace:\n08:00:03 Warning:    spaced\n",
  sample("sideA-lgr-receive.txt"),
  sample("sideB-lgr-send.txt"),
  published("rtr/rtr-vru-script-response-error.txt"),
  // A line break at every place within and after the module's sixteen-byte steps.
  Array.from({ length: 40 }, (_, k) => `08:00:${String(k).padStart(2, "0")} Trace: ${"x".repeat(k)}${k % 2 === 0 ? "\n" : "\r\n"}  ${"y".repeat(k % 17)}\n`).join(""),
];

/** Every line of `text` as the merge writes it, with `offset`, by the module or in TypeScript; each line's end and time checked against the block's columns. */
function linesOf(text: string, offset: number, inModule: boolean): string {
  const split = splitEntries(new ByteText(Buffer.from(text, "latin1")));
  const firstTime = Array.from({ length: split.count }, (_, i) => split.timeOf(i)).find((t) => t !== null) ?? 0;
  const times = new Float64Array(split.count);
  correctedTimes(split, split.datedCount === split.timedCount, offset, firstTime!, times);
  const block = new MergedLineFormatter({ name: "HOST/lgr", file: "lgr.txt", clock: "host:HOST" }, offset, false, inModule).block(split, FIRST_CHUNK, times);
  const lines = Buffer.from(block.bytes).toString("utf8");
  assert.equal(block.count, times.filter((t) => !Number.isNaN(t)).length);
  assert.deepEqual([...block.ends], [...Buffer.from(block.bytes).entries()].filter(([, b]) => b === 10).map(([i]) => i + 1));
  assert.deepEqual([...block.times], [...times].filter((t) => !Number.isNaN(t)));
  return lines;
}

describe("merged lines", () => {
  it("are the same bytes from the WebAssembly module and from TypeScript, for every layout and offset", { skip: EntryLineWriter.create() === null ? "TypeScript scans only in this run" : false }, async () => {
    for (const text of TEXTS) {
      for (const offset of [0, -433.25, 86_400 * 3 + 0.0004, -1e9]) {
        const typescript = linesOf(text, offset, false);
        assert.ok(typescript.length > 0);
        assert.equal(linesOf(text, offset, true), typescript, `${text.slice(0, 40)} at ${offset}`);
      }
    }
  });

  it("write each message on one line, after the lane and the time as the merged view writes it", async () => {
    // 0.6 ms late: 23:59:59.999 is written 00:00:00 (rounded half up, to the millisecond).
    const lines = (linesOf(TEXTS[1]!, 0.0006, true)).split("\n");
    assert.deepEqual(lines.slice(0, 4), [
      "HOST/lgr\t00:00:00\tpreamble before any time",
      "HOST/lgr\t00:00:00\trounds up",
      "HOST/lgr\t23:59:59.001\ttwo \u23ce    lines",
      "HOST/lgr\t00:00:01.001\tafter midnight",
    ]);
    assert.equal(mergedTimeText(86_399.9996), "00:00:00");
  });
});

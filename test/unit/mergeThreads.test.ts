// The merge on worker threads and on the main thread, ordered by the WebAssembly module and by the
// heap in TypeScript, written to readers that keep what they are given or not: the same bytes
// every way.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { clocksNeedEvents, surveyTrace, type TraceSurvey } from "../../server/src/analysis/merge";
import type { ByteSource } from "../../server/src/engine/byteSource";
import { RunMerger } from "../../server/src/engine/scan/mergedRuns";
import type { CliIo } from "../../server/src/cli/io";
import { main } from "../../server/src/cli/main";
import { MergedOutput, writeMerged } from "../../server/src/cli/mergedOutput";
import { BlockQueue } from "../../server/src/cli/mergeThreads";
import { MergeWork, traceSource, type TraceSpec } from "../../server/src/cli/mergeWork";
import { late, routerAndCvp } from "../support/routerAndCvp";
import { ticking } from "../support/ticking";
import { makeZip, tempFolder, writeTo } from "../support/zips";
import { repoRoot, sample } from "./helpers";

async function run(args: readonly string[], io: Partial<CliIo> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { code, stdout, stderr };
}

/** A set of four traces on three clocks, placed by a call (the router and the CVP) and each file alone. */
async function mixedSet(): Promise<string> {
  const folder = tempFolder();
  const { router, cvp } = routerAndCvp();
  writeTo(folder, "case.zip", await makeZip([{ name: "ROUTERA/Router/rtr_output.txt", data: router }, { name: "CVP1/CVP/cvp.txt", data: late(cvp, 433) }]));
  // Seconds that interleave, each past several of the merge's pieces.
  writeTo(folder, "1-lgr.txt", ticking(8 * 3600, 12_000, "alpha"));
  writeTo(folder, "2-lgr.txt", ticking(8 * 3600 + 5000, 12_000, "beta"));
  return folder;
}

describe("the merge on worker threads", () => {
  it("writes the same bytes as on the main thread: text, JSON and a window, clocks placed by a call", async () => {
    const folder = await mixedSet();
    for (const form of [[], ["--json"], ["--since", "08:30:00", "--until", "09:00:00"]]) {
      const alone = await run(["merge", "--threads", "1", ...form, folder]);
      assert.equal(alone.code, 0, alone.stderr);
      assert.ok(alone.stdout.split("\n").length > 1000);
      for (const threads of ["2", "3"]) {
        const shared = await run(["merge", "--threads", threads, ...form, folder]);
        assert.equal(shared.stdout, alone.stdout, `--threads ${threads} ${form.join(" ")}`);
        assert.equal(shared.stderr, alone.stderr);
      }
    }
    assert.match((await run(["merge", "--threads", "2", folder])).stderr, /clock host:10\.66\.68\.169: [-+]\d+(\.\d+)? s \(call\)/);
  });

  it("follows a call on worker threads as on the main thread", async () => {
    const folder = await mixedSet();
    const alone = await run(["follow", "--threads", "1", "--json", "CID=(150431,201)", folder]);
    assert.ok((JSON.parse(alone.stdout) as unknown[]).length > 0);
    assert.deepEqual(await run(["follow", "--threads", "2", "--json", "CID=(150431,201)", folder]), alone);
  });

  it("merges a member as far as it can be read, when it cannot be read on past its start", async () => {
    const folder = tempFolder();
    let zip = await makeZip([
      { name: "HOST1/Logger/big-lgr.txt", data: ticking(8 * 3600, 200_000, "big") },
      { name: "HOST1/Logger/small-lgr.txt", data: "08:00:01 la-lgr Trace: small\n" },
    ]);
    // Garbled far past what tells the member's clock: the merge meets it, not the survey.
    zip.fill(0xff, Math.floor(zip.length * 0.5), Math.floor(zip.length * 0.5) + 4096);
    const file = writeTo(folder, "late-damage.zip", zip);
    // How much is read before the damage shows depends on when the inflater reports it.
    for (const threads of ["1", "2"]) {
      const merged = await run(["merge", "--threads", threads, file]);
      assert.equal(merged.code, 0, merged.stderr);
      assert.match(merged.stderr, /big-lgr\.txt: .*; its entries from there on are left out/);
      const lines = merged.stdout.trimEnd().split("\n");
      assert.ok(lines.some((l) => l.endsWith("\tsmall")));
      assert.ok(lines.length > 50_000 && lines.length < 200_001, `${lines.length} lines`);
    }
  });

  it("takes --threads as a whole number of 1 or more", async () => {
    for (const bad of ["0", "two", "-1"]) assert.equal((await run(["merge", "--threads", bad, tempFolder()])).code, 2);
  });
});

describe("merged output", () => {
  it("gives a reader that keeps what it is given bytes of their own, and one that is done at once a view", async () => {
    // More lines than the module's room holds: it is written over while the merge goes on.
    const folder = tempFolder();
    writeTo(folder, "1-lgr.txt", ticking(8 * 3600, 50_000, "alpha"));
    writeTo(folder, "2-lgr.txt", ticking(8 * 3600 + 7, 50_000, "beta"));
    const copied: Buffer[] = [];
    const kept: Uint8Array[] = [];
    await run(["merge", folder], { stdoutBytes: (bytes) => void copied.push(Buffer.from(bytes)), stdoutWritesAtOnce: true });
    await run(["merge", folder], { stdoutBytes: (bytes) => void kept.push(bytes) });
    assert.ok(copied.length > 1, `${copied.length} writes`);
    assert.equal(Buffer.concat(kept).toString("utf8"), Buffer.concat(copied).toString("utf8"));
  });
});

/** Each trace as a spec of its bytes, surveyed on the main thread. */
async function surveyed(work: MergeWork, texts: readonly string[]): Promise<{ spec: TraceSpec; survey: TraceSurvey }[]> {
  return Promise.all(
    texts.map(async (text, i) => {
      const bytes = Buffer.from(text, "utf8");
      const spec: TraceSpec = { file: `trace-${i}-lgr.txt`, member: false, bytes, size: bytes.length };
      const outcome = await work.survey(spec, { follow: null, startOnly: false, encoding: undefined });
      assert.ok("survey" in outcome);
      return { spec, survey: outcome.survey };
    }),
  );
}

/** The merged lines of `texts` (no offsets), ordered by the module (with an output room of `room`) or here. */
async function merged(texts: readonly string[], json: boolean, order: { inModule: boolean; moduleRoom?: number }): Promise<string> {
  const work = new MergeWork();
  const traces = await surveyed(work, texts);
  const queues = traces.map(({ spec, survey }, traceIndex) => {
    work.open({ traceIndex, spec, lane: survey.lane, offsetSeconds: 0, firstTime: survey.firstTime!, onDates: survey.onDates, since: null, until: null, json, encoding: undefined });
    return new BlockQueue(traceIndex, work, (error) => assert.fail(error));
  });
  const chunks: Buffer[] = [];
  await writeMerged(queues, new MergedOutput({ stdout: () => undefined, stderr: () => undefined, stdoutBytes: (bytes) => void chunks.push(Buffer.from(bytes)) }, json), order);
  await work.close();
  return Buffer.concat(chunks).toString("utf8");
}

describe("runs of merged lines", () => {
  it("are ordered by the module as by the heap in TypeScript, across the end of the module's room", { skip: RunMerger.create(1) === null ? "TypeScript scans only in this run" : false }, async () => {
    const texts = [
      ticking(8 * 3600, 9000, "alpha"),
      // The same seconds: ties go to the trace given first.
      ticking(8 * 3600, 9000, "beta"),
      ticking(8 * 3600 + 4000, 9000, "gamma"),
      // A line longer than the room.
      `08:30:00 la-lgr Trace: long ${"x".repeat(10_000)}\n08:30:01 la-lgr Trace: after the long line\n`,
      sample("sideA-lgr-receive.txt"),
      readFileSync(path.join(repoRoot, "test", "fixtures", "published", "rtr", "rtr-vru-script-response-error.txt"), "utf8"),
    ];
    for (const json of [false, true]) {
      const here = await merged(texts, json, { inModule: false });
      assert.ok(here.length > 500_000, `${here.length} bytes`);
      assert.equal(await merged(texts, json, { inModule: true, moduleRoom: 4096 }), here, `json: ${json}`);
      assert.equal(await merged(texts, json, { inModule: true }), here);
    }
    const lines = (await merged(texts.slice(0, 2), false, { inModule: true, moduleRoom: 4096 })).split("\n");
    assert.match(lines[0]!, /alpha 0$/);
    assert.match(lines[1]!, /beta 0$/);
    const json = JSON.parse(await merged(texts.slice(3, 4), true, { inModule: true })) as { message: string }[];
    assert.equal(json.length, 2);
  });
});

/** A trace's bytes as a source that counts what is read of it. */
function counted(text: string): { trace: { file: string; open(): Promise<ByteSource> }; read(): number } {
  const bytes = Buffer.from(text, "utf8");
  let position = 0;
  const trace = {
    file: "counted-lgr.txt",
    open: async (): Promise<ByteSource> => ({
      size: bytes.length,
      peek: async (length) => bytes.subarray(0, length),
      read: async (buffer, at, length) => {
        const n = bytes.copy(buffer, at, position, Math.min(bytes.length, position + length));
        position += n;
        return n;
      },
      close: async () => undefined,
    }),
  };
  return { trace, read: () => position };
}

describe("a survey of a trace's start", () => {
  it("tells its lane, first time and dates as the whole survey does, having read little more than its sample", async () => {
    const long = ticking(23 * 3600, 120_000, "tick");
    // No side in its tags: the side is the one its sample (the first 1 MB of characters) names most,
    // B up to 950 000 characters in, A after 1 050 000; characters of two bytes before them.
    const sideless = ticking(8 * 3600, 60_000, "tick").replaceAll(" la-lgr ", " lgr ");
    const lines = sideless.split("\n");
    let chars = 0;
    const sideNamed = lines.map((line) => {
      chars += line.length + 1;
      return chars < 400_000 ? `${line} é` : chars > 500_000 && chars < 950_000 ? `${line} Side B` : chars > 1_050_000 ? `${line} Side A` : line;
    });
    for (const text of [long, sideNamed.join("\n"), sample("sideA-lgr-receive.txt"), sample("sideB-lgr-send.txt"), `untimed first\n${long}`]) {
      const whole = counted(text);
      const start = counted(text);
      const { survey } = await surveyTrace(whole.trace);
      const started = await surveyTrace(start.trace, { startOnly: true });
      assert.deepEqual([started.survey.lane, started.survey.firstTime, started.survey.onDates], [survey.lane, survey.firstTime, survey.onDates]);
      if (text.includes("Side B")) assert.match(started.survey.lane.name, /^B\//);
      assert.equal(whole.read(), Buffer.byteLength(text));
      if (text.length > 4 * 1024 * 1024) assert.ok(start.read() < 3 * 1024 * 1024, `read ${start.read()}`);
    }
  });

  it("is all the clocks need when they are one, or all but the reference are given", async () => {
    const surveyOf = async (file: string, text: string) => (await surveyTrace(traceSource({ file, member: false, bytes: Buffer.from(text), size: text.length }), { startOnly: true })).survey;
    const { router, cvp } = routerAndCvp();
    const a = await surveyOf("case.zip!/ROUTERA/Router/rtr_output.txt", router);
    const a2 = await surveyOf("case.zip!/ROUTERA/Router/rtr_other.txt", router);
    const b = await surveyOf("case.zip!/CVP1/CVP/cvp.txt", cvp);
    assert.equal(clocksNeedEvents([a, a2]), false);
    assert.equal(clocksNeedEvents([a, b]), true);
    assert.equal(clocksNeedEvents([a, b], { [b.lane.clock]: 433 }), false);
    assert.equal(clocksNeedEvents([a, b], { [a.lane.clock]: 10 }), true);
  });
});

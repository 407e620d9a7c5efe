// A file streamed from disk in chunks gives exactly the findings of the whole text analysed at once,
// whatever falls on a chunk boundary: run-together lines, a line longer than a chunk, UTF-8
// characters cut by a read, CRLF, a BOM, day headers, Cisco Log, Shift_JIS.

import { findAll } from "../../server/src/engine/scan";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { setScannerPreference } from "../../server/src/engine/scan";
import { splitEntries } from "../../server/src/formats";
import type { Finding } from "../../server/src/model/findings";
import { LiteralSet } from "../../server/src/engine/literalSet";
import { AnalysisCancelled, analyzeTraceFile, PIECE_BYTES } from "../../server/src/analysis/traceFileStream";
import { sample } from "./helpers";

const folder = mkdtempSync(path.join(tmpdir(), "icm-stream-"));

/** Numbers in [0, 1) from fast-check's seeded generator: a seed always gives the same trace. */
function random(seed: number): () => number {
  const [stream] = fc.sample(fc.infiniteStream(fc.noBias(fc.integer({ min: 0, max: 999_999 }))), { seed, numRuns: 1 });
  const values = stream![Symbol.iterator]();
  return () => values.next().value! / 1_000_000;
}

const MESSAGES = [
  "Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
  "Trace: Purge scheduled at 01:30:00 for Route_Call_Detail.",
  "Trace: Connected to <cust_inst>_sideA database.",
  "MDS is in service.",
  "Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.",
  "Trace: Unable to setup to use file in sending state.",
  "Initiating state transfer RECEIVE operation.",
  "Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: アクセスが拒否されました。",
  "Trace: Checksum config complete: Rows = 23442, bytes = 13409511, checksum = 783166570",
  "Trace: Connect to <cust_inst>_sideB database.",
];

/** The pieces these tests stream in: small, so that their traces cross many boundaries. */
const TEST_PIECE_BYTES = 112 * 1024;

const pad = (n: number) => String(n).padStart(2, "0");
const clock = (s: number) => `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;

interface TraceShape {
  readonly seed: number;
  readonly bytes: number;
  readonly runTogether: number;
  readonly eol?: string;
  /** Share of entries that start a long run-together line (longer than a chunk). */
  readonly giantLines?: number;
}

/** A trace of about `bytes` characters, times going forward across midnight. */
function makeTrace({ seed, bytes, runTogether, eol = "\n", giantLines = 0 }: TraceShape): string {
  const next = random(seed);
  const parts: string[] = [];
  let length = 0;
  let seconds = 23 * 3600;
  while (length < bytes) {
    seconds += next() < 0.3 ? 1 : 0;
    const giant = next() < giantLines;
    const count = giant ? Math.ceil((TEST_PIECE_BYTES * 2.5) / 60) : 1;
    for (let i = 0; i < count; i++) {
      const entry = `${clock(seconds)} ${MESSAGES[Math.floor(next() * MESSAGES.length)]!}`;
      const joined = giant ? i < count - 1 : next() < runTogether;
      parts.push(joined ? entry : entry + eol);
      length += entry.length + 1;
    }
  }
  return parts.join("");
}

/** What a finding says and where, with the entries it points to, in a form two analyses can be compared by. */
function comparable(findings: readonly Finding[]): string[] {
  const where = (f: Finding | Finding["related"][number]) => `${f.entryIndex} ${f.start}-${f.end} ${f.startPosition.line}:${f.startPosition.character}-${f.endPosition.line}:${f.endPosition.character}`;
  // Related entries are often kept from an earlier chunk than the finding's (a receive's last wait).
  return findings.map((f) => `${f.id} ${where(f)} ${f.message.en} [${f.related.map((r) => `${where(r)} ${r.message.en}`).join("; ")}]`);
}

async function streamed(name: string, bytes: Buffer | string, options: { encoding?: string; pieceBytes?: number } = {}) {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return analyzeTraceFile(file, { analysis: { editorHints: true }, pieceBytes: TEST_PIECE_BYTES, ...options });
}

async function assertSameAsWhole(name: string, text: string, bytes: Buffer | string = text, options: { encoding?: string; pieceBytes?: number } = {}) {
  const whole = analyzeTrace(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const fromDisk = await streamed(name, bytes, options);
  assert.ok(whole.findings.length > 0, "the trace must hold findings for the comparison to mean something");
  assert.deepEqual(comparable(fromDisk.findings), comparable(whole.findings));
  assert.equal(fromDisk.entries, whole.split.timedCount);
  assert.equal(fromDisk.role, whole.role);
}

describe("streaming a trace file in chunks", () => {
  it("finds what the whole text gives in the pieces a file is read in by default", async () => {
    assert.ok(PIECE_BYTES > TEST_PIECE_BYTES);
    const text = makeTrace({ seed: 11, bytes: 3_500_000, runTogether: 0.2 });
    assert.ok(text.length > 6 * PIECE_BYTES, `${text.length} characters`);
    await assertSameAsWhole("default-pieces.txt", text, text, { pieceBytes: PIECE_BYTES });
  });

  for (const seed of [1, 2, 3]) {
    it(`finds what the whole text gives, run-together lines across boundaries (seed ${seed})`, async () => {
      const text = makeTrace({ seed, bytes: 1_200_000, runTogether: 0.3 });
      assert.ok(analyzeTrace(text).findings.some((f) => f.related.length > 0), "findings that point to other entries, compared too");
      await assertSameAsWhole(`runtogether-${seed}.txt`, text);
    });
  }

  it("reads a receive's last wait right when the buffer it was read into has taken later blocks", async () => {
    // The wait is kept from the first 1 MB block and read only at the next receive, megabytes on:
    // its buffer must not have been written again meanwhile.
    let seconds = 10 * 3600;
    const line = (message: string) => `${clock((seconds += 1))} la-lgr ${message}\n`;
    const parts = [line("Initiating state transfer RECEIVE operation."), line("Trace: NodeManagerHandler: Logger Waiting for MDS Messages")];
    while (parts.length * 60 < 3_500_000) parts.push(line("Trace: Purge scheduled at 01:30:00 for Route_Call_Detail."));
    parts.push(line("Initiating state transfer RECEIVE operation."), line("Trace: NodeManagerHandler: Logger Waiting for MDS Messages"));
    const text = parts.join("");
    const firstReceive = analyzeTrace(text).findings.find((f) => f.id === "state-receive-incomplete");
    assert.equal(firstReceive?.related[0]?.startPosition.line, 1, "the first receive's last wait is on line 2");
    await assertSameAsWhole("wait-across-blocks.txt", text);
  });

  it("finds the same with the byte scan off (every piece decoded and scanned in TypeScript)", async () => {
    setScannerPreference("typescript");
    try {
      await assertSameAsWhole("no-byte-scan.txt", makeTrace({ seed: 10, bytes: 600_000, runTogether: 0.3 }));
    } finally {
      setScannerPreference("auto");
    }
  });

  it("finds the same with CRLF and with CR line ends", async () => {
    await assertSameAsWhole("crlf.txt", makeTrace({ seed: 4, bytes: 800_000, runTogether: 0.1, eol: "\r\n" }));
    await assertSameAsWhole("cr.txt", makeTrace({ seed: 5, bytes: 800_000, runTogether: 0.1, eol: "\r" }));
  });

  it("finds the same when lines are longer than a chunk (cut inside the line)", async () => {
    const text = makeTrace({ seed: 6, bytes: 2_000_000, runTogether: 0.05, giantLines: 0.002 });
    const longest = Math.max(...text.split("\n").map((l) => l.length));
    assert.ok(longest > 2 * TEST_PIECE_BYTES, `longest line ${longest}`);
    await assertSameAsWhole("giant-lines.txt", text);
  });

  it("keeps UTF-8 characters whole when a read or a giant-line cut falls inside one", async () => {
    // Japanese text everywhere: three bytes a character, so some cut falls inside one.
    const text = makeTrace({ seed: 7, bytes: 1_500_000, runTogether: 0.2, giantLines: 0.002 }).replace(/Access is denied\./g, "アクセスが拒否されました。");
    const result = await streamed("utf8-cuts.txt", text);
    assert.ok(!result.findings.some((f) => f.message.en.includes("\ufffd")));
    await assertSameAsWhole("utf8-cuts-2.txt", text);
  });

  it("drops a UTF-8 byte order mark and keeps positions as the editor shows them", async () => {
    const text = makeTrace({ seed: 8, bytes: 400_000, runTogether: 0.1 });
    await assertSameAsWhole("bom.txt", `\ufeff${text}`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  });

  it("finds the same in a dumplog with day headers and in Shift_JIS", async () => {
    const dumplog = sample("la-lgr-dumplog.txt");
    const text = Array.from({ length: 400 }, () => dumplog).join("\n");
    await assertSameAsWhole("dumplog.txt", text);
    const japanese = makeTrace({ seed: 9, bytes: 600_000, runTogether: 0.1 });
    await assertSameAsWhole("cp932.txt", japanese, iconv.encode(japanese, "cp932"), { encoding: "cp932" });
  });

  it("finds the same in a Cisco Log trace larger than a chunk", async () => {
    const lines: string[] = [];
    for (let i = 0; lines.join("\n").length < 300_000 && i < 5000; i++) {
      const message = i % 50 === 7 ? "Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied." : "MDS is in service.";
      lines.push(`${i}: CICMRGRA: Feb 8 2007 ${clock(5 * 3600 + i)}.658 +0000: %ICM_Logger_StateTransfer: [comp=Logger-A][pname=lgr][iid=ipcc][sev=info]: ${message}`);
    }
    await assertSameAsWhole("ciscolog.txt", `${lines.join("\n")}\n`);
  });

  it("stops when cancelled, with no read left running", async () => {
    const file = path.join(folder, "cancel.txt");
    writeFileSync(file, makeTrace({ seed: 10, bytes: 6_000_000, runTogether: 0.1 }));
    let reads = 0;
    await assert.rejects(analyzeTraceFile(file, { isCancelled: () => ++reads > 3 }), AnalysisCancelled);
    assert.equal(reads, 4);
  });
});

describe("the marker scan", () => {
  const words = ["Connect to ", "Connected to ", "SQL Server does not exist", "SQL Server is unavailable", "successfully reinitialized", "successfully reinitialized after restart", "Waiting for MDS Messages"];
  const set = new LiteralSet(words);

  /** Every occurrence by plain search: what the scan must give. */
  function naive(text: string): string[] {
    const found: [number, number][] = [];
    set.words.forEach((word, index) => {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) found.push([at, index]);
    });
    return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([at, index]) => `${at}:${set.words[index]}`);
  }

  function scanned(text: string): string[] {
    const { positions, words: found } = findAll(set, text);
    return positions.map((at, i) => `${at}:${set.words[found[i]!]}`);
  }

  it("finds every occurrence of every word in text order, words found at one place all reported", () => {
    const text = "x Connected to A. SQL Server does not exist; successfully reinitialized after restart, Connect to B SQL Server is unavailable Waiting for MDS Messages";
    assert.deepEqual(scanned(text), naive(text));
    assert.ok(scanned(text).includes(`${text.indexOf("successfully")}:successfully reinitialized`));
    assert.ok(scanned(text).includes(`${text.indexOf("successfully")}:successfully reinitialized after restart`));
  });

  it("reports in text order a word found after a later one (their windows sit at different places)", () => {
    // The long word's rarest window is its end, so the scan meets the short word inside it first.
    const short = "eeeeeeeeeeeZ";
    const long = `e${short}${"e".repeat(12)}JKX`;
    const nested = new LiteralSet([short, long]);
    const { positions, words: found } = findAll(nested, `..${long}..`);
    assert.deepEqual(positions.map((at, i) => `${at}:${nested.words[found[i]!]}`), [`2:${long}`, `3:${short}`]);
  });

  it("does not take characters above U+00FF for the ASCII ones that share their low byte", () => {
    // U+4357 and friends end in the bytes of "Connect to ": the byte scan sees the word, the text does not hold it.
    const lookalike = [..."Connect to "].map((c) => String.fromCharCode(0x4300 + c.charCodeAt(0))).join("");
    const text = `アクセス ${lookalike} Connected to X ${lookalike}Connect to Y 拒否`;
    assert.deepEqual(scanned(text), naive(text));
    assert.equal(scanned(text).length, 2);
  });

  it("agrees with plain search on random mixes of the words and their pieces", () => {
    const next = random(11);
    const pieces = [...words, ...words.map((w) => w.slice(0, 7)), ...words.map((w) => w.slice(5)), " ", "Server ", "to ", "x"];
    for (let round = 0; round < 200; round++) {
      let text = "";
      while (text.length < 400) text += pieces[Math.floor(next() * pieces.length)];
      assert.deepEqual(scanned(text), naive(text), text);
    }
  });
});

describe("finding the entry that holds an offset", () => {
  it("gives the same entry with or without a starting point", () => {
    const split = splitEntries(makeTrace({ seed: 12, bytes: 50_000, runTogether: 0.3 }));
    for (let offset = 0; offset < split.text.length; offset += 97) {
      const index = split.indexAt(offset);
      assert.ok(split.startOf(index) <= offset && offset < split.endOf(index));
      for (const from of [0, Math.max(0, index - 1), Math.max(0, index - 50), index]) assert.equal(split.indexAt(offset, from), index);
    }
  });
});

// Any file, any encoding, hostile text: the CLI gives a clear result or a clear message, never a
// crash, a hang, garbled Japanese or a stack trace.

import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { main } from "../../server/src/cli/main";
import { splitEntries } from "../../server/src/formats";

const dir = mkdtempSync(path.join(tmpdir(), "icm-robust-"));
let fileNumber = 0;

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, `${++fileNumber}-${name}`);
  writeFileSync(full, content);
  return full;
}

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  return { code, stdout, stderr };
}

const JAPANESE_DENIED = "16:47:39 Trace: PrepareToSendState\r\n16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: アクセスが拒否されました。\r\n16:47:39 Trace: Unable to setup to use file in sending state.\r\n";

describe("encodings", () => {
  const cases: [string, Buffer][] = [
    ["utf-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JAPANESE_DENIED)])],
    ["utf-8 without BOM", Buffer.from(JAPANESE_DENIED)],
    ["utf-16le with BOM", iconv.encode(JAPANESE_DENIED, "utf-16le", { addBOM: true })],
    ["utf-16be with BOM", iconv.encode(JAPANESE_DENIED, "utf-16be", { addBOM: true })],
    ["shift_jis (cp932)", iconv.encode(JAPANESE_DENIED, "cp932")],
  ];
  for (const [name, bytes] of cases) {
    it(`decodes ${name}: findings, and Japanese intact in split`, async () => {
      const trace = file("lgr.txt", bytes);
      const check = await cli("check", trace);
      assert.equal(check.code, 1, check.stderr);
      assert.match(check.stdout, /:2:1: error temp-file-access-denied/);
      const split = await cli("split", trace);
      assert.equal(split.code, 0);
      assert.match(split.stdout, /Last API Error \[5\]: アクセスが拒否されました。/);
      assert.equal(split.stdout.split("\n").length - 1, 3);
    });
  }

  it("takes --encoding over detection and refuses unknown encodings", async () => {
    const trace = file("sjis-lgr.txt", iconv.encode(JAPANESE_DENIED, "cp932"));
    assert.match((await cli("split", "--encoding", "cp932", trace)).stdout, /アクセスが拒否されました/);
    const unknown = await cli("check", "--encoding", "klingon", trace);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown encoding 'klingon'/);
  });
});

describe("binary and damaged files", () => {
  it("refuses a binary file with a message naming dumplog, exit 2", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251 < 60 ? 0 : (i * 31) % 256;
    for (const command of ["check", "split"]) {
      const result = await cli(command, file("lgr_260101.ems", bytes));
      assert.equal(result.code, 2);
      assert.match(result.stderr, /binary file.*dumplog/);
      assert.equal(result.stdout, "");
    }
  });

  it("tolerates NUL bytes and control characters inside a text trace", async () => {
    const text = `10:00:00 Trace: a\u0000\u0000\u0007 b\n10:00:01 Trace: \u0001\u0002 noise\n${JAPANESE_DENIED.replace(/\r\n/g, "\n")}`;
    const result = await cli("check", file("nul-lgr.txt", text));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /temp-file-access-denied/);
  });

  it("handles empty files, files without times, impossible and backward times", async () => {
    for (const [name, text, expected] of [
      ["empty", "", 0],
      ["no times", "just some words\nand more\n", 0],
      ["impossible", "25:61:99 Trace: nothing\n99:99:99 x\n", 0],
      ["backwards", "10:00:00 Trace: a\n09:00:00 Trace: b\n08:00:00 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [112]: full\n", 1],
      ["mixed endings", "10:00:00 Trace: a\r\n10:00:01 Trace: b\r10:00:02 Trace: c\n10:00:03 Trace: Unable to GetTempFileName x. Last API Error [5]: d\n", 1],
    ] as const) {
      const result = await cli("check", file(`${name}-lgr.txt`, text));
      assert.equal(result.code, expected, `${name}: ${result.stderr}`);
    }
  });

  it("reports a missing file, folder or glob with exit 2", async () => {
    for (const args of [["check", path.join(dir, "gone-lgr.txt")], ["check", path.join(dir, "nothing-*.txt")], ["split", path.join(dir, "gone.txt")]]) {
      const result = await cli(...args);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, /^icm-trace: /);
    }
  });

  it("checks every trace in a folder and a glob", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "icm-folder-"));
    writeFileSync(path.join(folder, "a-lgr.txt"), JAPANESE_DENIED);
    writeFileSync(path.join(folder, "b-lgr.txt"), "10:00:00 Trace: fine\n");
    writeFileSync(path.join(folder, "notes.md"), "not a trace");
    const byFolder = await cli("check", "--json", folder);
    assert.deepEqual((JSON.parse(byFolder.stdout) as { file: string; code: string }[]).map((f) => `${path.basename(f.file)} ${f.code}`), [
      "a-lgr.txt temp-file-access-denied",
      "a-lgr.txt state-send-aborted",
    ]);
    const byGlob = await cli("check", path.join(folder, "*-lgr.txt"));
    assert.equal(byGlob.code, 1);
  });
});

describe("one 20 MB line of run-together entries", { timeout: 120_000 }, () => {
  it("splits into every entry (guarded against hangs, not timed)", () => {
    // Four entries a second from midnight: times only go forward, as in a real trace.
    const two = (n: number) => String(n).padStart(2, "0");
    const entry = (i: number) => {
      const s = Math.floor(i / 4);
      return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)} Trace: NodeManagerHandler: Logger Waiting for MDS Messages`;
    };
    const parts: string[] = [];
    let length = 0;
    let count = 0;
    while (length < 20 * 1024 * 1024) {
      const e = entry(count++);
      parts.push(e);
      length += e.length;
    }
    const text = parts.join("");
    const split = splitEntries(text);
    assert.equal(split.count, count);
    assert.equal(split.runTogetherLines.length, 1);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { main } from "../../server/src/cli/main";
import { repoRoot } from "./helpers";

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const samplePath = (name: string) => path.join(repoRoot, "samples", name);

describe("icm-trace check", () => {
  it("reports every readable file, names each unreadable one on stderr, then exits 2", async () => {
    const good = samplePath("sideB-lgr-send.txt");
    const missing = path.join(repoRoot, "samples", "no-such-trace.txt");
    const { code, stdout, stderr } = await run("check", good, missing);
    assert.equal(code, 2);
    assert.match(stdout, /error temp-file-access-denied/);
    assert.match(stderr, /no-such-trace\.txt/);
    const json = await run("check", "--json", missing, good);
    assert.equal(json.code, 2);
    assert.ok(JSON.parse(json.stdout).some((f: { code: string }) => f.code === "state-send-aborted"));
  });

  it("checks nothing in a document that quotes traces, and says so", async () => {
    const { code, stdout, stderr } = await run("check", path.join(repoRoot, "README.md"));
    assert.equal(code, 0);
    assert.equal(stdout, "");
    assert.match(stderr, /README\.md' reads as a document/);
  });

  it("refuses a --zone it cannot read", async () => {
    const { code, stderr } = await run("compare", "--zone", "nine", samplePath("sideA-lgr-receive.txt"), samplePath("sideB-lgr-send.txt"));
    assert.equal(code, 2);
    assert.match(stderr, /--zone must be like \+0900/);
  });

  it("prints the usage for `help`", async () => {
    const { code, stdout } = await run("help");
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: icm-trace <command>/);
  });

  it("prints compiler-style findings and exits 1 on errors", async () => {
    const file = samplePath("sideB-lgr-send.txt");
    const { code, stdout } = await run("check", file);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split("\n");
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, new RegExp(`^${escape(file)}:1:394: error temp-file-access-denied: .*ERROR_ACCESS_DENIED`));
    assert.match(lines[1]!, /:1:508: error state-send-aborted: /);
  });

  it("exits 0 when only warnings are found, and shows hints only with --hints", async () => {
    const file = samplePath("sideA-lgr-receive.txt");
    const plain = await run("check", file);
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /warning state-receive-incomplete/);
    assert.doesNotMatch(plain.stdout, /run-together-entries/);
    const hints = await run("check", "--hints", file);
    assert.match(hints.stdout, /:1:1: hint run-together-entries: 27 trace entries run together/);
  });

  it("prints JSON with 1-based positions and the file as given", async () => {
    const absolute = samplePath("sideB-lgr-send.txt");
    const result = await run("check", "--json", absolute);
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.deepEqual(findings[0], {
      file: absolute,
      line: 1,
      column: 394,
      endLine: 1,
      endColumn: 508,
      severity: "error",
      code: "temp-file-access-denied",
      message: (findings[0] as { message: string }).message,
    });
    assert.equal(result.code, 1);
  });

  it("gives messages in Japanese with --lang ja", async () => {
    const { stdout } = await run("check", "--lang", "ja", samplePath("sideB-lgr-send.txt"));
    assert.match(stdout, /一時ファイルを作成できません/);
  });

  it("exits 2 with one line and no stack trace for missing files and bad usage", async () => {
    for (const args of [["check", "no-such-file.txt"], ["check"], ["frobnicate"], ["check", "--bogus", "x"], ["check", "--lang", "fr", "x"], ["split", repoRoot]]) {
      const { code, stderr, stdout } = await run(...args);
      assert.equal(code, 2, args.join(" "));
      assert.equal(stdout, "");
      assert.equal(stderr.trimEnd().split("\n")[0]!.startsWith("icm-trace: "), true, stderr);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
  });
});

describe("icm-trace split", () => {
  it("prints exactly one line per entry", async () => {
    const { code, stdout } = await run("split", samplePath("sideA-lgr-receive.txt"));
    assert.equal(code, 0);
    const lines = stdout.split("\n");
    assert.equal(lines.pop(), "");
    assert.equal(lines.length, 27);
    assert.equal(lines[1], "23:26:58 Initializing Event Management System (EMS) Library.");
  });

  it("keeps multi-line entries on one line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "icm-trace-"));
    const file = path.join(dir, "multi-lgr.txt");
    writeFileSync(file, "10:00:00 Trace: a\r\n  more\r\n10:00:01 Trace: b\r\n");
    const { stdout } = await run("split", file);
    assert.equal(stdout, "10:00:00 Trace: a ⏎   more\n10:00:01 Trace: b\n");
  });
});

describe("icm-trace --help and --version", () => {
  it("prints usage and version", async () => {
    assert.match((await run("--help")).stdout, /^Usage: icm-trace/);
    assert.match((await run("--version")).stdout, /^(dev|\d+\.\d+\.\d+)\n$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

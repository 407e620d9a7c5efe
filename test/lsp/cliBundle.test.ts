// dist/cli.js as it runs: the encoding libraries are bundles of their own beside it (scripts/build.mjs),
// loaded only for a trace that is not UTF-8, and so is the merge's worker thread.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as iconv from "iconv-lite";
import { ticking } from "../support/ticking";
import { repoRoot } from "./lspClient";

const cli = path.join(repoRoot, "dist/cli.js");

describe("the command-line bundle", () => {
  it("holds no encoding library", () => {
    const bundle = readFileSync(cli, "utf8");
    // iconv-lite's own error text, and chardet's name for a detector.
    assert.equal(bundle.includes("Encoding not recognized"), false, "iconv-lite is in dist/cli.js");
    assert.equal(bundle.includes("ISO-2022-JP"), false, "chardet is in dist/cli.js");
  });

  it("reads a Shift_JIS trace from Japanese Windows, detected and decoded by the libraries' bundles", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "icm-cli-")), "sjis-lgr.txt");
    const trace = "23:26:58 Trace: Unable to GetTempFileName in C:\\Temp. Last API Error [5]: アクセスが拒否されました。\r\n23:26:59 Trace: Logger A is running\r\n";
    writeFileSync(file, iconv.encode(trace, "cp932"));
    const split = spawnSync(process.execPath, [cli, "split", file], { encoding: "utf8" });
    assert.equal(split.stderr, "");
    assert.match(split.stdout, /アクセスが拒否されました。/);
    const check = spawnSync(process.execPath, [cli, "check", "--json", file], { encoding: "utf8" });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /"temp-file-access-denied"/);
  });

  it("merges on worker threads (dist/mergeWorker.js), the same bytes into a file as through a pipe as on one thread", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "icm-cli-"));
    for (const [i, word] of ["alpha", "beta", "gamma"].entries()) writeFileSync(path.join(folder, `${i}-lgr.txt`), ticking(8 * 3600 + i * 3, 60_000, word));
    const piped = spawnSync(process.execPath, [cli, "merge", "--threads", "2", folder], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(piped.stdout.split("\n").length - 1, 180_000);
    const merged = path.join(mkdtempSync(path.join(tmpdir(), "icm-cli-")), "merged.txt");
    const out = openSync(merged, "w");
    const intoFile = spawnSync(process.execPath, [cli, "merge", "--threads", "2", folder], { stdio: ["ignore", out, "pipe"], encoding: "utf8" });
    closeSync(out);
    assert.equal(intoFile.status, 0, intoFile.stderr);
    assert.equal(readFileSync(merged, "utf8"), piped.stdout);
    assert.equal(spawnSync(process.execPath, [cli, "merge", "--threads", "1", folder], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout, piped.stdout);
  });
});

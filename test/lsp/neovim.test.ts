// The server from Neovim's built-in LSP client (0.7+), headless: diagnostics and a hover.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "./lspClient";

const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const available = nvim.status === 0;

describe("Neovim's built-in LSP client", () => {
  it("shows the server's diagnostics and hover", { skip: !available && process.env["CI"] === undefined ? "nvim is not installed (CI installs it)" : false }, () => {
    assert.ok(available, "nvim is needed: apt-get install neovim");
    const report = path.join(mkdtempSync(path.join(tmpdir(), "icm-nvim-")), "report.json");
    const run = spawnSync("nvim", ["--headless", "-n", "-i", "NONE", "-u", path.join(repoRoot, "test/neovim/init.lua"), path.join(repoRoot, "samples/sideB-lgr-send.txt")], {
      cwd: repoRoot,
      env: { ...process.env, ICM_TRACE_SERVER: path.join(repoRoot, "dist/server.js"), ICM_TRACE_REPORT: report, XDG_CONFIG_HOME: path.dirname(report), XDG_DATA_HOME: path.dirname(report), XDG_STATE_HOME: path.dirname(report) },
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(readFileSync(report, "utf8")) as { ok: boolean; diagnostics: { code?: string; col: number; severity: number }[]; hover?: string };
    assert.equal(result.ok, true);
    const denied = result.diagnostics.find((d) => d.code === "temp-file-access-denied");
    assert.ok(denied, JSON.stringify(result.diagnostics));
    assert.equal(denied.severity, 1);
    assert.equal(denied.col, 393);
    assert.match(result.hover ?? "", /%TEMP%/);
  });
});

// Traces as Cisco publishes them (test/fixtures/published/manifest.json: each excerpt copied verbatim
// from a public document, with its source and what it shows): `check --json` gives exactly the
// findings the manifest expects, and a healthy excerpt raises no error and no warning.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { main } from "../../server/src/cli/main";
import { repoRoot } from "./helpers";

interface Excerpt {
  readonly file: string;
  readonly process: string;
  readonly layout: string;
  readonly source: string;
  readonly title: string;
  readonly healthy: boolean;
  readonly shows: string;
  readonly expected: readonly string[];
}

const corpus = path.join(repoRoot, "test", "fixtures", "published");
const manifest = JSON.parse(readFileSync(path.join(corpus, "manifest.json"), "utf8")) as Excerpt[];

async function check(file: string): Promise<{ code: number; findings: { code: string; severity: string }[]; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["check", "--json", file], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, findings: JSON.parse(stdout) as { code: string; severity: string }[], stderr };
}

describe("published traces", () => {
  it("are at least 40 excerpts of at least 8 processes, each listed once with a public source", () => {
    assert.ok(manifest.length >= 40, `${manifest.length} excerpts`);
    assert.ok(new Set(manifest.map((e) => e.process)).size >= 8);
    assert.ok(manifest.some((e) => e.healthy) && manifest.some((e) => !e.healthy));
    const files = readdirSync(corpus, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).map((f) => f.split(path.sep).join("/")).sort();
    assert.deepEqual(manifest.map((e) => e.file).sort(), files);
    for (const e of manifest) {
      assert.match(e.source, /^https?:\/\//, e.file);
      assert.ok(e.shows.length > 20, `${e.file}: what it shows`);
    }
  });

  for (const excerpt of manifest) {
    it(`${excerpt.file}: ${excerpt.expected.length === 0 ? "no finding" : excerpt.expected.join(", ")}`, async () => {
      const { findings, stderr } = await check(path.join(corpus, excerpt.file));
      assert.equal(stderr, "", "read as a trace");
      assert.deepEqual(findings.map((f) => f.code).sort(), [...excerpt.expected].sort());
      if (excerpt.healthy) assert.deepEqual(findings.filter((f) => f.severity === "error" || f.severity === "warning"), []);
      else assert.ok(findings.length > 0, "a failure excerpt gives a finding");
    });
  }
});

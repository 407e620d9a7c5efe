// Entry point of the in-host suites: the extension host loads it as `extensionTestsPath`, under
// code-server (test/e2e/run.mjs) and under @vscode/test-electron (scripts/test-electron.mjs).
// The host's console is hard to read from outside, so the results also go to a JSON file.

import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

export interface HostTestResult {
  title: string;
  state: "passed" | "failed" | "pending";
  durationMs: number;
  error?: string;
}

/** Where the results go: `ICM_HOST_TEST_RESULTS` when the runner sets it, else next to this file. */
export function resultsFile(): string {
  return process.env.ICM_HOST_TEST_RESULTS ?? path.join(__dirname, "host-results.json");
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 60_000 });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith(".test.js")).sort();
  if (files.length === 0) return Promise.reject(new Error(`No *.test.js suites in ${__dirname}`));
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const results: HostTestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      fs.writeFileSync(resultsFile(), JSON.stringify({ results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on("pass", (test) => results.push({ title: test.fullTitle(), state: "passed", durationMs: test.duration ?? 0 }));
    runner.on("pending", (test) => results.push({ title: test.fullTitle(), state: "pending", durationMs: 0 }));
    // Also fires for failing hooks, which then count as failures too.
    runner.on("fail", (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: "failed", durationMs: test.duration ?? 0, error: error.stack ?? String(error) }),
    );
  });
}

// Runs the Playwright UI test files with Node's test runner and counts their tests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every UI test file; ICM_E2E_ONLY=name runs only the files whose name holds it (a quicker loop). */
export function uiTestFiles() {
  const only = process.env.ICM_E2E_ONLY ?? "";
  return readdirSync(here).filter((name) => name.endsWith(".test.mjs") && name.includes(only)).sort().map((name) => path.join(here, name));
}

/**
 * `editors` maps scenario names to { workbenchUrl, folder }; the test files read it from the
 * environment. Files run one at a time: they share the two CPU cores with the editors.
 */
export function runUiSuites(editors) {
  process.env.ICM_E2E_EDITORS = JSON.stringify(editors);
  const counts = { passed: 0, failed: 0 };
  return new Promise((resolve, reject) => {
    const stream = run({ files: uiTestFiles(), concurrency: 1 });
    // Suites report too; count only the tests (a file that fails to load counts as one failure).
    stream.on("test:pass", (event) => {
      if (event.details?.type !== "suite" && !event.skip && !event.todo) counts.passed++;
    });
    stream.on("test:fail", (event) => {
      if (event.details?.type !== "suite") counts.failed++;
    });
    const output = stream.compose(new spec());
    output.pipe(process.stdout, { end: false });
    output.on("end", () => resolve(counts));
    output.on("error", reject);
  });
}

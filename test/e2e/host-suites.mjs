// Runs the mocha suites of test/host inside code-server's extension host, the way
// @vscode/test-electron would: a workbench URL whose payload names the development extension
// and the tests; the workbench calls window.codeAutomationExit(code) when they finish.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createProfile, startCodeServer } from "../../scripts/editor/code-server.mjs";
import { repoRoot, samplesDir, testResultsDir } from "../../scripts/editor/paths.mjs";
import { newEditorPage } from "./browser.mjs";
import { waitForWorkbench } from "./workbench.mjs";

export const hostTestsEntry = path.join(repoRoot, "out", "test", "host", "index.js");
const keptResults = path.join(testResultsDir, "host-results.json");
const consoleLog = path.join(testResultsDir, "logs", "host-console.log");
const timeoutMs = 180_000;

/** Returns [{ title, state, durationMs, error? }]; a run that wrote no results is one failure. */
export async function runHostSuites(browser) {
  if (!existsSync(hostTestsEntry)) throw new Error(`${hostTestsEntry} is missing: compile the tests with "npx tsc -b".`);
  rmSync(keptResults, { force: true });
  // No VSIX here: the extension under test is the development copy (the repo with dist/ built).
  const profile = createProfile({ name: "host" });
  // Per run, so two runs on one machine cannot read each other's results.
  const resultsFile = path.join(profile.root, "host-results.json");
  const server = await startCodeServer({
    profile,
    folder: samplesDir,
    logFile: path.join(testResultsDir, "logs", "code-server-host.log"),
    env: { ICM_HOST_TEST_RESULTS: resultsFile },
  });
  const page = await newEditorPage(browser);
  const consoleLines = [];
  page.on("console", (message) => consoleLines.push(message.text()));
  try {
    let exitCode;
    const finished = new Promise((resolve) => (exitCode = resolve));
    await page.exposeFunction("codeAutomationExit", (code) => exitCode(code));
    await page.goto(
      server.workbenchUrl(samplesDir, [
        ["extensionDevelopmentPath", server.remoteUri(repoRoot)],
        ["extensionTestsPath", server.remoteUri(hostTestsEntry)],
      ]),
    );
    await waitForWorkbench(page);
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const code = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (existsSync(resultsFile)) copyFileSync(resultsFile, keptResults);
    return readResults(code, resultsFile);
  } finally {
    mkdirSync(path.dirname(consoleLog), { recursive: true });
    writeFileSync(consoleLog, consoleLines.join("\n"));
    await page.context().close();
    await server.stop();
    profile.dispose();
  }
}

function readResults(exitCode, resultsFile) {
  const why =
    exitCode === "timeout" ? `did not finish within ${timeoutMs / 1000} s` : `exited with code ${exitCode} and wrote no results`;
  if (!existsSync(resultsFile)) {
    return [{ title: "in-host suites", state: "failed", durationMs: 0, error: `The extension host ${why}; see ${consoleLog}` }];
  }
  const { results } = JSON.parse(readFileSync(resultsFile, "utf8"));
  if (exitCode !== 0 && !results.some((result) => result.state === "failed")) {
    results.push({ title: "in-host suites", state: "failed", durationMs: 0, error: `exit code ${exitCode}; see ${consoleLog}` });
  }
  return results;
}

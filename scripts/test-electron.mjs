// `npm run test:electron`: the in-host suites of test/host in a downloaded VS Code, with
// @vscode/test-electron. Needs network access to update.code.visualstudio.com (and a display,
// e.g. xvfb-run on Linux); offline, `npm run test:e2e` runs the same suites in code-server.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { downloadAndUnzipVSCode, runTests } from "@vscode/test-electron";
import { repoRoot, samplesDir, testResultsDir } from "./editor/paths.mjs";
import { run } from "./editor/process.mjs";

const testsEntry = path.join(repoRoot, "out", "test", "host", "index.js");
const resultsFile = path.join(testResultsDir, "host-results-electron.json");

async function main() {
  await run("npm", ["run", "build"], { cwd: repoRoot });
  await run("npx", ["tsc", "-b"], { cwd: repoRoot });

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath: path.join(repoRoot, ".vscode-test"), timeout: 20_000 });
  } catch (error) {
    console.error(
      `\nCould not download VS Code for @vscode/test-electron: ${error.message}\n` +
        "This needs network access to update.code.visualstudio.com. Without it, run the same suites in\n" +
        'code-server instead: "npm run test:e2e".',
    );
    console.log("0 passed, 1 failed");
    return 1;
  }

  rmSync(resultsFile, { force: true });
  let exitCode;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsEntry,
      extensionTestsEnv: { ICM_HOST_TEST_RESULTS: resultsFile },
      launchArgs: [samplesDir, "--disable-extensions", "--disable-workspace-trust", "--skip-welcome", "--skip-release-notes"],
    });
  } catch (error) {
    console.error(`VS Code exited with an error: ${error.message ?? error}`);
    if (process.platform === "linux" && !process.env.DISPLAY) console.error("No DISPLAY: try `xvfb-run -a npm run test:electron`.");
    exitCode = 1;
  }
  return summarize(exitCode);
}

function summarize(exitCode) {
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")).results : [];
  for (const result of results) console.log(`${result.state === "passed" ? "✔" : "✖"} ${result.title} (${result.durationMs} ms)`);
  const passed = results.filter((r) => r.state === "passed").length;
  const failed = results.filter((r) => r.state === "failed").length || (exitCode === 0 ? 0 : 1);
  console.log(`${passed} passed, ${failed} failed`);
  return exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);

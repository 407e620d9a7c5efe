// `npm run test:e2e`: the extension in a real VS Code (code-server) driven by chromium.
// 1. prepare: system packages, code-server (cached), `npm run package`; `npm run build` and
//    `tsc -b` for test/host
// 2. UI tests (Playwright, node:test) on throw-away copies of samples/, trust off and on
// 3. in-host tests (mocha inside the extension host)
// Closes with "N passed, N failed"; exits non-zero on any failure. Servers are stopped by PID.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createProfile, installVsix, startCodeServer, stopAllCodeServers, stopCodeServersOnExit } from "../../scripts/editor/code-server.mjs";
import { prepareEditor, step } from "../../scripts/editor/prepare.mjs";
import { repoRoot, samplesDir, screenshotsDir, testResultsDir } from "../../scripts/editor/paths.mjs";
import { runQuiet } from "../../scripts/editor/process.mjs";
import { launchChromium } from "./browser.mjs";
import { runHostSuites } from "./host-suites.mjs";
import { runUiSuites } from "./ui-suites.mjs";

/** The UI scenarios: each gets its own server, profile and copy of the samples. */
const scenarios = {
  trusted: { workspaceTrust: false },
  untrusted: { workspaceTrust: true },
};

// Temp profiles and sample copies, removed on any exit (also Ctrl-C); rmSync is synchronous.
const cleanups = [];
process.once("exit", () => cleanups.forEach((cleanup) => cleanup()));

async function startScenario(name, { workspaceTrust }, vsix) {
  const profile = createProfile({ name, workspaceTrust });
  const folder = mkdtempSync(path.join(tmpdir(), `icm-trace-samples-${name}-`));
  cleanups.push(() => profile.dispose(), () => rmSync(folder, { recursive: true, force: true }));
  cpSync(samplesDir, folder, { recursive: true });
  await installVsix(profile, vsix);
  const server = await startCodeServer({ profile, folder, logFile: path.join(testResultsDir, "logs", `code-server-${name}.log`) });
  console.log(`  ${name}: ${server.url} (pid ${server.pid}, workspace trust ${workspaceTrust ? "on" : "off"})`);
  return { workbenchUrl: server.workbenchUrl(folder), folder };
}

function printHostResults(results) {
  for (const result of results) {
    const mark = { passed: "✔", failed: "✖", pending: "﹣" }[result.state];
    console.log(`${mark} ${result.title} (${result.durationMs} ms)`);
    if (result.error) console.log(result.error.replace(/^/gm, "    "));
  }
}

async function main() {
  stopCodeServersOnExit();
  rmSync(screenshotsDir, { recursive: true, force: true });
  const started = Date.now();

  console.log("▶ Preparing the editor");
  const vsix = await prepareEditor({ withBrowser: true });
  // The in-host tests load the repo itself as the development extension: a dev build of dist/
  // (readable stacks) and the compiled suites in out/test/host.
  await step("extension built (npm run build)", () => runQuiet("npm", ["run", "build"], { cwd: repoRoot }));
  await step("tests compiled (tsc -b)", () => runQuiet("npx", ["tsc", "-b"], { cwd: repoRoot }));

  console.log("▶ Starting code-server for the UI tests");
  const editors = {};
  for (const [name, options] of Object.entries(scenarios)) editors[name] = await startScenario(name, options, vsix);

  console.log("▶ UI tests (Playwright + chromium)");
  const ui = await runUiSuites(editors);
  await stopAllCodeServers();

  console.log("▶ In-host tests (mocha in the extension host)");
  const browser = await launchChromium();
  let hostResults;
  try {
    hostResults = await runHostSuites(browser);
  } finally {
    await browser.close();
  }
  printHostResults(hostResults);

  const passed = ui.passed + hostResults.filter((r) => r.state === "passed").length;
  const failed = ui.failed + hostResults.filter((r) => r.state === "failed").length;
  console.log(`\nScreenshots: ${path.relative(repoRoot, screenshotsDir)}/  Logs: ${path.relative(repoRoot, testResultsDir)}/logs/`);
  console.log(`Took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main()
  .catch((error) => {
    console.error(`\n✖ ${error.stack ?? error}`);
    console.log("0 passed, 1 failed");
    return 1;
  })
  .then(async (exitCode) => {
    await stopAllCodeServers();
    process.exit(exitCode);
  });

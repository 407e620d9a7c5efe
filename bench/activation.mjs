// Activation time as VS Code reports it (Developer: Show Running Extensions), for this extension and,
// in the same editor at the same moment, for an empty baseline extension with the same activation
// events. The baseline's figure is VS Code's own share (reading the file, making the API object the
// extension requires, and whatever else the extension host runs at that moment): no extension
// measures below it. Each round starts a fresh code-server with both VSIXs installed.
//
//   npm run bench:activation              5 rounds
//   npm run bench:activation -- --runs 9
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createVSIX } from "@vscode/vsce";
import { createProfile, installVsix, startCodeServer, stopAllCodeServers, stopCodeServersOnExit } from "../scripts/editor/code-server.mjs";
import { samplesDir } from "../scripts/editor/paths.mjs";
import { prepareEditor } from "../scripts/editor/prepare.mjs";
import { launchChromium, newEditorPage } from "../test/e2e/browser.mjs";
import * as workbench from "../test/e2e/workbench.mjs";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 5;
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), "out");
const OURS = "ICM Trace Inspector";
const BASELINE = "Activation Baseline";

/** An extension that activates on the same events and only registers one command. */
async function baselineVsix(dir) {
  const root = path.join(dir, "baseline");
  mkdirSync(root, { recursive: true });
  const manifest = {
    name: "activation-baseline",
    displayName: BASELINE,
    description: "Empty extension: the floor of VS Code's activation figure.",
    publisher: "icm-trace-inspector",
    version: "0.0.1",
    license: "MIT",
    engines: { vscode: "^1.91.0" },
    activationEvents: ["onStartupFinished", "onLanguage:icm-trace", "onLanguage:plaintext"],
    main: "./extension.js",
  };
  writeFileSync(path.join(root, "package.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(root, "README.md"), "Activation baseline for bench/activation.mjs.\n");
  writeFileSync(
    path.join(root, "extension.js"),
    'const vscode = require("vscode");\nexports.activate = (context) => context.subscriptions.push(vscode.commands.registerCommand("activationBaseline.noop", () => undefined));\n',
  );
  const packagePath = path.join(dir, "activation-baseline.vsix");
  await createVSIX({ cwd: root, packagePath, allowMissingRepository: true, skipLicense: true, dependencies: false });
  return packagePath;
}

async function activationTime(page, name) {
  const { label, milliseconds } = await workbench.activationTime(page, name);
  if (milliseconds === undefined) throw new Error(`no activation time for ${name}: "${label}"`);
  return milliseconds;
}

async function round(vsixes) {
  const profile = createProfile({ name: "activation" });
  const folder = mkdtempSync(path.join(tmpdir(), "icm-trace-activation-"));
  cpSync(samplesDir, folder, { recursive: true });
  let server;
  let browser;
  try {
    for (const vsix of vsixes) await installVsix(profile, vsix);
    server = await startCodeServer({ profile, folder });
    browser = await launchChromium();
    const page = await newEditorPage(browser);
    page.setDefaultTimeout(60_000);
    await page.goto(server.workbenchUrl());
    await workbench.waitForWorkbench(page);
    await workbench.openFile(page, "sideB-lgr-send.txt");
    await workbench.waitForProblemsStatus(page, "Errors: 2");
    await workbench.runCommand(page, "Developer: Show Running Extensions");
    return { ours: await activationTime(page, OURS), baseline: await activationTime(page, BASELINE) };
  } finally {
    await browser?.close();
    await server?.stop();
    profile.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  stopCodeServersOnExit();
  const work = mkdtempSync(path.join(tmpdir(), "icm-trace-activation-bench-"));
  try {
    const vsix = await prepareEditor({ withBrowser: true });
    const baseline = await baselineVsix(work);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const result = await round([vsix, baseline]);
      console.log(`round ${i + 1}: ${OURS} ${result.ours} ms, ${BASELINE} ${result.baseline} ms`);
      results.push(result);
    }
    const ours = results.map((r) => r.ours);
    const floor = results.map((r) => r.baseline);
    const above = results.map((r) => r.ours - r.baseline);
    const report = [
      `Activation (VS Code's figure in Running Extensions), ${runs} rounds, ${new Date().toISOString().slice(0, 10)}, code-server`,
      "",
      `- ${OURS}: median ${median(ours)} ms (${Math.min(...ours)}–${Math.max(...ours)})`,
      `- ${BASELINE}, same editor, same events: median ${median(floor)} ms (${Math.min(...floor)}–${Math.max(...floor)})`,
      `- above the baseline, per round: median ${median(above)} ms (${Math.min(...above)}–${Math.max(...above)})`,
      `- target < 20 ms: ${median(ours) < 20 ? "met" : "NOT met"} (median)`,
      "",
    ].join("\n");
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "activation.md"), report);
    console.log(`\n${report}`);
  } finally {
    await stopAllCodeServers();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

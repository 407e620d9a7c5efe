// How long the extension takes to activate, as VS Code itself measures it (Developer: Show Running
// Extensions): loading dist/client.js and running activate(). Recorded, not asserted against a
// budget: timings are the benchmark's business, and machine speed drifts.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { testResultsDir } from "../../scripts/editor/paths.mjs";
import { workbenchSession } from "./session.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");

session.test("activates on a trace and shows its activation time among the running extensions", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.waitForLanguage(page, "ICM Trace");
  // The server is up once the findings are in: activation and the client's deferred start are done.
  await workbench.waitForProblemsStatus(page, "Errors: 2");
  await workbench.runCommand(page, "Developer: Show Running Extensions");
  const { label, milliseconds } = await workbench.activationTime(page, "ICM Trace Inspector");
  assert.ok(milliseconds !== undefined, `activation time as VS Code shows it: "${label}"`);
  await workbench.screenshot(page, "running-extensions");
  mkdirSync(testResultsDir, { recursive: true });
  writeFileSync(path.join(testResultsDir, "activation.txt"), `${label}\n`);
  console.log(`ICM Trace Inspector ${label} (test-results/activation.txt)`);
});

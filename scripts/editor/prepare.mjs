// Everything a run needs before the editor starts: system packages, code-server, the VSIX.
import path from "node:path";
import { browserNeeds, ensureSystemPackages } from "./system-packages.mjs";
import { ensureCodeServer } from "./install.mjs";
import { packageExtension } from "./vsix.mjs";
import { repoRoot } from "./paths.mjs";

/** Logs one line per step with its duration; rethrows with the step's name. */
export async function step(label, action) {
  const started = Date.now();
  try {
    const result = await action();
    console.log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    error.message = `${label} failed: ${error.message}`;
    throw error;
  }
}

/** Returns the path of the packaged VSIX. `withBrowser` also ensures chromium for the UI tests. */
export async function prepareEditor({ withBrowser }) {
  if (withBrowser) await step("chromium present", () => ensureSystemPackages(browserNeeds));
  await step("code-server installed", ensureCodeServer);
  const vsix = await step("extension packaged (npm run package)", packageExtension);
  console.log(`  VSIX: ${path.relative(repoRoot, vsix)}`);
  return vsix;
}

// Where the editor under test lives: one place for every path the scripts share.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

// code-server 4.100.3 = VS Code 1.100.3; later releases need Node 22+.
export const codeServerVersion = "4.100.3";

// Gitignored cache, reused between runs (see install.mjs).
export const codeServerHome = path.join(repoRoot, ".vscode-test", "code-server");
export const codeServerPackage = path.join(codeServerHome, "node_modules", "code-server");
export const codeServerEntry = path.join(codeServerPackage, "out", "node", "entry.js");
export const vscodeDir = path.join(codeServerPackage, "lib", "vscode");
export const installMarker = path.join(codeServerHome, "installed.json");

export const chromiumPath = "/usr/bin/chromium";
export const samplesDir = path.join(repoRoot, "samples");
export const testResultsDir = path.join(repoRoot, "test-results");
export const screenshotsDir = path.join(testResultsDir, "screenshots");

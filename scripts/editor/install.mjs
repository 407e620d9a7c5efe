// Installs code-server into the gitignored cache once, then reuses it.
// Follows /work/shared/notes/code-server.md: the package's own postinstall refuses to run as
// root and downloads ripgrep from GitHub, so its steps are done here by hand, offline.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, symlinkSync, chmodSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { codeServerHome, codeServerVersion, installMarker, vscodeDir } from "./paths.mjs";
import { ensureSystemPackages, buildNeeds } from "./system-packages.mjs";
import { runQuiet } from "./process.mjs";

// Native modules are built for this Node ABI, so a Node upgrade invalidates the cache.
const wanted = { codeServer: codeServerVersion, nodeAbi: process.versions.modules, arch: process.arch };

/** Native addons that must exist after the build (argon2 is loaded even with --auth none). */
const nativeAddons = [
  path.join(codeServerHome, "node_modules/argon2/lib/binding/napi-v3/argon2.node"),
  path.join(vscodeDir, "node_modules/kerberos/build/Release/kerberos.node"),
  path.join(vscodeDir, "node_modules/@vscode/spdlog/build/Release/spdlog.node"),
  path.join(vscodeDir, "node_modules/native-watchdog/build/Release/watchdog.node"),
  path.join(vscodeDir, "node_modules/node-pty/build/Release/pty.node"),
];

export function isCodeServerInstalled() {
  if (!existsSync(installMarker)) return false;
  try {
    const found = JSON.parse(readFileSync(installMarker, "utf8"));
    return Object.entries(wanted).every(([key, value]) => found[key] === value);
  } catch {
    return false;
  }
}

/** node-gyp cannot download Node headers offline: point it at the installed ones. */
function nodeHeadersDir() {
  for (const dir of ["/usr", path.resolve(path.dirname(process.execPath), "..")]) {
    if (existsSync(path.join(dir, "include/node/node.h"))) return dir;
  }
  throw new Error("Node.js headers (include/node/node.h) not found; install the nodejs dev headers.");
}

export async function ensureCodeServer() {
  if (isCodeServerInstalled()) return;
  await ensureSystemPackages(buildNeeds);
  const started = Date.now();
  console.log(`Installing code-server ${codeServerVersion} into ${path.relative(process.cwd(), codeServerHome) || "."} (first run only, ~2 min)`);
  rmSync(codeServerHome, { recursive: true, force: true });
  mkdirSync(codeServerHome, { recursive: true });
  writeFileSync(path.join(codeServerHome, "package.json"), '{ "private": true }\n');

  const env = { ...process.env, npm_config_nodedir: nodeHeadersDir(), npm_config_jobs: "max", npm_config_yes: "true" };
  const npm = (cwd, ...args) => runQuiet("npm", [...args, "--no-audit", "--no-fund"], { cwd, env });
  const step = async (label, action) => {
    const t = Date.now();
    await action();
    console.log(`  ${label} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  };

  await step("downloaded code-server", () => npm(codeServerHome, "install", "--ignore-scripts", `code-server@${codeServerVersion}`));
  // Must run where node_modules/argon2 is: from inside code-server it "succeeds" and builds nothing.
  await step("built argon2", () => npm(codeServerHome, "rebuild", "argon2", "--build-from-source"));
  await step("installed VS Code server modules", () => npm(vscodeDir, "install", "--omit=dev", "--ignore-scripts"));
  await step("built kerberos, spdlog, native-watchdog", () => npm(vscodeDir, "rebuild", "kerberos", "@vscode/spdlog", "native-watchdog"));
  // node-pty's post-install step fails after pty.node is built; the addon check below decides.
  await step("built node-pty", () => npm(vscodeDir, "rebuild", "node-pty").catch(() => {}));

  const ripgrepBin = path.join(vscodeDir, "node_modules/@vscode/ripgrep/bin");
  mkdirSync(ripgrepBin, { recursive: true });
  copyFileSync("/usr/bin/rg", path.join(ripgrepBin, "rg"));
  chmodSync(path.join(ripgrepBin, "rg"), 0o755);
  relink(path.join(vscodeDir, "node_modules.asar"), "node_modules");
  relink(path.join(vscodeDir, "bin/remote-cli/code-server"), "code-linux.sh");
  relink(path.join(vscodeDir, "bin/helpers/browser.sh"), "browser-linux.sh");
  await step("installed built-in extension modules", async () => {
    const extensionsDir = path.join(vscodeDir, "extensions");
    await npm(extensionsDir, "install", "--omit=dev", "--ignore-scripts");
    await runQuiet(process.execPath, ["postinstall.mjs"], { cwd: extensionsDir, env });
  });

  const missing = nativeAddons.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`code-server native modules were not built:\n  ${missing.join("\n  ")}`);
  writeFileSync(installMarker, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2) + "\n");
  console.log(`code-server ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function relink(linkPath, target) {
  rmSync(linkPath, { force: true });
  symlinkSync(target, linkPath);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  ensureCodeServer().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

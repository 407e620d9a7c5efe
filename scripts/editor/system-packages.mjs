// Debian packages the editor needs. Installed with apt when running as root;
// otherwise the run stops and names them, so nothing is skipped silently.
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { run } from "./process.mjs";

const onPath = (command) =>
  (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, command)));

/** What each need is, how to tell it is there, and which apt package provides it. */
export const requirements = {
  compilers: { check: () => onPath("make") && onPath("g++"), apt: "build-essential" },
  python: { check: () => onPath("python3"), apt: "python3" },
  kerberosHeaders: { check: () => existsSync("/usr/include/gssapi/gssapi.h"), apt: "libkrb5-dev" },
  ripgrep: { check: () => existsSync("/usr/bin/rg"), apt: "ripgrep" },
  chromium: { check: () => existsSync("/usr/bin/chromium"), apt: "chromium" },
};

/** Needed to build code-server's native modules (install.mjs). */
export const buildNeeds = ["compilers", "python", "kerberosHeaders", "ripgrep"];
/** Needed to drive the workbench from tests. */
export const browserNeeds = ["chromium"];

export async function ensureSystemPackages(needs) {
  const missing = needs.filter((name) => !requirements[name].check()).map((name) => requirements[name].apt);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing system packages: ${missing.join(", ")}. Install them with:\n  sudo apt-get update && sudo ${install}`);
  }
  const command = `apt-get update && ${install}`;
  console.log(`Installing missing system packages: ${missing.join(", ")}`);
  await run("sh", ["-c", command], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const stillMissing = needs.filter((name) => !requirements[name].check());
  if (stillMissing.length > 0) throw new Error(`Still missing after apt-get: ${stillMissing.join(", ")}`);
}

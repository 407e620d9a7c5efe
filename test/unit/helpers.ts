// Shared by the unit tests: the repo root and the seed traces.

import { readFileSync } from "node:fs";
import * as path from "node:path";

/** The repository root, from out/test/unit at run time. */
export const repoRoot = path.resolve(__dirname, "../../..");

export function sample(name: string): string {
  return readFileSync(path.join(repoRoot, "samples", name), "utf8");
}

export const seedReceive = () => sample("sideA-lgr-receive.txt");
export const seedSend = () => sample("sideB-lgr-send.txt");

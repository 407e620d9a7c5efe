// Packages the extension with the project's own `npm run package` and finds the VSIX it wrote.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths.mjs";
import { runQuiet } from "./process.mjs";

/** `ICM_TRACE_VSIX=path` reuses a VSIX built earlier, to iterate on the tests without repackaging. */
export async function packageExtension() {
  const prebuilt = process.env.ICM_TRACE_VSIX;
  if (prebuilt) {
    if (!existsSync(prebuilt)) throw new Error(`ICM_TRACE_VSIX=${prebuilt} does not exist`);
    console.log(`  using ICM_TRACE_VSIX=${prebuilt} instead of npm run package`);
    return path.resolve(prebuilt);
  }
  const { version, scripts = {} } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  if (!scripts.package) throw new Error('package.json has no "package" script to build the VSIX.');
  const vsix = path.join(repoRoot, `icm-trace-${version}.vsix`);
  await runQuiet("npm", ["run", "package"], { cwd: repoRoot });
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${path.basename(vsix)}`);
  return vsix;
}

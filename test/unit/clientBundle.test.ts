// What activation loads: dist/client.js, bundled here the way scripts/build.mjs bundles it. The
// timeline panel and the language client library are bundles of their own, loaded on first use, and
// the VS Code API is required as it is: esbuild would wrap each `import * as vscode` in a copy of the
// whole API object, made again for every module that imports it, while activation waits.

import assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as esbuild from "esbuild";
import { repoRoot } from "./helpers";

async function clientBundle(): Promise<{ code: string; inputs: string[] }> {
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, "client/src/extension.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    external: ["vscode"],
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(output.inputs) };
}

describe("the bundle activation loads", () => {
  it("requires the VS Code API without copying it", async () => {
    const { code } = await clientBundle();
    const requires = code.match(/require\("vscode"\)/g) ?? [];
    assert.ok(requires.length > 0, "the bundle requires vscode");
    // A copy shows as a helper call around the require: `=M(require("vscode"))`.
    assert.deepEqual(code.match(/[\w$]+\(require\("vscode"\)\)/g) ?? [], []);
  });

  it("leaves out the timeline panel, the compare renderings and the language client library", async () => {
    const { inputs } = await clientBundle();
    assert.ok(inputs.some((input) => input.endsWith("client/src/timeline/registerTimeline.ts")), inputs.join("\n"));
    for (const lazy of ["client/src/timeline/timelinePanel.ts", "server/src/export/", "node_modules/vscode-languageclient/"]) {
      assert.deepEqual(inputs.filter((input) => input.includes(lazy)), [], `${lazy} is loaded on first use, not at activation`);
    }
  });
});

// What activation loads: dist/client.js, bundled here the way scripts/build.mjs bundles it. The
// timeline panel and the language client library are bundles of their own, loaded on first use, and
// the VS Code API is required as it is: esbuild would wrap each `import * as vscode` in a copy of the
// whole API object, made again for every module that imports it, while activation waits.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as esbuild from "esbuild";
import { repoRoot } from "./helpers";

/** The options scripts/build.mjs makes dist/client.js with. */
const clientBundleOptions = require(path.join(repoRoot, "scripts/clientBundle.cjs")) as esbuild.BuildOptions;

async function clientBundle(): Promise<{ code: string; inputs: string[] }> {
  const result = await esbuild.build({
    ...clientBundleOptions,
    bundle: true,
    platform: "node",
    format: "cjs",
    outdir: "dist",
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

  it("leaves out the timeline panel, the compare renderings and the protocol and language client libraries", async () => {
    const { inputs } = await clientBundle();
    assert.ok(inputs.some((input) => input.endsWith("client/src/timeline/registerTimeline.ts")), inputs.join("\n"));
    for (const lazy of ["client/src/timeline/timelinePanel.ts", "server/src/render/", "node_modules/vscode-languageclient/", "node_modules/vscode-jsonrpc/"]) {
      assert.deepEqual(inputs.filter((input) => input.includes(lazy)), [], `${lazy} is loaded on first use, not at activation`);
    }
  });

  it("leaves out the core's splitter, which Plain Text detection loads with the first Plain Text document", async () => {
    const { inputs } = await clientBundle();
    assert.ok(inputs.some((input) => input.endsWith("client/src/plainTextDetection.ts")), inputs.join("\n"));
    const splitter = ["formats/detect", "engine/entries", "engine/candidates", "engine/scan/wasmModule", "engine/scan/generated/byteScanWasm"].map((name) => `server/src/${name}.ts`);
    assert.ok(splitter.every((module) => existsSync(path.join(repoRoot, module))), "the splitter's modules are where this test looks");
    assert.deepEqual(inputs.filter((input) => splitter.some((module) => input.endsWith(module))), [], "the splitter's modules");
    assert.deepEqual(inputs.filter((input) => input.includes("server/src/") && !input.includes("server/src/shared/")), [], "only the wire module of the server");
  });

  it("makes every message type of the protocol, with its method, from the client's stand-in", async () => {
    // The protocol bundled as the client bundles it, then loaded: a type the stand-in lacks would throw here.
    const result = await esbuild.build({
      entryPoints: [path.join(repoRoot, "server/src/shared/protocol.ts")],
      alias: clientBundleOptions.alias,
      bundle: true,
      platform: "node",
      format: "cjs",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    assert.deepEqual(Object.keys(result.metafile.inputs).filter((input) => input.includes("vscode-jsonrpc")), []);
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", "require", result.outputFiles[0]!.text)(module, module.exports, require);
    const bundled = module.exports;
    const protocol = require(path.join(repoRoot, "out/server/src/shared/protocol.js")) as Record<string, unknown>;
    const methodOf = (value: unknown) => (value as { method?: unknown } | null)?.method;
    const types = Object.keys(protocol).filter((name) => typeof methodOf(protocol[name]) === "string");
    assert.ok(types.length >= 8, `the protocol's message types: ${types.join(", ")}`);
    for (const name of types) assert.equal(methodOf(bundled[name]), methodOf(protocol[name]), name);
  });
});

// Parts of the client that activation does not run are bundles of their own (scripts/build.mjs),
// required on first use: activation reads and compiles only the code it runs.

import vscode = require("vscode");

/** The bundles next to dist/client.js, each loaded once. */
export type LazyBundle = "languageClient" | "timelinePanel" | "mergedTimelinePanel" | "traceDetection";

const loaded = new Map<LazyBundle, unknown>();

export function loadBundle<T>(context: vscode.ExtensionContext, name: LazyBundle): T {
  let bundle = loaded.get(name);
  if (bundle === undefined) {
    bundle = require(context.asAbsolutePath(`dist/${name}.js`)) as unknown;
    loaded.set(name, bundle);
  }
  return bundle as T;
}

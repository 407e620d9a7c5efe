// Bundles the client, the server and the CLI with esbuild into dist/.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import clientBundle from "./clientBundle.cjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  legalComments: "none",
  define: { __ICM_TRACE_VERSION__: JSON.stringify(pkg.version) },
};

// The encoding libraries are bundles of their own (dist/iconv-lite.js, dist/chardet.js), required
// only for a trace that is not UTF-8: iconv-lite's tables are half a megabyte of code, which every
// run of the CLI and every start of the server would otherwise compile.
const ENCODING_LIBRARIES = ["iconv-lite", "chardet"];
const encodingLibrariesApart = {
  name: "encoding-libraries-apart",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${ENCODING_LIBRARIES.join("|")})$`) }, (args) => ({ path: `./${args.path}.js`, external: true }));
  },
};
const require = createRequire(import.meta.url);

const contexts = await Promise.all([
  // The language client library is a bundle of its own, loaded when the first trace needs the
  // server: activation stays fast.
  esbuild.context({ ...common, ...clientBundle, outdir: "dist" }),
  esbuild.context({ ...common, entryPoints: { languageClient: "client/src/languageClientLauncher.ts" }, outdir: "dist", external: ["vscode"] }),
  // The timeline panel, with the compare renderings, is loaded when a timeline is first asked for.
  esbuild.context({ ...common, entryPoints: { timelinePanel: "client/src/timeline/timelinePanel.ts" }, outdir: "dist", external: ["vscode"] }),
  // The merged timeline panel likewise, when a merged timeline is first asked for.
  esbuild.context({ ...common, entryPoints: { mergedTimelinePanel: "client/src/mergedTimeline/mergedTimelinePanel.ts" }, outdir: "dist", external: ["vscode"] }),
  // Plain-text detection uses the core's splitter: loaded with the first Plain Text document.
  esbuild.context({ ...common, entryPoints: { traceDetection: "server/src/formats/detect.ts" }, outdir: "dist" }),
  esbuild.context({ ...common, entryPoints: { server: "server/src/server.ts" }, outdir: "dist", plugins: [encodingLibrariesApart] }),
  esbuild.context({
    ...common,
    entryPoints: { cli: "server/src/cli/main.ts" },
    outdir: "dist",
    banner: { js: "#!/usr/bin/env node" },
    plugins: [encodingLibrariesApart],
  }),
  // The merge's worker threads (server/src/cli/mergeThreads.ts starts them from beside the CLI).
  esbuild.context({ ...common, entryPoints: { mergeWorker: "server/src/cli/mergeWorker.ts" }, outdir: "dist", plugins: [encodingLibrariesApart] }),
  ...ENCODING_LIBRARIES.map((name) => esbuild.context({ ...common, entryPoints: { [name]: require.resolve(name) }, outdir: "dist" })),
  // The webviews, the transfer timeline and the merged timeline: scripts and stylesheets, into
  // media/dist/ (the panels' only local resource root; .vscodeignore ships media/**).
  esbuild.context({
    ...common,
    platform: "browser",
    target: "es2022",
    format: "iife",
    // Inline, so that no stale .map file is left in media/dist/ for a production package.
    sourcemap: production ? false : "inline",
    entryPoints: [
      { in: "client/src/timeline/webview/timeline.ts", out: "timeline" },
      { in: "media/timeline/timeline.css", out: "timeline" },
      { in: "client/src/mergedTimeline/webview/mergedTimeline.ts", out: "mergedTimeline" },
      { in: "media/mergedTimeline/mergedTimeline.css", out: "mergedTimeline" },
    ],
    outdir: "media/dist",
  }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

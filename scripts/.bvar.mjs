import * as esbuild from "esbuild";
const [out, ...flags] = process.argv.slice(2);
const extra = Object.fromEntries(flags.map((f) => f.split("=")).map(([k, v]) => [k, v === "true" ? true : v === "false" ? false : v]));
await esbuild.build({ entryPoints: ["server/src/cli/main.ts"], bundle: true, platform: "node", target: "node20", format: "cjs", outfile: out, legalComments: "none",
  define: { __ICM_TRACE_VERSION__: '"0.0.0"' }, external: ["./iconv-lite.js", "./chardet.js", "iconv-lite", "chardet"], banner: { js: "#!/usr/bin/env node" }, ...extra });

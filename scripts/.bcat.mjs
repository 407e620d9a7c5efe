import * as esbuild from "esbuild";
await esbuild.build({ entryPoints: ["server/src/catalogue/index.ts"], bundle: true, platform: "node", target: "node20", format: "cjs", outfile: "dist/cat-only.js", legalComments: "none" });

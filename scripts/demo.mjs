// `npm run demo`: the CLI's analysis of the sample traces, as a newcomer's first look.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const cli = ["dist/cli.js"];
const run = (args) => {
  console.log(`\n$ icm-trace ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [...cli, ...args], { stdio: "inherit" });
  if (result.status === 2) process.exit(2);
};

const samples = readdirSync("samples").filter((f) => f.endsWith(".txt")).sort().map((f) => `samples/${f}`);
run(["split", "samples/sideB-lgr-send.txt"]);
run(["check", ...samples]);
run(["check", "--lang", "ja", "samples/sideB-lgr-send.txt"]);
run(["compare", "samples/sideA-lgr-receive.txt", "samples/sideB-lgr-send.txt"]);

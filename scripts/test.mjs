// `npm test`: every suite in turn (unit, grammar and language server; robustness; the real editor),
// each with its own output, then one closing line `N passed, N failed` over all of them.
// Exits non-zero when any suite fails or runs no test.
import { spawn } from "node:child_process";

const suites = [
  { name: "build", command: "npm", args: ["run", "-s", "build"], counts: false },
  { name: "unit, grammar, language server", command: "npm", args: ["run", "-s", "test:unit"], counts: "node" },
  { name: "robustness", command: "npm", args: ["run", "-s", "test:robustness"], counts: "node" },
  { name: "real editor (code-server)", command: "npm", args: ["run", "-s", "test:e2e"], counts: "plain" },
];

const only = process.argv.slice(2);

function run({ command, args }) {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from node's test runner (`# pass N` / `# fail N`) or a plain `N passed, N failed` line. */
function countsOf(kind, output) {
  if (kind === "node") {
    const pass = [...output.matchAll(/^# pass (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const fail = [...output.matchAll(/^# fail (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    return { pass, fail };
  }
  const lines = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
  const last = lines[lines.length - 1];
  return last === undefined ? { pass: 0, fail: 0 } : { pass: Number(last[1]), fail: Number(last[2]) };
}

let passed = 0;
let failed = 0;
const report = [];
for (const suite of suites) {
  if (only.length > 0 && suite.counts !== false && !only.some((o) => suite.name.includes(o))) continue;
  console.log(`\n=== ${suite.name} ===`);
  const { code, output } = await run(suite);
  if (suite.counts === false) {
    if (code !== 0) {
      console.log(`${suite.name} failed (exit ${code})`);
      console.log(`${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    }
    continue;
  }
  const counts = countsOf(suite.counts, output);
  // A suite that exits non-zero without reporting a failure still failed; one that ran nothing too.
  const suiteFailed = counts.fail > 0 ? counts.fail : code !== 0 || counts.pass === 0 ? 1 : 0;
  passed += counts.pass;
  failed += suiteFailed;
  report.push(`${suite.name}: ${counts.pass} passed, ${suiteFailed} failed${code !== 0 ? ` (exit ${code})` : ""}`);
}
console.log("\n=== summary ===");
report.forEach((line) => console.log(line));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

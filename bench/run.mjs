// `npm run bench`: makes deterministic synthetic lgr traces, then in ONE run times `icm-trace check`,
// lnav (the tool engineers reach for otherwise) and `wc -l` (the floor: reading the bytes) on the
// same files, several runs each, and the language server's latencies over stdio. Prints a report and
// writes it to docs/benchmarks.md, headed with the machine, Node, lnav and the tool's version. The
// synthetic traces stay in bench/out/ (made once, then reused).
//
//   npm run bench                 10 MB and 100 MB traces, a 20 MB single line, zips, merge and
//                                 follow of 20 traces (100 MB in all; on one clock and on 20), the server
//   npm run bench -- --1gb        also a 1 GB trace (memory bound), and the 20 traces 1 GB in all
//   npm run bench -- --runs 5     runs per measurement (default 3; the median is reported)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { availableParallelism, cpus, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateTrace } from "./generate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "bench", "out");
const reportFile = path.join(root, "docs", "benchmarks.md");
const cli = path.join(root, "dist", "cli.js");
const server = path.join(root, "dist", "server.js");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
const sizesMb = [10, 100, ...(args.includes("--1gb") ? [1000] : [])];

mkdirSync(outDir, { recursive: true });
if (!existsSync(cli) || !existsSync(server)) execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });

const hasGnuTime = existsSync("/usr/bin/time");
const staleBuild = newestSource() > statSync(cli).mtimeMs;
if (staleBuild) console.log("warning: dist/ is older than some sources (npm run bench builds first; node bench/run.mjs does not)");

// With NODE_EXTRA_CA_CERTS set, Node 20 parses every bundled and extra CA certificate while it starts,
// before any script runs (nodejs/node#40524): about 90 ms a start on the 2-core benchmark machine,
// whose package proxy sets it. The tool never opens a TLS connection, and an engineer's machine
// seldom sets it: the runs go without it, and on 100 MB, when the environment sets it, the table also
// shows the CLI and Node started with the value as set in the environment.
const machineCaCerts = process.env.NODE_EXTRA_CA_CERTS;
const runEnv = { ...process.env };
delete runEnv.NODE_EXTRA_CA_CERTS;
const lnav = findLnav();
const lnavVersion = lnav === null ? "not installed" : (spawnSync(lnav, ["-V"], { encoding: "utf8" }).stdout ?? "").trim().split("\n")[0] || "unknown";

function findLnav() {
  if (spawnSync("lnav", ["-V"]).status === 0) return "lnav";
  if (process.getuid?.() === 0) {
    console.log("lnav is missing: installing Debian's lnav (root)…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const installed = spawnSync("apt-get", ["install", "-y", "-qq", "lnav"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (installed.status === 0) return "lnav";
  }
  console.log("lnav is not installed and cannot be installed here (not root): its column stays empty.");
  return null;
}

/** Wall time (s) and peak RSS (KB) of one run of a command, output discarded. */
function measure(command, commandArgs, env = runEnv) {
  if (hasGnuTime) {
    const result = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...commandArgs], { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "ignore", "pipe"], env });
    const last = result.stderr.trim().split("\n").pop() ?? "";
    const [seconds, kb] = last.split(" ").map(Number);
    return { seconds, rssKb: kb };
  }
  const started = process.hrtime.bigint();
  spawnSync(command, commandArgs, { stdio: "ignore", env });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rssKb: Number.NaN };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Several tools on one file, their runs interleaved (a, b, c, a, b, c, …): a shared machine's speed
 * may drift by a quarter within a minute (the benchmark machine's does), and interleaving puts every
 * tool in the same drift. Each ratio to
 * the first tool is the median of the ratios of the runs taken side by side.
 */
function timeTogether(tools) {
  const samples = tools.map(() => []);
  for (let run = 0; run < runs; run++) tools.forEach(([command, commandArgs, env], i) => samples[i].push(measure(command, commandArgs, env)));
  return samples.map((list, i) => ({
    seconds: median(list.map((s) => s.seconds)),
    rssKb: Math.max(...list.map((s) => s.rssKb)),
    ratioTo: (j) => median(list.map((s, run) => s.seconds / samples[j][run].seconds)),
    index: i,
  }));
}

/** A zip holding `trace`, made with yazl (deflated), once. */
async function ensureZip(name, trace) {
  const file = path.join(outDir, name);
  if (existsSync(file) && statSync(file).mtimeMs >= statSync(trace).mtimeMs) return file;
  console.log(`making ${name}…`);
  const { ZipFile } = await import("yazl");
  const zip = new ZipFile();
  zip.addFile(trace, path.basename(trace));
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

/** A command on the PATH, installed from Debian's packages when missing and run as root; else null. */
function findTool(name) {
  if (spawnSync("sh", ["-c", `command -v ${name}`]).status === 0) return name;
  if (process.getuid?.() === 0 && spawnSync("apt-get", ["install", "-y", "-qq", name], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0) return name;
  console.log(`${name} is not installed and cannot be installed here: its rows stay empty.`);
  return null;
}

async function ensureTrace(name, bytes, options) {
  const file = path.join(outDir, name);
  if (!existsSync(file) || statSync(file).size < bytes) {
    console.log(`making ${name}…`);
    await generateTrace(file, bytes, options);
  }
  return file;
}

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

// What a check costs before it reads much: start-up, the fixed part of every run's time.
const tinyTrace = await ensureTrace("100kb-lgr.txt", 100e3, { seed: 42, runTogetherShare: 0.1 });

const rows = [];
let hundred = null;
let gigabyte = null;
for (const mb of sizesMb) {
  const file = await ensureTrace(`${mb}mb-lgr.txt`, mb * 1e6, { seed: 42, runTogetherShare: 0.1 });
  const bytes = statSync(file).size;
  console.log(`timing ${path.basename(file)} (${runs} runs each)…`);
  // On 100 MB, also the CLI with its byte scans in TypeScript instead of WebAssembly (what those
  // give), and what any run costs before it reads a byte: Node starting, and a check of 100 KB.
  const withoutWasm = mb === 100 ? [["env", ["ICM_TRACE_NO_WASM=1", "node", cli, "check", file]]] : [];
  const startUp = mb === 100 ? [["node", ["-e", "0"]], ["node", [cli, "check", tinyTrace]]] : [];
  const withMachineCerts = mb === 100 && machineCaCerts !== undefined ? [["node", [cli, "check", file], process.env], ["node", ["-e", "0"], process.env]] : [];
  const tools = [["node", [cli, "check", file]], ["wc", ["-l", file]], ...withoutWasm, ...startUp, ...withMachineCerts, ...(lnav === null ? [] : [[lnav, ["-n", "-q", "-c", ";SELECT 1", file]]])];
  const timed = timeTogether(tools);
  const [ours, floor] = timed;
  const noWasm = withoutWasm.length > 0 ? timed[2] : null;
  const [nodeStart, tinyCheck] = startUp.length > 0 ? timed.slice(2 + withoutWasm.length) : [null, null];
  const [certsCheck, certsStart] = withMachineCerts.length > 0 ? timed.slice(2 + withoutWasm.length + startUp.length) : [null, null];
  const theirs = lnav === null ? null : timed[timed.length - 1];
  const named = [["icm-trace check", ours], ...(noWasm === null ? [] : [["icm-trace check, scans in TypeScript", noWasm]]), ["lnav", theirs], ["wc -l (floor)", floor]];
  for (const [tool, t] of named) {
    if (t === null) {
      rows.push([tool, `${mb} MB`, "–", "–", "–", "–", "–"]);
      continue;
    }
    rows.push([
      tool,
      `${mb} MB`,
      fmt(t.seconds),
      fmt(bytes / 1e6 / t.seconds, 0),
      theirs === null ? "–" : fmt(t.ratioTo(theirs.index)),
      fmt(t.seconds / Math.max(floor.seconds, 0.001), 0),
      fmt(t.rssKb / 1024, 0),
    ]);
  }
  if (nodeStart !== null && tinyCheck !== null) {
    rows.push(["node -e 0 (Node starting)", "–", fmt(nodeStart.seconds), "–", "–", "–", fmt(nodeStart.rssKb / 1024, 0)]);
    rows.push(["icm-trace check (start-up)", "100 KB", fmt(tinyCheck.seconds), "–", "–", "–", fmt(tinyCheck.rssKb / 1024, 0)]);
  }
  if (certsCheck !== null && certsStart !== null) {
    rows.push(["icm-trace check, NODE_EXTRA_CA_CERTS as set in the environment", `${mb} MB`, fmt(certsCheck.seconds), fmt(bytes / 1e6 / certsCheck.seconds, 0), theirs === null ? "–" : fmt(certsCheck.ratioTo(theirs.index)), fmt(certsCheck.seconds / Math.max(floor.seconds, 0.001), 0), fmt(certsCheck.rssKb / 1024, 0)]);
    rows.push(["node -e 0, NODE_EXTRA_CA_CERTS as set in the environment", "–", fmt(certsStart.seconds), "–", "–", "–", fmt(certsStart.rssKb / 1024, 0)]);
  }
  if (mb === 100) hundred = { ours, theirs, bytes, tinyCheck, certsCheck };
  if (mb === 1000) gigabyte = { ours };
}

// One line of run-together entries: the split must stay linear per byte, as fast as ordinary lines.
const singleLine = await ensureTrace("20mb-single-line-lgr.txt", 20 * 1024 * 1024, { seed: 7, singleLine: true });
const ordinaryLines = await ensureTrace("20mb-lines-lgr.txt", 20 * 1024 * 1024, { seed: 7, runTogetherShare: 0.1 });
const [single, ordinary] = timeTogether([["node", [cli, "split", singleLine]], ["node", [cli, "split", ordinaryLines]]]);
for (const [label, file, t] of [["icm-trace split, one 20 MB line", singleLine, single], ["icm-trace split, 20 MB of lines", ordinaryLines, ordinary]]) {
  rows.push([label, "20 MB", fmt(t.seconds), fmt(statSync(file).size / 1e6 / t.seconds, 0), "–", "–", fmt(t.rssKb / 1024, 0)]);
}

// Bundles: `check` on a zip of the trace against `unzip -p` of the same zip, side by side. Inflating
// runs in the engine's thread pool while the analysis runs on the main thread.
const unzip = findTool("unzip");
const bundles = [];
for (const mb of sizesMb.filter((size) => size >= 100)) {
  const zipFile = await ensureZip(`${mb}mb-lgr.zip`, path.join(outDir, `${mb}mb-lgr.txt`));
  console.log(`timing ${path.basename(zipFile)} (${runs} runs each)…`);
  const timed = timeTogether([["node", [cli, "check", zipFile]], ...(unzip === null ? [] : [["sh", ["-c", `unzip -p '${zipFile}' > /dev/null`]]])]);
  const [ours, theirs] = timed;
  const traceBytes = statSync(path.join(outDir, `${mb}mb-lgr.txt`)).size;
  rows.push(["icm-trace check, the trace in a zip", `${mb} MB`, fmt(ours.seconds), fmt(traceBytes / 1e6 / ours.seconds, 0), "–", "–", fmt(ours.rssKb / 1024, 0)]);
  if (theirs !== undefined) rows.push(["unzip -p > /dev/null, the same zip", `${mb} MB`, fmt(theirs.seconds), fmt(traceBytes / 1e6 / theirs.seconds, 0), "–", "–", fmt(theirs.rssKb / 1024, 0)]);
  bundles.push({ mb, ours, ratio: theirs === undefined ? null : ours.ratioTo(theirs.index) });
}

// Many traces on one clock: `merge` of twenty traces and `follow` of one call over them, against
// `check` of the same folder, side by side. With --1gb the twenty total 1 GB, else 100 MB. The twenty
// of one Logger side share its clock; twenty that name no side are each on a clock of its own, and
// placing those clocks takes a survey of every entry (the events two clocks may both log).
const setMb = sizesMb.includes(1000) ? 1000 : 100;
const setDir = path.join(outDir, `${setMb}mb-in-20-traces`);
const apartDir = path.join(outDir, `${setMb}mb-in-20-traces-20-clocks`);
for (const [dir, sideless] of [[setDir, false], [apartDir, true]]) {
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= 20; n++) await ensureTrace(path.join(path.basename(dir), `lgr-${String(n).padStart(2, "0")}.txt`), (setMb * 1e6) / 20, { seed: n, runTogetherShare: 0.1, sideless });
}
console.log(`timing merge and follow over ${path.basename(setDir)} and ${path.basename(apartDir)} (${runs} runs each)…`);
const [setCheck, setMerge, setFollow, apartCheck, apartMerge] = timeTogether([
  ["node", [cli, "check", setDir]],
  ["node", [cli, "merge", setDir]],
  ["node", [cli, "follow", "CID=(150431,224)", setDir]],
  ["node", [cli, "check", apartDir]],
  ["node", [cli, "merge", apartDir]],
]);
const setBytes = readdirSync(setDir).reduce((sum, name) => sum + statSync(path.join(setDir, name)).size, 0);
const manyTraces = {
  mb: setMb,
  merge: setMerge,
  follow: setFollow,
  apartMerge,
  mergeRatio: setMerge.ratioTo(setCheck.index),
  followRatio: setFollow.ratioTo(setCheck.index),
  apartMergeRatio: apartMerge.ratioTo(apartCheck.index),
};
for (const [label, t] of [
  ["icm-trace check, 20 traces", setCheck],
  ["icm-trace merge, the same 20", setMerge],
  ["icm-trace follow, one call over the same 20", setFollow],
  ["icm-trace check, 20 traces on 20 clocks", apartCheck],
  ["icm-trace merge, the same 20 on 20 clocks", apartMerge],
]) {
  rows.push([label, `${setMb} MB`, fmt(t.seconds), fmt(setBytes / 1e6 / t.seconds, 0), "–", "–", fmt(t.rssKb / 1024, 0)]);
}

// The server is measured as an editor meets it: started afresh for each open (its code not yet warm).
const lspRuns = [];
for (let run = 0; run < runs; run++) lspRuns.push(await serverLatencies(path.join(outDir, "10mb-lgr.txt")));
const lsp = {
  openMs: median(lspRuns.map((r) => r.openMs)),
  hoverMs: median(lspRuns.map((r) => r.hoverMs)),
  codeActionMs: median(lspRuns.map((r) => r.codeActionMs)),
  samples: lspRuns[0].samples,
};

const header = ["tool", "file", "time (s)", "MB/s", "× lnav", "× floor", "peak RSS (MB)"];
const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const results = `${table}

Language server over stdio, 10 MB trace: open → diagnostics ${fmt(lsp.openMs, 0)} ms (${runs === 1 ? "one fresh server" : `median of ${runs} fresh servers`}); hover ${fmt(lsp.hoverMs)} ms; code actions ${fmt(lsp.codeActionMs)} ms (medians of ${lsp.samples} each).

Targets:
${targets().join("\n")}
`;
const report = `# Benchmarks

Generated by \`npm run bench\` (\`bench/run.mjs\`), which writes this file anew on each run: edit the
script, not this page. How the figures are taken and what they mean: [performance.md](performance.md).

${machineLines().join("\n")}

${results}`;
mkdirSync(path.dirname(reportFile), { recursive: true });
writeFileSync(reportFile, report);
console.log(`\n${report}`);
console.log(`written to ${path.relative(root, reportFile)}`);

/** What the figures were measured on and with. */
function machineLines() {
  const cpuList = cpus();
  const models = [...new Set(cpuList.map((cpu) => cpu.model.trim().replace(/\s+/g, " ")))].join(", ") || "unknown";
  const usable = usableCores(cpuList.length);
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  return [
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- CPU: ${models}, ${cpuList.length} ${cpuList.length === 1 ? "core" : "cores"} (logical, as the OS reports them)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node: ${process.version}`,
    `- lnav: ${lnavVersion}`,
    `- icm-trace: ${version}${commitNote()}; dist/cli.js built ${new Date(statSync(cli).mtimeMs).toISOString().slice(0, 16).replace("T", " ")} UTC${staleBuild ? ", older than some sources" : ""}`,
    `- Runs: ${runs} per measurement, interleaved; medians reported. The runs could use ${usable.cores} ${usable.cores === 1 ? "core" : "cores"} (${usable.how}).`,
  ];
}

/** The cores a run may use: the process's CPU affinity and, on Linux, a cgroup CPU quota. */
function usableCores(logical) {
  let cores = availableParallelism();
  const how = [`${cores} in the process's CPU affinity`];
  try {
    const [quota, period] = readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    if (quota !== "max" && Number(period) > 0) {
      const allowed = Number(quota) / Number(period);
      how.push(`a cgroup CPU quota of ${allowed.toFixed(2)} cores`);
      cores = Math.min(cores, Math.max(1, Math.floor(allowed)));
    }
  } catch {
    // No cgroup v2 quota to read (not Linux, or cgroup v1): the affinity is the limit.
  }
  if (how.length === 1 && cores === logical) return { cores, how: "all of them: no affinity or CPU quota limits the process" };
  return { cores, how: how.join(", ") };
}

/** The commit checked out, when the tree is a git checkout, and whether code differs from it (the bench and docs aside). */
function commitNote() {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  if (head.status !== 0) return "";
  const dirty = spawnSync("git", ["status", "--porcelain", "--", ".", ":!bench", ":!docs", ":!*.md"], { cwd: root, encoding: "utf8" });
  return ` (commit ${head.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() !== "" ? ", with uncommitted changes" : ""})`;
}

/** The newest modification time of the sources the build bundles. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["server/src", "server/assembly", "client/src"]) visit(path.join(root, dir));
  return newest;
}

function targets() {
  const mark = (met) => (met === null ? "not measured" : met ? "met" : "NOT met");
  const lines = [];
  if (hundred !== null) {
    const rate = hundred.bytes / 1e6 / hundred.ours.seconds;
    const startUp = hundred.tinyCheck === null ? "" : ` (of its ${fmt(hundred.ours.seconds)} s, ${fmt(hundred.tinyCheck.seconds)} s are start-up, as a check of 100 KB takes)`;
    lines.push(`- check, 100 MB at ≥ 200 MB/s: ${fmt(rate, 0)} MB/s, ${mark(rate >= 200)}${startUp}`);
    if (hundred.certsCheck !== null) {
      const certsRate = hundred.bytes / 1e6 / hundred.certsCheck.seconds;
      lines.push(`  - with NODE_EXTRA_CA_CERTS as set in the environment (Node then loads every CA certificate as it starts; the other rows run without it): ${fmt(certsRate, 0)} MB/s, ${mark(certsRate >= 200)}`);
    }
    const ratio = hundred.theirs === null ? null : hundred.ours.ratioTo(hundred.theirs.index);
    lines.push(`- check, 100 MB in ≤ 0.5 × lnav's time: ${ratio === null ? "lnav missing" : `${fmt(ratio, 3)} ×`}, ${mark(ratio === null ? null : ratio <= 0.5)}`);
    lines.push(`- peak RSS < 150 MB, 100 MB: ${fmt(hundred.ours.rssKb / 1024, 0)} MB, ${mark(hundred.ours.rssKb / 1024 < 150)}`);
  }
  lines.push(`- peak RSS < 150 MB, 1 GB: ${gigabyte === null ? "run with --1gb" : `${fmt(gigabyte.ours.rssKb / 1024, 0)} MB, ${mark(gigabyte.ours.rssKb / 1024 < 150)}`}`);
  lines.push(`- open → diagnostics ≤ 300 ms, 10 MB: ${fmt(lsp.openMs, 0)} ms, ${mark(lsp.openMs <= 300)}`);
  lines.push(`- hover and code actions ≤ 5 ms: ${fmt(lsp.hoverMs)} / ${fmt(lsp.codeActionMs)} ms, ${mark(lsp.hoverMs <= 5 && lsp.codeActionMs <= 5)}`);
  for (const { mb, ours, ratio } of bundles) {
    lines.push(`- check of a zip holding ${mb} MB ≤ 1.5 × unzip -p of it: ${ratio === null ? "unzip missing" : `${fmt(ratio, 2)} ×`}, ${mark(ratio === null ? null : ratio <= 1.5)}; peak RSS < 200 MB: ${fmt(ours.rssKb / 1024, 0)} MB, ${mark(ours.rssKb / 1024 < 200)}`);
  }
  for (const [command, t, ratio] of [
    ["merge of 20 traces", manyTraces.merge, manyTraces.mergeRatio],
    ["follow over 20 traces", manyTraces.follow, manyTraces.followRatio],
    ["merge of 20 traces on 20 clocks", manyTraces.apartMerge, manyTraces.apartMergeRatio],
  ]) {
    lines.push(`- ${command} (${manyTraces.mb} MB) ≤ 1.5 × check of them: ${fmt(ratio, 2)} ×, ${mark(ratio <= 1.5)}; peak RSS < 200 MB: ${fmt(t.rssKb / 1024, 0)} MB, ${mark(t.rssKb / 1024 < 200)}`);
  }
  const perByte = (single.seconds / statSync(singleLine).size) / (ordinary.seconds / statSync(ordinaryLines).size);
  lines.push(`- one 20 MB line splits as fast per byte as ordinary lines: ${fmt(perByte)} × their time per byte, ${mark(perByte <= 1.2)}`);
  return lines;
}

/** Opens a trace in the server over stdio and times diagnostics, hover and code actions. */
async function serverLatencies(file) {
  const rpc = await import(pathToFileURL(path.join(root, "node_modules/vscode-jsonrpc/lib/node/main.js")).href);
  const child = spawn(process.execPath, [server, "--stdio"], { stdio: "pipe", env: runEnv });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const text = readFileSync(file, "utf8");
  const uri = pathToFileURL(file).toString();
  let resolveDiagnostics;
  const diagnosticsArrived = new Promise((resolve) => (resolveDiagnostics = resolve));
  connection.onNotification("textDocument/publishDiagnostics", (p) => p.uri === uri && resolveDiagnostics(p.diagnostics));
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  // As VS Code does: the split quick fix's edit is resolved on demand.
  const capabilities = { textDocument: { codeAction: { resolveSupport: { properties: ["edit"] } } } };
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities });
  await connection.sendNotification("initialized", {});
  const opened = process.hrtime.bigint();
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "icm-trace", version: 1, text } });
  const diagnostics = await diagnosticsArrived;
  const openMs = Number(process.hrtime.bigint() - opened) / 1e6;
  const target = diagnostics.find((d) => d.severity === 1) ?? diagnostics[0];
  const hoverTimes = [];
  const actionTimes = [];
  const samples = 50;
  for (let i = 0; i < samples && target !== undefined; i++) {
    let t = process.hrtime.bigint();
    await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: target.range.start });
    hoverTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    actionTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await connection.sendRequest("shutdown");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await connection.sendNotification("exit");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
  connection.dispose();
  child.kill();
  return { openMs, hoverMs: median(hoverTimes), codeActionMs: median(actionTimes), samples };
}

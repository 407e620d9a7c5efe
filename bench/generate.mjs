// Deterministic synthetic lgr traces for the benchmark: realistic entries, a share of run-together
// lines (lost line breaks) and failures. Same size and seed, same bytes.

import { createWriteStream } from "node:fs";
import { once } from "node:events";

const MESSAGES = [
  "Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
  "Trace: Thread[2536]: Commit Config Transaction 2000000598",
  "Trace: Checksum config complete: Rows = 23442, bytes = 13409511, checksum = 783166570, updateKey = 310473991055",
  "Trace: The Logger is registered with MDS; handle = 36",
  "Trace: GetInSync: Serialization Disabled.",
  "Trace: EMT I/O completion ports: max threads=4, concurrent threads=0",
  "Trace: Purge scheduled at 01:30:00 for Route_Call_Detail.",
  "MDS is in service.",
  "Trace: SQL Server version 8.0.760",
  "Trace: Connected to <cust_inst>_sideA database.",
  "Trace: Setting the maximum number of DB-Lib connections to 101",
  "Trace: LastUpdateKey for B Configuration is 310466685004.0",
];
const FAILURES = [
  "Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.",
  "Trace: Unable to setup to use file in sending state.",
  "Initiating state transfer RECEIVE operation.",
  "Trace: CreateFile failed. Last API Error [32]: The process cannot access the file because it is being used by another process.",
];

/** A small fast PRNG (mulberry32): deterministic across runs and machines. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => (n < 10 ? `0${n}` : String(n));
const clock = (s) => `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;

/**
 * Writes `bytes` of trace to `path`. `runTogetherShare`: share of entries whose line break was lost;
 * `singleLine`: no line breaks at all (one giant run-together line); `sideless`: no entry names the
 * Logger's side (a merge then puts each such trace on a clock of its own).
 */
export async function generateTrace(path, bytes, { seed = 42, runTogetherShare = 0.1, failureShare = 0.0005, singleLine = false, sideless = false } = {}) {
  const next = random(seed);
  const messages = sideless ? MESSAGES.map((message) => message.replace("_sideA", "")) : MESSAGES;
  const out = createWriteStream(path);
  let written = 0;
  let seconds = 8 * 3600;
  const parts = [];
  let partBytes = 0;
  while (written < bytes) {
    seconds += next() < 0.3 ? 1 : 0;
    const failure = next() < failureShare;
    const message = failure ? FAILURES[Math.floor(next() * FAILURES.length)] : messages[Math.floor(next() * messages.length)];
    const joined = singleLine || next() < runTogetherShare;
    const entry = `${clock(seconds)} ${message}${joined ? "" : "\n"}`;
    parts.push(entry);
    partBytes += entry.length;
    written += entry.length;
    if (partBytes > 1 << 20) {
      if (!out.write(parts.join(""))) await once(out, "drain");
      parts.length = 0;
      partBytes = 0;
    }
  }
  out.write(`${parts.join("")}\n`);
  out.end();
  await once(out, "finish");
}

// dumplog's /ms layout as Cisco's tech notes print it: `HH:MM:SS:mmm node-proc Trace: …`, pasted
// from web pages with entries run together, CVP's Cisco Log entries among them.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { main } from "../../server/src/cli/main";
import { splitEntries } from "../../server/src/formats";
import { repoRoot } from "./helpers";

const published = (name: string) => path.join(repoRoot, "test", "fixtures", "published", name);

async function split(file: string): Promise<string[]> {
  let stdout = "";
  const code = await main(["split", file], { stdout: (t) => (stdout += t), stderr: () => undefined });
  assert.equal(code, 0);
  return stdout.split("\n").slice(0, -1);
}

describe("dumplog /ms", () => {
  it("splits a paste whose entries ran together into one line per entry, Cisco Log ones included", async () => {
    const file = published("rtr/rtr-vru-customer-not-found-for-dn.txt");
    const text = readFileSync(file, "utf8");
    const lines = await split(file);
    const msHeads = text.match(/\d{2}:\d{2}:\d{2}:\d{3} [A-Za-z0-9]+-[A-Za-z0-9]+ /g)!.length;
    const ciscoLogHeads = text.match(/\d+: [\d.]+: [A-Z][a-z]{2} \d{1,2} \d{4} \d{2}:\d{2}:\d{2}\.\d{3} [-+]\d{4}: %/g)!.length;
    assert.ok(msHeads > 10 && ciscoLogHeads > 0);
    assert.equal(lines.filter((l) => /^\d{2}:\d{2}:\d{2}:\d{3} /.test(l)).length, msHeads);
    assert.equal(lines.filter((l) => /^\d+: [\d.]+: /.test(l)).length, ciscoLogHeads);
    // Nothing lost: the lines hold every character but the line breaks.
    assert.equal(lines.join("").replace(/ ⏎ /g, ""), text.replace(/\r?\n/g, ""));
  });

  it("reads the time with its milliseconds, the process tag and the level", () => {
    const { entries } = splitEntries("06:33:38:735 ra-dbw Trace: DBWorker transactionID 14583170, Failed! result=10\n");
    assert.deepEqual(entries.map((e) => [e.clock, e.processTag, e.level, e.messageStart]), [[6 * 3600 + 33 * 60 + 38.735, "ra-dbw", "Trace", 27]]);
  });

  it("splits entries run together with no blank (`OpCode=012:41:02:591`) and with one, but not a time inside a message", () => {
    const text = "12:41:02:591 ra-rtr Trace: CallAtVRU=1, OpCode=012:41:02:591 ra-rtr Trace: next 12:41:02:592 ra-rtr Trace: third, scheduled 12:41:03:000 later\n";
    const { entries } = splitEntries(text);
    assert.deepEqual(entries.map((e) => text.slice(e.messageStart, e.contentEnd)), ["CallAtVRU=1, OpCode=0", "next ", "third, scheduled 12:41:03:000 later"]);
  });

  it("keeps untimed text whole, on one line of the split", async () => {
    const lines = await split(published("pg/pgag-dmp-systemid-assert-log.txt"));
    assert.deepEqual(lines, ["pg1A-pgag Fail: Assertion failed: dmpp->source ==  ⏎ nmargs.DMPSystemID. File: D:\\R1\\dmp\\pg\\MESSAGES.CPP. Line 77"]);
  });
});

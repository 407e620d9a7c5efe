// Many traces on one clock: lanes, clocks and their offsets, windows, and one call followed across
// a router and a CVP trace (Cisco Doc 116178's published excerpt, its entries dealt to two hosts).

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { mergedTimeText, mergeTraces, parseMergeTime, timeInWindow, type MergeInput } from "../../server/src/analysis/merge";
import { main } from "../../server/src/cli/main";
import { callIdKey, callIdWords, findCallIds, parseCallId } from "../../server/src/knowledge/callIds";
import { late, ROUTER_AND_CVP_EXCERPT, routerAndCvp } from "../support/routerAndCvp";
import { ticking } from "../support/ticking";
import { makeZip, patchName, tempFolder, writeTo } from "../support/zips";
import { repoRoot, sample } from "./helpers";

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("call identifiers", () => {
  it("reads each kind and normalises a call's GUID written in dashed decimal or in hex to one form", () => {
    const kinds = findCallIds("(116 117 9000 : 0 0) RequestInstr: CID=(150431,201), CallState=1 CorID=9000, RCID=5001").map((id) => [id.kind, id.value]);
    assert.deepEqual(kinds, [["dialog-id", "116"], ["router-call-key", "150431.201"], ["correlation-id", "9000"], ["routing-client", "5001"]]);
    const dashed = findCallIds("Generated a new CISCO-GUID hdr : 4212716858-0268435770- 2062965771-0172115113, Generated a new CVP-ID hdr : FB18F53A1000013A7AF65C0B0A4244A9");
    assert.deepEqual(dashed.map((id) => id.value), ["FB18F53A1000013A7AF65C0B0A4244A9", "FB18F53A1000013A7AF65C0B0A4244A9"]);
    assert.equal(callIdKey(parseCallId("CID=(150431,201)")!), callIdKey(parseCallId("rckey=201, rcday=150431")!));
    assert.equal(callIdKey(parseCallId("4212716858-0268435770-2062965771-0172115113")!), callIdKey(parseCallId("fb18f53a1000013a7af65c0b0a4244a9")!));
    assert.equal(parseCallId("hello"), null);
  });
});

describe("the words call identifiers are found by", () => {
  it("occur in every identifier of the published traces and the examples, and are six bytes or more", () => {
    const folder = path.join(repoRoot, "test", "fixtures", "published");
    const texts = [
      "(116 117 9000 : 0 0) RequestInstr: CID=(150431,201), CallState=1 CorID=9000, RCID=5001",
      "Generated a new CISCO-GUID hdr : 4212716858-0268435770- 2062965771-0172115113, Generated a new CVP-ID hdr : FB18F53A1000013A7AF65C0B0A4244A9",
      "rckey=201, rcday=150431 icm.150431.201 icm.7.5 guid=fb18f53a1000013a7af65c0b0a4244a9 DLGID=763757 dialogueId=12",
      ...readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(path.join(folder, f), "utf8")),
    ];
    const kinds = ["router-call-key", "call-guid", "correlation-id", "dialog-id", "routing-client"] as const;
    let found = 0;
    for (const text of texts) {
      for (const id of findCallIds(text)) {
        found++;
        const around = text.slice(Math.max(0, id.start - 40), id.end + 40);
        assert.ok(callIdWords([id.kind]).some((word) => around.includes(word)), `${id.kind} ${id.value} in ${around}`);
      }
    }
    assert.ok(found > 20, `${found} identifiers`);
    for (const kind of kinds.filter((k) => k !== "dialog-id")) assert.ok(callIdWords([kind]).every((word) => word.length >= 6), kind);
  });
});

describe("merging traces", () => {
  const { router, cvp } = routerAndCvp();
  const set = (cvpText: string): MergeInput[] => [
    { file: "case.zip!/ROUTERA/Router/rtr_output.txt", text: router },
    { file: "case.zip!/CVP1/CVP/cvp.txt", text: cvpText },
  ];

  it("names lanes by host and process, the first path's clock the reference", () => {
    const merged = mergeTraces(set(cvp));
    assert.deepEqual(merged.lanes.map((l) => [l.name, l.clock]), [["ROUTERA/rtr", "host:ROUTERA"], ["10.66.68.169/?", "host:10.66.68.169"]]);
    assert.deepEqual(merged.clocks.map((c) => c.anchor), ["reference", "call"]);
  });

  it("aligns a host whose clock runs 7 minutes 13 seconds late to within one second", () => {
    const inTime = mergeTraces(set(cvp)).clocks[1]!.offsetSeconds;
    const lateBy = mergeTraces(set(late(cvp, 433))).clocks[1]!.offsetSeconds;
    assert.ok(Math.abs(inTime - lateBy - 433) <= 1, `${inTime} - ${lateBy}`);
  });

  it("merges in corrected time order, and an offset given by hand moves a clock", () => {
    const merged = mergeTraces(set(late(cvp, 433)));
    const times = merged.entries.map((e) => e.time);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(merged.entries.length, router.trim().split("\n").length + cvp.trim().split("\n").length);
    const moved = mergeTraces(set(cvp), { offsets: { "10.66.68.169": 60 } });
    assert.deepEqual(moved.clocks[1], { clock: "host:10.66.68.169", offsetSeconds: 60, anchor: "given" });
  });

  it("keeps a window of corrected times, both ends included", () => {
    const merged = mergeTraces(set(cvp));
    const router0 = merged.entries.find((e) => e.lane === "ROUTERA/rtr")!;
    const at = parseMergeTime(router0.timeText.replace(/^.*T/, "").replace(/Z$/, ""))!;
    assert.ok(timeInWindow(router0.time, at, at));
    assert.equal(parseMergeTime("25:00:00"), null);
  });

  it("keeps clocks of different hosts at zero offset when nothing links them", () => {
    const merged = mergeTraces([
      { file: "a/LOGGERA/Logger/lgr.txt", text: sample("la-lgr-dumplog.txt") },
      { file: "b/PG1A/PG/pim1.txt", text: readFileSync(path.join(repoRoot, "test", "fixtures", "published", "pg", "avaya-csta-delivered-ani.txt"), "utf8") },
    ]);
    assert.deepEqual(merged.clocks.map((c) => [c.offsetSeconds, c.anchor]), [[0, "reference"], [0, "none"]]);
  });
});

describe("icm-trace merge and follow", () => {
  it("merge prints lane, time and message in corrected order, JSON with positions, and a window", async () => {
    const folder = tempFolder();
    const { router, cvp } = routerAndCvp();
    const bundle = writeTo(folder, "case.zip", await makeZip([{ name: "ROUTERA/Router/rtr_output.txt", data: router }, { name: "CVP1/CVP/cvp.txt", data: late(cvp, 433) }]));
    const text = await run("merge", bundle);
    assert.equal(text.code, 0);
    const lines = text.stdout.trimEnd().split("\n");
    assert.ok(lines.every((l) => l.split("\t").length >= 3));
    assert.match(text.stderr, /clock host:10\.66\.68\.169: [-+]\d+(\.\d+)? s \(call\)/);
    const json = JSON.parse((await run("merge", "--json", bundle)).stdout) as { file: string; line: number; lane: string; time: string; offsetSeconds: number }[];
    assert.equal(json.length, lines.length);
    assert.ok(json.every((e) => e.line >= 1 && e.file.startsWith(`${bundle}!/`)));
    const first = json[0]!.time;
    const windowed = JSON.parse((await run("merge", "--json", "--since", first, "--until", first, bundle)).stdout) as unknown[];
    assert.ok(windowed.length >= 1 && windowed.length < json.length);
    assert.equal((await run("merge", "--since", "soon", bundle)).code, 2);
  });

  it("follow finds one call across the router and CVP, by router call key or by either GUID form", async () => {
    const folder = tempFolder();
    const { router, cvp } = routerAndCvp();
    writeTo(folder, "rtr.txt", router);
    writeTo(folder, "cvp.txt", cvp);
    const byKey = JSON.parse((await run("follow", "--json", "CID=(150431,201)", folder)).stdout) as { file: string; message: string }[];
    assert.ok(byKey.some((e) => e.file.endsWith("rtr.txt")) && byKey.some((e) => e.file.endsWith("cvp.txt") && /rckey=201/.test(e.message)));
    const hex = JSON.parse((await run("follow", "--json", "FB18F53A1000013A7AF65C0B0A4244A9", folder)).stdout) as unknown[];
    const decimal = JSON.parse((await run("follow", "--json", "4212716858-0268435770-2062965771-0172115113", folder)).stdout) as unknown[];
    assert.ok(hex.length > 0);
    assert.deepEqual(decimal, hex);
    assert.equal((await run("follow", "nothing-like-an-id", folder)).code, 2);
  });
});

describe("merge of traces larger than its pieces", () => {
  it("streams the same lines as the merge of the texts in memory, each trace in its own order", async () => {
    const folder = tempFolder();
    // Two traces on one clock, their seconds interleaved, each past several of the merge's 128 KB pieces.
    const a = ticking(8 * 3600, 12_000, "alpha");
    const b = ticking(8 * 3600 + 5000, 12_000, "beta");
    writeTo(folder, "1-lgr.txt", a);
    writeTo(folder, "2-lgr.txt", b);
    assert.ok(a.length > 3 * 128 * 1024);
    const streamed = await run("merge", folder);
    assert.equal(streamed.code, 0);
    const inMemory = mergeTraces([
      { file: path.join(folder, "1-lgr.txt"), text: a },
      { file: path.join(folder, "2-lgr.txt"), text: b },
    ]);
    const expected = inMemory.entries.map((e) => `${e.lane}\t${e.timeText}\t${e.message}\n`).join("");
    assert.equal(streamed.stdout, expected);
    const lines = streamed.stdout.split("\n");
    assert.equal(lines.length - 1, 24_000);
    // Where both traces log one second, the trace given first comes first.
    const tie = lines.findIndex((l) => l.endsWith("beta 0"));
    assert.match(lines[tie - 1]!, /alpha 5000$/);
  });

  it("places untimed text before a trace's first time at that time, and leaves out a trace without any time", async () => {
    const folder = tempFolder();
    writeTo(folder, "a-lgr.txt", "la-lgr Fail: Assertion failed\n08:00:01 la-lgr Trace: first\n08:00:09 la-lgr Trace: last\n");
    writeTo(folder, "b-lgr.txt", "08:00:05 lb-lgr Trace: middle\n");
    writeTo(folder, "notes-lgr.txt", "la-lgr Fail: Assertion failed\n");
    const merged = await run("merge", folder);
    assert.equal(merged.code, 0);
    assert.deepEqual(
      merged.stdout.trimEnd().split("\n").map((l) => l.split("\t").slice(1).join(" ")),
      ["08:00:01 Assertion failed", "08:00:01 first", "08:00:05 middle", "08:00:09 last"],
    );
    assert.match(merged.stderr, /notes-lgr\.txt: no time in it, left out/);
  });

  it("writes a time to the millisecond, a fraction that rounds up carrying to the second", () => {
    assert.equal(mergedTimeText(8 * 3600 + 5.9996), "08:00:06");
    assert.equal(mergedTimeText(8 * 3600 + 5.25), "08:00:05.250");
    assert.equal(mergedTimeText(Date.parse("2026-12-07T08:00:05.250Z") / 1000), "2026-12-07T08:00:05.250Z");
  });
});

describe("a trace that mixes dated and undated entries", () => {
  it("keeps every entry a time of day, in the trace's order: router /ms lines and the CVP's Cisco Log lines of one paste", () => {
    const merged = mergeTraces([{ file: "case.zip!/ROUTERA/Router/rtr_output.txt", text: ROUTER_AND_CVP_EXCERPT }]);
    assert.ok(merged.entries.length > 10);
    assert.ok(merged.entries.every((e) => /^\d{2}:\d{2}:\d{2}(\.\d{3})?$/.test(e.timeText)), merged.entries.map((e) => e.timeText).join(" "));
    // The split's own order: the CVP's lines stay among the router's.
    const lines = merged.entries.map((e) => e.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });
});

describe("clocks nothing links to the reference", () => {
  it("keep their times, and place the clocks linked to them: a Logger pair beside an unlinked router", () => {
    const pair = (side: "A" | "B") => sample(side === "A" ? "sideA-lgr-receive.txt" : "sideB-lgr-send.txt");
    const alone = mergeTraces([
      { file: "case.zip!/LoggerA/Logger/lgr.txt", text: pair("A") },
      { file: "case.zip!/LoggerB/Logger/lgr.txt", text: pair("B") },
    ]);
    const beside = mergeTraces([
      { file: "case.zip!/ROUTERA/Router/rtr_output.txt", text: routerAndCvp().router },
      { file: "case.zip!/LoggerA/Logger/lgr.txt", text: pair("A") },
      { file: "case.zip!/LoggerB/Logger/lgr.txt", text: pair("B") },
    ]);
    assert.equal(alone.clocks[1]!.anchor, "transfer");
    assert.deepEqual(beside.clocks.map((c) => [c.clock, c.anchor]), [["host:ROUTERA", "reference"], ["host:LoggerA", "none"], ["host:LoggerB", "transfer"]]);
    assert.equal(beside.clocks[2]!.offsetSeconds, alone.clocks[1]!.offsetSeconds);
  });
});

describe("merge of a hostile bundle", () => {
  it("names the members it cannot read and merges the rest, on the main thread and on worker threads", async () => {
    const folder = tempFolder();
    let zip = await makeZip([
      { name: "xx/evil.txt", data: "08:00:00 la-lgr Trace: up\n" },
      { name: "broken.txt", data: "08:00:00 la-lgr Trace: broken\n".repeat(200) },
      { name: "aXb-lgr.txt", data: "08:00:02 la-lgr Trace: odd name\n" },
      { name: "good-lgr.txt", data: "08:00:01 lb-lgr Trace: good\n" },
    ]);
    zip = patchName(zip, "xx/evil.txt", "../evil.txt");
    zip = patchName(zip, "aXb-lgr.txt", "a\u001bb-lgr.txt");
    // broken.txt's deflated bytes, garbled.
    const at = zip.indexOf("broken.txt") + "broken.txt".length;
    zip.fill(0xff, at + 2, at + 12);
    const file = writeTo(folder, "hostile.zip", zip);
    const merged = await run("merge", file);
    assert.equal(merged.code, 0);
    assert.deepEqual(merged.stdout.trimEnd().split("\n").map((l) => l.split("\t")[2]), ["good", "odd name"]);
    assert.match(merged.stderr, /evil\.txt: unsafe name/);
    assert.match(merged.stderr, /broken\.txt: .*left out/);
    assert.deepEqual(await run("merge", "--threads", "2", file), merged);
    assert.equal((await run("follow", "CID=(1,2)", file)).code, 0);
    assert.equal((await run("follow", "--threads", "2", "CID=(1,2)", file)).code, 0);
  });
});

describe("merge of a bundle of many members", () => {
  it("merges 10,000 small members", async () => {
    const folder = tempFolder();
    const members = Array.from({ length: 10_000 }, (_, i) => ({ name: `m/${i}-lgr.txt`, data: `10:00:${String(i % 60).padStart(2, "0")} Trace: ${i}\n`, store: i % 2 === 0 }));
    const file = writeTo(folder, "many.zip", await makeZip(members));
    const merged = await run("merge", file);
    assert.equal(merged.code, 0);
    const lines = merged.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 10_000);
    assert.match(lines[0]!, /\t10:00:00\t0$/);
    assert.match(lines[lines.length - 1]!, /\t10:00:59\t9959$/);
  });
});

describe("peer synchronizers connecting", () => {
  // Cisco Doc 25742's MDS line (test/fixtures/published/pg/mds-peer-synchronizer-established.txt), as each side of a duplexed PG logs it.
  const line = readFileSync(path.join(repoRoot, "test", "fixtures", "published", "pg", "mds-peer-synchronizer-established.txt"), "utf8").trim();
  const shifted = (seconds: number) => line.replace(/^(\d{2}):(\d{2}):(\d{2})/, (_, h: string, m: string, s: string) => {
    const t = Number(h) * 3600 + Number(m) * 60 + Number(s) + seconds;
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}`;
  });

  it("place the second side's clock when no call or transfer links the two", () => {
    const merged = mergeTraces([
      { file: "case.zip!/PG1A/PG/mds.txt", text: `${shifted(-30)} Trace: started\n${line}\n` },
      { file: "case.zip!/PG1B/PG/mds.txt", text: `${shifted(433)}\n` },
    ]);
    assert.deepEqual(merged.clocks.map((c) => [c.clock, c.offsetSeconds, c.anchor]), [["host:PG1A", 0, "reference"], ["host:PG1B", -433, "peer-sync"]]);
  });
});


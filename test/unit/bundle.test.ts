// Trace bundles: zips (deflated, stored, zip64), nested zips, .gz files and folders read as streams,
// and hostile archives, each problem a message of its member while the rest is read.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { DEFAULT_ARCHIVE_LIMITS, UnreadableArchiveError, walkBundle, type ArchiveLimits } from "../../server/src/engine/archive";
import { main } from "../../server/src/cli/main";
import { makeZip, markEncrypted, patchName, tempFolder, understateSize, writeTo } from "../support/zips";
import { repoRoot, sample } from "./helpers";

interface Read {
  readonly name: string;
  readonly text: string | null;
  readonly problem: string | null;
}

async function readBundle(target: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<Read[]> {
  const read: Read[] = [];
  await walkBundle(
    target,
    async (member) => {
      if (member.problem !== null) {
        read.push({ name: member.name, text: null, problem: member.problem });
        return;
      }
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of (await member.open()) as AsyncIterable<Buffer>) chunks.push(chunk);
        read.push({ name: member.name, text: Buffer.concat(chunks).toString("utf8"), problem: null });
      } catch (error) {
        read.push({ name: member.name, text: null, problem: (error as Error).message });
      }
    },
    limits,
  );
  return read;
}

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const SEND = sample("sideB-lgr-send.txt");
const RECEIVE = sample("sideA-lgr-receive.txt");

describe("reading bundles", () => {
  it("reads deflated, stored and zip64 members, named ARCHIVE!/path", async () => {
    const folder = tempFolder();
    const zip = writeTo(folder, "case.zip", await makeZip([{ name: "LoggerB/lgr.txt", data: SEND }, { name: "LoggerA/lgr.txt", data: RECEIVE, store: true }]));
    const zip64 = writeTo(folder, "case64.zip", await makeZip([{ name: "lgr.txt", data: SEND }], { zip64: true }));
    assert.deepEqual(await readBundle(zip), [
      { name: `${zip}!/LoggerB/lgr.txt`, text: SEND, problem: null },
      { name: `${zip}!/LoggerA/lgr.txt`, text: RECEIVE, problem: null },
    ]);
    assert.deepEqual(await readBundle(zip64), [{ name: `${zip64}!/lgr.txt`, text: SEND, problem: null }]);
  });

  it("reads zips in zips, .gz members and files, folders, and one member by its path", async () => {
    const folder = tempFolder();
    const inner = await makeZip([{ name: "PG1A/opc.txt", data: SEND }, { name: "PG1A/pim1.txt.gz", data: gzipSync(RECEIVE) }]);
    const outer = writeTo(folder, "SRV-SystCLILogs-1.zip", await makeZip([{ name: "pg.zip", data: inner }, { name: "rtr.txt.gz", data: gzipSync(SEND) }]));
    writeTo(folder, "opc.txt.gz", gzipSync(RECEIVE));
    const read = await readBundle(outer);
    assert.deepEqual(read.map((r) => [r.name.slice(outer.length), r.text]), [
      ["!/pg.zip!/PG1A/opc.txt", SEND],
      ["!/pg.zip!/PG1A/pim1.txt.gz", RECEIVE],
      ["!/rtr.txt.gz", SEND],
    ]);
    assert.deepEqual((await readBundle(`${outer}!/pg.zip!/PG1A/pim1.txt.gz`)).map((r) => r.text), [RECEIVE]);
    const all = await readBundle(folder);
    assert.deepEqual(all.map((r) => path.relative(folder, r.name)), ["opc.txt.gz", "SRV-SystCLILogs-1.zip!/pg.zip!/PG1A/opc.txt", "SRV-SystCLILogs-1.zip!/pg.zip!/PG1A/pim1.txt.gz", "SRV-SystCLILogs-1.zip!/rtr.txt.gz"]);
    assert.equal(all[0]!.text, RECEIVE);
    assert.deepEqual(readdirSync(folder).sort(), ["SRV-SystCLILogs-1.zip", "opc.txt.gz"], "nothing was written beside the archive");
  });
});

describe("hostile archives", () => {
  it("names an unsafe path, an encrypted member, a damaged member, and reads the rest", async () => {
    const folder = tempFolder();
    let zip = await makeZip([
      { name: "xx/evil.txt", data: "up" },
      { name: "Xroot/evil.txt", data: "root" },
      { name: "secret.txt", data: SEND },
      { name: "broken.txt", data: "x".repeat(5000) },
      { name: "good.txt", data: SEND },
    ]);
    zip = patchName(zip, "xx/evil.txt", "../evil.txt");
    zip = patchName(zip, "Xroot/evil.txt", "/root/evil.txt");
    zip = markEncrypted(zip, "secret.txt");
    // broken.txt's deflated bytes, garbled.
    const at = zip.indexOf("broken.txt") + "broken.txt".length;
    zip.fill(0xff, at + 2, at + 12);
    const file = writeTo(folder, "hostile.zip", zip);
    const read = await readBundle(file);
    assert.deepEqual(read.map((r) => r.name.slice(file.length + 2)), ["../evil.txt", "/root/evil.txt", "secret.txt", "broken.txt", "good.txt"]);
    assert.match(read[0]!.problem!, /unsafe name/);
    assert.match(read[1]!.problem!, /unsafe name/);
    assert.match(read[2]!.problem!, /encrypted/);
    assert.notEqual(read[3]!.problem, null);
    assert.deepEqual(read[4], { name: `${file}!/good.txt`, text: SEND, problem: null });
  });

  it("stops a member that inflates past its stated size, its ratio or the size limit", async () => {
    const folder = tempFolder();
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const liar = writeTo(folder, "liar.zip", understateSize(await makeZip([{ name: "small.txt", data: zeros }, { name: "after.txt", data: "still read" }]), "small.txt", 100));
    const read = await readBundle(liar);
    assert.match(read[0]!.problem!, /inflates beyond the 100 bytes its archive states/);
    assert.equal(read[1]!.text, "still read");
    const bomb = writeTo(folder, "bomb.zip", await makeZip([{ name: "zeros.txt", data: zeros }]));
    const limited = await readBundle(bomb, { ...DEFAULT_ARCHIVE_LIMITS, maxInflateRatio: 10 });
    assert.match(limited[0]!.problem!, /inflates beyond 1048576 bytes/);
    const capped = await readBundle(bomb, { ...DEFAULT_ARCHIVE_LIMITS, maxMemberBytes: 2 * 1024 * 1024 });
    assert.match(capped[0]!.problem!, /inflates beyond 2097152 bytes/);
  });

  it("names a member whose bytes are not those its archive states, and merges and checks the rest", async () => {
    const folder = tempFolder();
    // Stored bytes changed after the archive was made: they read without an error, and only their CRC-32 tells.
    let zip = await makeZip([
      { name: "HOST1/Logger/changed-lgr.txt", data: "08:00:00 la-lgr Trace: hello\n", store: true },
      { name: "HOST1/Logger/kept-lgr.txt", data: "08:00:01 la-lgr Trace: kept\n", store: true },
    ]);
    zip = Buffer.from(zip.toString("latin1").replace("Trace: hello", "Trace: jello"), "latin1");
    const file = writeTo(folder, "changed.zip", zip);
    const read = await readBundle(file);
    assert.match(read[0]!.problem!, /damaged: its bytes do not match the CRC-32 its archive states/);
    assert.deepEqual([read[1]!.problem, read[1]!.text], [null, "08:00:01 la-lgr Trace: kept\n"]);
    const merged = await run("merge", file);
    assert.match(merged.stderr, /changed-lgr\.txt: damaged/);
    assert.match(merged.stdout, /\tkept\n/);
  });

  it("refuses a truncated archive as a whole, and nesting past the limit per member", async () => {
    const folder = tempFolder();
    const whole = await makeZip([{ name: "lgr.txt", data: SEND }]);
    const truncated = writeTo(folder, "truncated.zip", whole.subarray(0, whole.length - 30));
    await assert.rejects(readBundle(truncated), UnreadableArchiveError);
    let nested = await makeZip([{ name: "deepest.txt", data: "deep" }]);
    for (let level = 5; level >= 1; level--) nested = await makeZip([{ name: `level${level}.zip`, data: nested }]);
    const deep = writeTo(folder, "deep.zip", nested);
    const read = await readBundle(deep);
    assert.equal(read.length, 1);
    assert.match(read[0]!.name, /level1\.zip!\/level2\.zip!\/level3\.zip!\/level4\.zip$/);
    assert.match(read[0]!.problem!, /nested deeper than 4 levels/);
  });

  it("lists 10,000 tiny members", async () => {
    const folder = tempFolder();
    const members = Array.from({ length: 10_000 }, (_, i) => ({ name: `m/${i}.txt`, data: `10:00:00 Trace: ${i}\n`, store: i % 2 === 0 }));
    const file = writeTo(folder, "many.zip", await makeZip(members));
    const read = await readBundle(file);
    assert.equal(read.length, 10_000);
    assert.equal(read[9_999]!.text, "10:00:00 Trace: 9999\n");
  });

  it("escapes control characters in member names", async () => {
    const folder = tempFolder();
    const file = writeTo(folder, "names.zip", patchName(await makeZip([{ name: "aXb.txt", data: "x" }]), "aXb.txt", "a\u001bb.txt"));
    const [member] = await readBundle(file);
    assert.equal(member!.name, `${file}!/a\\u001bb.txt`);
  });
});

describe("icm-trace on bundles", () => {
  /** A bundle as the Unified System CLI lays it out, from the samples and the published corpus. */
  async function caseBundle(): Promise<{ folder: string; bundle: string }> {
    const folder = tempFolder();
    const published = (name: string) => readFileSync(path.join(repoRoot, "test", "fixtures", "published", name));
    const pg = await makeZip([{ name: "PG1A/PG/pim1.txt", data: published("pg/avaya-csta-delivered-ani.txt") }, { name: "PG1A/PG/opc_261207_134510.ems", data: Buffer.from([0, 1, 2, 3]) }]);
    const bundle = writeTo(
      folder,
      "ROGGERA-SystCLILogs-20261207.zip",
      await makeZip([
        { name: "LOGGERA/Logger/lgr.txt", data: RECEIVE },
        { name: "LOGGERB/Logger/lgr.txt.gz", data: gzipSync(SEND) },
        { name: "ROUTERA/Router/rtr_output.txt", data: published("rtr/rtr-vru-customer-not-found-for-dn.txt") },
        { name: "ROUTERA/Router/EventLog.csv", data: "Level,Date and Time,Source,Event ID\nInformation,12/7/2026 1:00:00 PM,Service Control Manager,7036\n" },
        { name: "pg.zip", data: pg },
      ]),
    );
    return { folder, bundle };
  }

  it("bundle --json lists every member with host, side, process, format, span, counts and the .ems command", async () => {
    const { bundle } = await caseBundle();
    const { code, stdout } = await run("bundle", "--json", bundle);
    assert.equal(code, 0);
    const members = JSON.parse(stdout) as Record<string, unknown>[];
    const byName = (suffix: string) => members.find((m) => (m["file"] as string).endsWith(suffix))!;
    assert.deepEqual(Object.keys(members[0]!), ["file", "host", "side", "process", "format", "encoding", "first", "last", "entries", "errors", "warnings", "convert"]);
    assert.deepEqual(byName("LOGGERA/Logger/lgr.txt"), {
      file: `${bundle}!/LOGGERA/Logger/lgr.txt`, host: "LOGGERA", side: "A", process: "lgr", format: "standard", encoding: "utf-8",
      first: "23:26:58", last: "23:27:18", entries: 27, errors: 0, warnings: 1, convert: null,
    });
    assert.deepEqual([byName("lgr.txt.gz")["host"], byName("lgr.txt.gz")["side"], byName("lgr.txt.gz")["errors"]], ["LOGGERB", "B", 2]);
    assert.deepEqual([byName("rtr_output.txt")["process"], byName("rtr_output.txt")["format"]], ["rtr", "dumplog-ms"]);
    assert.deepEqual([byName("EventLog.csv")["format"], byName("EventLog.csv")["entries"]], ["other", 0]);
    assert.deepEqual([byName("pim1.txt")["host"], byName("pim1.txt")["process"]], ["PG1A", "pim1"]);
    const ems = byName("opc_261207_134510.ems");
    assert.deepEqual([ems["format"], ems["process"], ems["convert"]], ["ems", "opc", "dumplog /if opc_261207_134510.ems /bd 12/07/2026 /bt 13:45:10 /ms /of opc_261207_134510.txt"]);
    const table = await run("bundle", bundle);
    assert.match(table.stdout, /^LOGGERA\n {2}lgr +standard +side A 23:26:58 – 23:27:18 27 entries, 0 errors, 1 warnings/m);
  });

  it("check reports the findings of every trace member under its member path", async () => {
    const { bundle } = await caseBundle();
    const { code, stdout } = await run("check", "--json", bundle);
    assert.equal(code, 1);
    const files = new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...files].sort(), [`${bundle}!/LOGGERA/Logger/lgr.txt`, `${bundle}!/LOGGERB/Logger/lgr.txt.gz`, `${bundle}!/ROUTERA/Router/rtr_output.txt`].sort());
    const member = await run("check", `${bundle}!/LOGGERB/Logger/lgr.txt.gz`);
    assert.match(member.stdout, /lgr\.txt\.gz:1:394: error temp-file-access-denied/);
  });

  it("compare BUNDLE picks the Logger pair; split takes a member", async () => {
    const { bundle } = await caseBundle();
    const { code, stdout } = await run("compare", "--json", bundle);
    assert.equal(code, 0);
    const model = JSON.parse(stdout) as { sides: { file: string }[]; verdict: { code: string } };
    assert.deepEqual(model.sides.map((s) => s.file), [`${bundle}!/LOGGERA/Logger/lgr.txt`, `${bundle}!/LOGGERB/Logger/lgr.txt.gz`]);
    assert.equal(model.verdict.code, "temp-file-access-denied");
    const split = await run("split", `${bundle}!/LOGGERB/Logger/lgr.txt.gz`);
    assert.equal(split.stdout.split("\n").length - 1, 9);
  });

  it("exits 2 only for an archive unreadable as a whole", async () => {
    const { folder, bundle } = await caseBundle();
    const broken = writeTo(folder, "broken.zip", "not a zip at all");
    const { code, stdout, stderr } = await run("check", bundle, broken);
    assert.equal(code, 2);
    assert.match(stdout, /temp-file-access-denied/);
    assert.match(stderr, /broken\.zip/);
  });
});

// The merged view over LSP: the open traces on one clock, lane and corrected time first, the
// findings on their lines, and a window around an entry.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { bundleMemberUri, type MergedView } from "../../server/src/shared/protocol";
import { makeZip, tempFolder, writeTo } from "../support/zips";
import { startServer, type TestServer } from "./lspClient";

describe("the merged view over LSP", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "en" });
  });
  after(async () => server.stop());

  it("merges the open traces on the receiver's clock, with the sender's failure on its line", async () => {
    const receive = await server.open("samples/sideA-lgr-receive.txt");
    const send = await server.open("samples/sideB-lgr-send.txt");
    const view = (await server.connection.sendRequest("icmTrace/mergedView", { uris: [receive.uri, send.uri] })) as MergedView;
    const lines = view.text.split("\n");
    assert.equal(lines.length, view.lines.length);
    assert.match(lines[0]!, /^A\/lgr {2}23:26:58 {2}Release 5\.0/);
    const failure = view.diagnostics.find((d) => d.code === "temp-file-access-denied")!;
    assert.match(lines[failure.line]!, /^B\/lgr {2}23:27:04 {2}Unable to GetTempFileName/);
    assert.equal(view.lines[failure.line]!.uri, send.uri);
    assert.deepEqual(view.clocks.map((c) => c.anchor), ["reference", "transfer"]);

    const around = (await server.connection.sendRequest("icmTrace/mergedView", { uris: [receive.uri, send.uri], around: { uri: receive.uri, line: 0, seconds: 5 } })) as MergedView;
    const times = around.text.split("\n").map((l) => l.split(/ {2}/)[1]);
    assert.ok(times.length > 0 && times.length < lines.length);
    assert.ok(times.every((t) => t! >= "23:27:13" && t! <= "23:27:23"), times.join(" "));
  });

  it("merges traces it reads itself: a file on disk and bundle members not open in the editor", async () => {
    const samples = path.join(__dirname, "..", "..", "..", "samples");
    const folder = tempFolder();
    const zip = writeTo(folder, "case.zip", await makeZip([{ name: "LoggerB/Logger/lgr.txt", data: readFileSync(path.join(samples, "sideB-lgr-send.txt")) }]));
    const receive = pathToFileURL(path.join(samples, "sideA-lgr-receive.txt")).toString();
    const member = bundleMemberUri(`${zip}!/LoggerB/Logger/lgr.txt`);
    const view = (await server.connection.sendRequest("icmTrace/mergedView", { uris: [receive, member] })) as MergedView;
    assert.match(view.text, /^LoggerB\/lgr {2}23:27:04 {2}Unable to GetTempFileName/m);
    assert.ok(view.lines.some((l) => l.uri === member));
    await assert.rejects(server.connection.sendRequest("icmTrace/mergedView", { uris: [receive, bundleMemberUri(`${zip}!/missing.txt`)] }), /no member/);
  });
});

// The merged timeline over LSP: the open traces as lanes grouped by clock, offsets by hand, the
// Logger pair's verdict, a window around an entry, and a followed call's entries from References,
// with bundle members opened under `icm-bundle:`.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Location } from "vscode-languageserver-protocol";
import { bundleMemberUri, type MergedTimeline } from "../../server/src/shared/protocol";
import { routerAndCvp } from "../support/routerAndCvp";
import { startServer, type TestServer } from "./lspClient";

describe("the merged timeline over LSP", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "en" });
  });
  after(async () => server.stop());

  const request = (params: unknown) => server.connection.sendRequest("icmTrace/mergedTimeline", params) as Promise<MergedTimeline>;

  it("puts the Logger pair's lanes on the receiver's clock with their findings, the compare's verdict and a hand offset", async () => {
    const receive = await server.open("samples/sideA-lgr-receive.txt");
    const send = await server.open("samples/sideB-lgr-send.txt");
    const timeline = await request({ uris: [receive.uri, send.uri] });
    assert.deepEqual(timeline.groups.map((g) => [g.clock, g.anchor, g.offsetSeconds]), [["side:A", "reference", 0], ["side:B", "transfer", 23965]]);
    assert.deepEqual(timeline.lanes.map((l) => [l.name, l.uri]), [["A/lgr", receive.uri], ["B/lgr", send.uri]]);
    const failure = timeline.lanes[1]!.marks.find((m) => m.code === "temp-file-access-denied")!;
    assert.deepEqual([failure.time, failure.line, failure.column, failure.severity], [23 * 3600 + 27 * 60 + 4, 0, 393, "error"]);
    assert.equal(timeline.verdict?.code, "temp-file-access-denied");
    assert.match(timeline.verdict!.summary, /temporary/);
    assert.ok(!JSON.stringify(timeline).includes("Initializing Event Management System"), "no trace text beyond the findings");

    const moved = await request({ uris: [receive.uri, send.uri], offsets: { "side:B": 24025 } });
    assert.deepEqual([moved.groups[1]!.anchor, moved.groups[1]!.offsetSeconds], ["given", 24025]);
    assert.equal(moved.lanes[1]!.marks.find((m) => m.code === "temp-file-access-denied")!.time, failure.time + 60);

    const around = await request({ uris: [receive.uri, send.uri], around: { uri: receive.uri, line: 0, seconds: 900 } });
    assert.deepEqual(around.window, { from: 23 * 3600 + 27 * 60 + 18 - 900, to: 23 * 3600 + 27 * 60 + 18 + 900 });
  });

  it("groups bundle members by host and marks the entries of a call found with References", async () => {
    const { router, cvp } = routerAndCvp();
    const routerUri = bundleMemberUri("/cases/case.zip!/ROUTERA/Router/rtr_output.txt");
    const cvpUri = bundleMemberUri("/cases/case.zip!/CVP1/CVP/cvp.txt");
    for (const [uri, text] of [[routerUri, router], [cvpUri, cvp]] as const) {
      const published = server.diagnostics(uri);
      await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "icm-trace", version: 1, text } });
      await published;
    }
    const line = router.split("\n").findIndex((t) => t.includes("CID=(150431,201)"));
    const references = (await server.connection.sendRequest("textDocument/references", {
      textDocument: { uri: routerUri },
      position: { line, character: router.split("\n")[line]!.indexOf("CID=") + 5 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.ok(references.length >= 2);
    const callLocations = references.map((r) => ({ uri: r.uri, line: r.range.start.line, character: r.range.start.character }));
    const timeline = await request({ uris: [routerUri, cvpUri], callLocations });
    assert.deepEqual(timeline.groups.map((g) => [g.clock, g.anchor, g.lanes]), [["host:ROUTERA", "reference", [0]], ["host:10.66.68.169", "call", [1]]]);
    assert.deepEqual(timeline.lanes.map((l) => l.name), ["ROUTERA/rtr", "10.66.68.169/?"]);
    // The call's entries in each trace that names it (the CVP names it in its own notation).
    const lanesNaming = [routerUri, cvpUri].flatMap((uri, lane) => (references.some((r) => r.uri === uri) ? [lane] : []));
    assert.deepEqual([...new Set(timeline.callMarks.map((m) => m.lane))].sort(), lanesNaming);
    assert.ok(timeline.callMarks.filter((m) => m.lane === 0).every((m) => m.text.includes("CID=(150431,201)")));
    assert.ok(timeline.callMarks.filter((m) => m.lane === 0).length >= 2);
    assert.ok(timeline.lanes[0]!.marks.some((m) => m.severity === "error"));
    assert.equal(timeline.verdict, null);
  });

  it("answers a request without traces with an error and keeps serving", async () => {
    await assert.rejects(request({ uris: [] }), /needs trace URIs/);
    await assert.rejects(request({ uris: ["file:///no/such/trace.txt"] }), /cannot read/);
    const receive = await server.open("samples/sideA-lgr-receive.txt");
    await assert.rejects(request({ uris: [receive.uri], around: { uri: receive.uri, line: 0, seconds: -1 } }), /around/);
    assert.equal((await request({ uris: [receive.uri] })).lanes.length, 1);
  });
});

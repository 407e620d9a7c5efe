// Following a call over LSP: hover on an identifier says what it is and how many entries of the open
// traces name it; References lists those entries, the router's CID=(day,key) and CVP's rckey/rcday
// alike, a GUID's hex and dashed decimal notations alike (Cisco Doc 116178's published excerpt).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Hover, Location } from "vscode-languageserver-protocol";
import { startServer, type TestServer } from "./lspClient";

const EXCERPT = "test/fixtures/published/rtr/rtr-vru-script-response-error.txt";

describe("call identifiers over LSP", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "en" });
  });
  after(async () => server.stop());

  const positionOf = (text: string, needle: string, skip = 0) => {
    const at = text.indexOf(needle) + skip;
    const before = text.slice(0, at);
    return { line: before.split("\n").length - 1, character: at - before.lastIndexOf("\n") - 1 };
  };

  it("says what an identifier is and how many entries name it, and lists them", async () => {
    const { uri, text } = await server.open(EXCERPT);
    const position = positionOf(text, "CID=(150431,201)", 6);
    const hover = (await server.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /router call key .*`150431\.201`: named by \d+ entries in 1 open trace/);
    const references = (await server.connection.sendRequest("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
    const named = references.map((r) => text.split("\n")[r.range.start.line]!.slice(r.range.start.character, r.range.end.character));
    assert.ok(named.some((n) => n.startsWith("CID=(150431,201)")), named.join(" | "));
    assert.ok(named.some((n) => /^rckey=201,\s+rcday=150431/.test(n)), named.join(" | "));
    assert.equal(Number(/named by (\d+) entries/.exec(value)![1]), references.length);
  });

  it("finds a GUID written in dashed decimal where CVP writes it in hex", async () => {
    const { uri, text } = await server.open(EXCERPT);
    const position = positionOf(text, "CISCO-GUID hdr : 4212716858", 20);
    const references = (await server.connection.sendRequest("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
    const named = references.map((r) => text.split("\n")[r.range.start.line]!.slice(r.range.start.character, r.range.end.character));
    assert.ok(named.includes("FB18F53A1000013A7AF65C0B0A4244A9"), named.join(" | "));
    assert.ok(named.some((n) => n.startsWith("CISCO-GUID hdr : 4212716858")), named.join(" | "));
  });

  it("answers no references and no identifier hover away from an identifier", async () => {
    const { uri, text } = await server.open(EXCERPT);
    const position = positionOf(text, "Dialog RunScript node", 2);
    const references = (await server.connection.sendRequest("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(references, []);
  });
});

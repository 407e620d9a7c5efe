// The language server over real LSP (stdio), as any editor's client would talk to it.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, TextEdit } from "vscode-languageserver-protocol";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot, startServer, type TestServer } from "./lspClient";

const SEND = "samples/sideB-lgr-send.txt";
const RECEIVE = "samples/sideA-lgr-receive.txt";

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  const offsetOf = (line: number, character: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start.line, b.range.start.character) - offsetOf(a.range.start.line, a.range.start.character));
  let result = text;
  for (const edit of sorted) {
    const start = offsetOf(edit.range.start.line, edit.range.start.character);
    const end = offsetOf(edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

describe("language server over stdio (English)", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "en" });
  });
  after(async () => server.stop());

  it("publishes the access-denied error ranged on the failing entry", async () => {
    const { diagnostics, text } = await server.open(SEND);
    const denied = diagnostics.find((d) => d.code === "temp-file-access-denied");
    assert.ok(denied, JSON.stringify(diagnostics));
    assert.equal(denied.severity, 1);
    assert.equal(denied.source, "icm-trace");
    assert.deepEqual(denied.range.start, { line: 0, character: text.indexOf("16:47:39 Trace: Unable to GetTempFileName") });
    assert.deepEqual(denied.range.end, { line: 0, character: text.indexOf("16:47:39 Trace: Unable to setup") });
    const aborted = diagnostics.find((d) => d.code === "state-send-aborted");
    assert.ok(aborted?.relatedInformation?.some((r) => r.location.range.start.character === denied.range.start.character));
    assert.ok(diagnostics.some((d) => d.code === "run-together-entries" && d.severity === 4));
  });

  it("hovers with the explanation of TEMP and the permission fix", async () => {
    const { uri, text } = await server.open(SEND);
    const character = text.indexOf("GetTempFileName");
    const hover = (await server.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /%TEMP%/);
    assert.match(value, /Full control/);
    assert.match(value, /ERROR\\_ACCESS\\_DENIED|ERROR_ACCESS_DENIED/);
    assert.match(value, /since the previous entry/);
  });

  it("offers quick fixes: split, copy the icacls command, ignore, explain", async () => {
    const { uri, diagnostics } = await server.open(SEND);
    const denied = diagnostics.find((d) => d.code === "temp-file-access-denied")!;
    const actions = (await server.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: denied.range,
      context: { diagnostics: [denied] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(actions.every((a) => a.kind === "quickfix"));
    const split = actions.find((a) => a.title === "Split run-together entries onto separate lines");
    assert.ok(split?.edit?.changes?.[uri]?.length === 8, titles.join(" | "));
    const copy = actions.find((a) => a.command?.command === "icmTrace.copyToClipboard" && String(a.command.arguments?.[0]).startsWith("icacls"));
    assert.ok(copy, titles.join(" | "));
    assert.ok(actions.some((a) => a.command?.command === "icmTrace.ignoreSignature" && a.command.arguments?.[0] === "temp-file-access-denied"));
    assert.ok(actions.some((a) => a.command?.command === "icmTrace.showExplanation"));
  });

  it("formats the receiving side into exactly its 27 entries", async () => {
    const { uri, text } = await server.open(RECEIVE);
    const edits = (await server.connection.sendRequest("textDocument/formatting", {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    const formatted = applyEdits(text, edits);
    const lines = formatted.split("\n").filter((l) => l !== "");
    assert.equal(lines.length, 27);
    assert.equal(formatted.replace(/\n/g, ""), text.replace(/\n/g, ""));
    const split = await server.connection.sendRequest("icmTrace/splitText", { uri });
    assert.equal(split, formatted);
  });

  it("lists the phases in the outline and folds nothing on one line", async () => {
    const { uri } = await server.open(RECEIVE);
    const symbols = (await server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ["Start-up", "Synchronisation", "State transfer RECEIVE"]);
    assert.deepEqual(symbols[2]!.children?.map((c) => c.name), ["state-receive-incomplete"]);
    const folds = (await server.connection.sendRequest("textDocument/foldingRange", { textDocument: { uri } })) as FoldingRange[];
    assert.deepEqual(folds, []);
  });

  it("answers the status-bar summary and go-to-time requests", async () => {
    const { uri } = await server.open(RECEIVE);
    assert.deepEqual(await server.connection.sendRequest("icmTrace/traceSummary", { uri }), {
      side: "A", role: "receive", entries: 27, errors: 0, warnings: 1,
    });
    const at = (await server.connection.sendRequest("icmTrace/entryAtTime", { uri, time: "23:27:04" })) as { line: number; character: number };
    assert.deepEqual(at, { line: 0, character: 1464, time: "23:27:04" });
  });

  it("answers malformed requests with errors and keeps serving", async () => {
    await assert.rejects(server.connection.sendRequest("textDocument/hover", { textDocument: { uri: "file:///nope" }, position: { line: 0, character: 0 } }));
    await assert.rejects(server.connection.sendRequest("textDocument/hover", { position: null }));
    await assert.rejects(server.connection.sendRequest("icmTrace/entryAtTime", { uri: "file:///nope", time: "x" }));
    const { diagnostics } = await server.open(SEND);
    assert.ok(diagnostics.length > 0);
  });
});

describe("language server in Japanese", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "ja" });
  });
  after(async () => server.stop());

  it("gives Japanese diagnostics and hovers for locale ja", async () => {
    const { uri, text, diagnostics } = await server.open(SEND);
    const denied = diagnostics.find((d) => d.code === "temp-file-access-denied")!;
    assert.match(denied.message, /一時ファイルを作成できません/);
    const hover = (await server.connection.sendRequest("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf("GetTempFileName") },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /フル コントロール/);
    assert.match(value, /考えられる原因/);
  });
});

describe("settings", () => {
  it("takes settings from initializationOptions when configuration answers null", async () => {
    const server = await startServer({ initializationOptions: { settings: { ignore: ["run-together-entries"], explanationLanguage: "ja" } }, configuration: null });
    try {
      const { diagnostics } = await server.open(SEND);
      assert.deepEqual(diagnostics.map((d: Diagnostic) => d.code).sort(), ["state-send-aborted", "temp-file-access-denied"]);
      assert.match(diagnostics[0]!.message, /送信側/);
    } finally {
      await server.stop();
    }
  });

  it("pulls workspace/configuration: an incomplete receive becomes an error past the threshold", async () => {
    const server = await startServer({ configuration: { receiveErrorAfterSeconds: 10 } });
    try {
      // The pull happens after `initialized` and re-publishes open documents with the pulled settings.
      const isError = (list: Diagnostic[]) => list.find((d) => d.code === "state-receive-incomplete")?.severity === 1;
      const { uri, diagnostics } = await server.open(RECEIVE);
      let latest = diagnostics;
      while (!isError(latest)) latest = await server.diagnostics(uri);
      assert.ok(isError(latest));
    } finally {
      await server.stop();
    }
  });
});

describe("both sides open", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "en" });
  });
  after(async () => server.stop());

  it("links the receiver's stall to the sender's failing line, and back", async () => {
    const receive = await server.open(RECEIVE);
    const sendOpening = server.open(SEND);
    const receiverUpdate = server.diagnostics(receive.uri);
    const send = await sendOpening;
    const stall = (await receiverUpdate).find((d) => d.code === "state-receive-incomplete");
    const toSender = stall?.relatedInformation?.filter((r) => r.location.uri === send.uri) ?? [];
    assert.ok(toSender.length >= 1, JSON.stringify(stall));
    assert.equal(toSender[0]!.location.range.start.character, send.text.indexOf("16:47:39 Trace: Unable to GetTempFileName"));
    const denied = send.diagnostics.find((d) => d.code === "temp-file-access-denied");
    assert.ok(denied?.relatedInformation?.some((r) => r.location.uri === receive.uri));
  });

  it("computes the compare model in either order, its sides in the order given", async () => {
    const receive = await server.open(RECEIVE);
    const send = await server.open(SEND);
    for (const uris of [[receive.uri, send.uri], [send.uri, receive.uri]]) {
      const result = (await server.connection.sendRequest("icmTrace/compare", { uris })) as {
        model: { sides: { side: string; role: string }[]; verdict: { code: string }; offsetSeconds: number };
        uris: string[];
      };
      const receiveFirst = uris[0] === receive.uri;
      assert.deepEqual(result.model.sides.map((s) => `${s.side} ${s.role}`), receiveFirst ? ["A receive", "B send"] : ["B send", "A receive"]);
      assert.deepEqual(result.uris, uris);
      assert.equal(result.model.verdict.code, "temp-file-access-denied");
      assert.equal(result.model.offsetSeconds, receiveFirst ? 23965 : -23965);
    }
    await assert.rejects(server.connection.sendRequest("icmTrace/compare", { uris: [receive.uri] }));
  });
});

describe("traces read from disk", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: "en" });
  });
  after(async () => server.stop());

  it("analyzes a file that is not open and publishes its findings", async () => {
    const uri = pathToFileURL(path.join(repoRoot, "samples/sideB-lgr-send-disk-full.txt")).toString();
    const published = server.diagnostics(uri);
    const summary = (await server.connection.sendRequest("icmTrace/analyzeFile", { uri })) as { errors: number; entries: number; encoding: string; role: string };
    assert.deepEqual([summary.errors, summary.entries, summary.encoding, summary.role], [2, 9, "utf-8", "send"]);
    assert.deepEqual((await published).map((d) => d.code), ["temp-file-disk-full", "state-send-aborted"]);
  });

  it("analyzes every trace in a folder, one summary per file", async () => {
    const uri = pathToFileURL(path.join(repoRoot, "samples")).toString();
    const summaries = (await server.connection.sendRequest("icmTrace/analyzeFolder", { uri })) as { uri: string; errors: number }[];
    const names = summaries.map((s) => s.uri.replace(/^.*\//, ""));
    assert.ok(names.includes("sideA-lgr-receive.txt") && names.includes("sideB-lgr-send.txt"), names.join(","));
    assert.equal(summaries.find((s) => s.uri.endsWith("sideB-lgr-send.txt"))?.errors, 2);
  });

  it("refuses what is not a file URI and binary files, and keeps serving", async () => {
    await assert.rejects(server.connection.sendRequest("icmTrace/analyzeFile", { uri: "untitled:x" }));
    const binary = path.join(mkdtempSync(path.join(tmpdir(), "icm-bin-")), "lgr.ems");
    writeFileSync(binary, Buffer.alloc(2048, 0));
    await assert.rejects(server.connection.sendRequest("icmTrace/analyzeFile", { uri: pathToFileURL(binary).toString() }), /binary file/);
    const { diagnostics } = await server.open(SEND);
    assert.ok(diagnostics.length > 0);
  });
});

describe("code actions resolved on demand", () => {
  it("lists the split action without its edit and fills the edit in on resolve", async () => {
    const server = await startServer({ resolveEdits: true });
    try {
      const { uri, diagnostics } = await server.open(SEND);
      const denied = diagnostics.find((d) => d.code === "temp-file-access-denied")!;
      const actions = (await server.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: denied.range, context: { diagnostics: [denied] } })) as CodeAction[];
      const split = actions.find((a) => a.title === "Split run-together entries onto separate lines")!;
      assert.equal(split.edit, undefined);
      const resolved = (await server.connection.sendRequest("codeAction/resolve", split)) as CodeAction;
      assert.equal(resolved.edit?.changes?.[uri]?.length, 8);
    } finally {
      await server.stop();
    }
  });
});

describe("configuration checksums of both sides", () => {
  it("flags a checksum that differs at the same update key when both traces are open", async () => {
    const server = await startServer({ locale: "en" });
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "icm-pair-"));
      const a = path.join(dir, "LoggerA-lgr.txt");
      const b = path.join(dir, "LoggerB-lgr.txt");
      writeFileSync(a, "23:27:03 Trace: Checksum config complete: Rows = 23442, bytes = 13409511, checksum = 783166570, updateKey = 310473991055\n");
      writeFileSync(b, "16:47:20 Trace: Checksum config complete: Rows = 23441, bytes = 13409380, checksum = 105112298, updateKey = 310473991055\n");
      const first = await server.open(a);
      assert.deepEqual(first.diagnostics, []);
      const update = server.diagnostics(first.uri);
      const second = await server.open(b);
      assert.deepEqual(second.diagnostics.map((d) => d.code), ["config-checksum-differs"]);
      assert.deepEqual((await update).map((d) => d.code), ["config-checksum-differs"]);
      assert.equal(second.diagnostics[0]!.relatedInformation?.[0]?.location.uri, first.uri);
    } finally {
      await server.stop();
    }
  });
});

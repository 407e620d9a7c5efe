// The extension as VS Code sees it: activation, language, diagnostics and the LSP features,
// through the same API calls the workbench makes.

import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import { codeOf, diagnosticsMatching, untilProvided } from "./conditions";

const EXTENSION_ID = "icm-trace-inspector.icm-trace";
const LANGUAGE_ID = "icm-trace";
// out/test/host -> repo root; the samples are only read, never edited, here.
const samples = path.resolve(__dirname, "../../../samples");

async function openSample(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(samples, name)));
  await vscode.window.showTextDocument(document);
  return document;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n");
}

/** Applies edits to a copy of the text, leaving the document untouched. */
function applyEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  let text = document.getText();
  const byOffsetDescending = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const edit of byOffsetDescending) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

suite("ICM Trace extension", () => {
  // Activating here means a broken build fails once, instead of every test timing out.
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
  });

  test("activates", () => {
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  test("opens sideB-lgr-send.txt as ICM Trace with a temp-file-access-denied error", async () => {
    const document = await openSample("sideB-lgr-send.txt");
    assert.equal(document.languageId, LANGUAGE_ID);
    const diagnostics = await diagnosticsMatching(document.uri, (all) => all.some((d) => codeOf(d) === "temp-file-access-denied"));
    const denied = diagnostics.find((d) => codeOf(d) === "temp-file-access-denied");
    assert.equal(denied?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(denied?.source, "icm-trace");
    assert.ok(diagnostics.some((d) => codeOf(d) === "state-send-aborted"), "state-send-aborted is reported too");
  });

  test("opens a Shift_JIS trace from Japanese Windows readable, with its finding", async () => {
    const document = await openSample("sideB-lgr-japanese-windows.txt");
    assert.match(document.getText(), /Last API Error \[5\]: アクセスが拒否されました。/);
    const diagnostics = await diagnosticsMatching(document.uri, (all) => all.some((d) => codeOf(d) === "temp-file-access-denied"));
    assert.ok(diagnostics.length > 0);
  });

  test("formats sideA-lgr-receive.txt into one entry per line", async () => {
    const document = await openSample("sideA-lgr-receive.txt");
    const edits = await untilProvided(
      () => vscode.commands.executeCommand<vscode.TextEdit[]>("vscode.executeFormatDocumentProvider", document.uri, { tabSize: 4, insertSpaces: true }),
      (found) => found.length > 0,
    );
    const lines = applyEdits(document, edits).split(/\r?\n/).filter((line) => line.trim() !== "");
    assert.equal(lines.length, 27);
  });

  test("lists the state transfer phases as document symbols", async () => {
    const document = await openSample("sideA-lgr-receive.txt");
    const symbols = await untilProvided(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", document.uri),
      (found) => found.length > 0,
    );
    const names = symbols.map((symbol) => symbol.name);
    assert.ok(names.includes("State transfer RECEIVE"), `symbols: ${names.join(", ")}`);
  });

  test("explains the GetTempFileName failure on hover", async () => {
    const document = await openSample("sideB-lgr-send.txt");
    const offset = document.getText().indexOf("GetTempFileName");
    assert.ok(offset >= 0, "the sample mentions GetTempFileName");
    const hovers = await untilProvided(
      () => vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset)),
      (found) => hoverText(found).includes("GetTempFileName"),
    );
    assert.match(hoverText(hovers), /%TEMP%/);
  });

  test("explains in Japanese in Problems and on hover when icmTrace.explanationLanguage is ja", async () => {
    const document = await openSample("sideB-lgr-send.txt");
    const denied = (inJapanese: boolean) => (all: readonly vscode.Diagnostic[]) =>
      all.some((d) => codeOf(d) === "temp-file-access-denied" && d.message.includes("一時ファイルを作成できません") === inJapanese);
    await diagnosticsMatching(document.uri, denied(false));
    const settings = vscode.workspace.getConfiguration("icmTrace");
    await settings.update("explanationLanguage", "ja", vscode.ConfigurationTarget.Global);
    try {
      // The server reads the setting and publishes again, in Japanese.
      await diagnosticsMatching(document.uri, denied(true));
      const offset = document.getText().indexOf("GetTempFileName");
      const hovers = await untilProvided(
        () => vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset)),
        (found) => hoverText(found).includes("GetTempFileName で一時ファイルを作成します"),
      );
      assert.match(hoverText(hovers), /%TEMP% へのアクセス拒否/);
    } finally {
      await settings.update("explanationLanguage", undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsMatching(document.uri, denied(false));
  });
});

// The extension's commands. Each asks the server for what it needs; none analyses on its own.

import vscode = require("vscode");
import { clientCommands, entryAtTimeRequest, explanationRequest, LANGUAGE_ID } from "../../server/src/shared/protocol";
import type { TraceLanguageClient } from "./languageClient";
import { splitCopyUri } from "./splitCopy";

const EXPLANATION_SCHEME = "icm-trace-explanation";

export function registerCommands(client: TraceLanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(clientCommands.copyToClipboard, async (text: unknown) => {
      if (typeof text !== "string") return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(vscode.l10n.t("Copied to the clipboard: {0}", text));
    }),
    vscode.commands.registerCommand(clientCommands.ignoreSignature, async (id: unknown) => {
      if (typeof id !== "string") return;
      const config = vscode.workspace.getConfiguration("icmTrace");
      const ignored = new Set(config.get<string[]>("ignore", []));
      ignored.add(id);
      const target = vscode.workspace.workspaceFolders === undefined ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
      await config.update("ignore", [...ignored], target);
      void vscode.window.showInformationMessage(vscode.l10n.t("{0} is now ignored (setting icmTrace.ignore).", id));
    }),
    vscode.workspace.registerTextDocumentContentProvider(EXPLANATION_SCHEME, {
      async provideTextDocumentContent(uri) {
        const id = uri.path.replace(/^\//, "").replace(/\.md$/, "");
        return (await client.request(explanationRequest, { id })) ?? vscode.l10n.t("No explanation for {0}.", id);
      },
    }),
    vscode.commands.registerCommand(clientCommands.showExplanation, async (id: unknown) => {
      if (typeof id !== "string") return;
      const uri = vscode.Uri.from({ scheme: EXPLANATION_SCHEME, path: `/${id}.md` });
      await vscode.commands.executeCommand("markdown.showPreviewToSide", uri);
    }),
    vscode.commands.registerCommand(clientCommands.openUrl, async (url: unknown) => {
      if (typeof url === "string" && /^https:\/\//.test(url)) await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    vscode.commands.registerCommand("icmTrace.openSplitCopy", async () => {
      const editor = activeTraceEditor();
      if (editor === undefined) return;
      await client.start();
      const document = await vscode.workspace.openTextDocument(splitCopyUri(editor.document.uri));
      const trace = document.languageId === LANGUAGE_ID ? document : await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      await vscode.window.showTextDocument(trace, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
    vscode.commands.registerCommand("icmTrace.goToTime", async () => {
      const editor = activeTraceEditor();
      if (editor === undefined) return;
      const time = await vscode.window.showInputBox({
        title: vscode.l10n.t("ICM Trace: Go to Time"),
        prompt: vscode.l10n.t("Jump to the first entry at or after this time (HH:MM or HH:MM:SS)"),
        placeHolder: "23:27:04",
        validateInput: (value) => (/^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/.test(value) ? undefined : vscode.l10n.t("Type a time such as 23:27 or 23:27:04")),
      });
      if (time === undefined) return;
      const found = await client.request(entryAtTimeRequest, { uri: editor.document.uri.toString(), time });
      if (found === null) {
        void vscode.window.showInformationMessage(vscode.l10n.t("No entry at or after {0}.", time.trim()));
        return;
      }
      const position = new vscode.Position(found.line, found.character);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    }),
  ];
}

function activeTraceEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open an ICM trace first."));
    return undefined;
  }
  return editor;
}

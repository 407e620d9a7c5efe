// VS Code gives `.txt` to Plain Text before any `firstLine` rule can apply, so a trace saved as
// `ticket-1234.txt` opens as Plain Text. Look at its first lines and switch it to ICM Trace.
// The check uses the formats' splitter, a bundle of its own (dist/traceDetection.js): it is loaded
// when the first Plain Text document is looked at, not at activation.

import vscode = require("vscode");
import type { TraceDetection } from "../../server/src/shared/traceDetection";
import { loadBundle } from "./bundles";
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

const PLAIN_TEXT = "plaintext";

export function watchPlainTextDocuments(context: vscode.ExtensionContext): vscode.Disposable {
  const check = (document: vscode.TextDocument) => {
    if (document.languageId !== PLAIN_TEXT || document.isClosed) return;
    if (!vscode.workspace.getConfiguration("icmTrace", document).get<boolean>("detectPlainText", true)) return;
    const { DETECTION_HEAD_CHARS, looksLikeIcmTrace } = loadBundle<TraceDetection>(context, "traceDetection");
    const head = document.getText(new vscode.Range(0, 0, 40, 0)).slice(0, DETECTION_HEAD_CHARS);
    if (looksLikeIcmTrace(head)) void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  // Documents open before activation (Plain Text ones activate the extension) are looked at just
  // after it: activation returns first.
  const opened = setImmediate(() => vscode.workspace.textDocuments.forEach(check));
  const watching = vscode.workspace.onDidOpenTextDocument(check);
  return {
    dispose: () => {
      clearImmediate(opened);
      watching.dispose();
    },
  };
}

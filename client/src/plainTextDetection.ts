// VS Code gives `.txt` to Plain Text before any `firstLine` rule can apply, so a trace saved as
// `ticket-1234.txt` opens as Plain Text. Look at its first lines and switch it to ICM Trace.

import vscode = require("vscode");
import { DETECTION_HEAD_CHARS, looksLikeIcmTrace } from "../../server/src/core/detect";
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

const PLAIN_TEXT = "plaintext";

export function watchPlainTextDocuments(): vscode.Disposable {
  const check = (document: vscode.TextDocument) => {
    if (document.languageId !== PLAIN_TEXT) return;
    if (!vscode.workspace.getConfiguration("icmTrace", document).get<boolean>("detectPlainText", true)) return;
    const head = document.getText(new vscode.Range(0, 0, 40, 0)).slice(0, DETECTION_HEAD_CHARS);
    if (looksLikeIcmTrace(head)) void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}

// "ICM Trace: Open Split Copy": the split text as a read-only virtual document, so the original
// stays untouched as evidence. The copy is an ICM trace too: same diagnostics and hovers.

import vscode = require("vscode");
import { SPLIT_COPY_SCHEME, splitTextRequest } from "../../server/src/shared/protocol";
import type { TraceLanguageClient } from "./languageClient";

export function splitCopyUri(original: vscode.Uri): vscode.Uri {
  const name = original.path.replace(/^.*\//, "") || "trace";
  return vscode.Uri.from({ scheme: SPLIT_COPY_SCHEME, path: `/${name.replace(/(\.[^.]*)?$/, " (split)$1")}`, query: original.toString() });
}

export function registerSplitCopyProvider(client: TraceLanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const text = await client.request(splitTextRequest, { uri: uri.query });
      if (text === null) throw new Error(vscode.l10n.t("The original trace is no longer open."));
      return text;
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(SPLIT_COPY_SCHEME, provider);
}

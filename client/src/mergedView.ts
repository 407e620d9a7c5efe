// "ICM Trace: Open Merged View": every entry of the open traces on one clock, one line each, prefixed
// by its lane and corrected time, read-only, with the findings of its entries and a link from each
// line's lane back to the source entry. The server merges; this side shows the document.

import vscode = require("vscode");
import { LANGUAGE_ID, MERGED_SCHEME, mergedViewRequest, type MergedView } from "../../server/src/shared/protocol";
import type { TraceLanguageClient } from "./languageClient";

/** The window around an entry: 15 minutes each way. */
const AROUND_SECONDS = 15 * 60;

const SEVERITY: Record<MergedView["diagnostics"][number]["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function registerMergedView(client: TraceLanguageClient): vscode.Disposable[] {
  const views = new Map<string, MergedView>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const diagnostics = vscode.languages.createDiagnosticCollection("icm-trace-merged");
  let count = 0;
  return [
    changed,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(MERGED_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => views.get(uri.toString())?.text ?? "",
    }),
    vscode.languages.registerDocumentLinkProvider({ scheme: MERGED_SCHEME }, {
      provideDocumentLinks: (document) => {
        const view = views.get(document.uri.toString());
        if (view === undefined) return [];
        return view.lines.map((source, line) => {
          const lane = document.lineAt(line).text.indexOf(" ");
          const target = vscode.Uri.parse(source.uri).with({ fragment: `L${source.line + 1},${source.column + 1}` });
          const link = new vscode.DocumentLink(new vscode.Range(line, 0, line, Math.max(1, lane)), target);
          link.tooltip = vscode.l10n.t("Open the entry in its trace");
          return link;
        });
      },
    }),
    vscode.commands.registerCommand("icmTrace.openMergedView", () => open()),
    // ±15 minutes around the entry under the cursor: the window TAC works in around an event.
    vscode.commands.registerCommand("icmTrace.showAroundEntry", () => {
      const editor = vscode.window.activeTextEditor;
      if (editor === undefined || editor.document.languageId !== LANGUAGE_ID) return undefined;
      return open({ uri: editor.document.uri.toString(), line: editor.selection.active.line, seconds: AROUND_SECONDS });
    }),
  ];

  async function open(around?: { uri: string; line: number; seconds: number }): Promise<void> {
    const traces = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID && d.uri.scheme !== MERGED_SCHEME);
    if (traces.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t("ICM Trace: open the traces to merge first."));
      return;
    }
    const view = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Merging {0} traces", traces.length) }, () =>
      client.request(mergedViewRequest, { uris: traces.map((d) => d.uri.toString()), ...(around === undefined ? {} : { around }) }),
    );
    const uri = vscode.Uri.from({ scheme: MERGED_SCHEME, path: `/${vscode.l10n.t("Merged traces")} ${++count}.log` });
    views.set(uri.toString(), view);
    changed.fire(uri);
    diagnostics.set(
      uri,
      view.diagnostics.map((d) => {
        const diagnostic = new vscode.Diagnostic(new vscode.Range(d.line, 0, d.line, Number.MAX_SAFE_INTEGER), d.message, SEVERITY[d.severity]);
        diagnostic.code = d.code;
        diagnostic.source = "icm-trace";
        return diagnostic;
      }),
    );
    await vscode.window.showTextDocument(uri, { preview: false });
  }
}

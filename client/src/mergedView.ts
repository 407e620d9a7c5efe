// "ICM Trace: Open Merged View": every entry of the open traces on one clock, one line each, prefixed
// by its lane and corrected time, read-only, with the findings of its entries and a link from each
// line's lane back to the source entry. The server merges; this side shows the document, and
// highlights the entries of a call followed with "Find This Call in All Traces".

import vscode = require("vscode");
import { mergedViewLinesHolding } from "../../server/src/shared/mergedViewLines";
import { LANGUAGE_ID, MERGED_SCHEME, mergedViewRequest, SPLIT_COPY_SCHEME, type MergedView } from "../../server/src/shared/protocol";
import type { TraceLanguageClient } from "./languageClient";

/** The window around an entry: 15 minutes each way. */
const AROUND_SECONDS = 15 * 60;

const SEVERITY: Record<MergedView["diagnostics"][number]["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The traces the merged view and the merged timeline show: the ICM trace documents open in a tab,
 * in the order they were opened. A document whose tab was closed may stay loaded a while, and a
 * split copy repeats its trace: neither is merged.
 */
export function openTraceDocuments(): vscode.TextDocument[] {
  const inTabs = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) inTabs.add(tab.input.uri.toString());
  }
  return vscode.workspace.textDocuments.filter(
    (d) => d.languageId === LANGUAGE_ID && d.uri.scheme !== MERGED_SCHEME && d.uri.scheme !== SPLIT_COPY_SCHEME && inTabs.has(d.uri.toString()),
  );
}

export interface MergedViews {
  readonly disposables: vscode.Disposable[];
  /** Highlights the entries that hold a call's references in every merged view. */
  markCall(locations: readonly vscode.Location[]): void;
}

export function registerMergedView(client: TraceLanguageClient): MergedViews {
  const views = new Map<string, MergedView>();
  const callLines = new Map<string, readonly number[]>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const diagnostics = vscode.languages.createDiagnosticCollection("icm-trace-merged");
  const callDecoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor("editor.findMatchHighlightBackground"),
    overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.findMatchForeground"),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  let count = 0;

  const decorate = (editors: readonly vscode.TextEditor[]) => {
    for (const editor of editors) {
      const lines = callLines.get(editor.document.uri.toString());
      if (lines !== undefined) editor.setDecorations(callDecoration, lines.map((line) => new vscode.Range(line, 0, line, 0)));
    }
  };

  const disposables = [
    changed,
    diagnostics,
    callDecoration,
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
    vscode.window.onDidChangeVisibleTextEditors(decorate),
    vscode.commands.registerCommand("icmTrace.openMergedView", () => open()),
    // ±15 minutes around the entry under the cursor: the window TAC works in around an event, in
    // the merged view and on the merged timeline beside it.
    vscode.commands.registerCommand("icmTrace.showAroundEntry", async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor === undefined || editor.document.languageId !== LANGUAGE_ID) return;
      const around = { uri: editor.document.uri.toString(), line: editor.selection.active.line, seconds: AROUND_SECONDS };
      await open(around);
      await vscode.commands.executeCommand("icmTrace.openMergedTimeline", { around });
    }),
  ];

  async function open(around?: { uri: string; line: number; seconds: number }): Promise<void> {
    const traces = openTraceDocuments();
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

  return {
    disposables,
    markCall(locations) {
      const positions = locations.map((l) => ({ uri: l.uri.toString(), line: l.range.start.line, character: l.range.start.character }));
      for (const [uri, view] of views) callLines.set(uri, mergedViewLinesHolding(view.lines, positions));
      decorate(vscode.window.visibleTextEditors);
    },
  };
}

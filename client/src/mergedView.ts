// "ICM Trace: Open Merged View": every entry of the open traces on one clock, one line each, prefixed
// by its lane and corrected time, read-only, with the findings of its entries and a link from each
// line's lane back to the source entry. The server merges; this side shows the document, and
// highlights the entries of a call followed with "Find This Call in All Traces".

import vscode = require("vscode");
import { mergedViewLinesHolding } from "../../server/src/shared/mergedViewLines";
import { bundleMemberUri, LANGUAGE_ID, MERGED_SCHEME, mergedViewRequest, SPLIT_COPY_SCHEME, type BundleInventory, type MergedView } from "../../server/src/shared/protocol";
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
    vscode.commands.registerCommand("icmTrace.openMergedView", (args?: { uris?: unknown }) => open(undefined, urisOf(args))),
    vscode.commands.registerCommand("icmTrace.mergeFolderOrBundle", (target?: vscode.Uri) => mergeFolderOrBundle(target)),
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

  /** The merged view of `uris`, else of the traces open in tabs. */
  async function open(around?: { uri: string; line: number; seconds: number }, uris?: readonly string[]): Promise<void> {
    const traces = uris ?? openTraceDocuments().map((d) => d.uri.toString());
    if (traces.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t("ICM Trace: open the traces to merge first."));
      return;
    }
    let view: MergedView;
    try {
      view = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Merging {0} traces", traces.length) }, () =>
        client.request(mergedViewRequest, { uris: [...traces], ...(around === undefined ? {} : { around }) }),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Could not merge the traces: {0}", error instanceof Error ? error.message : String(error)));
      return;
    }
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

  /** A folder's traces or a bundle's trace members, on one clock: the merged view and the timeline. */
  async function mergeFolderOrBundle(target?: vscode.Uri): Promise<void> {
    const picked =
      target ??
      (await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t("Merge"), filters: { [vscode.l10n.t("Folders and trace bundles")]: ["zip"] } }))?.[0];
    if (picked === undefined) return;
    const uris = /\.zip$/i.test(picked.path) ? await bundleTraces(picked) : await folderTraces(picked);
    if (uris === undefined) return;
    if (uris.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t("ICM Trace: {0} holds no trace to merge.", picked.path.replace(/^.*\//, "")));
      return;
    }
    await open(undefined, uris);
    await vscode.commands.executeCommand("icmTrace.openMergedTimeline", { uris });
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

/** URIs a caller passed (`{ uris: [...] }`), when they are all strings; else undefined. */
function urisOf(args: { uris?: unknown } | undefined): readonly string[] | undefined {
  const uris = typeof args === "object" && args !== null ? args.uris : undefined;
  return Array.isArray(uris) && uris.length > 0 && uris.every((u) => typeof u === "string") ? uris : undefined;
}

/** The traces the server reads whole to merge them in the editor: beyond these, the command line streams them. */
const MAX_SET_BYTES = 256 * 1024 * 1024;
const MAX_SET_TRACES = 200;
const TRACE_FILE = /\.(txt|log|icmtrace)$/i;
/** Folders below the one chosen, at most this deep (`[Server]/[Type]/…` and a level more). */
const MAX_FOLDER_DEPTH = 4;

/** A folder's trace files (`.txt`, `.log`, `.icmtrace`), in name order; undefined when the set is too large. */
async function folderTraces(folder: vscode.Uri): Promise<string[] | undefined> {
  const found: { uri: vscode.Uri; size: number }[] = [];
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    const entries = [...(await vscode.workspace.fs.readDirectory(dir))].sort(([a], [b]) => a.localeCompare(b));
    for (const [name, type] of entries) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory && depth < MAX_FOLDER_DEPTH) await walk(child, depth + 1);
      else if (type === vscode.FileType.File && TRACE_FILE.test(name)) found.push({ uri: child, size: (await vscode.workspace.fs.stat(child)).size });
    }
  };
  await walk(folder, 0);
  return withinLimits(found.map((f) => ({ uri: f.uri.toString(), size: f.size })));
}

/** A bundle's trace members, once it is open in the Trace Bundle view. */
async function bundleTraces(zip: vscode.Uri): Promise<string[] | undefined> {
  const inventory = await vscode.commands.executeCommand<BundleInventory | undefined>("icmTrace.openTraceBundle", zip);
  if (inventory === undefined) return undefined;
  const traces = inventory.members.filter((m) => m.problem === null && m.format !== "ems" && m.format !== "other");
  return withinLimits(traces.map((m) => ({ uri: bundleMemberUri(m.file), size: 0 })));
}

function withinLimits(traces: readonly { uri: string; size: number }[]): string[] | undefined {
  const bytes = traces.reduce((sum, t) => sum + t.size, 0);
  if (traces.length > MAX_SET_TRACES || bytes > MAX_SET_BYTES) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t("ICM Trace: {0} traces ({1} MB) are more than the editor merges ({2} traces, {3} MB); `icm-trace merge` streams a set of any size.", traces.length, Math.round(bytes / 1024 / 1024), MAX_SET_TRACES, MAX_SET_BYTES / 1024 / 1024),
    );
    return undefined;
  }
  return traces.map((t) => t.uri);
}


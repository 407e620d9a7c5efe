// "Analyze Large File…" and "Analyze Folder…": the server streams the files from disk, with a
// cancellable progress notification, and publishes findings to Problems. VS Code never hands an
// extension a file over 50 MB, so a trace tab of such a file is noticed and the analysis offered.

import vscode = require("vscode");
import type { RequestType } from "vscode-languageclient/node";
import {
  analysisProgressNotification,
  analyzeFileRequest,
  analyzeFolderRequest,
  type FileSummary,
} from "../../server/src/shared/protocol";
import type { TraceLanguageClient } from "./languageClient";

/** VS Code stops syncing files over 50 MB to extensions. */
const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;
const TRACE_NAME = /(lgr|rtr|mds|nm|rcv|ccag|opc|pgag|pim|rts|csfs|dtp|dumplog|icm).*\.(txt|log)$|\.icmtrace$/i;

export async function withAnalysis<P extends { uri: string }, R>(
  client: TraceLanguageClient,
  title: string,
  request: RequestType<P, R, void>,
  params: P,
): Promise<R | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    await client.start();
    let reported = 0;
    const listening = client.onNotification(analysisProgressNotification, (p) => {
      if (p.uri !== params.uri) return;
      const percent = Math.round(p.fraction * 100);
      progress.report({ message: p.message === "" ? `${percent}%` : `${p.message} (${percent}%)`, increment: Math.max(0, percent - reported) });
      reported = Math.max(reported, percent);
    });
    try {
      return await client.request(request, params, token);
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      void vscode.window.showErrorMessage(vscode.l10n.t("ICM Trace: {0}", error instanceof Error ? error.message : String(error)));
      return undefined;
    } finally {
      listening.dispose();
    }
  });
}

function counted(n: number, one: string, many: string): string {
  return n === 1 ? vscode.l10n.t(one, n) : vscode.l10n.t(many, n);
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describe(summary: FileSummary): string {
  const name = vscode.Uri.parse(summary.uri).path.replace(/^.*\//, "");
  if (summary.problem !== null) return `${name}: ${summary.problem}`;
  return vscode.l10n.t(
    "{0}: {1}, {2}, {3} ({4}, {5})",
    name,
    counted(summary.entries, "{0} entry", "{0} entries"),
    counted(summary.errors, "{0} error", "{0} errors"),
    counted(summary.warnings, "{0} warning", "{0} warnings"),
    size(summary.bytes),
    summary.encoding,
  );
}

export function registerLargeFiles(client: TraceLanguageClient): vscode.Disposable[] {
  // Made on first use: most sessions never analyse from disk.
  let channel: vscode.OutputChannel | undefined;
  const output = () => (channel ??= vscode.window.createOutputChannel(vscode.l10n.t("ICM Trace: Analysis")));
  const offered = new Set<string>();

  const analyzeFile = async (uri: vscode.Uri) => {
    const summary = await withAnalysis(client, vscode.l10n.t("Analyzing {0}", uri.path.replace(/^.*\//, "")), analyzeFileRequest, { uri: uri.toString() });
    if (summary === undefined) return;
    output().appendLine(describe(summary));
    const open = vscode.l10n.t("Open Problems");
    const choice = await vscode.window.showInformationMessage(describe(summary), open);
    if (choice === open) await vscode.commands.executeCommand("workbench.actions.view.problems");
  };

  const offerForTab = async (tab: vscode.Tab) => {
    if (!(tab.input instanceof vscode.TabInputText)) return;
    const uri = tab.input.uri;
    if (uri.scheme !== "file" || !TRACE_NAME.test(uri.path) || offered.has(uri.toString())) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === "icm-trace")) return;
    // Marked before the stat, so a tab reported twice meanwhile is offered once.
    offered.add(uri.toString());
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size <= SYNC_LIMIT_BYTES) return void offered.delete(uri.toString());
    const analyze = vscode.l10n.t("Analyze");
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t("{0} is too large for the editor to analyse as you type ({1} MB). Analyze it from disk?", uri.path.replace(/^.*\//, ""), Math.round(size / 1024 / 1024)),
      analyze,
    );
    if (choice === analyze) await analyzeFile(uri);
  };

  const offerForTabs = (tabs: readonly vscode.Tab[]) => tabs.forEach((tab) => void offerForTab(tab).catch(() => undefined));
  // A trace opened before activation (from the command line, or while the window was starting)
  // has its tab already.
  offerForTabs(vscode.window.tabGroups.all.flatMap((group) => group.tabs));

  return [
    { dispose: () => channel?.dispose() },
    vscode.commands.registerCommand("icmTrace.analyzeLargeFile", async (uri?: vscode.Uri) => {
      const target = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t("Analyze") }))?.[0];
      if (target !== undefined) await analyzeFile(target);
    }),
    vscode.commands.registerCommand("icmTrace.analyzeFolder", async (uri?: vscode.Uri) => {
      const folder = uri ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t("Analyze") }))?.[0];
      if (folder === undefined) return;
      const summaries = await withAnalysis(client, vscode.l10n.t("Analyzing the traces in {0}", folder.path.replace(/^.*\//, "")), analyzeFolderRequest, { uri: folder.toString() });
      if (summaries === undefined) return;
      output().appendLine(vscode.l10n.t("Traces in {0}:", folder.fsPath));
      summaries.forEach((s) => output().appendLine(`  ${describe(s)}`));
      output().show(true);
      const errors = summaries.reduce((n, s) => n + s.errors, 0);
      const warnings = summaries.reduce((n, s) => n + s.warnings, 0);
      void vscode.window.showInformationMessage(
        vscode.l10n.t("{0} analysed: {1}, {2}.", counted(summaries.length, "{0} trace", "{0} traces"), counted(errors, "{0} error", "{0} errors"), counted(warnings, "{0} warning", "{0} warnings")),
      );
    }),
    // Light: only looks at tabs; the server starts when the user accepts. A preview tab that
    // shows another file is "changed", not "opened".
    vscode.window.tabGroups.onDidChangeTabs((event) => offerForTabs([...event.opened, ...event.changed])),
  ];
}

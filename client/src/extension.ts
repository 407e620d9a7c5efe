// The thin client: starts the language server with the first trace, registers the commands,
// and moves Plain Text documents that look like traces to ICM Trace. The analysis is the server's.

import vscode = require("vscode");
import { registerCommands } from "./commands";
import { registerLargeFiles } from "./largeFiles";
import { TraceLanguageClient } from "./languageClient";
import { watchPlainTextDocuments } from "./plainTextDetection";
import { registerSplitCopyProvider } from "./splitCopy";
import { TraceStatusBar } from "./statusBar";
import { registerTraceBundles } from "./traceBundles";
import { registerMergedView } from "./mergedView";
import { registerFindCall } from "./findCall";
import { markCallOnMergedTimeline, registerMergedTimeline } from "./mergedTimeline/registerMergedTimeline";
import { registerTimeline } from "./timeline/registerTimeline";
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

let client: TraceLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  client = new TraceLanguageClient(context);
  const traceClient = client;
  // The status bar shows a running server's summary of the active trace: it is made when the
  // server first runs, not at activation.
  let statusBar: TraceStatusBar | undefined;
  const mergedViews = registerMergedView(traceClient);
  context.subscriptions.push(
    traceClient.onReady(() => (statusBar ??= new TraceStatusBar(traceClient))),
    { dispose: () => statusBar?.dispose() },
    registerSplitCopyProvider(traceClient),
    ...registerCommands(traceClient),
    ...registerTimeline(context, traceClient),
    ...registerLargeFiles(traceClient),
    ...registerTraceBundles(traceClient),
    ...mergedViews.disposables,
    ...registerMergedTimeline(context, traceClient),
    registerFindCall([(locations) => mergedViews.markCall(locations), markCallOnMergedTimeline]),
    watchPlainTextDocuments(context),
    // The server starts with the first trace, not at activation.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === LANGUAGE_ID) void traceClient.start();
    }),
  );
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) void traceClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

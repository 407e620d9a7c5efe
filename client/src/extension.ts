// The thin client: starts the language server with the first trace, registers the commands,
// and moves Plain Text documents that look like traces to ICM Trace. The analysis is the server's.

import vscode = require("vscode");
import { registerCommands } from "./commands";
import { registerLargeFiles } from "./largeFiles";
import { TraceLanguageClient } from "./languageClient";
import { watchPlainTextDocuments } from "./plainTextDetection";
import { registerSplitCopyProvider } from "./splitCopy";
import { TraceStatusBar } from "./statusBar";
import { registerTimeline } from "./timeline/registerTimeline";
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

let client: TraceLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  client = new TraceLanguageClient(context);
  const traceClient = client;
  const statusBar = new TraceStatusBar(traceClient);
  context.subscriptions.push(
    statusBar,
    registerSplitCopyProvider(traceClient),
    ...registerCommands(traceClient),
    ...registerTimeline(context, traceClient),
    ...registerLargeFiles(traceClient),
    watchPlainTextDocuments(),
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

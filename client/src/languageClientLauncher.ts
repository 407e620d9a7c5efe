// The language client library and the server's launch: a bundle of its own (dist/languageClient.js),
// loaded when the first trace needs the server. Loading it takes longer than everything else the
// extension does at activation.

import vscode = require("vscode");
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

/** Starts dist/server.js over IPC and resolves once it has answered `initialize`. */
export async function launchLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: "icmTrace" },
    initializationOptions: { settings: vscode.workspace.getConfiguration("icmTrace") },
    outputChannelName: "ICM Trace",
  };
  const client = new LanguageClient("icmTrace", "ICM Trace", serverOptions, clientOptions);
  await client.start();
  return client;
}

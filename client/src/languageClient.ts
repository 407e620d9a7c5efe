// Starts and stops the language server (dist/server.js) on demand.

import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

export class TraceLanguageClient {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly readyEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires once the server is up. */
  readonly onReady = this.readyEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The running client, starting the server on first use. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.launch();
    return this.starting;
  }

  get running(): LanguageClient | undefined {
    return this.client;
  }

  private async launch(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath("dist/server.js");
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
    this.context.subscriptions.push(this.readyEmitter);
    await client.start();
    this.client = client;
    this.readyEmitter.fire(client);
    return client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client !== undefined) await client.stop();
  }
}

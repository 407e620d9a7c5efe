// Starts and stops the language server (dist/server.js) on demand.

import vscode = require("vscode");
import type { LanguageClient, NotificationType, RequestType } from "vscode-languageclient/node";
import { loadBundle } from "./bundles";
import type * as LanguageClientLauncher from "./languageClientLauncher";

export class TraceLanguageClient {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly readyEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires once the server is up. */
  readonly onReady = this.readyEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    context.subscriptions.push(this.readyEmitter);
  }

  /** The running client, starting the server on first use. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.launch();
    return this.starting;
  }

  get running(): LanguageClient | undefined {
    return this.client;
  }

  /**
   * Sends a custom request, starting the server on first use. By method name: the request types
   * are made in this bundle, and the client library in its own bundle would not know them as its own.
   */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    const client = await this.start();
    // An undefined token would be sent as a second parameter: leave it out.
    return token === undefined ? client.sendRequest<R>(type.method, params) : client.sendRequest<R>(type.method, params, token);
  }

  /** Listens to a custom notification of the running server. */
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable {
    const client = this.client;
    if (client === undefined) throw new Error("the language server is not running");
    return client.onNotification(type.method, handler);
  }

  private async launch(): Promise<LanguageClient> {
    // Out of the caller's turn: activation returns before the client library is loaded.
    await new Promise((resolve) => setImmediate(resolve));
    const { launchLanguageClient } = loadBundle<typeof LanguageClientLauncher>(this.context, "languageClient");
    const client = await launchLanguageClient(this.context);
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

// A minimal LSP client over stdio for the server tests: starts dist/server.js, speaks JSON-RPC.

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export const repoRoot = path.resolve(__dirname, "../../..");

export interface TestServer {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  open(file: string, languageId?: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }>;
  diagnostics(uri: string): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export async function startServer(options: { locale?: string; initializationOptions?: unknown; configuration?: unknown; resolveEdits?: boolean } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [path.join(repoRoot, "dist/server.js"), "--stdio"], { stdio: "pipe" });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.set(params.uri, params);
    for (const resolve of waiters.get(params.uri) ?? []) resolve(params);
    waiters.delete(params.uri);
  });
  connection.onNotification("window/logMessage", () => undefined);
  connection.onRequest("workspace/configuration", () => [options.configuration ?? null]);
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  const withConfiguration = options.configuration !== undefined;
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    locale: options.locale ?? "en",
    capabilities: {
      workspace: { configuration: withConfiguration },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        ...(options.resolveEdits === true ? { codeAction: { resolveSupport: { properties: ["edit"] } } } : {}),
      },
    },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification("initialized", {});
  let version = 0;

  const nextDiagnostics = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 10_000);
      const list = waiters.get(uri) ?? [];
      list.push((p) => {
        clearTimeout(timer);
        resolve(p);
      });
      waiters.set(uri, list);
    });

  return {
    connection,
    process: child,
    async open(file, languageId = "icm-trace") {
      const absolute = path.isAbsolute(file) ? file : path.join(repoRoot, file);
      const uri = pathToFileURL(absolute).toString();
      const text = readFileSync(absolute, "utf8");
      const waiting = nextDiagnostics(uri);
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: ++version, text } });
      return { uri, text, diagnostics: (await waiting).diagnostics };
    },
    async diagnostics(uri) {
      return (await nextDiagnostics(uri)).diagnostics;
    },
    async stop() {
      try {
        await connection.sendRequest("shutdown");
        await connection.sendNotification("exit");
      } catch {
        // Already gone.
      }
      connection.dispose();
      child.kill();
    },
  };
}

// Traces read from disk rather than synced by the editor: files too large for VS Code to hand to
// an extension (over 50 MB) and whole folders. Streamed in chunks through the same analysis, with
// progress and cancellation; findings go to the Problems panel like an open document's.

import { stat } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from "vscode-languageserver";
import { isEditorOnly } from "../knowledge/catalogue";
import type { Language } from "../knowledge/types";
import { countBySeverity } from "../model/findings";
import { BinaryTraceError } from "../engine/encoding";
import { AnalysisCancelled, analyzeTraceFile } from "../analysis/traceFileStream";
import { listTraceFiles } from "../engine/traceFolders";
import { analysisProgressNotification, type FileSummary, type Settings } from "../shared/protocol";
import { analysisOptions } from "./settings";
import { findingToDiagnostic } from "./diagnostics";

function fileOf(uri: unknown): string {
  if (typeof uri !== "string" || !uri.startsWith("file:")) throw new ResponseError(ErrorCodes.InvalidParams, "a file: URI is needed");
  return fileURLToPath(uri);
}

interface Context {
  readonly connection: Connection;
  readonly settings: () => Settings;
  readonly language: () => Language;
}

/** Analyses one file from disk and publishes its findings; `progress` gets 0..1. */
async function analyzeOne(context: Context, file: string, token: CancellationToken, progress: (fraction: number) => void): Promise<FileSummary> {
  const uri = pathToFileURL(file).toString();
  const settings = context.settings();
  // Chunks are small; the progress bar moves in whole percents, so only those are sent.
  let reported = -1;
  try {
    const result = await analyzeTraceFile(file, {
      analysis: { ...analysisOptions(settings), editorHints: false },
      isCancelled: () => token.isCancellationRequested,
      onProgress: (read, total) => {
        const percent = total === 0 ? 100 : Math.floor((read / total) * 100);
        if (percent === reported) return;
        reported = percent;
        progress(percent / 100);
      },
    });
    const findings = result.findings.filter((f) => !isEditorOnly(f.id));
    void context.connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => findingToDiagnostic(f, context.language())) });
    return {
      uri,
      entries: result.entries,
      ...countBySeverity(findings),
      bytes: result.bytes,
      encoding: result.encoding,
      side: result.side,
      role: result.role,
      problem: null,
    };
  } catch (error) {
    if (error instanceof AnalysisCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, "analysis cancelled");
    const problem = error instanceof BinaryTraceError ? error.message : `cannot read ${path.basename(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return { uri, entries: 0, errors: 0, warnings: 0, bytes: 0, encoding: "", side: null, role: null, problem };
  }
}

export function registerLargeFileHandlers(context: Context): {
  analyzeFile: (params: { uri: string }, token: CancellationToken) => Promise<FileSummary>;
  analyzeFolder: (params: { uri: string }, token: CancellationToken) => Promise<FileSummary[]>;
} {
  const notify = (uri: string, fraction: number, message: string) =>
    void context.connection.sendNotification(analysisProgressNotification, { uri, fraction, message });
  return {
    async analyzeFile(params, token) {
      const file = fileOf(params?.uri);
      // The notification's title names the file already.
      const summary = await analyzeOne(context, file, token, (fraction) => notify(params.uri, fraction, ""));
      if (summary.problem !== null) throw new ResponseError(ErrorCodes.InvalidParams, summary.problem);
      return summary;
    },
    async analyzeFolder(params, token) {
      const folder = fileOf(params?.uri);
      let files: string[];
      try {
        if (!(await stat(folder)).isDirectory()) throw new Error("not a folder");
        files = listTraceFiles(folder);
      } catch (error) {
        throw new ResponseError(ErrorCodes.InvalidParams, `cannot read the folder ${folder}: ${(error as Error).message}`);
      }
      const summaries: FileSummary[] = [];
      for (const [index, file] of files.entries()) {
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "analysis cancelled");
        const label = `${index + 1}/${files.length} ${path.relative(folder, file)}`;
        summaries.push(await analyzeOne(context, file, token, (fraction) => notify(params.uri, (index + fraction) / files.length, label)));
      }
      return summaries;
    },
  };
}

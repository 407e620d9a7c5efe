// `icm-trace check [--json] FILE...`: findings like a compiler's diagnostics.

import { analyzeTrace } from "../core/analyze";
import { catalogueRecord } from "../catalogue";
import type { Language } from "../catalogue/types";
import { CliError, readTraceFile, type CliIo } from "./io";

export interface CheckOptions {
  readonly json: boolean;
  readonly hints: boolean;
  readonly language: Language;
}

export interface CheckedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export function checkText(file: string, text: string, options: Pick<CheckOptions, "hints" | "language">): CheckedFinding[] {
  const analysis = analyzeTrace(text);
  const { lineIndex } = analysis.split;
  const results: CheckedFinding[] = [];
  for (const finding of analysis.findings) {
    if (!options.hints && catalogueRecord(finding.id)?.editorOnly === true) continue;
    const start = lineIndex.positionAt(finding.start);
    const end = lineIndex.positionAt(finding.end);
    results.push({
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: finding.severity,
      code: finding.id,
      message: finding.message[options.language],
    });
  }
  return results;
}

export async function runCheck(files: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  if (files.length === 0) throw new CliError("check needs at least one FILE");
  const traces = files.map(readTraceFile);
  const results = traces.flatMap((t) => checkText(t.path, t.text, options));
  if (options.json) {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    const lines = results.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code}: ${r.message}\n`);
    io.stdout(lines.join(""));
  }
  return results.some((r) => r.severity === "error") ? 1 : 0;
}

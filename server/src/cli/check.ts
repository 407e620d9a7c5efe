// `icm-trace check [--json] FILE|DIR|GLOB...`: findings like a compiler's diagnostics. Files are
// streamed in chunks, so their size does not matter.

import { isEditorOnly } from "../knowledge/catalogue";
import type { Language } from "../knowledge/types";
import type { Finding } from "../model/findings";
import { BinaryTraceError } from "../engine/encoding";
import { analyzeBundle } from "../analysis/bundle";
import { analyzeTraceFile } from "../analysis/traceFileStream";
import { isArchiveName, isGzipName, isMemberPath, UnreadableArchiveError } from "../engine/archive";
import { checkReadable, CliError, type CliIo } from "./io";
import { expandTracePaths } from "./paths";

export interface CheckOptions {
  readonly json: boolean;
  readonly hints: boolean;
  readonly language: Language;
  readonly encoding?: string;
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

/** Findings as the CLI reports them: 1-based positions, the file as given. */
export function toCheckedFindings(file: string, findings: readonly Finding[], options: Pick<CheckOptions, "hints" | "language">): CheckedFinding[] {
  const results: CheckedFinding[] = [];
  for (const finding of findings) {
    if (!options.hints && isEditorOnly(finding.id)) continue;
    results.push({
      file,
      line: finding.startPosition.line + 1,
      column: finding.startPosition.character + 1,
      endLine: finding.endPosition.line + 1,
      endColumn: finding.endPosition.character + 1,
      severity: finding.severity,
      code: finding.id,
      message: finding.message[options.language],
    });
  }
  return results;
}

/**
 * Every readable file is reported; each path that cannot be read is named on stderr, and then the
 * exit code is 2 (else 1 when an error was found, else 0). A file that reads as a document rather
 * than a trace is named on stderr and not checked.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  if (paths.length === 0) throw new CliError("check needs at least one FILE, folder or glob");
  const { files, problems } = expandTracePaths(paths);
  const unreadable = (message: string) => {
    io.stderr(`icm-trace: ${message}\n`);
    unreadableCount++;
  };
  let unreadableCount = 0;
  problems.forEach(unreadable);
  const all: CheckedFinding[] = [];
  let errors = false;
  const report = (file: string, findings: readonly Finding[]) => {
    const results = toCheckedFindings(file, findings, options);
    errors ||= results.some((r) => r.severity === "error");
    if (options.json) all.push(...results);
    else io.stdout(results.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code}: ${r.message}\n`).join(""));
  };
  for (const file of files) {
    if (isArchiveName(file) || isGzipName(file) || isMemberPath(file)) {
      // Every trace member of a bundle, streamed from the archive; findings name the member.
      try {
        await analyzeBundle(file, ({ member, analysis }) => {
          // A member's problem is said and the rest is read: only a whole unreadable archive is an error.
          if (member.problem !== null) io.stderr(`icm-trace: ${member.file}: ${member.problem}\n`);
          else if (analysis !== null) report(member.file, analysis.findings);
        }, { analysis: { editorHints: options.hints }, ...(options.encoding === undefined ? {} : { encoding: options.encoding }) });
      } catch (error) {
        if (!(error instanceof UnreadableArchiveError)) throw error;
        unreadable(error.message);
      }
      continue;
    }
    let analysis;
    try {
      checkReadable(file);
      analysis = await analyzeTraceFile(file, { analysis: { editorHints: options.hints }, ...(options.encoding === undefined ? {} : { encoding: options.encoding }) });
    } catch (error) {
      if (error instanceof CliError || error instanceof BinaryTraceError) unreadable(error.message);
      else unreadable(`cannot read '${file}': ${(error as Error).message}`);
      continue;
    }
    if (!analysis.isTrace) {
      io.stderr(`icm-trace: '${file}' reads as a document, not an ICM trace: not checked\n`);
      continue;
    }
    report(file, analysis.findings);
  }
  if (options.json) io.stdout(`${JSON.stringify(all, null, 2)}\n`);
  return unreadableCount > 0 ? 2 : errors ? 1 : 0;
}

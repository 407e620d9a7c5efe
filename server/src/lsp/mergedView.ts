// The merged view: every entry of a set of traces on one clock, one line each, prefixed by its lane
// and corrected time, with the findings of its entry and a way back to its source line.

import { fileURLToPath } from "node:url";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import type { TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { mergeTraces, type MergedEntry, type MergeInput } from "../analysis/merge";
import { isEditorOnly } from "../knowledge/catalogue";
import type { Language } from "../shared/text";
import type { MergedView, MergedViewDiagnostic, MergedViewParams } from "../shared/protocol";
import { readTraceOrMember } from "./readTraceUri";

/** A trace's name as a lane reads it: its path, or a bundle member's `ARCHIVE!/path`. */
export function nameOf(uri: string): string {
  if (uri.startsWith("file:")) return fileURLToPath(uri);
  const at = uri.indexOf(":");
  return decodeURIComponent(uri.slice(at + 1));
}

/** The corrected time of the last timed entry that starts on or before `line` of `uri`. */
export function entryTimeAt(entries: readonly MergedEntry[], uris: readonly string[], at: { readonly uri: string; readonly line: number }): number {
  const traceIndex = uris.indexOf(at.uri);
  let center: MergedEntry | undefined;
  for (const e of entries) if (e.traceIndex === traceIndex && e.line <= at.line && (center === undefined || e.line >= center.line)) center = e;
  if (center === undefined) throw new ResponseError(ErrorCodes.InvalidParams, "no timed entry at that position");
  return center.time;
}

/** The entries within `seconds` of the last entry that starts on or before `line` of `uri`, on the common clock. */
function around(entries: readonly MergedEntry[], uris: readonly string[], at: NonNullable<MergedViewParams["around"]>): readonly MergedEntry[] {
  const time = entryTimeAt(entries, uris, at);
  return entries.filter((e) => Math.abs(e.time - time) <= at.seconds);
}

/** The traces to merge: open documents as the editor holds them, others read from disk or their bundle. */
export async function mergeInputs(uris: readonly string[], documents: TextDocuments<TextDocument>): Promise<MergeInput[]> {
  const inputs: MergeInput[] = [];
  for (const uri of uris) inputs.push({ file: nameOf(uri), text: documents.get(uri)?.getText() ?? (await readTraceOrMember(uri)) });
  return inputs;
}

export async function mergedView(params: MergedViewParams, documents: TextDocuments<TextDocument>, language: Language): Promise<MergedView> {
  const uris = params?.uris;
  if (!Array.isArray(uris) || uris.length === 0 || !uris.every((u) => typeof u === "string")) throw new ResponseError(ErrorCodes.InvalidParams, "the merged view needs trace URIs");
  const set = mergeTraces(await mergeInputs(uris, documents), { offsets: params.offsets ?? {} });
  const entries = params.around === undefined ? set.entries : around(set.entries, uris, params.around);
  // Each source entry's line in the view, for its findings.
  const lineOf = new Map<string, number>();
  const width = Math.max(0, ...entries.map((e) => e.lane.length));
  const text: string[] = [];
  entries.forEach((e, line) => {
    lineOf.set(`${e.traceIndex}:${e.entryIndex}`, line);
    text.push(`${e.lane.padEnd(width)}  ${e.timeText}  ${e.message}`);
  });
  const diagnostics: MergedViewDiagnostic[] = [];
  set.analyses.forEach((analysis, traceIndex) => {
    for (const finding of analysis.findings) {
      if (isEditorOnly(finding.id)) continue;
      const line = lineOf.get(`${traceIndex}:${finding.entryIndex}`);
      if (line !== undefined) diagnostics.push({ line, severity: finding.severity, code: finding.id, message: finding.message[language] });
    }
  });
  return {
    text: text.join("\n"),
    lines: entries.map((e) => ({ uri: uris[e.traceIndex]!, line: e.line, column: e.column })),
    diagnostics,
    clocks: set.clocks,
  };
}

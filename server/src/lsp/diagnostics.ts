// Findings as LSP diagnostics: ranged on the failing entry, `code` = catalogue id.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import type { Language, Severity } from "../knowledge/types";
import type { Finding } from "../model/findings";
import { DIAGNOSTIC_SOURCE } from "../shared/protocol";
import type { DocumentAnalysis } from "./analysisCache";

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface FindingData {
  readonly id: string;
  /** Index of the finding in the analysis of `version`. */
  readonly finding: number;
  readonly version: number;
}

/** A finding as a diagnostic, without related information. */
export function findingToDiagnostic(finding: Finding, language: Language): Diagnostic {
  return {
    range: { start: finding.startPosition, end: finding.endPosition },
    severity: SEVERITY[finding.severity],
    code: finding.id,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message[language],
  };
}

export function toDiagnostics(
  doc: DocumentAnalysis,
  language: Language,
  crossFile: ReadonlyMap<number, DiagnosticRelatedInformation[]> = new Map(),
): Diagnostic[] {
  const { findings } = doc.analysis;
  return findings.map((finding, index) => {
    const inFile: DiagnosticRelatedInformation[] = finding.related.map((r) => {
      return {
        location: { uri: doc.uri, range: { start: r.startPosition, end: r.endPosition } },
        message: r.message[language],
      };
    });
    const related = [...inFile, ...(crossFile.get(index) ?? [])];
    const data: FindingData = { id: finding.id, finding: index, version: doc.version };
    const diagnostic: Diagnostic = { ...findingToDiagnostic(finding, language), data };
    if (related.length > 0) diagnostic.relatedInformation = related;
    return diagnostic;
  });
}

export function rangeOf(doc: DocumentAnalysis, start: number, end: number) {
  const { lineIndex } = doc.analysis.split;
  return { start: lineIndex.positionAt(start), end: lineIndex.positionAt(end) };
}

/** The findings whose range holds the offset, most severe first. */
export function findingsAt(doc: DocumentAnalysis, offset: number): Finding[] {
  return doc.analysis.findings.filter((f) => f.start <= offset && offset <= f.end);
}

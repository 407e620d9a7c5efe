// What analysis reports: findings tied to entries, with messages in both languages.

import type { Localized, Severity } from "../shared/text";

/** A 0-based line and character (UTF-16 code units), as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A range in the whole trace: offsets and 0-based line/character positions. */
export interface TraceRange {
  readonly start: number;
  readonly end: number;
  readonly startPosition: Position;
  readonly endPosition: Position;
}

export interface RelatedEntry extends TraceRange {
  readonly entryIndex: number;
  readonly message: Localized;
}

export interface Finding extends TraceRange {
  /** The catalogue record's id. */
  readonly id: string;
  readonly severity: Severity;
  /** The entry the finding is about; its range is the finding's range. */
  readonly entryIndex: number;
  /** The finding's range is the entry's text, unless the rule names another range. */
  readonly message: Localized;
  /** `Last API Error [N]` of the entry, when it has one. */
  readonly apiError: number | null;
  /** Values the message was filled with, for hovers and quick fixes. */
  readonly values: Readonly<Record<string, string>>;
  /** Other entries that explain this finding. */
  readonly related: readonly RelatedEntry[];
}

/** How many of the findings are errors and how many warnings. */
export function countBySeverity(findings: readonly { readonly severity: Severity }[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

export interface AnalysisOptions {
  /** Seconds of waiting after which an incomplete RECEIVE is an error rather than a warning. */
  readonly receiveErrorAfterSeconds: number;
  /** Record ids not to report. */
  readonly ignore: readonly string[];
  /** Whether to report editor-only hints (run-together entries). */
  readonly editorHints: boolean;
}

export const defaultAnalysisOptions: AnalysisOptions = {
  receiveErrorAfterSeconds: 120,
  ignore: [],
  editorHints: true,
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER[a] - SEVERITY_ORDER[b];
}

const compiledTemplates = new Map<string, readonly string[]>();

/** A template as alternating literal text and placeholder names, parsed once. */
function compileTemplate(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([A-Za-z][A-Za-z0-9]*)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders; unknown names are left as they are. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const parts = compileTemplate(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (values[name] ?? `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

export function fillLocalized(template: Localized, values: Readonly<Record<string, string>>): Localized {
  return { en: fillTemplate(template.en, values), ja: fillTemplate(template.ja, values) };
}

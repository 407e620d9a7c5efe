// The A/B diagnosis as Markdown for a support ticket: the verdict, the evidence lines of both
// sides with their own and aligned times, and the fixes. Trace text goes into code spans and every
// other piece of text is escaped, so a pasted ticket shows `<cust_inst>` rather than eating it.

import type { Language } from "../shared/text";
import type { CompareModel, EvidenceLine } from "../shared/compareModel";
import { codeSpan } from "./markdown";
import { clockText, formatOffset, laneLabel, pairIssuesOf, sideName } from "./compareTimeline";

export interface MarkdownOptions {
  /** How to name the two files (e.g. workspace-relative paths); defaults to the model's. */
  readonly files?: readonly [string, string];
  /** The offset in effect (the view's control may have changed it); defaults to the model's. */
  readonly offsetSeconds?: number;
}

const WORDS = {
  en: {
    title: "ICM state transfer diagnosis",
    files: "Traces",
    offsetOf: (side: string) => `Clock offset of ${side}`,
    verdict: "Verdict",
    evidence: "Evidence",
    fixes: "Fixes",
    noEvidence: "No evidence lines.",
    pairIssues: "Also found in both traces together",
    on: (clock: string, side: string) => `${clock} on ${side}'s clock`,
  },
  ja: {
    title: "ICM 状態転送の診断",
    files: "トレース",
    offsetOf: (side: string) => `${side} の時計のずれ`,
    verdict: "判定",
    evidence: "根拠",
    fixes: "対処",
    noEvidence: "根拠の行はありません。",
    pairIssues: "両方のトレースを合わせて見つかった問題",
    on: (clock: string, side: string) => `${side} の時計で ${clock}`,
  },
};

export function compareAsMarkdown(model: CompareModel, language: Language, options: MarkdownOptions = {}): string {
  const w = WORDS[language];
  const files = options.files ?? [model.sides[0].file, model.sides[1].file];
  const offset = options.offsetSeconds ?? model.offsetSeconds;
  const labels = model.sides.map((_, i) => laneLabel(model, i, language));
  const out: string[] = [];
  out.push(`## ${escapeMarkdownText(w.title)}: ${codeSpan(model.verdict.code)}`, "");
  out.push(`**${escapeMarkdownText(w.files)}**`, "");
  model.sides.forEach((_, i) => out.push(`- ${escapeMarkdownText(labels[i]!)}: ${codeSpan(files[i]!)}`));
  out.push(
    `- ${escapeMarkdownText(w.offsetOf(labels[1]!))}: ${escapeMarkdownText(formatOffset(offset, language))}`,
    "",
  );
  out.push(`**${escapeMarkdownText(w.verdict)}**: ${escapeMarkdownText(model.verdict.summary[language])}`, "");
  out.push(`**${escapeMarkdownText(w.evidence)}**`, "");
  if (model.verdict.evidence.length === 0) out.push(escapeMarkdownText(w.noEvidence, { startsLine: true }));
  const evidenceLines = (lines: readonly EvidenceLine[], indent: string) => {
    for (const e of lines) {
      if (model.sides[e.sideIndex] === undefined) continue;
      const where = `${files[e.sideIndex]!}:${e.line + 1}:${e.column + 1}`;
      // The entry's time on sides[0]'s clock, for lines from the other side.
      const aligned = e.sideIndex === 1 ? alignedClock(model, e.entryIndex, offset) : null;
      const time = aligned === null ? codeSpan(e.clock) : `${codeSpan(e.clock)} (${escapeMarkdownText(w.on(aligned, sideName(model, 0, language)))})`;
      out.push(`${indent}- ${escapeMarkdownText(labels[e.sideIndex]!)}, ${time}, ${codeSpan(where)}:`);
      out.push(`${indent}  ${codeSpan(e.text)}`);
    }
  };
  evidenceLines(model.verdict.evidence, "");
  const fixes = model.verdict.fixes[language];
  if (fixes.length > 0) {
    out.push("", `**${escapeMarkdownText(w.fixes)}**`, "");
    fixes.forEach((fix, i) => out.push(`${i + 1}. ${escapeMarkdownText(fix)}`));
  }
  const issues = pairIssuesOf(model);
  if (issues.length > 0) {
    out.push("", `**${escapeMarkdownText(w.pairIssues)}**`, "");
    for (const issue of issues) {
      out.push(`- ${codeSpan(issue.id)} (${escapeMarkdownText(issue.severity)}): ${escapeMarkdownText(issue.message[language])}`);
      evidenceLines(issue.evidence, "  ");
    }
  }
  return `${out.join("\n")}\n`;
}

function alignedClock(model: CompareModel, entryIndex: number, offset: number): string | null {
  const event = model.sides[1].events.find((ev) => ev.entryIndex === entryIndex);
  return event === undefined ? null : clockText(event.time + offset);
}

// Characters that start emphasis, links, HTML, code, tables or strikethrough anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;
// What only matters at the start of a line: headings, quotes, lists, thematic breaks.
const LINE_START_SPECIAL = /^(\s*)([#>+=-]|\d+[.)])/;

/**
 * Escapes text for Markdown so that it shows as written: no emphasis, links, HTML, or (with
 * `startsLine`) headings and lists. Lighter than the hover's escaping so that the raw ticket text
 * stays readable.
 */
export function escapeMarkdownText(text: string, { startsLine = false }: { readonly startsLine?: boolean } = {}): string {
  const inline = text.replace(/\r?\n|\r/g, " ").replace(INLINE_SPECIAL, (c) => `\\${c}`);
  if (!startsLine) return inline;
  return inline.replace(LINE_START_SPECIAL, (_, space: string, mark: string) => `${space}${mark.replace(/([#>+=\-.)])$/, "\\$1")}`);
}

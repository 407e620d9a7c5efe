// Hover on a failure: what it means, why it happens, how to fix it, and where it sits in time.

import type { Hover } from "vscode-languageserver";
import { catalogueRecord } from "../knowledge/catalogue";
import type { Language } from "../knowledge/types";
import { describeApiError } from "../knowledge/apiError";
import { formatClock, formatDuration } from "../engine/clock";
import { compareSeverity, type Finding } from "../model/findings";
import type { DocumentAnalysis } from "./analysisCache";
import { findingsAt, rangeOf } from "./diagnostics";
import { codeSpan, escapeMarkdown } from "../render/markdown";

const LABELS = {
  en: {
    causes: "Likely causes",
    fixes: "Fixes",
    apiError: "Last API Error",
    sincePrevious: "since the previous entry",
    sinceTransfer: "since the state transfer began at",
    time: "Time",
  },
  ja: {
    causes: "考えられる原因",
    fixes: "対処",
    apiError: "Last API Error",
    sincePrevious: "前のエントリから",
    sinceTransfer: "状態転送の開始からの経過（開始",
    time: "時刻",
  },
};

export function hoverAt(doc: DocumentAnalysis, offset: number, language: Language): Hover | null {
  const findings = findingsAt(doc, offset).sort((a, b) => compareSeverity(a.severity, b.severity));
  if (findings.length === 0) return null;
  const sections = findings.map((f) => describeFinding(doc, f, language));
  const first = findings[0]!;
  return {
    contents: { kind: "markdown", value: sections.join("\n\n---\n\n") },
    range: rangeOf(doc, first.start, first.end),
  };
}

/** The Markdown for one finding: catalogue text is ours; anything from the trace is escaped. */
export function describeFinding(doc: DocumentAnalysis, finding: Finding, language: Language): string {
  const record = catalogueRecord(finding.id);
  const labels = LABELS[language];
  const lines: string[] = [];
  const title = record?.title[language] ?? finding.id;
  lines.push(`**${escapeMarkdown(title)}** · ${codeSpan(finding.id)} · ${finding.severity}`, "");
  lines.push(escapeMarkdown(finding.message[language]), "");
  if (record !== undefined) {
    lines.push(record.explanation[language], "");
    lines.push(`**${labels.causes}**`, "", ...record.causes[language].map((c) => `- ${c}`), "");
    lines.push(`**${labels.fixes}**`, "", ...record.fixes[language].map((c) => `- ${c}`), "");
  }
  if (finding.apiError !== null) {
    lines.push(`**${labels.apiError} [${finding.apiError}]**: ${escapeMarkdown(describeApiError(finding.apiError, language))}`, "");
  }
  const timing = describeTiming(doc, finding, language);
  if (timing !== null) lines.push(timing);
  return lines.join("\n").trimEnd();
}

function describeTiming(doc: DocumentAnalysis, finding: Finding, language: Language): string | null {
  const { split } = doc.analysis;
  const entry = finding.entryIndex < split.count ? split.entryAt(finding.entryIndex) : undefined;
  if (entry === undefined || entry.elapsedClock === null) return null;
  const labels = LABELS[language];
  const parts = [`**${labels.time}** ${formatClock(entry.elapsedClock)}`];
  const previous = finding.entryIndex > 0 ? split.entryAt(finding.entryIndex - 1) : undefined;
  if (previous !== undefined && previous.elapsedClock !== null) {
    parts.push(`${formatDuration(entry.elapsedClock - previous.elapsedClock, language)} ${labels.sincePrevious}`);
  }
  const phase = doc.phases().find((p) => (p.kind === "send" || p.kind === "receive") && p.firstEntry <= entry.index && entry.index <= p.lastEntry);
  const began = phase === undefined ? undefined : split.entryAt(phase.firstEntry);
  if (began !== undefined && began.elapsedClock !== null) {
    const since = formatDuration(entry.elapsedClock - began.elapsedClock, language);
    parts.push(language === "ja" ? `${labels.sinceTransfer} ${formatClock(began.elapsedClock)}）: ${since}` : `${since} ${labels.sinceTransfer} ${formatClock(began.elapsedClock)}`);
  }
  return parts.join(" · ");
}

// The outline: start-up, synchronisation, state transfer send/receive, and failures within them.

import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { Language } from "../knowledge/types";
import { formatClock } from "../engine/clock";
import { compareSeverity } from "../model/findings";
import type { PhaseKind, TracePhase } from "../analysis/transferEvents";
import type { DocumentAnalysis } from "./analysisCache";
import { rangeOf } from "./diagnostics";

const PHASE_NAMES: Record<Language, Record<PhaseKind, string>> = {
  en: { startup: "Start-up", sync: "Synchronisation", send: "State transfer SEND", receive: "State transfer RECEIVE" },
  ja: { startup: "起動", sync: "同期", send: "状態転送 SEND", receive: "状態転送 RECEIVE" },
};

const OUTCOMES: Record<Language, Record<NonNullable<TracePhase["outcome"]>, string>> = {
  en: { complete: "completed", failed: "failed", assert: "asserted", open: "not completed" },
  ja: { complete: "完了", failed: "失敗", assert: "アサート", open: "未完了" },
};

export function documentSymbols(doc: DocumentAnalysis, language: Language): DocumentSymbol[] {
  const { split, findings } = doc.analysis;
  const phases = doc.phases();
  const symbols: DocumentSymbol[] = [];
  const failures = findings
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .sort((a, b) => a.start - b.start || compareSeverity(a.severity, b.severity));
  const placed = new Set<number>();
  phases.forEach((phase, i) => {
    // Start-up and synchronisation run until the next phase begins.
    const next = phases[i + 1];
    const lastEntry = phase.kind === "startup" || phase.kind === "sync" ? Math.max(phase.lastEntry, (next?.firstEntry ?? split.count) - 1) : phase.lastEntry;
    const first = split.entryAt(phase.firstEntry);
    const last = split.entryAt(lastEntry);
    const range = rangeOf(doc, first.start, last.contentEnd);
    const children: DocumentSymbol[] = [];
    failures.forEach((f, index) => {
      if (placed.has(index) || f.entryIndex < phase.firstEntry || f.entryIndex > lastEntry) return;
      placed.add(index);
      children.push(failureSymbol(doc, f, language));
    });
    const outcome = phase.outcome === null ? "" : ` — ${OUTCOMES[language][phase.outcome]}`;
    symbols.push({
      name: PHASE_NAMES[language][phase.kind],
      detail: `${first.clock === null ? "" : formatClock(first.clock)}${outcome}`,
      kind: phase.kind === "send" || phase.kind === "receive" ? SymbolKind.Event : SymbolKind.Namespace,
      range,
      selectionRange: rangeOf(doc, first.start, first.contentEnd),
      children,
    });
  });
  failures.forEach((f, index) => {
    if (!placed.has(index)) symbols.push(failureSymbol(doc, f, language));
  });
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function failureSymbol(doc: DocumentAnalysis, finding: DocumentAnalysis["analysis"]["findings"][number], language: Language): DocumentSymbol {
  const range = rangeOf(doc, finding.start, finding.end);
  return {
    name: finding.id,
    detail: finding.message[language],
    kind: finding.severity === "error" ? SymbolKind.Key : SymbolKind.Property,
    range,
    selectionRange: range,
  };
}

// parse → entries → findings: the one analysis every consumer (server, CLI, tests) calls.

import { catalogue } from "../catalogue";
import type { FailureRecord, LineMatch, Localized } from "../catalogue/types";
import { apiErrorValues, readApiError } from "./apiError";
import { splitEntries, type EntrySplit } from "./entries";
import { defaultAnalysisOptions, fillLocalized, type AnalysisOptions, type Finding } from "./findings";
import { sequenceRules } from "./sequenceRules";
import { sideFromText, transferRole, type PairSide, type TransferRole } from "./traceFacts";

export interface TraceAnalysis {
  readonly split: EntrySplit;
  /** Sorted by position. */
  readonly findings: readonly Finding[];
  readonly role: TransferRole | null;
  /** The side named by the trace's text; a file name may tell it when this is null. */
  readonly side: PairSide | null;
}

interface LineRecord {
  readonly record: FailureRecord;
  readonly match: LineMatch;
}

const lineRecords: readonly LineRecord[] = catalogue.flatMap((record) =>
  record.match.kind === "line" ? [{ record, match: record.match }] : [],
);

export function analyzeTrace(text: string, options: Partial<AnalysisOptions> = {}): TraceAnalysis {
  const settings: AnalysisOptions = { ...defaultAnalysisOptions, ...options };
  const split = splitEntries(text);
  const ignored = new Set(settings.ignore);
  const findings: Finding[] = [...matchLines(split, ignored), ...applySequenceRules(split, settings, ignored)];
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  return { split, findings, role: transferRole(split), side: sideFromText(text) };
}

function apiErrorAllows(match: LineMatch, apiError: number | null): boolean {
  if (match.apiErrors !== undefined) return apiError !== null && match.apiErrors.includes(apiError);
  if (match.apiErrorsExcept !== undefined) return apiError === null || !match.apiErrorsExcept.includes(apiError);
  return true;
}

function matchLines(split: EntrySplit, ignored: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const { text } = split;
  for (const entry of split.entries) {
    if (entry.kind !== "entry") continue;
    const message = text.slice(entry.messageStart, entry.contentEnd);
    let apiError: number | null | undefined;
    let matchedSpecific = false;
    for (const { record, match } of lineRecords) {
      if (match.fallback === true && matchedSpecific) continue;
      if (!message.includes(match.anchor)) continue;
      let groups: Record<string, string> = {};
      if (match.pattern !== undefined) {
        const found = match.pattern.exec(message);
        if (found === null) continue;
        groups = { ...found.groups };
      }
      if (apiError === undefined) apiError = readApiError(message);
      if (!apiErrorAllows(match, apiError)) continue;
      if (match.fallback !== true) matchedSpecific = true;
      if (ignored.has(record.id)) continue;
      const values = apiError === null ? { en: groups, ja: groups } : withApiError(groups, apiError);
      findings.push({
        id: record.id,
        severity: record.severity,
        entryIndex: entry.index,
        start: entry.start,
        end: entry.contentEnd,
        message: fillBoth(record.message, values),
        apiError,
        values: values.en,
        related: [],
      });
    }
  }
  return findings;
}

function withApiError(groups: Record<string, string>, code: number): Localized<Record<string, string>> {
  const named = apiErrorValues(code);
  return { en: { ...groups, ...named.en }, ja: { ...groups, ...named.ja } };
}

function fillBoth(template: Localized, values: Localized<Record<string, string>>): Localized {
  return { en: fillLocalized(template, values.en).en, ja: fillLocalized(template, values.ja).ja };
}

function applySequenceRules(split: EntrySplit, options: AnalysisOptions, ignored: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const record of catalogue) {
    if (record.match.kind !== "sequence" || ignored.has(record.id)) continue;
    for (const hit of sequenceRules[record.match.rule](split, options)) {
      const entry = split.entries[hit.entryIndex]!;
      findings.push({
        id: record.id,
        severity: hit.severity ?? record.severity,
        entryIndex: hit.entryIndex,
        start: hit.range?.start ?? entry.start,
        end: hit.range?.end ?? entry.contentEnd,
        message: fillBoth(record.message, hit.values),
        apiError: hit.apiError ?? null,
        values: hit.values.en,
        related: hit.related,
      });
    }
  }
  return findings;
}

// Quick fixes on catalogued failures: split the run-together entries, copy the fix command,
// ignore the signature, show the explanation.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from "vscode-languageserver";
import { catalogueRecord } from "../knowledge/catalogue";
import type { Language } from "../knowledge/types";
import { fillTemplate } from "../model/findings";
import { lineBreakInsertions } from "../engine/splitText";
import { clientCommands, DIAGNOSTIC_SOURCE } from "../shared/protocol";
import type { DocumentAnalysis } from "./analysisCache";
import type { FindingData } from "./diagnostics";

const TITLES = {
  en: {
    split: "Split run-together entries onto separate lines",
    ignore: (id: string) => `Ignore ${id} in this workspace`,
    explain: (title: string) => `Show explanation: ${title}`,
  },
  ja: {
    split: "連結されたエントリを行ごとに分割",
    ignore: (id: string) => `このワークスペースで ${id} を無視`,
    explain: (title: string) => `説明を表示: ${title}`,
  },
};

export function splitEdits(doc: DocumentAnalysis): TextEdit[] {
  const { split } = doc.analysis;
  return lineBreakInsertions(split).map((insertion) => {
    const position = split.lineIndex.positionAt(insertion.offset);
    return { range: { start: position, end: position }, newText: insertion.text };
  });
}

/** What a split action carries until the client resolves its edit (`codeAction/resolve`). */
export interface SplitActionData {
  readonly splitUri: string;
  readonly version: number;
}

export function isSplitActionData(data: unknown): data is SplitActionData {
  return typeof data === "object" && data !== null && typeof (data as SplitActionData).splitUri === "string";
}

/**
 * The quick fixes for the diagnostics in `params`. With `resolveEdits`, the split action's edit
 * (one insertion per run-together entry, thousands in a large trace) is left to
 * `codeAction/resolve`, so that listing the actions stays instant.
 */
export function codeActionsFor(doc: DocumentAnalysis, params: CodeActionParams, language: Language, resolveEdits = false): CodeAction[] {
  const only = params.context.only;
  if (only !== undefined && !only.some((kind) => kind === CodeActionKind.QuickFix || kind.startsWith(`${CodeActionKind.QuickFix}.`))) {
    return [];
  }
  const titles = TITLES[language];
  const actions: CodeAction[] = [];
  const hasRunTogether = doc.analysis.split.runTogetherLines.length > 0;
  const seen = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const id = typeof diagnostic.code === "string" ? diagnostic.code : (diagnostic.data as FindingData | undefined)?.id;
    const record = id === undefined ? undefined : catalogueRecord(id);
    if (record === undefined || id === undefined) continue;
    const finding = findingFor(doc, diagnostic);
    const values = finding?.values ?? {};
    if (hasRunTogether && !seen.has("split")) {
      seen.add("split");
      const action: CodeAction = {
        title: titles.split,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: record.id === "run-together-entries",
      };
      if (resolveEdits) action.data = { splitUri: doc.uri, version: doc.version } satisfies SplitActionData;
      else action.edit = { changes: { [doc.uri]: splitEdits(doc) } };
      actions.push(action);
    }
    for (const hint of record.quickFixes) {
      if (hint.kind === "splitEntries") continue;
      const key = `${hint.kind}|${hint.title.en}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (hint.kind === "copyCommand") {
        const text = fillTemplate(hint.command, values);
        actions.push({
          title: hint.title[language],
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: hint.title[language], command: clientCommands.copyToClipboard, arguments: [text] },
        });
      } else {
        actions.push({
          title: hint.title[language],
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: hint.title[language], command: clientCommands.openUrl, arguments: [hint.url] },
        });
      }
    }
    if (!seen.has(`explain|${id}`)) {
      seen.add(`explain|${id}`);
      const title = titles.explain(record.title[language]);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: clientCommands.showExplanation, arguments: [id] },
      });
    }
    if (!seen.has(`ignore|${id}`)) {
      seen.add(`ignore|${id}`);
      const title = titles.ignore(id);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: clientCommands.ignoreSignature, arguments: [id] },
      });
    }
  }
  return actions;
}

/** The finding behind a diagnostic, when the diagnostic came from this document version. */
function findingFor(doc: DocumentAnalysis, diagnostic: Diagnostic) {
  const data = diagnostic.data as FindingData | undefined;
  if (data === undefined || data.version !== doc.version) return undefined;
  const finding = doc.analysis.findings[data.finding];
  return finding?.id === data.id ? finding : undefined;
}

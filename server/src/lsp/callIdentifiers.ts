// Follow a call in the editor: an identifier under the cursor (router call key, call GUID,
// correlation ID, dialog ID, routing client) says what it is and how many entries of the open traces
// name it, and "Find All References" lists those entries, the GUID's two notations alike.

import type { Location } from "vscode-languageserver";
import { CALL_ID_KIND_NAMES, callIdKey, findCallIds, type CallId } from "../knowledge/callIds";
import { codeSpan } from "../render/markdown";
import type { Language } from "../shared/text";
import type { DocumentAnalysis } from "./analysisCache";
import { rangeOf } from "./diagnostics";

interface Named {
  readonly start: number;
  readonly end: number;
  readonly id: CallId;
}

/** Each document version's identifiers, found once, when first asked for. */
const found = new WeakMap<DocumentAnalysis, readonly Named[]>();

function identifiersOf(doc: DocumentAnalysis): readonly Named[] {
  let named = found.get(doc);
  if (named === undefined) {
    const list: Named[] = [];
    const { split } = doc.analysis;
    const { text } = split;
    for (let i = 0; i < split.count; i++) {
      if (!split.hasMessage(i)) continue;
      const from = split.messageStartOf(i);
      const message = text.slice(from, split.contentEndOf(i));
      if (!/\d/.test(message)) continue;
      for (const id of findCallIds(message)) list.push({ start: from + id.start, end: from + id.end, id });
    }
    found.set(doc, (named = list));
  }
  return named;
}

/** The identifier written at `offset`, if any: only the entry there is read. */
export function callIdAt(doc: DocumentAnalysis, offset: number): Named | undefined {
  const { split } = doc.analysis;
  if (split.count === 0) return undefined;
  const index = split.indexAt(offset);
  if (!split.hasMessage(index)) return undefined;
  const from = split.messageStartOf(index);
  const message = split.text.slice(from, split.contentEndOf(index));
  for (const id of /\d/.test(message) ? findCallIds(message) : []) {
    if (from + id.start <= offset && offset < from + id.end) return { start: from + id.start, end: from + id.end, id };
  }
  return undefined;
}

/** Where the open traces name the call of `id`. */
export function callReferences(docs: readonly DocumentAnalysis[], id: CallId): Location[] {
  const key = callIdKey(id);
  return docs.flatMap((doc) => identifiersOf(doc).filter((n) => callIdKey(n.id) === key).map((n) => ({ uri: doc.uri, range: rangeOf(doc, n.start, n.end) })));
}

const WORDS = {
  en: { named: (entries: number, traces: number) => `named by ${entries} ${entries === 1 ? "entry" : "entries"} in ${traces} open ${traces === 1 ? "trace" : "traces"}`, find: "Find All References (Shift+F12) lists them." },
  ja: { named: (entries: number, traces: number) => `開いている ${traces} 個のトレースの ${entries} 件のエントリに出現`, find: "すべての参照を検索（Shift+F12）で一覧できます。" },
};

const KIND_NAMES_JA: Readonly<Record<CallId["kind"], string>> = {
  "router-call-key": "ルーター コール キー（RouterCallKeyDay.RouterCallKey）",
  "call-guid": "コール GUID",
  "correlation-id": "相関 ID",
  "dialog-id": "ダイアログ ID",
  "routing-client": "ルーティング クライアント ID",
};

/** The hover of an identifier: its kind, its normalised value, and how often the open traces name it. */
export function callIdHover(docs: readonly DocumentAnalysis[], named: Named, language: Language): string {
  const references = callReferences(docs, named.id);
  const traces = new Set(references.map((r) => r.uri)).size;
  const kind = language === "ja" ? KIND_NAMES_JA[named.id.kind] : CALL_ID_KIND_NAMES[named.id.kind];
  const w = WORDS[language];
  return `**${kind}** ${codeSpan(named.id.value)}: ${w.named(references.length, traces)}. ${w.find}`;
}

// Which entries deserve a closer look: those whose message holds a catalogue anchor or a sequence
// rule's marker. One pass of one literal alternation over the text, instead of every record
// against every entry: most entries of a large trace hold none.

import { catalogue } from "../catalogue";
import type { EntrySplit } from "./entries";
import { sequenceRules } from "./sequenceRules";
import { RECEIVE_MARKERS, SEND_MARKERS } from "./traceFacts";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function literalAlternation(words: Iterable<string>, flags: string): RegExp | null {
  const unique = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  return unique.length === 0 ? null : new RegExp(unique.map(escapeRegExp).join("|"), flags);
}

const ruleDefinitions = Object.values(sequenceRules);
const CASE_SENSITIVE = literalAlternation(
  [
    ...catalogue.flatMap((r) => (r.match.kind === "line" ? [r.match.anchor] : [])),
    ...ruleDefinitions.flatMap((d) => d.markers),
    ...SEND_MARKERS,
    ...RECEIVE_MARKERS,
  ],
  "g",
);
const ANY_CASE = literalAlternation(ruleDefinitions.flatMap((d) => d.markersAnyCase ?? []), "gi");

/** Indices of the entries whose message holds a marker, in order. */
export function entryMarkers(split: EntrySplit): number[] {
  const marked = new Set<number>();
  for (const pattern of [CASE_SENSITIVE, ANY_CASE]) {
    if (pattern !== null) markHits(split, pattern, marked);
  }
  return [...marked].sort((a, b) => a - b);
}

function markHits(split: EntrySplit, pattern: RegExp, marked: Set<number>): void {
  const { text, entries } = split;
  let e = 0;
  pattern.lastIndex = 0;
  for (let hit = pattern.exec(text); hit !== null; hit = pattern.exec(text)) {
    const at = hit.index;
    while (e < entries.length && entries[e]!.end <= at) e++;
    const entry = entries[e];
    if (entry === undefined) break;
    if (entry.kind === "entry" && at >= entry.messageStart && at + hit[0].length <= entry.contentEnd) {
      marked.add(e);
      // One marker is enough: the entry is checked in full later.
      pattern.lastIndex = Math.max(pattern.lastIndex, entry.end);
    }
  }
}

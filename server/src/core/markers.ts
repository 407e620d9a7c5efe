// Which entries deserve a closer look: those whose message holds a catalogue anchor or a sequence
// rule's marker. One multi-literal pass over the text, instead of every record against every
// entry: most entries of a large trace hold none.

import { catalogue } from "../catalogue";
import type { EntrySplit } from "./entries";
import { sequenceRules } from "./sequenceRules";
import { LiteralSet } from "./literalSet";
import { RECEIVE_MARKERS, SEND_MARKERS } from "./traceFacts";

/** Case variants of a marker matched without regard to case: enough for a first look. */
export function caseVariants(lower: string): string[] {
  const title = lower.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return [lower, lower[0]!.toUpperCase() + lower.slice(1), title, lower.toUpperCase()];
}

const ruleDefinitions = Object.values(sequenceRules);
const ALL_MARKERS = [
  ...new Set([
    ...catalogue.flatMap((r) => (r.match.kind === "line" ? [r.match.anchor] : [])),
    ...ruleDefinitions.flatMap((d) => d.markers),
    ...ruleDefinitions.flatMap((d) => (d.markersAnyCase ?? []).flatMap(caseVariants)),
    ...SEND_MARKERS,
    ...RECEIVE_MARKERS,
  ]),
];
// Short words would shrink every jump of the multi-literal scan: they get a search each instead.
const SHORT_WORD = 11;
const LONG_MARKERS = new LiteralSet(ALL_MARKERS.filter((w) => w.length >= SHORT_WORD));
const SHORT_MARKERS = new LiteralSet(ALL_MARKERS.filter((w) => w.length < SHORT_WORD));

/** The markers a message holds. */
export function markersIn(message: string): Set<string> {
  const found = new Set<string>();
  LONG_MARKERS.scan(message, (at, word) => {
    found.add(word);
    return at + 1;
  });
  SHORT_MARKERS.scan(message, (at, word) => {
    found.add(word);
    return at + 1;
  });
  return found;
}

/** Indices of the entries whose message holds a marker, in order. */
/** Indices of the timed entries whose message holds one of the set's words, in order. */
export function entriesHolding(split: EntrySplit, words: LiteralSet): number[] {
  const found: number[] = [];
  let e = 0;
  words.scan(split.text, (at, word) => {
    while (e < split.count && split.endOf(e) <= at) e++;
    if (e >= split.count) return split.text.length;
    if (split.isTimed(e) && at >= split.messageStartOf(e) && at + word.length <= split.contentEndOf(e)) {
      if (found[found.length - 1] !== e) found.push(e);
      return split.endOf(e);
    }
    return at + 1;
  });
  return found;
}

export function entryMarkers(split: EntrySplit): number[] {
  const marked = entriesHolding(split, LONG_MARKERS);
  if (SHORT_MARKERS.size === 0) return marked;
  return [...new Set([...marked, ...entriesHolding(split, SHORT_MARKERS)])].sort((x, y) => x - y);
}

// What a sequence rule is: it reads the entries that hold its markers, one at a time, keeps only
// what it needs (no entry lists) and reports hits under a catalogue record's id. The same rule
// serves a document in the editor and a 1 GB file streamed from disk: the engine decides how
// entries are kept; a rule only says which markers it wants and which entries to remember.

import type { TraceEntry } from "../../model/entries";
import type { AnalysisOptions } from "../../model/findings";
import type { Localized, Severity } from "../../shared/text";

export interface RelatedHit {
  readonly entry: TraceEntry;
  readonly message: Localized;
}

/** What a rule found, before the catalogue record turns it into a finding. */
export interface RuleHit {
  readonly entry: TraceEntry;
  readonly values: Localized<Record<string, string>>;
  readonly related: readonly RelatedHit[];
  /** Overrides the record's severity (e.g. a long wait makes an incomplete receive an error). */
  readonly severity?: Severity;
  readonly apiError?: number | null;
}

/**
 * The entry a rule is shown, valid only while the rule handles it: keep `entry`, or `remember` it,
 * never the SeenEntry itself (the engine shows the next entry through the same object; the rule
 * tests hand each entry in an object that throws when read after the rule returned).
 */
export interface SeenEntry<Marker extends string = string, Slot extends string = string> {
  readonly message: string;
  /** Whether the message holds `marker`, known from the marker scan without reading the message. */
  holds(marker: Marker): boolean;
  holdsAny(markers: readonly Marker[]): boolean;
  /** Making an entry costs more than most rules spend on most entries: read it to report it. */
  readonly entry: TraceEntry;
  /** Remembers this entry in `slot` instead of the one there: cheap enough to do at every entry. */
  remember(slot: Slot): void;
}

/** The entries a rule remembered, kept by the engine until the rule goes idle or the trace ends. */
export interface RuleMemory<Slot extends string = string> {
  /** The entry last remembered in `slot`, or null. */
  recall(slot: Slot): TraceEntry | null;
}

export interface SequenceRule<Marker extends string = string, Slot extends string = string> {
  /**
   * An entry whose message holds one of the rule's markers (others are not shown to it). While the
   * rule is idle, only entries that hold one of its `wakers` are shown to it.
   */
  onEntry(seen: SeenEntry<Marker, Slot>): void;
  /** Whether the rule waits for a waker: then nothing else would change it, and its memory is emptied. */
  readonly idle?: boolean;
  /** The trace ended; `last` is its last timed entry. */
  finish(last: TraceEntry | null): RuleHit[];
}

export interface SequenceRuleDefinition<Marker extends string = string, Slot extends string = string> {
  /** Literal texts an entry must hold for the rule to look at it. */
  readonly markers: readonly Marker[];
  /** Lower-case texts matched without regard to case (read from `message`). */
  readonly markersAnyCase?: readonly string[];
  /**
   * The markers that can start something while the rule is idle: most marked entries of a large
   * trace find a rule idle and are not handed to it. Only with rules that tell `idle`.
   */
  readonly wakers?: readonly Marker[];
  /** The names under which the rule remembers entries. */
  readonly slots?: readonly Slot[];
  readonly create: (options: AnalysisOptions, memory: RuleMemory<Slot>) => SequenceRule<Marker, Slot>;
}

/** A rule definition, with its markers and slots checked by the compiler wherever the rule names one. */
export function defineRule<const Marker extends string, const Slot extends string = never>(
  definition: SequenceRuleDefinition<Marker, Slot>,
): SequenceRuleDefinition<Marker, Slot> {
  return definition;
}

// A sequence rule that tells when it is idle is shown, while idle, only the entries that hold one of
// its wakers (analyze.ts). That must change nothing: two copies of each such rule read the same
// random entries, one all of them and one as the collector shows them, and report the same.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { defaultAnalysisOptions } from "../../server/src/model/findings";
import type { TraceEntry } from "../../server/src/engine/entries";
import { MARKERS } from "../../server/src/knowledge/markers";
import { sequenceRules, type RuleMemory, type SeenEntry, type SequenceRuleDefinition } from "../../server/src/knowledge/rules";

function entryAt(index: number, clock: number): TraceEntry {
  return {
    index, kind: "entry", start: index * 100, end: index * 100 + 99, contentEnd: index * 100 + 98, messageStart: index * 100 + 9,
    line: index, column: 0, endLine: index, endColumn: 98, midLine: false, clock, elapsedClock: clock,
    date: null, utcOffsetMinutes: null, processTag: null, level: "Trace",
  };
}

/**
 * An entry as the collector shows it: the markers it holds are those its message holds. A rule may
 * ask only for markers (the collector finds no other words), and this stub holds it to that.
 */
function seenEntry(message: string, entry: TraceEntry, memory: Map<string, TraceEntry>): SeenEntry & { retire(): void } {
  const marker = (word: string) => {
    assert.notEqual(MARKERS.indexOf(word), -1, `a rule asked for a word that is not a marker: ${word}`);
    return message.includes(word);
  };
  // The collector shows the next entry through the same object: a rule must not read this one later.
  let shown = true;
  const read = <T>(value: () => T): T => {
    assert.ok(shown, "a rule kept a SeenEntry and read it after it was shown");
    return value();
  };
  return {
    get message() {
      return read(() => message);
    },
    holds: (word) => read(() => marker(word)),
    holdsAny: (markers) => read(() => markers.map(marker).some((held) => held)),
    get entry() {
      return read(() => entry);
    },
    remember: (slot) => read(() => void memory.set(slot, entry)),
    retire: () => void (shown = false),
  };
}

/** A rule's memory as the collector keeps it: what the rule remembered, by slot. */
function memoryOf(slots: Map<string, TraceEntry>): RuleMemory {
  return { recall: (slot) => slots.get(slot) ?? null };
}

const rulesThatIdle = Object.entries(sequenceRules).filter(([, d]) => d.wakers !== undefined);

function messages(definition: SequenceRuleDefinition) {
  const words = [...definition.markers, ...(definition.markersAnyCase ?? []), "csco_sideA database.", "Connect to csco_sideA database.", "Connected to csco_sideA database.", "Connected to other database."];
  return fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(" "));
}

/** Up to `maxLength` entries of the rule's words, each some seconds after the one before. */
function entries(definition: SequenceRuleDefinition, maxLength: number) {
  return fc.array(fc.tuple(messages(definition), fc.integer({ min: 0, max: 600 })), { maxLength }).map((steps) => {
    let clock = 3600;
    return steps.map(([message, gap], index) => ({ message, entry: entryAt(index, (clock += gap)) }));
  });
}

describe("what rules ask of an entry", () => {
  for (const [name, definition] of Object.entries(sequenceRules)) {
    it(`${name}: asks only whether an entry holds markers`, () => {
      fc.assert(
        fc.property(entries(definition, 40), (trace) => {
          const slots = new Map<string, TraceEntry>();
          const rule = definition.create(defaultAnalysisOptions, memoryOf(slots));
          for (const { message, entry } of trace) {
            const seen = seenEntry(message, entry, slots);
            rule.onEntry(seen);
            seen.retire();
          }
          rule.finish(trace.at(-1)?.entry ?? null);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("rules that tell when they are idle", () => {
  it("are the rules with wakers, and each waker is one of the rule's markers", () => {
    assert.deepEqual(rulesThatIdle.map(([name]) => name).sort(), ["database-connect-incomplete", "peer-never-returned", "state-receive-incomplete"]);
    for (const [, definition] of rulesThatIdle) {
      for (const waker of definition.wakers!) assert.ok(definition.markers.includes(waker), waker);
      assert.equal(typeof definition.create(defaultAnalysisOptions, memoryOf(new Map())).idle, "boolean");
    }
  });

  for (const [name, definition] of rulesThatIdle) {
    it(`${name}: reports the same when shown, while idle, only the entries that may wake it`, () => {
      fc.assert(
        fc.property(entries(definition, 60), (trace) => {
          const everythingSlots = new Map<string, TraceEntry>();
          const filteredSlots = new Map<string, TraceEntry>();
          const everything = definition.create(defaultAnalysisOptions, memoryOf(everythingSlots));
          const filtered = definition.create(defaultAnalysisOptions, memoryOf(filteredSlots));
          const markers = [...definition.markers, ...(definition.markersAnyCase ?? [])].map((m) => m.toLowerCase());
          for (const { message, entry } of trace) {
            // The collector shows a rule only entries that hold one of its markers.
            if (!markers.some((m) => message.toLowerCase().includes(m))) continue;
            everything.onEntry(seenEntry(message, entry, everythingSlots));
            const wakes = definition.wakers!.some((w) => message.includes(w));
            if (filtered.idle !== true || wakes) filtered.onEntry(seenEntry(message, entry, filteredSlots));
            // The collector forgets what an idle rule remembered.
            if (filtered.idle === true) filteredSlots.clear();
          }
          const last = trace.at(-1)?.entry ?? null;
          assert.deepEqual(filtered.finish(last), everything.finish(last));
        }),
        { numRuns: 1000 },
      );
    });
  }
});

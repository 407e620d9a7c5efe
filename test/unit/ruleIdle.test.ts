// A sequence rule that tells when it is idle is shown, while idle, only the entries that hold one of
// its wakers (analyze.ts). That must change nothing: two copies of each such rule read the same
// random entries, one all of them and one as the collector shows them, and report the same.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { defaultAnalysisOptions } from "../../server/src/model/findings";
import { FIRST_CHUNK, type TraceEntry } from "../../server/src/engine/entries";
import { MARKERS } from "../../server/src/knowledge/markers";
import { sequenceRules, type SeenEntry, type SequenceRuleDefinition } from "../../server/src/knowledge/rules";

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
function seenEntry(message: string, entry: TraceEntry): SeenEntry {
  const marker = (word: string) => {
    assert.notEqual(MARKERS.indexOf(word), -1, `a rule asked for a word that is not a marker: ${word}`);
    return message.includes(word);
  };
  return {
    message,
    holds: marker,
    holdsAny: (markers) => markers.map(marker).some((held) => held),
    entry,
    holdIn: (held) => held.hold({ keepEntry: () => ({ entry, letGoUnread: () => undefined }) }, entry.index, FIRST_CHUNK),
  };
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
          const rule = definition.create(defaultAnalysisOptions);
          for (const { message, entry } of trace) rule.onEntry(seenEntry(message, entry));
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
      assert.equal(typeof definition.create(defaultAnalysisOptions).idle, "boolean");
    }
  });

  for (const [name, definition] of rulesThatIdle) {
    it(`${name}: reports the same when shown, while idle, only the entries that may wake it`, () => {
      fc.assert(
        fc.property(entries(definition, 60), (trace) => {
          const everything = definition.create(defaultAnalysisOptions);
          const filtered = definition.create(defaultAnalysisOptions);
          const markers = [...definition.markers, ...(definition.markersAnyCase ?? [])].map((m) => m.toLowerCase());
          for (const { message, entry } of trace) {
            // The collector shows a rule only entries that hold one of its markers.
            if (!markers.some((m) => message.toLowerCase().includes(m))) continue;
            everything.onEntry(seenEntry(message, entry));
            const wakes = definition.wakers!.some((w) => message.includes(w));
            if (filtered.idle !== true || wakes) filtered.onEntry(seenEntry(message, entry));
          }
          const last = trace.at(-1)?.entry ?? null;
          assert.deepEqual(filtered.finish(last), everything.finish(last));
        }),
        { numRuns: 1000 },
      );
    });
  }
});

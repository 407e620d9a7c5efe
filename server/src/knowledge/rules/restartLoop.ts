// The same process going down again and again within minutes: a restart loop.

import type { TraceEntry } from "../../model/entries";
import { formatClock, formatDuration } from "../../engine/clock";
import { ASSERTION, WENT_DOWN } from "../vocabulary";
import { defineRule, type RuleHit } from "./rule";

const RESTART_WINDOW_SECONDS = 15 * 60;
const RESTART_LOOP_COUNT = 3;
const PROCESS_DOWN = /Process (\S+) on (\S+) went down/;

interface Burst {
  readonly first: TraceEntry;
  last: TraceEntry;
  count: number;
  readonly name: string;
}

/** The same process going down again and again within minutes: a restart loop. */
export const restartLoop = defineRule({
  markers: [WENT_DOWN, ASSERTION],
  create() {
    const hits: RuleHit[] = [];
    // Per process: its current run of failures, each within the window of the one before.
    const bursts = new Map<string, Burst>();
    const close = (burst: Burst) => {
      if (burst.count < RESTART_LOOP_COUNT) return;
      const span = (burst.last.elapsedClock ?? 0) - (burst.first.elapsedClock ?? 0);
      const common = { process: burst.name, count: String(burst.count), first: formatClock(burst.first.clock ?? 0), last: formatClock(burst.last.clock ?? 0) };
      hits.push({
        entry: burst.last,
        values: { en: { ...common, window: formatDuration(span) }, ja: { ...common, window: formatDuration(span, "ja") } },
        related: [{ entry: burst.first, message: { en: "The first failure of the loop", ja: "ループ最初の停止" } }],
      });
    };
    return {
      onEntry(seen) {
        const down = PROCESS_DOWN.exec(seen.message);
        if (down === null && !seen.holds(ASSERTION)) return;
        const entry = seen.entry;
        const name = down !== null ? down[1]! : (entry.processTag ?? "the process");
        if (entry.elapsedClock === null) return;
        const burst = bursts.get(name);
        if (burst !== undefined && entry.elapsedClock - (burst.last.elapsedClock ?? 0) <= RESTART_WINDOW_SECONDS) {
          burst.last = entry;
          burst.count++;
          return;
        }
        if (burst !== undefined) close(burst);
        bursts.set(name, { first: entry, last: entry, count: 1, name });
      },
      finish() {
        bursts.forEach(close);
        bursts.clear();
        return hits;
      },
    };
  },
});

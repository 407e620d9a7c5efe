// A state transfer RECEIVE that never completes: the receiving Logger waits for MDS messages until
// it asserts, starts again, or the trace ends (the seed case of the Japanese tech note).

import { formatClock, formatDuration } from "../../engine/clock";
import type { TraceEntry } from "../../model/entries";
import { ASSERTION, isTransferDone, RECEIVE_START, RECEIVE_WAIT, TRANSFER_DONE } from "../vocabulary";
import { defineRule, type RelatedHit, type RuleHit } from "./rule";

interface OpenReceive {
  readonly start: TraceEntry;
  /** A long receive logs thousands of waits: the last is remembered in `lastWait`. */
  waits: number;
  assertion: TraceEntry | null;
}

export const receiveIncomplete = defineRule({
  markers: [RECEIVE_START, RECEIVE_WAIT, ASSERTION],
  markersAnyCase: TRANSFER_DONE,
  wakers: [RECEIVE_START],
  slots: ["lastWait", "lastSeen"],
  create(options, memory) {
    const hits: RuleHit[] = [];
    let open: OpenReceive | null = null;
    // `until` is read only when no wait or assertion ends the receive: an entry is made (its line
    // found) only when needed.
    const report = (receive: OpenReceive, until: () => TraceEntry | null, endedByTrace: boolean) => {
      const lastWait = receive.waits > 0 ? memory.recall("lastWait") : null;
      const end = lastWait ?? receive.assertion ?? until() ?? receive.start;
      const waitedSeconds = Math.max(0, (end.elapsedClock ?? 0) - (receive.start.elapsedClock ?? 0));
      const related: RelatedHit[] = [];
      if (lastWait !== null) {
        related.push({ entry: lastWait, message: { en: "Last wait for MDS messages", ja: "最後の MDS メッセージ待機" } });
      }
      if (receive.assertion !== null) {
        related.push({ entry: receive.assertion, message: { en: "The Logger asserted while waiting", ja: "待機中に Logger がアサート" } });
      }
      const common = { startedAt: formatClock(receive.start.clock ?? 0), waitedSeconds: String(waitedSeconds), waits: String(receive.waits) };
      hits.push({
        entry: receive.start,
        severity: waitedSeconds >= options.receiveErrorAfterSeconds ? "error" : "warning",
        values: {
          en: {
            ...common,
            waited: formatDuration(waitedSeconds),
            ending: receive.assertion !== null ? ", then the Logger asserted" : endedByTrace ? " (the trace ends here)" : " before the next attempt",
          },
          ja: {
            ...common,
            waited: formatDuration(waitedSeconds, "ja"),
            ending: receive.assertion !== null ? "、その後 Logger がアサート" : endedByTrace ? "（トレースはここで終了）" : "（次の試行まで）",
          },
        },
        related,
      });
    };
    return {
      get idle() {
        return open === null;
      },
      onEntry(seen) {
        if (seen.holds(RECEIVE_START)) {
          if (open !== null) report(open, () => memory.recall("lastSeen"), false);
          open = { start: seen.entry, waits: 0, assertion: null };
          seen.remember("lastSeen");
          return;
        }
        if (open === null) return;
        seen.remember("lastSeen");
        // Waits are by far the most frequent: look for them first.
        if (seen.holds(RECEIVE_WAIT)) {
          open.waits++;
          seen.remember("lastWait");
        } else if (isTransferDone(seen.message)) {
          open = null;
        } else if (open.assertion === null && seen.holds(ASSERTION)) {
          open.assertion = seen.entry;
        }
      },
      finish(last) {
        if (open !== null) report(open, () => last ?? memory.recall("lastSeen"), true);
        open = null;
        return hits;
      },
    };
  },
});

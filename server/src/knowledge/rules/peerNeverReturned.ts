// A peer, side or path that went out of service and did not come back for the rest of the trace.

import type { TraceEntry } from "../../model/entries";
import { formatClock, formatDuration } from "../../engine/clock";
import { defineRule } from "./rule";

const PEER_LOST = [
  "HeartBeat Event for Side",
  "Connection to Central Controller side",
  "is not connected to the Central Controller",
  "Isolated-Enabled",
  "path changing to idle state",
] as const;
// Long literals only: every marker is searched for in the whole text, and short ones slow that down.
const PEER_BACK = ["MDS is in service", "Paired-Enabled", "Paired-Disabled", "path changing to active state", "successfully reinitialized", "is operational"] as const;
/**
 * A message that says this is no news of a return. A marker too: the scan tells whether the
 * message holds it, as reading the message would, and most returns are read no further.
 */
const NOT_OPERATIONAL = "not operational";
const PEER_OUTAGE_SECONDS = 5 * 60;

/** A peer, side or path that went out of service and did not come back for the rest of the trace. */
export const peerNeverReturned = defineRule({
  markers: [...PEER_LOST, ...PEER_BACK, NOT_OPERATIONAL],
  wakers: PEER_LOST,
  create() {
    let lost: { entry: TraceEntry; what: string } | null = null;
    return {
      get idle() {
        return lost === null;
      },
      onEntry(seen) {
        if (seen.holdsAny(PEER_BACK) && !seen.holds(NOT_OPERATIONAL)) {
          lost = null;
          return;
        }
        if (lost === null && seen.holdsAny(PEER_LOST)) {
          const { message } = seen;
          lost = { entry: seen.entry, what: message.length > 120 ? `${message.slice(0, 120)}…` : message };
        }
      },
      finish(last) {
        if (lost === null || last === null) return [];
        const lasted = (last.elapsedClock ?? 0) - (lost.entry.elapsedClock ?? 0);
        if (lasted < PEER_OUTAGE_SECONDS) return [];
        const common = { what: lost.what, since: formatClock(lost.entry.clock ?? 0) };
        return [{
          entry: lost.entry,
          values: { en: { ...common, lasted: formatDuration(lasted) }, ja: { ...common, lasted: formatDuration(lasted, "ja") } },
          related: [{ entry: last, message: { en: "The trace ends here, still without it", ja: "復帰しないままトレースが終了" } }],
        }];
      },
    };
  },
});

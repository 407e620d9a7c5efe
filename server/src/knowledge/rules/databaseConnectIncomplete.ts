// `Connect to <db> database.` with no `Connected to <db> database.` within a minute.

import type { TraceEntry } from "../../model/entries";
import { formatClock, formatDuration } from "../../engine/clock";
import { defineRule, type RuleHit } from "./rule";

const CONNECT = "Connect to ";
const DATABASE_CONNECT = /^Connect to (\S+) database\./;
const DATABASE_CONNECTED = /^Connected to (\S+) database\./;
const DATABASE_CONNECT_SECONDS = 60;

/** `Connect to <db> database.` with no `Connected to <db> database.` within a minute. */
export const databaseConnectIncomplete = defineRule({
  markers: [CONNECT, "Connected to "],
  wakers: [CONNECT],
  create() {
    const hits: RuleHit[] = [];
    let pending: { entry: TraceEntry; database: string } | null = null;
    const report = (until: TraceEntry) => {
      if (pending === null) return;
      const waited = (until.elapsedClock ?? 0) - (pending.entry.elapsedClock ?? 0);
      if (waited < DATABASE_CONNECT_SECONDS) return;
      const common = { database: pending.database, startedAt: formatClock(pending.entry.clock ?? 0) };
      hits.push({ entry: pending.entry, values: { en: { ...common, waited: formatDuration(waited) }, ja: { ...common, waited: formatDuration(waited, "ja") } }, related: [] });
    };
    return {
      get idle() {
        return pending === null;
      },
      onEntry(seen) {
        // Most of these entries say "Connected to": with nothing pending, only a "Connect to" matters.
        if (pending === null && !seen.holds(CONNECT)) return;
        const { message } = seen;
        const connected = DATABASE_CONNECTED.exec(message);
        if (connected !== null) {
          if (pending !== null && pending.database === connected[1]) pending = null;
          return;
        }
        const connect = DATABASE_CONNECT.exec(message);
        if (connect !== null) {
          report(seen.entry);
          pending = { entry: seen.entry, database: connect[1]! };
        }
      },
      finish(last) {
        if (last !== null) report(last);
        pending = null;
        return hits;
      },
    };
  },
});

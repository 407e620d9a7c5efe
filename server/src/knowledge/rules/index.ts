// Rules that need several entries: a receive that never completes, a send that was abandoned,
// two schema versions that disagree. Each rule reads entries one at a time and keeps only what it
// needs (no entry lists), so the same rule serves a document in the editor and a 1 GB file streamed
// from disk. Each reports under a catalogue record's id.

import type { Localized, SequenceRuleName, Severity } from "../types";
import { apiErrorValues, readApiError } from "../apiError";
import { formatClock, formatDuration } from "../../engine/clock";
import { HeldEntry, type TraceEntry } from "../../engine/entries";
import type { AnalysisOptions } from "../../model/findings";

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

/** An entry shown to a rule: its message and the entry itself, each made when first read. */
export interface SeenEntry {
  readonly message: string;
  /**
   * Whether the message holds `marker`, one of the rule's markers: known from the marker scan,
   * without reading the message.
   */
  holds(marker: string): boolean;
  /** Whether the message holds any of `markers`, all of them the rule's markers. */
  holdsAny(markers: readonly string[]): boolean;
  /** Making an entry costs more than most rules spend on most entries: read it only to report it. */
  readonly entry: TraceEntry;
  /**
   * Holds the entry in `held` for later, replacing the one held there: cheap enough for every entry,
   * as a rule that replaces it at each one (a receive's last wait) needs.
   */
  holdIn(held: HeldEntry): void;
}

export interface SequenceRule {
  /**
   * An entry whose message holds one of the rule's markers (others are not shown to it). While the
   * rule is idle, only entries that hold one of its definition's `wakers` are shown to it.
   */
  onEntry(seen: SeenEntry): void;
  /** Whether the rule waits for a waker: then any other marked entry would change nothing. */
  readonly idle?: boolean;
  /** The trace ended; `last` is its last timed entry. */
  finish(last: TraceEntry | null): RuleHit[];
}

export interface SequenceRuleDefinition {
  /** Literal texts an entry must hold for the rule to look at it. */
  readonly markers: readonly string[];
  /** Lower-case texts matched without regard to case. */
  readonly markersAnyCase?: readonly string[];
  /**
   * The markers that can start something while the rule is idle: most marked entries of a large
   * trace find a rule idle and are not handed to it. Only with rules that tell `idle`.
   */
  readonly wakers?: readonly string[];
  readonly create: (options: AnalysisOptions) => SequenceRule;
}

export const RECEIVE_START = "Initiating state transfer RECEIVE operation";
export const RECEIVE_WAIT = "Waiting for MDS Messages";
export const SEND_PREPARE = "PrepareToSendState";
export const SEND_SETUP_FAILED = "Unable to setup to use file in sending state";
export const SEND_CLEANUP = "CleanupPreparedState";
export const TEMP_FILE_FAILED = "Unable to GetTempFileName";
const ASSERTION = "Assertion failed";
const DATABASE_VERSION = "Database uses Major Version";
const LOGGER_VERSION = "Compatible with Major Version";

/** Lower-case phrases that mean a state transfer finished. */
const TRANSFER_DONE = [
  "state transfer complete",
  "state transfer operation complete",
  "receive operation complete",
  "state transfer succeeded",
  "state transfer successful",
];

function isTransferDone(message: string): boolean {
  const lower = message.toLowerCase();
  return TRANSFER_DONE.some((phrase) => lower.includes(phrase));
}

interface OpenReceive {
  readonly start: TraceEntry;
  waits: number;
  // A long receive logs thousands of waits: each replaces the one before, unread.
  readonly lastWait: HeldEntry;
  assertion: TraceEntry | null;
  readonly lastSeen: HeldEntry;
}

const receiveIncomplete: SequenceRuleDefinition = {
  markers: [RECEIVE_START, RECEIVE_WAIT, ASSERTION],
  markersAnyCase: TRANSFER_DONE,
  wakers: [RECEIVE_START],
  create(options) {
    const hits: RuleHit[] = [];
    let open: OpenReceive | null = null;
    // `until` is read only when no wait or assertion ends the receive: an entry is made (its line
    // found) only when needed.
    const report = (receive: OpenReceive, until: { readonly entry: TraceEntry }, endedByTrace: boolean) => {
      const lastWait = receive.lastWait.holds ? receive.lastWait.entry : null;
      const end = lastWait ?? receive.assertion ?? until.entry;
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
    // What a closed receive held is let go: the stream may then write its buffer again.
    const close = () => {
      open?.lastSeen.letGo();
      open?.lastWait.letGo();
      open = null;
    };
    return {
      get idle() {
        return open === null;
      },
      onEntry(seen) {
        if (seen.holds(RECEIVE_START)) {
          if (open !== null) report(open, open.lastSeen, false);
          close();
          open = { start: seen.entry, waits: 0, lastWait: new HeldEntry(), assertion: null, lastSeen: new HeldEntry() };
          seen.holdIn(open.lastSeen);
          return;
        }
        if (open === null) return;
        seen.holdIn(open.lastSeen);
        // Waits are by far the most frequent: look for them first.
        if (seen.holds(RECEIVE_WAIT)) {
          open.waits++;
          seen.holdIn(open.lastWait);
        } else if (isTransferDone(seen.message)) {
          close();
        } else if (open.assertion === null && seen.holds(ASSERTION)) {
          open.assertion = seen.entry;
        }
      },
      finish(last) {
        if (open !== null) report(open, last !== null ? { entry: last } : open.lastSeen, true);
        close();
        return hits;
      },
    };
  },
};

const sendAborted: SequenceRuleDefinition = {
  markers: [SEND_PREPARE, TEMP_FILE_FAILED, SEND_SETUP_FAILED, SEND_CLEANUP],
  create() {
    const hits: RuleHit[] = [];
    let prepare: TraceEntry | null = null;
    let tempFailure: { entry: TraceEntry; apiError: number | null } | null = null;
    let reported: number | null = null;
    const report = (entry: TraceEntry) => {
      const apiError = tempFailure?.apiError ?? null;
      let cause: Localized = { en: "", ja: "" };
      if (tempFailure !== null) {
        if (apiError === null) cause = { en: ": the temporary file could not be created", ja: "（一時ファイルを作成できなかったため）" };
        else {
          const v = apiErrorValues(apiError);
          cause = {
            en: `: the temporary file could not be created (Last API Error [${apiError}] ${v.en.win32Name})`,
            ja: `（一時ファイルを作成できなかったため: Last API Error [${apiError}] ${v.ja.win32Name}）`,
          };
        }
      }
      // A setup failure may come without its PrepareToSendState in the excerpt.
      const at: Localized = prepare === null ? { en: "a time before this excerpt", ja: "この抜粋より前の時刻" } : { en: formatClock(prepare.clock ?? 0), ja: formatClock(prepare.clock ?? 0) };
      const related: RelatedHit[] = [];
      if (tempFailure !== null) {
        related.push({ entry: tempFailure.entry, message: { en: "The temporary state-transfer file could not be created", ja: "状態転送用の一時ファイルを作成できなかった" } });
      }
      if (prepare !== null) related.push({ entry: prepare, message: { en: "The transfer was prepared here", ja: "ここで転送を準備" } });
      hits.push({ entry, values: { en: { preparedAt: at.en, cause: cause.en }, ja: { preparedAt: at.ja, cause: cause.ja } }, related, apiError });
      reported = hits.length - 1;
    };
    return {
      onEntry(seen) {
        if (seen.holds(SEND_PREPARE)) {
          prepare = seen.entry;
          tempFailure = null;
          reported = null;
        } else if (seen.holds(TEMP_FILE_FAILED)) {
          tempFailure = { entry: seen.entry, apiError: readApiError(seen.message) };
        } else if (seen.holds(SEND_SETUP_FAILED)) {
          if (reported === null) report(seen.entry);
        } else if (seen.holds(SEND_CLEANUP)) {
          if (reported !== null) {
            const hit = hits[reported]!;
            hits[reported] = { ...hit, related: [...hit.related, { entry: seen.entry, message: { en: "The prepared state was cleaned up", ja: "準備した状態を破棄" } }] };
          } else if (tempFailure !== null) {
            report(seen.entry);
          }
          prepare = null;
          tempFailure = null;
          reported = null;
        }
      },
      finish() {
        return hits;
      },
    };
  },
};

// `Major Version 77, CC Minor Version 4`: fixed words around bounded digit runs, linear.
const SCHEMA_VERSION = /Major Version (\d{1,6}), CC Minor Version (\d{1,6})/;

const schemaMismatch: SequenceRuleDefinition = {
  markers: [DATABASE_VERSION, LOGGER_VERSION],
  create() {
    const hits: RuleHit[] = [];
    let database: { entry: TraceEntry; major: string; minor: string } | null = null;
    return {
      onEntry(seen) {
        const isDatabase = seen.holds(DATABASE_VERSION);
        if (!isDatabase && !seen.holds(LOGGER_VERSION)) return;
        const version = SCHEMA_VERSION.exec(seen.message);
        if (version === null) return;
        if (isDatabase) {
          database = { entry: seen.entry, major: version[1]!, minor: version[2]! };
          return;
        }
        if (database === null) return;
        if (database.major !== version[1] || database.minor !== version[2]) {
          const values = { dbMajor: database.major, dbMinor: database.minor, lgrMajor: version[1]!, lgrMinor: version[2]! };
          hits.push({
            entry: seen.entry,
            values: { en: values, ja: values },
            related: [{ entry: database.entry, message: { en: "Schema version stored in the database", ja: "データベースに記録されたスキーマ バージョン" } }],
          });
        }
        database = null;
      },
      finish() {
        return hits;
      },
    };
  },
};

const RESTART_WINDOW_SECONDS = 15 * 60;
const RESTART_LOOP_COUNT = 3;
const WENT_DOWN = "went down for unknown reason";
const PROCESS_DOWN = /Process (\S+) on (\S+) went down/;

interface Burst {
  readonly first: TraceEntry;
  last: TraceEntry;
  count: number;
  readonly name: string;
}

/** The same process going down again and again within minutes: a restart loop. */
const restartLoop: SequenceRuleDefinition = {
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
};

const PEER_LOST = [
  "HeartBeat Event for Side",
  "Connection to Central Controller side",
  "is not connected to the Central Controller",
  "Isolated-Enabled",
  "path changing to idle state",
];
// Long literals only: every marker is searched for in the whole text, and short ones slow that down.
const PEER_BACK = ["MDS is in service", "Paired-Enabled", "Paired-Disabled", "path changing to active state", "successfully reinitialized", "is operational"];
/**
 * A message that says this is no news of a return. A marker too: the scan tells whether the
 * message holds it, as reading the message would, and most returns are read no further.
 */
const NOT_OPERATIONAL = "not operational";
const PEER_OUTAGE_SECONDS = 5 * 60;

/** A peer, side or path that went out of service and did not come back for the rest of the trace. */
const peerNeverReturned: SequenceRuleDefinition = {
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
};

const CONNECT = "Connect to ";
const DATABASE_CONNECT = /^Connect to (\S+) database\./;
const DATABASE_CONNECTED = /^Connected to (\S+) database\./;
const DATABASE_CONNECT_SECONDS = 60;

/** `Connect to <db> database.` with no `Connected to <db> database.` within a minute. */
const databaseConnectIncomplete: SequenceRuleDefinition = {
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
};

/** Rules by the name catalogue records give in `match.rule`; `run-together-entries` is layout, see analyze.ts. */
export const sequenceRules: Readonly<Record<Exclude<SequenceRuleName, "run-together-entries">, SequenceRuleDefinition>> = {
  "state-receive-incomplete": receiveIncomplete,
  "state-send-aborted": sendAborted,
  "schema-version-mismatch": schemaMismatch,
  "process-restart-loop": restartLoop,
  "peer-never-returned": peerNeverReturned,
  "database-connect-incomplete": databaseConnectIncomplete,
};

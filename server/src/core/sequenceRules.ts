// Rules that need several entries: a receive that never completes, a send that was abandoned,
// two schema versions that disagree. Each rule reads entries one at a time and keeps only what it
// needs (no entry lists), so the same rule serves a document in the editor and a 1 GB file streamed
// from disk. Each reports under a catalogue record's id.

import type { Localized, SequenceRuleName, Severity } from "../catalogue/types";
import { apiErrorValues, readApiError } from "./apiError";
import { formatClock, formatDuration } from "./clock";
import type { TraceEntry } from "./entries";
import type { AnalysisOptions } from "./findings";

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

export interface SequenceRule {
  /** An entry whose message holds one of the rule's markers (others are not shown to it). */
  onEntry(entry: TraceEntry, message: string): void;
  /** The trace ended; `last` is its last timed entry. */
  finish(last: TraceEntry | null): RuleHit[];
}

export interface SequenceRuleDefinition {
  /** Literal texts an entry must hold for the rule to look at it. */
  readonly markers: readonly string[];
  /** Lower-case texts matched without regard to case. */
  readonly markersAnyCase?: readonly string[];
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
  lastWait: TraceEntry | null;
  assertion: TraceEntry | null;
  lastSeen: TraceEntry;
}

const receiveIncomplete: SequenceRuleDefinition = {
  markers: [RECEIVE_START, RECEIVE_WAIT, ASSERTION],
  markersAnyCase: TRANSFER_DONE,
  create(options) {
    const hits: RuleHit[] = [];
    let open: OpenReceive | null = null;
    const report = (receive: OpenReceive, until: TraceEntry, endedByTrace: boolean) => {
      const end = receive.lastWait ?? receive.assertion ?? until;
      const waitedSeconds = Math.max(0, (end.elapsedClock ?? 0) - (receive.start.elapsedClock ?? 0));
      const related: RelatedHit[] = [];
      if (receive.lastWait !== null) {
        related.push({ entry: receive.lastWait, message: { en: "Last wait for MDS messages", ja: "最後の MDS メッセージ待機" } });
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
      onEntry(entry, message) {
        if (message.includes(RECEIVE_START)) {
          if (open !== null) report(open, open.lastSeen, false);
          open = { start: entry, waits: 0, lastWait: null, assertion: null, lastSeen: entry };
          return;
        }
        if (open === null) return;
        open.lastSeen = entry;
        // Waits are by far the most frequent: look for them first.
        if (message.includes(RECEIVE_WAIT)) {
          open.waits++;
          open.lastWait = entry;
        } else if (isTransferDone(message)) {
          open = null;
        } else if (open.assertion === null && message.includes(ASSERTION)) {
          open.assertion = entry;
        }
      },
      finish(last) {
        if (open !== null) report(open, last ?? open.lastSeen, true);
        open = null;
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
      const at = prepare === null ? "?" : formatClock(prepare.clock ?? 0);
      const related: RelatedHit[] = [];
      if (tempFailure !== null) {
        related.push({ entry: tempFailure.entry, message: { en: "The temporary state-transfer file could not be created", ja: "状態転送用の一時ファイルを作成できなかった" } });
      }
      if (prepare !== null) related.push({ entry: prepare, message: { en: "The transfer was prepared here", ja: "ここで転送を準備" } });
      hits.push({ entry, values: { en: { preparedAt: at, cause: cause.en }, ja: { preparedAt: at, cause: cause.ja } }, related, apiError });
      reported = hits.length - 1;
    };
    return {
      onEntry(entry, message) {
        if (message.includes(SEND_PREPARE)) {
          prepare = entry;
          tempFailure = null;
          reported = null;
        } else if (message.includes(TEMP_FILE_FAILED)) {
          tempFailure = { entry, apiError: readApiError(message) };
        } else if (message.includes(SEND_SETUP_FAILED)) {
          if (reported === null) report(entry);
        } else if (message.includes(SEND_CLEANUP)) {
          if (reported !== null) {
            const hit = hits[reported]!;
            hits[reported] = { ...hit, related: [...hit.related, { entry, message: { en: "The prepared state was cleaned up", ja: "準備した状態を破棄" } }] };
          } else if (tempFailure !== null) {
            report(entry);
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
      onEntry(entry, message) {
        const isDatabase = message.includes(DATABASE_VERSION);
        if (!isDatabase && !message.includes(LOGGER_VERSION)) return;
        const version = SCHEMA_VERSION.exec(message);
        if (version === null) return;
        if (isDatabase) {
          database = { entry, major: version[1]!, minor: version[2]! };
          return;
        }
        if (database === null) return;
        if (database.major !== version[1] || database.minor !== version[2]) {
          const values = { dbMajor: database.major, dbMinor: database.minor, lgrMajor: version[1]!, lgrMinor: version[2]! };
          hits.push({
            entry,
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

/** Rules by the name catalogue records give in `match.rule`; `run-together-entries` is layout, see analyze.ts. */
export const sequenceRules: Readonly<Record<Exclude<SequenceRuleName, "run-together-entries">, SequenceRuleDefinition>> = {
  "state-receive-incomplete": receiveIncomplete,
  "state-send-aborted": sendAborted,
  "schema-version-mismatch": schemaMismatch,
};

// Rules that need several entries: a receive that never completes, a send that was abandoned,
// two schema versions that disagree. Each rule reports under a catalogue record's id.

import type { SequenceRuleName } from "../catalogue/types";
import { readApiError, apiErrorValues } from "./apiError";
import { formatClock, formatDuration } from "./clock";
import { entryMessage, type EntrySplit, type TraceEntry } from "./entries";
import type { AnalysisOptions } from "./findings";
import type { Localized, Severity } from "../catalogue/types";

/** What a rule found, before the catalogue record turns it into a finding. */
export interface RuleHit {
  readonly entryIndex: number;
  readonly values: Localized<Record<string, string>>;
  readonly related: readonly { entryIndex: number; message: Localized }[];
  /** Overrides the record's severity (e.g. a long wait makes an incomplete receive an error). */
  readonly severity?: Severity;
  readonly apiError?: number | null;
  /** Offsets of the range to report, when not the entry's own. */
  readonly range?: { readonly start: number; readonly end: number };
}

export type SequenceRule = (split: EntrySplit, options: AnalysisOptions) => RuleHit[];

export const RECEIVE_START = "Initiating state transfer RECEIVE operation";
export const RECEIVE_WAIT = "Waiting for MDS Messages";
export const SEND_PREPARE = "PrepareToSendState";
export const SEND_SETUP_FAILED = "Unable to setup to use file in sending state";
export const SEND_CLEANUP = "CleanupPreparedState";
export const TEMP_FILE_FAILED = "Unable to GetTempFileName";
const ASSERTION = "Assertion failed";

/** Lower-case phrases that mean a state transfer finished. */
const TRANSFER_DONE = ["state transfer complete", "state transfer operation complete", "receive operation complete", "state transfer succeeded", "state transfer successful"];

function timedEntries(split: EntrySplit): TraceEntry[] {
  return split.entries.filter((e) => e.kind === "entry");
}

function isTransferDone(message: string): boolean {
  const lower = message.toLowerCase();
  return TRANSFER_DONE.some((phrase) => lower.includes(phrase));
}

const receiveIncomplete: SequenceRule = (split, options) => {
  const hits: RuleHit[] = [];
  const entries = timedEntries(split);
  let i = 0;
  while (i < entries.length) {
    const start = entries[i]!;
    if (!entryMessage(split, start).includes(RECEIVE_START)) {
      i++;
      continue;
    }
    let waits = 0;
    let lastWait: TraceEntry | null = null;
    let assertion: TraceEntry | null = null;
    let done = false;
    let j = i + 1;
    for (; j < entries.length; j++) {
      const message = entryMessage(split, entries[j]!);
      if (message.includes(RECEIVE_START)) break;
      if (isTransferDone(message)) {
        done = true;
        break;
      }
      if (message.includes(RECEIVE_WAIT)) {
        waits++;
        lastWait = entries[j]!;
      } else if (assertion === null && message.includes(ASSERTION)) {
        assertion = entries[j]!;
      }
    }
    if (!done) {
      const until = lastWait ?? assertion ?? entries[j - 1]!;
      const waitedSeconds = Math.max(0, (until.elapsedClock ?? 0) - (start.elapsedClock ?? 0));
      const endedByTrace = j >= entries.length;
      const related: RuleHit["related"][number][] = [];
      if (lastWait !== null) {
        related.push({ entryIndex: lastWait.index, message: { en: "Last wait for MDS messages", ja: "最後の MDS メッセージ待機" } });
      }
      if (assertion !== null) {
        related.push({ entryIndex: assertion.index, message: { en: "The Logger asserted while waiting", ja: "待機中に Logger がアサート" } });
      }
      const waited = formatDuration(waitedSeconds);
      hits.push({
        entryIndex: start.index,
        severity: waitedSeconds >= options.receiveErrorAfterSeconds ? "error" : "warning",
        values: {
          en: {
            startedAt: formatClock(start.clock ?? 0),
            waited,
            waitedSeconds: String(waitedSeconds),
            waits: String(waits),
            ending: assertion !== null ? ", then the Logger asserted" : endedByTrace ? " (the trace ends here)" : " before the next attempt",
          },
          ja: {
            startedAt: formatClock(start.clock ?? 0),
            waited: formatDuration(waitedSeconds, "ja"),
            waitedSeconds: String(waitedSeconds),
            waits: String(waits),
            ending: assertion !== null ? "、その後 Logger がアサート" : endedByTrace ? "（トレースはここで終了）" : "（次の試行まで）",
          },
        },
        related,
      });
    }
    i = j;
  }
  return hits;
};

const sendAborted: SequenceRule = (split) => {
  const hits: RuleHit[] = [];
  let prepare: TraceEntry | null = null;
  let tempFailure: TraceEntry | null = null;
  let reported: { hitIndex: number } | null = null;
  const cause = (failure: TraceEntry | null): Localized => {
    if (failure === null) return { en: "", ja: "" };
    const code = readApiError(entryMessage(split, failure));
    if (code === null) return { en: ": the temporary file could not be created", ja: "（一時ファイルを作成できなかったため）" };
    const v = apiErrorValues(code);
    return {
      en: `: the temporary file could not be created (Last API Error [${code}] ${v.en.win32Name})`,
      ja: `（一時ファイルを作成できなかったため: Last API Error [${code}] ${v.ja.win32Name}）`,
    };
  };
  const report = (entry: TraceEntry) => {
    const c = cause(tempFailure);
    const at = prepare === null ? "?" : formatClock(prepare.clock ?? 0);
    const related: { entryIndex: number; message: Localized }[] = [];
    if (tempFailure !== null) {
      related.push({ entryIndex: tempFailure.index, message: { en: "The temporary state-transfer file could not be created", ja: "状態転送用の一時ファイルを作成できなかった" } });
    }
    if (prepare !== null) {
      related.push({ entryIndex: prepare.index, message: { en: "The transfer was prepared here", ja: "ここで転送を準備" } });
    }
    hits.push({
      entryIndex: entry.index,
      values: { en: { preparedAt: at, cause: c.en }, ja: { preparedAt: at, cause: c.ja } },
      related,
      apiError: tempFailure === null ? null : readApiError(entryMessage(split, tempFailure)),
    });
    reported = { hitIndex: hits.length - 1 };
  };
  for (const entry of timedEntries(split)) {
    const message = entryMessage(split, entry);
    if (message.includes(SEND_PREPARE)) {
      prepare = entry;
      tempFailure = null;
      reported = null;
    } else if (message.includes(TEMP_FILE_FAILED)) {
      tempFailure = entry;
    } else if (message.includes(SEND_SETUP_FAILED)) {
      if (reported === null) report(entry);
    } else if (message.includes(SEND_CLEANUP)) {
      const current = reported as { hitIndex: number } | null;
      if (current !== null) {
        const hit = hits[current.hitIndex]!;
        hits[current.hitIndex] = {
          ...hit,
          related: [...hit.related, { entryIndex: entry.index, message: { en: "The prepared state was cleaned up", ja: "準備した状態を破棄" } }],
        };
      } else if (tempFailure !== null) {
        report(entry);
      }
      prepare = null;
      tempFailure = null;
      reported = null;
    }
  }
  return hits;
};

// `Major Version 77, CC Minor Version 4`: fixed words around two digit runs, linear.
const SCHEMA_VERSION = /Major Version (\d{1,6}), CC Minor Version (\d{1,6})/;

const schemaMismatch: SequenceRule = (split) => {
  const hits: RuleHit[] = [];
  let database: { entry: TraceEntry; major: string; minor: string } | null = null;
  for (const entry of timedEntries(split)) {
    const message = entryMessage(split, entry);
    const isDatabase = message.includes("Database uses Major Version");
    const isLogger = message.includes("Compatible with Major Version");
    if (!isDatabase && !isLogger) continue;
    const version = SCHEMA_VERSION.exec(message);
    if (version === null) continue;
    if (isDatabase) {
      database = { entry, major: version[1]!, minor: version[2]! };
      continue;
    }
    if (database === null) continue;
    if (database.major !== version[1] || database.minor !== version[2]) {
      const values = { dbMajor: database.major, dbMinor: database.minor, lgrMajor: version[1]!, lgrMinor: version[2]! };
      hits.push({
        entryIndex: entry.index,
        values: { en: values, ja: values },
        related: [{ entryIndex: database.entry.index, message: { en: "Schema version stored in the database", ja: "データベースに記録されたスキーマ バージョン" } }],
      });
    }
    database = null;
  }
  return hits;
};

/** One hint per physical line that holds several entries: the line breaks were lost. */
const runTogether: SequenceRule = (split) => {
  const hits: RuleHit[] = [];
  const counts = new Map<number, { first: TraceEntry; count: number; last: TraceEntry }>();
  for (const entry of split.entries) {
    if (!entry.midLine) continue;
    const seen = counts.get(entry.line);
    if (seen === undefined) counts.set(entry.line, { first: entry, count: 1, last: entry });
    else {
      seen.count++;
      seen.last = entry;
    }
  }
  for (const [line, { first, count, last }] of counts) {
    const lineStart = split.lineIndex.lineStart(line);
    const values = { entries: String(count + 1) };
    hits.push({
      entryIndex: first.index,
      values: { en: values, ja: values },
      related: [],
      range: { start: lineStart, end: last.line === line ? last.contentEnd : first.contentEnd },
    });
  }
  return hits;
};

export const sequenceRules: Readonly<Record<SequenceRuleName, SequenceRule>> = {
  "run-together-entries": runTogether,
  "state-receive-incomplete": receiveIncomplete,
  "state-send-aborted": sendAborted,
  "schema-version-mismatch": schemaMismatch,
};

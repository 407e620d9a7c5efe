// The A/B compare result as plain data: what the server sends the client, what the CLI prints as
// JSON and what every renderer reads. Types, a few pure helpers, no analysis.

import type { Language, Localized, Severity } from "./text";

export type TransferRole = "send" | "receive";
export type PairSide = "A" | "B";

export type TransferEventKind =
  | "startup"
  | "sync"
  | "mds-in-service"
  | "send-prepare"
  | "send-sync"
  | "send-temp-file-failed"
  | "send-setup-failed"
  | "send-cleanup"
  | "send-complete"
  | "receive-initiate"
  | "receive-wait"
  | "receive-complete"
  | "assert"
  | "restart";

export type PhaseKind = "startup" | "sync" | "send" | "receive";

/** How a transfer phase ended: `complete`, `failed`, `assert`, `open` (the trace ends); null for other phases. */
export type PhaseOutcome = "complete" | "failed" | "assert" | "open" | null;

export interface ComparePhase {
  readonly kind: PhaseKind;
  readonly outcome: PhaseOutcome;
  /** Seconds on the side's own clock (see CompareEvent.time). */
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
  /** For a receive: the stretch spent waiting for MDS messages. */
  readonly waitStart: number | null;
  readonly waitEnd: number | null;
}

export interface CompareEvent {
  readonly entryIndex: number;
  /** 0-based position of the entry. */
  readonly line: number;
  readonly column: number;
  /** Seconds on the side's own clock: since midnight of its first day, or since the epoch when dated. */
  readonly time: number;
  /** `HH:MM:SS` as written in the trace. */
  readonly clock: string;
  /** The transfer event, or `entry` for any other entry. */
  readonly kind: TransferEventKind | "entry";
  /** The most severe finding on the entry. */
  readonly severity: Severity | null;
  readonly findingIds: readonly string[];
  /** The entry's text, cut to a readable length. Untrusted: render as text. */
  readonly text: string;
}

export interface CompareSide {
  readonly file: string;
  readonly side: PairSide | null;
  readonly role: TransferRole | null;
  /** Whether times are absolute (the trace gives dates) or clock times of an unknown day. */
  readonly dated: boolean;
  readonly phases: readonly ComparePhase[];
  readonly events: readonly CompareEvent[];
  /** Entries left out of `events` to keep the model small. */
  readonly omittedEntries: number;
}

export type VerdictCode =
  | "temp-file-access-denied"
  | "temp-file-disk-full"
  | "temp-file-failed"
  | "state-send-aborted"
  | "transfer-completed"
  | "no-transfer"
  | "receiver-stalled-cause-unknown"
  | "roles-unclear";

export interface EvidenceLine {
  /** 0 or 1: which of `sides`. */
  readonly sideIndex: number;
  readonly entryIndex: number;
  readonly line: number;
  readonly column: number;
  readonly clock: string;
  readonly text: string;
}

export interface Verdict {
  readonly code: VerdictCode;
  readonly summary: Localized;
  readonly evidence: readonly EvidenceLine[];
  readonly fixes: Localized<readonly string[]>;
}

/** A failure that shows only in both traces together, with its line on each side. */
export interface PairIssue {
  readonly id: string;
  readonly severity: Severity;
  readonly message: Localized;
  readonly evidence: readonly EvidenceLine[];
}

export interface CompareModel {
  /** In the order the traces were given. */
  readonly sides: readonly [CompareSide, CompareSide];
  /** Seconds to add to sides[1]'s times to line them up with sides[0]'s. */
  readonly offsetSeconds: number;
  /** Where the offset comes from: the sender's prepare and the receiver's initiate, or none. */
  readonly offsetAnchor: "transfer" | "first-entries" | "none";
  readonly verdict: Verdict;
  /** Failures of the pair besides the verdict (e.g. configuration checksums that differ). */
  readonly pairIssues: readonly PairIssue[];
}

export interface AlignedEvent {
  readonly sideIndex: number;
  /** On sides[0]'s clock: sides[1]'s times moved by the offset. */
  readonly alignedTime: number;
  readonly event: CompareEvent;
}

/** Both sides' events in one time order; key events and failures only unless `all`. */
export function alignedEvents(model: CompareModel, offsetSeconds = model.offsetSeconds, all = false): AlignedEvent[] {
  const merged: AlignedEvent[] = [];
  model.sides.forEach((side, sideIndex) => {
    for (const event of side.events) {
      if (!all && event.kind === "entry" && event.severity === null) continue;
      merged.push({ sideIndex, alignedTime: event.time + (sideIndex === 1 ? offsetSeconds : 0), event });
    }
  });
  return merged.sort((p, q) => p.alignedTime - q.alignedTime || p.sideIndex - q.sideIndex || p.event.entryIndex - q.event.entryIndex);
}

/** Whether a verdict is good news, no news or a problem: every renderer paints it so. */
export type VerdictTone = "good" | "neutral" | "problem";

const VERDICT_TONES: Readonly<Record<VerdictCode, VerdictTone>> = {
  "transfer-completed": "good",
  "no-transfer": "neutral",
  "roles-unclear": "neutral",
  "temp-file-access-denied": "problem",
  "temp-file-disk-full": "problem",
  "temp-file-failed": "problem",
  "state-send-aborted": "problem",
  "receiver-stalled-cause-unknown": "problem",
};

export function verdictTone(code: VerdictCode): VerdictTone {
  return VERDICT_TONES[code];
}

/** How a side is labelled: `Side A · receiving`. */
export function sideLabel(side: CompareSide, language: Language, named = false): string {
  const name = `${sideName(side, language)}${named ? ` (${fileName(side.file)})` : ""}`;
  const role = side.role === null ? "" : language === "ja" ? (side.role === "send" ? "送信側" : "受信側") : side.role === "send" ? "sending" : "receiving";
  return role === "" ? name : `${name} · ${role}`;
}

/** `Side A`, `サイド B`, `Side ?`. */
function sideName(side: CompareSide, language: Language): string {
  return side.side === null ? (language === "ja" ? "サイド ?" : "Side ?") : language === "ja" ? `サイド ${side.side}` : `Side ${side.side}`;
}

function fileName(file: string): string {
  return decodeURIComponent(file.replace(/^.*[\\/]/, ""));
}

/** Whether the two sides carry one name (two traces of one side, or two unknown): then their files tell them apart. */
export function sidesShareName(model: { readonly sides: readonly [CompareSide, CompareSide] }): boolean {
  return model.sides[0].side === model.sides[1].side;
}

/** The label of side `index` of a compare: as `sideLabel`, with its file's name when both sides carry one name. */
export function sideLabelOf(model: { readonly sides: readonly [CompareSide, CompareSide] }, index: number, language: Language): string {
  return sideLabel(model.sides[index]!, language, sidesShareName(model));
}

// `sideA`, `side-b`, `LoggerB`, `loggera`, `lb-lgr`, `la_lgr` in a file name.
const SIDE_IN_NAME = /(?:side|logger|router)[-_ ]?([ab])(?![a-z])|(?:^|[^a-z])[lr]([ab])[-_](?:lgr|rtr|mds|nm)/i;

export function sideFromFileName(fileName: string): PairSide | null {
  const base = fileName.replace(/^.*[\\/]/, "");
  const match = SIDE_IN_NAME.exec(base);
  if (match === null) return null;
  return (match[1] ?? match[2] ?? "").toUpperCase() === "A" ? "A" : "B";
}

/** The side a path names in its file name or, failing that, in one of its folders (`LoggerB/lgr.txt`). */
export function sideFromPath(filePath: string): PairSide | null {
  for (const part of filePath.split(/[\\/]/).reverse()) {
    const side = sideFromFileName(part);
    if (side !== null) return side;
  }
  return null;
}

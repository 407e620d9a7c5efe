// The key events of a Logger's life in a trace (start-up, synchronisation, state transfer send and
// receive) and the phases they form. The outline and the A/B compare model read these.

import { entryMessage, type EntrySplit } from "../engine/entries";
import { caseVariants, LiteralSet } from "../engine/literalSet";
import { entriesHolding } from "../engine/marking";
import type { PhaseKind, PhaseOutcome, TransferEventKind } from "../shared/compareModel";

export type { PhaseKind, PhaseOutcome, TransferEventKind } from "../shared/compareModel";
import {
  ASSERTION, RECEIVE_START, RECEIVE_WAIT, RESTARTING_PROCESS, SEND_CLEANUP, SEND_DONE, SEND_PREPARE, SEND_SETUP_FAILED, SEND_SYNC, TEMP_FILE_FAILED,
  TRANSFER_DONE, WENT_DOWN,
} from "../knowledge/vocabulary";

interface EventMarker {
  readonly kind: TransferEventKind;
  /** Literal text in the message; `atStart` when it must begin the message. */
  readonly text: string;
  readonly atStart?: boolean;
  readonly ignoreCase?: boolean;
}

// First marker that matches wins, so more specific texts come first.
const MARKERS: readonly EventMarker[] = [
  { kind: "send-prepare", text: SEND_PREPARE },
  { kind: "send-temp-file-failed", text: TEMP_FILE_FAILED },
  { kind: "send-setup-failed", text: SEND_SETUP_FAILED },
  { kind: "send-cleanup", text: SEND_CLEANUP },
  ...SEND_SYNC.map((text) => ({ kind: "send-sync", text }) as const),
  { kind: "receive-initiate", text: RECEIVE_START },
  { kind: "receive-wait", text: RECEIVE_WAIT },
  ...SEND_DONE.map((text) => ({ kind: "send-complete", text, ignoreCase: true }) as const),
  ...TRANSFER_DONE.map((text) => ({ kind: "receive-complete", text, ignoreCase: true }) as const),
  { kind: "assert", text: ASSERTION },
  { kind: "restart", text: WENT_DOWN },
  { kind: "restart", text: RESTARTING_PROCESS },
  { kind: "startup", text: "Release ", atStart: true },
  { kind: "startup", text: "Initializing Event Management System" },
  { kind: "mds-in-service", text: "MDS is in service" },
  { kind: "sync", text: "Starting config checksum" },
  { kind: "sync", text: "GetInSync" },
];

export interface TransferEvent {
  readonly kind: TransferEventKind;
  readonly entryIndex: number;
}

function classify(message: string): TransferEventKind | null {
  let lower: string | null = null;
  for (const marker of MARKERS) {
    if (marker.atStart === true) {
      if (message.startsWith(marker.text)) return marker.kind;
    } else if (marker.ignoreCase === true) {
      lower ??= message.toLowerCase();
      if (lower.includes(marker.text)) return marker.kind;
    } else if (message.includes(marker.text)) {
      return marker.kind;
    }
  }
  return null;
}

// Only entries holding a marker can be events: find them with one scan, read only those.
const EVENT_WORDS = new LiteralSet(MARKERS.flatMap((m) => (m.ignoreCase === true ? caseVariants(m.text) : [m.text.trim()])));

export function transferEvents(split: EntrySplit): TransferEvent[] {
  const events: TransferEvent[] = [];
  for (const index of entriesHolding(split, EVENT_WORDS)) {
    if (!split.isTimed(index)) continue;
    const entry = split.entryAt(index);
    const kind = classify(entryMessage(split, entry));
    if (kind !== null) events.push({ kind, entryIndex: index });
  }
  return events;
}


export interface TracePhase {
  readonly kind: PhaseKind;
  readonly firstEntry: number;
  readonly lastEntry: number;
  /** How the phase ended, for transfers: `complete`, `failed`, `assert`, `open` (trace ends). */
  readonly outcome: PhaseOutcome;
  readonly events: readonly TransferEvent[];
}

const PHASE_OF: Record<TransferEventKind, PhaseKind | null> = {
  startup: "startup",
  sync: "sync",
  "mds-in-service": "sync",
  "send-prepare": "send",
  "send-sync": "send",
  "send-temp-file-failed": "send",
  "send-setup-failed": "send",
  "send-cleanup": "send",
  "send-complete": "send",
  "receive-initiate": "receive",
  "receive-wait": "receive",
  "receive-complete": "receive",
  assert: null,
  restart: null,
};

/** Starts a new phase of its kind even when one of that kind is open. */
const OPENS_PHASE = new Set<TransferEventKind>(["startup", "send-prepare", "receive-initiate"]);

/**
 * Groups events into phases: consecutive events of one phase kind, with a new phase at each
 * start-up, prepare and initiate. Asserts and restarts close an open transfer.
 */
export function tracePhases(split: EntrySplit, events: readonly TransferEvent[] = transferEvents(split)): TracePhase[] {
  const phases: TracePhase[] = [];
  let open: OpenPhase | null = null;
  for (const event of events) {
    const kind = PHASE_OF[event.kind];
    if (kind === null) {
      // An assert or restart ends a transfer in progress.
      if (open !== null && (open.kind === "send" || open.kind === "receive")) {
        open.events.push(event);
        open.last = event.entryIndex;
        open.outcome = "assert";
        phases.push(closePhase(open));
        open = null;
      }
      continue;
    }
    const startsNew = open === null || open.kind !== kind || (OPENS_PHASE.has(event.kind) && kind !== "startup");
    if (startsNew) {
      if (open !== null) phases.push(closePhase(open));
      open = { kind, first: event.entryIndex, last: event.entryIndex, events: [event], outcome: null };
    } else if (open !== null) {
      open.events.push(event);
      open.last = event.entryIndex;
    }
    if (open === null) continue;
    if (event.kind === "receive-complete" || event.kind === "send-complete") {
      open.outcome = "complete";
    } else if (event.kind === "send-setup-failed" || event.kind === "send-temp-file-failed") {
      open.outcome = "failed";
    }
    if (open.outcome === "complete" || event.kind === "send-cleanup") {
      phases.push(closePhase(open));
      open = null;
    }
  }
  if (open !== null) phases.push(closePhase(open));
  return phases;
}

interface OpenPhase {
  kind: PhaseKind;
  first: number;
  last: number;
  events: TransferEvent[];
  outcome: TracePhase["outcome"];
}

function closePhase(open: OpenPhase): TracePhase {
  const isTransfer = open.kind === "send" || open.kind === "receive";
  return {
    kind: open.kind,
    firstEntry: open.first,
    lastEntry: open.last,
    outcome: isTransfer && open.outcome === null ? "open" : open.outcome,
    events: open.events,
  };
}

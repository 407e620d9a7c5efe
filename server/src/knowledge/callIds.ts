// The identifiers that follow one call across the Router, the PG, CTI and CVP, as their traces write
// them, each normalised to one form so that the same call matches in every trace. Source: the router,
// JTAPI gateway and CVP traces of Cisco Doc 116178 ("CVP 'Send to VRU' and 'Run Ext Script'
// Failures") and Doc 213398, and the CTI OS Developer Guide (icm.<RouterCallKeyDay>.<RouterCallKey>).

import { caseVariants } from "../engine/literalSet";

export type CallIdKind = "router-call-key" | "call-guid" | "correlation-id" | "dialog-id" | "routing-client";

export interface CallId {
  readonly kind: CallIdKind;
  /** The normalised form: `150431.224`, `F13437331000013A5FCA33210A4244A9`, `9025`. */
  readonly value: string;
  /** Where it is written in the text searched. */
  readonly start: number;
  readonly end: number;
}

export const CALL_ID_KIND_NAMES: Readonly<Record<CallIdKind, string>> = {
  "router-call-key": "router call key (RouterCallKeyDay.RouterCallKey)",
  "call-guid": "call GUID",
  "correlation-id": "correlation ID",
  "dialog-id": "dialog ID",
  "routing-client": "routing client ID",
};

/** The key that two identifiers of one call share: kind and value. */
export function callIdKey(id: Pick<CallId, "kind" | "value">): string {
  return `${id.kind}:${id.value}`;
}

/** Four unsigned 32-bit decimal fields (`4046731059-0268435770-1607086881-0172115113`) as CVP's 32 hex digits. */
function guidFromDecimal(fields: readonly string[]): string | null {
  const parts = fields.map((f) => Number(f));
  if (parts.some((n) => !Number.isInteger(n) || n > 0xffffffff)) return null;
  return parts.map((n) => n.toString(16).toUpperCase().padStart(8, "0")).join("");
}

interface Pattern {
  readonly kind: CallIdKind;
  readonly re: RegExp;
  /** The normalised value from the match, or null when the match is not one. */
  readonly value: (m: RegExpExecArray) => string | null;
  /** Which group the identifier's own text is (for the range), else the whole match. */
  readonly group?: number;
  /** Text every match holds: entries without any of it are not read (one marker scan finds them). */
  readonly words: readonly string[];
}

const DIGITS = [..."0123456789"];
const HEX_DIGITS = [...DIGITS, ..."abcdefABCDEF"];

/**
 * `word` with each of `next` after it: what every match holds, six bytes or more. The marker scan
 * steps through a text by its shortest word's length less two: a word of four bytes would make it
 * half as fast as one of six.
 */
function followedBy(word: string, next: readonly string[]): string[] {
  return next.map((c) => word + c);
}

// Bounded repetitions and fixed words only: linear on any input.
const PATTERNS: readonly Pattern[] = [
  { kind: "router-call-key", re: /\bCID=\((\d{1,9}),(\d{1,9})\)/g, value: (m) => `${m[1]}.${m[2]}`, words: followedBy("CID=(", DIGITS) },
  { kind: "router-call-key", re: /\brckey=(\d{1,9}),[\s\u00a0]{0,8}rcday=(\d{1,9})/g, value: (m) => `${m[2]}.${m[1]}`, words: ["rckey="] },
  { kind: "router-call-key", re: /\bicm\.(\d{1,9})\.(\d{1,9})\b/g, value: (m) => `${m[1]}.${m[2]}`, words: followedBy("icm.", DIGITS).flatMap((word) => followedBy(word, [...DIGITS, "."])) },
  { kind: "call-guid", re: /\b(?:CALLGUID ?= ?|CVP-ID hdr ?: ?|user\.media\.id: ?|guid=)([0-9A-Fa-f]{32})\b/g, value: (m) => m[1]!.toUpperCase(), group: 1, words: ["CALLGUID", "CVP-ID hdr", "user.media.id", ...followedBy("guid=", HEX_DIGITS)] },
  {
    kind: "call-guid",
    re: /\b(?:CISCO-GUID hdr ?: ?|Cisco-Guid: ?)(\d{10}) ?- ?(\d{10}) ?- ?(\d{10}) ?- ?(\d{10})\b/gi,
    value: (m) => guidFromDecimal([m[1]!, m[2]!, m[3]!, m[4]!]),
    // Any case is matched; the marker scan finds the cases traces write.
    words: caseVariants("cisco-guid"),
  },
  { kind: "correlation-id", re: /\b(?:CorID=|correlationId=|Correlation id for dialog is \()(\d{1,9})\b/g, value: (m) => (m[1] === "0" ? null : String(Number(m[1]))), group: 1, words: ["CorID=", "correlationId=", "Correlation id for dialog is ("] },
  { kind: "dialog-id", re: /\b(?:DLGID ?= ?|dialogueId=)(\d{1,12})\b/g, value: (m) => String(Number(m[1])), group: 1, words: ["DLGID=", "DLGID ", "dialogueId="] },
  // The router's prefix `(switch-leg-dialog vru-leg-dialog correlation-id : 0 0)`.
  { kind: "dialog-id", re: /\((\d{1,12}) (?:x|\d{1,12}) \d{1,9} : \d{1,9} \d{1,9}\)/g, value: (m) => String(Number(m[1])), group: 1, words: [" : "] },
  { kind: "routing-client", re: /\bRCID=(\d{1,9})\b/g, value: (m) => String(Number(m[1])), group: 1, words: followedBy("RCID=", DIGITS) },
];

/** The kinds that name one call only: routing client and dialog IDs repeat across calls. */
export const CALL_KINDS: ReadonlySet<CallIdKind> = new Set(["router-call-key", "call-guid", "correlation-id"]);

/** Text that every identifier of these kinds is written with. */
export function callIdWords(kinds: Iterable<CallIdKind>): string[] {
  const wanted = new Set(kinds);
  return [...new Set(PATTERNS.filter((p) => wanted.has(p.kind)).flatMap((p) => p.words))];
}

/** Every call identifier written in `text`, in text order. */
export function findCallIds(text: string): CallId[] {
  const found: CallId[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m !== null; m = pattern.re.exec(text)) {
      const value = pattern.value(m);
      if (value === null) continue;
      const start = pattern.group === undefined ? m.index : m.index + m[0].indexOf(m[pattern.group]!);
      const end = pattern.group === undefined ? m.index + m[0].length : start + m[pattern.group]!.length;
      found.push({ kind: pattern.kind, value, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * An identifier as a user types it: `CID=(150431,224)`, `150431.224`, `icm.150431.224`, a 32-digit
 * hex GUID, a dashed decimal Cisco-Guid, `CorID=9025`, `DLGID=763757`, `RCID=5001`. Null otherwise.
 */
export function parseCallId(query: string): Pick<CallId, "kind" | "value"> | null {
  const text = query.trim();
  const inText = findCallIds(text)[0];
  if (inText !== undefined) return { kind: inText.kind, value: inText.value };
  let m = /^(\d{1,9})[.,](\d{1,9})$/.exec(text);
  if (m !== null) return { kind: "router-call-key", value: `${m[1]}.${m[2]}` };
  m = /^[0-9A-Fa-f]{32}$/.exec(text);
  if (m !== null) return { kind: "call-guid", value: text.toUpperCase() };
  m = /^(\d{10}) ?- ?(\d{10}) ?- ?(\d{10}) ?- ?(\d{10})$/.exec(text);
  if (m !== null) {
    const value = guidFromDecimal([m[1]!, m[2]!, m[3]!, m[4]!]);
    return value === null ? null : { kind: "call-guid", value };
  }
  return null;
}

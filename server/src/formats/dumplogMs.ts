// dumplog's layout with `/ms`: the milliseconds after a colon, as in Cisco's tech notes on call
// routing and database lookups:
//   06:33:38:639 ra-dbw Trace: Queue a lookup request
//   12:41:02:591 ra-rtr Trace: (763757 x 0 : 0 0) NewCall: CID=(150429,204), …, OpCode=012:41:02:591 ra-rtr Trace: …
// Pasted from a web page, entries run together, with or without a blank between them, and Cisco Log
// entries of other components (CVP, gateways) sit among them: this format reads those too.

import { CandidateList } from "../engine/candidateList";
import type { EntryHead, TraceFormat } from "../engine/format";
import { ciscoLogHeads } from "./ciscoLog";

const DBW_TECH_NOTE = "https://www.cisco.com/c/en/us/support/docs/contact-center/unified-intelligent-contact-management-enterprise/215535-maximum-amount-of-data-that-can-be-proce.html";
const CVP_VRU_TECH_NOTE = "https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html";

/** `H:MM:SS:mmm` or `HH:MM:SS:mmm`, then a blank. */
const TIME = /(\d{1,2}):([0-5]\d):([0-5]\d):(\d{3}) /y;
const TIMES = /(\d{1,2}):([0-5]\d):([0-5]\d):(\d{3}) /g;
/** A process tag `<node><side>-<process>` (`ra-rtr`, `PG1A-jgw1`), then a blank. */
const TAG = /([A-Za-z][A-Za-z0-9]{0,15}-[A-Za-z][A-Za-z0-9]{0,15}) /y;
const LEVEL = /(Trace|Fail|Warning|Warn|Error|Info): */y;
/** A line of this layout somewhere in a text's start. */
const MS_LINE = /(?:^|[\r\n])\d{1,2}:[0-5]\d:[0-5]\d:\d{3} /;

/** Candidates live only while a text is split: one list serves every split. */
const SCRATCH_CANDIDATES = new CandidateList();

function readTime(text: string, pos: number): { clock: number; end: number } | null {
  TIME.lastIndex = pos;
  const match = TIME.exec(text);
  if (match === null) return null;
  const h = Number(match[1]);
  if (h > 23) return null;
  return { clock: h * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 1000, end: pos + match[0].length };
}

/** The head at `pos`; mid-line, only a time followed by a process tag or a level word starts an entry. */
function readHeadAt(text: string, pos: number, midLine: boolean): EntryHead | null {
  const time = readTime(text, pos);
  if (time === null) return null;
  let at = time.end;
  TAG.lastIndex = at;
  const tag = TAG.exec(text);
  if (tag !== null) at += tag[0].length;
  LEVEL.lastIndex = at;
  const level = LEVEL.exec(text);
  if (level !== null) at += level[0].length;
  if (midLine && tag === null && level === null) return null;
  return { pos, kind: "entry", clock: time.clock, date: null, utcOffsetMinutes: null, messageStart: at, processTag: tag?.[1] ?? null, level: level?.[1] ?? null };
}

function isLineStart(text: string, pos: number): boolean {
  const before = text.charCodeAt(pos - 1);
  return pos === 0 || before === 10 || before === 13;
}

function findHeads(text: string, candidates: CandidateList): EntryHead[] {
  const heads: EntryHead[] = [];
  TIMES.lastIndex = 0;
  for (let match = TIMES.exec(text); match !== null; match = TIMES.exec(text)) {
    const head = readHeadAt(text, match.index, !isLineStart(text, match.index));
    if (head !== null) heads.push(head);
    // A time's milliseconds may run into the next time (`…:591 ra-rtr`): search on from its end.
    TIMES.lastIndex = match.index + match[0].length;
  }
  const cisco = ciscoLogHeads(text, candidates);
  if (cisco.length === 0) return heads;
  // Both kinds in text order; a Cisco Log header read back over a dumplog head's text yields to it.
  const all = [...heads, ...cisco].sort((a, b) => a.pos - b.pos);
  return all.filter((head, i) => i === 0 || head.pos >= all[i - 1]!.messageStart || head.date === null);
}

export const dumplogMsFormat: TraceFormat = {
  name: "dumplog-ms",
  samples: [
    { line: "06:33:38:639 ra-dbw Trace: Queue a lookup request", clock: "06:33:38.639", processTag: "ra-dbw", level: "Trace", messageStartsWith: "Queue a lookup request", source: DBW_TECH_NOTE },
    { line: "15:56:52:557 PG1A-jgw1 Trace: new MyCID: 82", clock: "15:56:52.557", processTag: "PG1A-jgw1", level: "Trace", messageStartsWith: "new MyCID: 82", source: CVP_VRU_TECH_NOTE },
  ],
  detect: (head) => MS_LINE.test(head),
  startsEntryLine: (text, pos) => readTime(text, pos) !== null || /^(?:<\d{1,3}>)?\d{1,10}: /.test(text.slice(pos, pos + 16)),
  entries: {
    kind: "heads",
    readHead: (text, pos) => readHeadAt(text, pos, false),
    findHeads: (text, scanner) => findHeads(text, scanner.clockCandidates(SCRATCH_CANDIDATES)),
  },
};

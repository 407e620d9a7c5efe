// The Cisco Log format of newer Unified CCE components and `dumplog /ciscoLog`:
//   10: CICMRGRA: Feb 8 2007 05:37:44.658 +0000: %ICM_Router_ProcessSynchronization: [comp=Router-A][pname=rtr][iid=ipcc][sev=info]: MDS is in service.
//   <134>25: host-w3k: Feb 13 2007 18:23:21.408 +0000: %ICM_Router_CallRouter-6-10500FF: [comp=Router-A][pname=rtr][mid=10500FF][sev=info]: Side A rtr process is OK.
// The clock time sits mid-line, so the entry starts at the sequence number before it. Entries
// carry their date and time zone; run-together entries are found by reading back from each time.

import type { TextLike } from "../engine/byteText";
import { CandidateList } from "../engine/candidateList";
import { findCandidatesInText, isLineStart } from "../engine/candidates";
import { isDigitCode } from "../engine/clock";
import type { EntryHead, TraceFormat } from "../engine/format";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SYSLOG_SEVERITIES = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

// Bounded repetitions only: linear on any input.
const CISCO_LOG_LINE = /(?:^|[\r\n])(?:<\d{1,3}>)?\d{1,10}: [^\s:]{1,64}: \*?[A-Z][a-z]{2} {1,2}\d{1,2} \d{4} \d{2}:\d{2}:\d{2}/;

/** Whether the start of the text is in Cisco Log format. */
export function isCiscoLog(text: TextLike): boolean {
  return CISCO_LOG_LINE.test(text.slice(0, 8192));
}

interface Candidate {
  readonly pos: number;
  readonly clock: number;
  readonly length: number;
}

export function ciscoLogHeads(text: string, candidates: CandidateList): EntryHead[] {
  const heads: EntryHead[] = [];
  let previousSeq: number | null = null;
  for (let i = 0; i < candidates.count; i++) {
    const c: Candidate = { pos: candidates.pos[i]!, clock: candidates.clock[i]!, length: candidates.length[i]! };
    const head = readHeadBefore(text, c, previousSeq);
    if (head === null) continue;
    // A header read back into the previous entry's text would overlap it: keep the earlier one.
    if (heads.length > 0 && head.pos <= heads[heads.length - 1]!.pos) continue;
    heads.push(head.entry);
    previousSeq = head.seq;
  }
  return heads;
}

interface ReadHead {
  readonly pos: number;
  readonly seq: number;
  readonly entry: EntryHead;
}

function isBlankCode(code: number): boolean {
  return code === 32;
}

/** Reads `<seq>: <host>: [*]<Mon> <d> <yyyy> ` backwards from the time, then the rest forwards. */
function readHeadBefore(text: string, c: Candidate, previousSeq: number | null): ReadHead | null {
  let i = c.pos - 1;
  if (!isBlankCode(text.charCodeAt(i))) return null;
  const yearEnd = i;
  i -= 4;
  if (i < 0) return null;
  for (let k = i; k < yearEnd; k++) if (!isDigitCode(text.charCodeAt(k))) return null;
  const year = Number(text.slice(i, yearEnd));
  if (!isBlankCode(text.charCodeAt(i - 1))) return null;
  i -= 1;
  const dayEnd = i;
  while (i > dayEnd - 2 && isDigitCode(text.charCodeAt(i - 1))) i--;
  if (i === dayEnd) return null;
  const day = Number(text.slice(i, dayEnd));
  let spaces = 0;
  while (spaces < 2 && isBlankCode(text.charCodeAt(i - 1))) {
    i--;
    spaces++;
  }
  if (spaces === 0) return null;
  const monthName = text.slice(i - 3, i);
  const month = MONTHS.indexOf(monthName) + 1;
  if (month === 0) return null;
  i -= 3;
  if (text.charCodeAt(i - 1) === 42 /* * */) i--;
  if (text.charCodeAt(i - 1) !== 32 || text.charCodeAt(i - 2) !== 58 /* : */) return null;
  i -= 2;
  const hostEnd = i;
  while (i > hostEnd - 64 && i > 0) {
    const code = text.charCodeAt(i - 1);
    if (code === 58 || code === 32 || code === 10 || code === 13) break;
    i--;
  }
  if (i === hostEnd || text.charCodeAt(i - 1) !== 32 || text.charCodeAt(i - 2) !== 58) return null;
  i -= 2;
  const seqEnd = i;
  while (i > seqEnd - 10 && isDigitCode(text.charCodeAt(i - 1))) i--;
  if (i === seqEnd) return null;
  let seqStart = chooseSequenceStart(text, i, seqEnd, previousSeq);
  const seq = Number(text.slice(seqStart, seqEnd));
  // An RFC 3164 priority such as `<134>` belongs to the entry.
  if (text.charCodeAt(seqStart - 1) === 62 /* > */) {
    let p = seqStart - 2;
    while (p > seqStart - 6 && isDigitCode(text.charCodeAt(p))) p--;
    if (text.charCodeAt(p) === 60 /* < */ && p < seqStart - 2) seqStart = p;
  }
  const pos = seqStart;
  if (month < 1 || day < 1 || day > 31) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const rest = readRest(text, c.pos + c.length);
  return {
    pos,
    seq,
    entry: {
      pos,
      kind: "entry",
      clock: c.clock,
      date,
      utcOffsetMinutes: rest.utcOffsetMinutes,
      messageStart: rest.messageStart,
      processTag: rest.processTag,
      level: rest.level,
    },
  };
}

/**
 * Where the sequence number starts. At a line start it is the whole digit run; run into the previous
 * entry's text, it is the shortest tail that continues the previous sequence number.
 */
function chooseSequenceStart(text: string, runStart: number, runEnd: number, previousSeq: number | null): number {
  if (isLineStart(text, runStart) || text.charCodeAt(runStart - 1) === 62 || previousSeq === null) return runStart;
  for (let s = runEnd - 1; s >= runStart; s--) {
    const value = Number(text.slice(s, runEnd));
    if (value > previousSeq && value <= previousSeq + 1000 && text.charCodeAt(s) !== 48) return s;
  }
  return runStart;
}

interface HeadRest {
  readonly utcOffsetMinutes: number | null;
  readonly messageStart: number;
  readonly processTag: string | null;
  readonly level: string | null;
}

/** After the time: ` +0900: %APP[-sev-MSGID]: [k=v]...: message`. */
function readRest(text: string, pos: number): HeadRest {
  let i = pos;
  let utcOffsetMinutes: number | null = null;
  if (text.charCodeAt(i) === 32) {
    const zone = /^ ([+-])(\d{2}):?(\d{2})/.exec(text.slice(i, i + 8));
    if (zone !== null) {
      utcOffsetMinutes = (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
      i += zone[0].length;
    } else {
      const named = /^ [A-Z]{2,5}/.exec(text.slice(i, i + 7));
      if (named !== null) i += named[0].length;
    }
  }
  if (text.startsWith(": ", i)) i += 2;
  let level: string | null = null;
  let processTag: string | null = null;
  if (text.charCodeAt(i) === 37 /* % */) {
    const appEnd = text.indexOf(": ", i);
    const appLimit = i + 120;
    if (appEnd !== -1 && appEnd < appLimit) {
      const app = text.slice(i + 1, appEnd);
      const numeric = /-([0-7])-[A-Za-z0-9_]{1,40}$/.exec(app);
      if (numeric !== null) level = SYSLOG_SEVERITIES[Number(numeric[1])] ?? null;
      i = appEnd + 2;
    }
  }
  // Tags: `[comp=Router-A][pname=rtr][sev=info]: `, sometimes behind a `%`.
  const tagsAt = text.charCodeAt(i) === 37 && text.charCodeAt(i + 1) === 91 ? i + 1 : i;
  if (text.charCodeAt(tagsAt) === 91 /* [ */) {
    const tagsEnd = text.indexOf("]: ", tagsAt);
    if (tagsEnd !== -1 && tagsEnd < tagsAt + 600) {
      const tags = text.slice(tagsAt, tagsEnd + 1);
      processTag = tagValue(tags, "pname") ?? tagValue(tags, "comp");
      level = tagValue(tags, "sev") ?? level;
      i = tagsEnd + 3;
    }
  }
  return { utcOffsetMinutes, messageStart: i, processTag, level };
}

function tagValue(tags: string, key: string): string | null {
  const at = tags.indexOf(`[${key}=`);
  if (at === -1) return null;
  const end = tags.indexOf("]", at);
  return end === -1 ? null : tags.slice(at + key.length + 2, end);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const SERVICEABILITY_GUIDE = "https://manualsbrain.com/pt/manuals/1694573/?page=205 (Serviceability Best Practices Guide for Unified ICM/CCE 9.0, DUMPLOG)";
const SYSLOG_GUIDE =
  "http://www.cisco.com/c/en/us/td/docs/voice_ip_comm/cust_contact/contact_center/ipcc_enterprise/ippcenterprise10_0_1/configuration/UCCE_BK_SCB58691_00_serviceability-best-practices-guide/UCCE_BK_SCB58691_00_serviceability-best-practices-guide_chapter_0100.html";

/** Candidates live only while a text is split: one list serves every split. */
const SCRATCH_CANDIDATES = new CandidateList();

export const ciscoLogFormat: TraceFormat = {
  name: "ciscolog",
  samples: [
    {
      line: "10: CICMRGRA: Feb 8 2007 05:37:44.658 +0000: %ICM_Router_ProcessSynchronization: [comp=Router-A][pname=rtr][iid=ipcc][sev=info]: MDS is in service.",
      clock: "05:37:44.658",
      processTag: "rtr",
      level: "info",
      messageStartsWith: "MDS is in service.",
      source: SERVICEABILITY_GUIDE,
    },
    {
      line: "<134>25: host-w3k: Feb 13 2007 18:23:21.408 +0000: %ICM_Router_CallRouter-6-10500FF: [comp=Router-A][pname=rtr][iid=acme1][mid=10500FF][sev=info]: Side A rtr process is OK.",
      clock: "18:23:21.408",
      processTag: "rtr",
      level: "info",
      messageStartsWith: "Side A rtr process is OK.",
      source: SYSLOG_GUIDE,
    },
  ],
  detect: isCiscoLog,
  startsEntryLine(text: string, pos: number): boolean {
    const code = text.charCodeAt(pos);
    return isDigitCode(code) || code === 60 /* < */;
  },
  entries: {
    kind: "heads",
    readHead(text: string, pos: number): EntryHead | null {
      const line = text.slice(pos, text.indexOf("\n", pos) === -1 ? text.length : text.indexOf("\n", pos));
      const heads = ciscoLogHeads(line, findTimes(line));
      return heads[0]?.pos === 0 ? { ...heads[0], pos, messageStart: heads[0].messageStart + pos } : null;
    },
    // The clock time sits mid-line: every time the scanner finds is read back to its header.
    findHeads: (text, scanner) => ciscoLogHeads(text, scanner.clockCandidates(SCRATCH_CANDIDATES)),
  },
};

/** The clock times of one line, for reading one head. */
function findTimes(line: string): CandidateList {
  return findCandidatesInText(line, new CandidateList());
}

// dumplog's standard layout, what engineers paste most:
//   Events from February 8, 2007
//   00:37:44 ra-rtr MDS is in service.
//   23:41:32 la-lgr Fail: Assertion failed: Timed out waiting for state transfer. File: logger.cpp. Line 2104
// `HH:MM:SS[.mmm]`, an optional process tag `<node><side>-<process>`, an optional level word, the
// message. No date on the lines: a day header starts each day. Entries start at their time, so the
// engine finds them with its clock scan (a clock-led format).

import type { TextLike } from "../engine/byteText";
import { processTagEnd } from "../engine/candidates";
import { readClock } from "../engine/clock";
import { pad } from "../engine/entries";
import type { ClockLedEntries, HeadWords, TraceFormat } from "../engine/format";

const SERVICEABILITY_GUIDE = "https://manualsbrain.com/pt/manuals/1694573/?page=205 (Serviceability Best Practices Guide for Unified ICM/CCE 9.0, DUMPLOG)";
const STATE_TRANSFER_NOTE = "The Japanese Cisco tech note on a Logger state-transfer failure (its side B trace)";

/** The level words an entry may have after its time and process tag, each followed by a colon. */
const LEVEL_WORDS = ["Trace", "Fail", "Warning", "Warn", "Error", "Info"];

const EVENTS_FROM = "Events from ";
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** Just past the time and the blank after it. */
function timeEnd(text: TextLike, start: number): number {
  const at = start + (text.charCodeAt(start + 8) === 46 ? 12 : 8);
  return text.charCodeAt(at) === 32 ? at + 1 : at;
}

/** Where a level word would start: after the time and the process tag, if any. */
function levelWordAt(text: TextLike, start: number): number {
  const afterTime = timeEnd(text, start);
  const tagEnd = processTagEnd(text, afterTime);
  return tagEnd === -1 ? afterTime : tagEnd + 1;
}

function messageStartAfter(text: TextLike, levelAt: number, level: string | null): number {
  if (level === null) return levelAt;
  let at = levelAt + level.length + 1;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at;
}

function readLevelWord(text: TextLike, pos: number): string | null {
  const first = text.charCodeAt(pos);
  // Every level word starts with one of T, F, W, E, I.
  if (first !== 84 && first !== 70 && first !== 87 && first !== 69 && first !== 73) return null;
  for (const word of LEVEL_WORDS) {
    if (text.charCodeAt(pos + word.length) === 58 /* : */ && text.startsWith(word, pos)) return word;
  }
  return null;
}

const entries: ClockLedEntries = {
  kind: "clock",
  levelWords: LEVEL_WORDS,

  /** `23:26:58[.mmm] la-lgr Trace: message` read from the entry's start. */
  readHead(text: TextLike, start: number): HeadWords & { readonly messageStart: number } {
    const afterTime = timeEnd(text, start);
    const levelAt = levelWordAt(text, start);
    const level = readLevelWord(text, levelAt);
    // A process tag fills the gap between the time and the level word, with its blank.
    const processTag = levelAt === afterTime ? null : text.slice(afterTime, levelAt - 1);
    return { processTag, level, messageStart: messageStartAfter(text, levelAt, level) };
  },

  messageStart(text: TextLike, start: number): number {
    const levelAt = levelWordAt(text, start);
    return messageStartAfter(text, levelAt, readLevelWord(text, levelAt));
  },

  readDayHeader(text: TextLike, pos: number): string | null {
    if (!text.startsWith(EVENTS_FROM, pos)) return null;
    const rest = text.slice(pos + EVENTS_FROM.length, Math.min(text.length, pos + EVENTS_FROM.length + 40));
    const match = /^([A-Z][a-z]{2,8}) (\d{1,2}), (\d{4})/.exec(rest);
    if (match === null) return null;
    const month = MONTHS.indexOf(match[1]!) + 1;
    const day = Number(match[2]);
    if (month === 0 || day < 1 || day > 31) return null;
    return `${match[3]}-${pad(month)}-${pad(day)}`;
  },
};

export const standardFormat: TraceFormat = {
  name: "standard",
  samples: [
    { line: "00:37:44 ra-rtr MDS is in service.", clock: "00:37:44", processTag: "ra-rtr", level: null, messageStartsWith: "MDS is in service.", source: SERVICEABILITY_GUIDE },
    { line: "16:47:39 Trace: PrepareToSendState", clock: "16:47:39", processTag: null, level: "Trace", messageStartsWith: "PrepareToSendState", source: STATE_TRANSFER_NOTE },
  ],
  // The format every text falls back to: detection asks the others first.
  detect: () => true,
  startsEntryLine(text: string, pos: number): boolean {
    const reading = readClock(text, pos);
    if (reading === null) return false;
    const after = text.charCodeAt(pos + reading.length);
    return after === 32 || after === 9 || after === 10 || after === 13;
  },
  entries,
};

// Whether a text's first lines look like an ICM trace: timestamped entries, a dumplog day header,
// or Cisco Log lines. Used to move `.txt` files VS Code opened as Plain Text to ICM Trace.

import { ciscoLogFormat } from "./ciscoLog";
import { splitEntries } from "./index";

import { DETECTION_HEAD_CHARS, type TraceDetection } from "../shared/traceDetection";

export { DETECTION_HEAD_CHARS } from "../shared/traceDetection";

const DAY_HEADER = /^Events from [A-Z][a-z]{2,8} \d{1,2}, \d{4}/m;
const ICM_WORDS = /Trace: |Fail: |\b[a-z]{1,3}[ab]-(?:lgr|rtr|mds|nm|nmm|rcv|ccag|opc|pgag|pim|rts|csfs|dtp)\b|\bMDS\b|Logger|Router|NodeManager/;

export const looksLikeIcmTrace: TraceDetection["looksLikeIcmTrace"] = (head) => {
  const text = head.length > DETECTION_HEAD_CHARS ? head.slice(0, DETECTION_HEAD_CHARS) : head;
  if (DAY_HEADER.test(text) || ciscoLogFormat.detect(text)) return true;
  const { entries } = splitEntries(text);
  const timed = entries.filter((e) => e.kind === "entry");
  if (timed.length < 2) return false;
  // The first timed entry must start within the first few lines, not deep inside prose.
  return timed[0]!.line < 5 && ICM_WORDS.test(text);
};

/** How much of a text's start `looksLikeTraceText` reads. */
const TRACE_SAMPLE_CHARS = 64 * 1024;
/** Untimed text up to this many lines reads like a quoted message; longer, like a document. */
const QUOTED_LINES = 40;

/**
 * Whether a text is a trace rather than a document that quotes one (a README, a catalogue page):
 * a tenth of its lines that are not indented start with an entry, or it is untimed text short enough to be quoted alarm or
 * event text, or untimed lines that start with a process tag (`la-lgr Fail: …`).
 */
export function looksLikeTraceText(text: string): boolean {
  const head = text.length > TRACE_SAMPLE_CHARS ? text.slice(0, TRACE_SAMPLE_CHARS) : text;
  const split = splitEntries(head);
  let entryLines = 0;
  let timed = 0;
  let taggedUntimed = 0;
  for (let i = 0; i < split.count; i++) {
    if (split.isTimed(i)) {
      timed++;
      if (!split.isMidLine(i)) entryLines++;
    } else if (split.hasMessage(i) && split.entryAt(i).processTag !== null) {
      taggedUntimed++;
    }
  }
  const lines = head.split(/\r\n|\r|\n/).filter((line) => line.trim().length > 0);
  if (timed === 0) return taggedUntimed > 0 || lines.length <= QUOTED_LINES;
  // Indented lines go on the entry above them (dumplog's continuation lines): they are no prose.
  const unindented = lines.filter((line) => line.charCodeAt(0) !== 32 && line.charCodeAt(0) !== 9).length;
  return entryLines > 0 && entryLines * 10 >= unindented;
}

// Whether a text's first lines look like an ICM trace: timestamped entries, a dumplog day header,
// or Cisco Log lines. Used to move `.txt` files VS Code opened as Plain Text to ICM Trace.

import { splitEntries } from "./index";

/** How much of the start of a document the check reads. */
export const DETECTION_HEAD_CHARS = 4096;

const DAY_HEADER = /^Events from [A-Z][a-z]{2,8} \d{1,2}, \d{4}/m;
const CISCO_LOG = /^(?:<\d{1,3}>)?\d{1,10}: [^\s:]{1,64}: \*?[A-Z][a-z]{2} {1,2}\d{1,2} \d{4} \d{2}:\d{2}:\d{2}/m;
const ICM_WORDS = /Trace: |Fail: |\b[a-z]{1,3}[ab]-(?:lgr|rtr|mds|nm|nmm|rcv|ccag|opc|pgag|pim|rts|csfs|dtp)\b|\bMDS\b|Logger|Router|NodeManager/;

export function looksLikeIcmTrace(head: string): boolean {
  const text = head.length > DETECTION_HEAD_CHARS ? head.slice(0, DETECTION_HEAD_CHARS) : head;
  if (DAY_HEADER.test(text) || CISCO_LOG.test(text)) return true;
  const { entries } = splitEntries(text);
  const timed = entries.filter((e) => e.kind === "entry");
  if (timed.length < 2) return false;
  // The first timed entry must start within the first few lines, not deep inside prose.
  return timed[0]!.line < 5 && ICM_WORDS.test(text);
}

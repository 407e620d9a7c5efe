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

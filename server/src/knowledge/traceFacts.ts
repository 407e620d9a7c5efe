// What a trace says about itself: which side of the duplexed pair wrote it and its part in a
// state transfer.

import type { EntrySplit } from "../engine/entries";
import type { PairSide, TransferRole } from "../shared/compareModel";

export type { PairSide, TransferRole } from "../shared/compareModel";
export { sideFromFileName, sideFromPath } from "../shared/compareModel";

import { RECEIVE_ROLE_MARKERS, SEND_ROLE_MARKERS } from "./vocabulary";

/** The role of the last state transfer the trace shows, or null when it shows none. */
export function transferRole(split: EntrySplit): TransferRole | null {
  const text = split.text;
  const lastSend = Math.max(...SEND_ROLE_MARKERS.map((m) => text.lastIndexOf(m)));
  const lastReceive = Math.max(...RECEIVE_ROLE_MARKERS.map((m) => text.lastIndexOf(m)));
  if (lastSend === -1 && lastReceive === -1) return null;
  return lastSend > lastReceive ? "send" : "receive";
}

// `LoggerA`, `<inst>_sideA`, `RouterB`, `Router-A`, `Side A`, and dumplog tags such as `la-lgr`.
const SIDE_IN_TEXT = /(?:Logger-?|Router-?|Distributor-?|_side|\bSide )([AB])\b|\b[lr]([ab])-[a-z]+\b/g;

/** The side the trace's own text names most, or null when it names none or both equally. */
export function sideFromText(text: string, maxChars = 1_000_000): PairSide | null {
  const sample = text.length > maxChars ? text.slice(0, maxChars) : text;
  let a = 0;
  let b = 0;
  for (const match of sample.matchAll(SIDE_IN_TEXT)) {
    const side = (match[1] ?? match[2] ?? "").toUpperCase();
    if (side === "A") a++;
    else if (side === "B") b++;
  }
  if (a === b) return null;
  return a > b ? "A" : "B";
}

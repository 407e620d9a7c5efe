// A small made-up layout, written by following docs/architecture.md's recipe "Add a format" to the
// letter: one module, its samples with it. `YYYY/MM/DD HH:MM:SS process: message`.

import type { EntryHead, TraceFormat } from "../../server/src/engine/format";

const HEAD = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([a-z]{2,8}): /;

function readHead(text: string, pos: number): EntryHead | null {
  const match = HEAD.exec(text.slice(pos, pos + 64));
  if (match === null) return null;
  const [whole, year, month, day, h, m, s, process] = match as unknown as [string, string, string, string, string, string, string, string];
  return {
    pos,
    kind: "entry",
    clock: Number(h) * 3600 + Number(m) * 60 + Number(s),
    date: `${year}-${month}-${day}`,
    utcOffsetMinutes: null,
    messageStart: pos + whole.length,
    processTag: process,
    level: null,
  };
}

export const slashDatedFormat: TraceFormat = {
  name: "slash-dated",
  samples: [
    { line: "2007/02/08 05:37:44 rtr: MDS is in service.", clock: "05:37:44", processTag: "rtr", level: null, messageStartsWith: "MDS is in service.", source: "made up for the recipe test" },
  ],
  detect: (head) => HEAD.test(head),
  startsEntryLine: (text, pos) => readHead(text, pos) !== null,
  entries: { kind: "heads", readHead },
};

// Folding: phases that span lines, and runs of repeated `Waiting for MDS Messages`.

import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { DocumentAnalysis } from "./analysisCache";

export function foldingRanges(doc: DocumentAnalysis): FoldingRange[] {
  const { split } = doc.analysis;
  const entries = { at: (i: number) => split.entryAt(i) };
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: string) => {
    if (endLine > startLine) ranges.push(kind === undefined ? { startLine, endLine } : { startLine, endLine, kind });
  };
  for (const phase of doc.phases()) {
    const first = entries.at(phase.firstEntry);
    const last = entries.at(phase.lastEntry);
    add(first.line, last.endLine, FoldingRangeKind.Region);
    // Consecutive waits: a stretch of time where nothing happened.
    let runStart: number | null = null;
    let runEnd = 0;
    for (const event of phase.events) {
      if (event.kind !== "receive-wait") continue;
      const entry = entries.at(event.entryIndex);
      if (runStart !== null && event.entryIndex === runEnd + 1) {
        runEnd = event.entryIndex;
        continue;
      }
      if (runStart !== null) add(entries.at(runStart).line, entries.at(runEnd).endLine);
      runStart = entry.index;
      runEnd = entry.index;
    }
    if (runStart !== null) add(entries.at(runStart).line, entries.at(runEnd).endLine);
  }
  return ranges;
}

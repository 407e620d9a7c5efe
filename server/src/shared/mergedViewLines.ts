// Which lines of a merged view hold given positions of its traces: the client highlights a followed
// call's entries with it. Plain data in, line numbers out; no analysis.

import type { MergedViewLine, TracePosition } from "./protocol";

/**
 * The merged view's lines whose entries hold one of `positions`: for each position, the entry of
 * its trace that starts last at or before it. A view may hold only a window of its traces, so a
 * position past a trace's last entry in the view counts only on that entry's own line.
 */
export function mergedViewLinesHolding(lines: readonly MergedViewLine[], positions: readonly TracePosition[]): number[] {
  const byUri = new Map<string, { line: number; column: number; viewLine: number }[]>();
  lines.forEach((source, viewLine) => {
    const list = byUri.get(source.uri) ?? [];
    list.push({ line: source.line, column: source.column, viewLine });
    byUri.set(source.uri, list);
  });
  for (const list of byUri.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
  const held = new Set<number>();
  for (const { uri, line, character } of positions) {
    const list = byUri.get(uri);
    if (list === undefined) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = list[mid]!;
      if (e.line < line || (e.line === line && e.column <= character)) lo = mid + 1;
      else hi = mid;
    }
    const entry = list[lo - 1];
    if (entry === undefined || (lo === list.length && entry.line !== line)) continue;
    held.add(entry.viewLine);
  }
  return [...held].sort((a, b) => a - b);
}

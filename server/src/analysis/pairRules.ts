// Rules over both sides' traces together: what neither trace shows alone. Each reports under a
// catalogue record whose match is `{kind: "pair"}`.

import { catalogueRecord } from "../knowledge/catalogue";
import type { Localized } from "../knowledge/types";
import type { TraceAnalysis } from "./analyze";
import { entryMessage, type TraceEntry } from "../engine/entries";
import { fillLocalized } from "../model/findings";

export interface PairFinding {
  readonly id: string;
  readonly severity: "error" | "warning" | "information";
  readonly message: Localized;
  /** The entry on each side (index 0 and 1 as given). */
  readonly entries: readonly [TraceEntry, TraceEntry];
}

const CHECKSUM = "Checksum config complete";
const CHECKSUM_LINE = /Rows = (\d+), bytes = (\d+), checksum = (\d+), updateKey = (\d+)/;

interface Checksum {
  readonly entry: TraceEntry;
  readonly rows: string;
  readonly bytes: string;
  readonly checksum: string;
}

// One read per analysis (= per document version): the editor compares every open pair on each change.
const checksumsOf = new WeakMap<TraceAnalysis, Map<string, Checksum>>();

function checksumsByUpdateKey(analysis: TraceAnalysis): Map<string, Checksum> {
  const known = checksumsOf.get(analysis);
  if (known !== undefined) return known;
  const found = new Map<string, Checksum>();
  checksumsOf.set(analysis, found);
  const { split } = analysis;
  // The marker is rare: find it with one search rather than reading every entry.
  for (let at = split.text.indexOf(CHECKSUM); at !== -1; at = split.text.indexOf(CHECKSUM, at + CHECKSUM.length)) {
    if (split.count === 0) break;
    const entry = split.entryAt(split.indexAt(at));
    const match = CHECKSUM_LINE.exec(entryMessage(split, entry));
    if (match !== null) found.set(match[4]!, { entry, rows: match[1]!, bytes: match[2]!, checksum: match[3]! });
  }
  return found;
}

/**
 * Both Loggers log the checksum of their configuration with the update key of the last change they
 * hold: at the same update key the checksums must agree. `sides` names the two traces (A/B).
 */
export function checksumDifferences(a: TraceAnalysis, b: TraceAnalysis, sides: readonly [string, string] = ["A", "B"]): PairFinding[] {
  const record = catalogueRecord("config-checksum-differs");
  if (record === undefined) return [];
  const first = checksumsByUpdateKey(a);
  if (first.size === 0) return [];
  const second = checksumsByUpdateKey(b);
  const findings: PairFinding[] = [];
  for (const [updateKey, x] of first) {
    const y = second.get(updateKey);
    if (y === undefined || (x.checksum === y.checksum && x.rows === y.rows && x.bytes === y.bytes)) continue;
    // The template names side A first.
    const [sideA, sideB] = sides[0] === "B" ? [y, x] : [x, y];
    const values = { side: sides[1], updateKey, checksumA: sideA.checksum, checksumB: sideB.checksum, rowsA: sideA.rows, rowsB: sideB.rows };
    findings.push({ id: record.id, severity: record.severity === "hint" ? "information" : record.severity, message: fillLocalized(record.message, values), entries: [x.entry, y.entry] });
  }
  return findings;
}

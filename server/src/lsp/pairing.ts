// When both sides of a transfer are open, the receiver's stall points at the sender's failing
// line and the sender's failure at the receiver's wait: related information across files.

import { type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import { checksumDifferences } from "../analysis/pairRules";
import { DIAGNOSTIC_SOURCE } from "../shared/protocol";
import type { Language } from "../knowledge/types";
import type { DocumentAnalysis } from "./analysisCache";
import { rangeOf, SEVERITY } from "./diagnostics";

const SENDER_FAILURES = new Set(["temp-file-access-denied", "temp-file-disk-full", "temp-file-failed", "state-send-aborted"]);
const RECEIVER_STALL = "state-receive-incomplete";

/** Related information per finding index of `doc`, from the other open traces of its pair. */
export function crossFileRelated(doc: DocumentAnalysis, others: readonly DocumentAnalysis[], language: Language): Map<number, DiagnosticRelatedInformation[]> {
  const related = new Map<number, DiagnosticRelatedInformation[]>();
  const mine = doc.analysis;
  if (mine.role === null) return related;
  const peers = others.filter((o) => o.uri !== doc.uri && o.analysis.role !== null && o.analysis.role !== mine.role && (o.analysis.side === null || mine.side === null || o.analysis.side !== mine.side));
  if (peers.length === 0) return related;
  mine.findings.forEach((finding, index) => {
    const links: DiagnosticRelatedInformation[] = [];
    for (const peer of peers) {
      const { findings, split } = peer.analysis;
      if (finding.id === RECEIVER_STALL) {
        for (const f of findings) {
          if (!SENDER_FAILURES.has(f.id)) continue;
          links.push({
            location: { uri: peer.uri, range: rangeOf(peer, f.start, f.end) },
            message: language === "ja" ? `送信側の原因: ${f.message.ja}` : `Cause on the sending side: ${f.message.en}`,
          });
        }
      } else if (SENDER_FAILURES.has(finding.id)) {
        for (const f of findings) {
          if (f.id !== RECEIVER_STALL) continue;
          const entry = split.entryAt(f.entryIndex);
          links.push({
            location: { uri: peer.uri, range: rangeOf(peer, entry.start, entry.contentEnd) },
            message: language === "ja" ? `受信側への影響: ${f.message.ja}` : `Effect on the receiving side: ${f.message.en}`,
          });
        }
      }
    }
    if (links.length > 0) related.set(index, links);
  });
  return related;
}

/** Diagnostics that need both traces: configuration checksums that differ at the same update key. */
export function pairDiagnostics(doc: DocumentAnalysis, others: readonly DocumentAnalysis[], language: Language): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const peer of others) {
    if (peer.uri === doc.uri) continue;
    const mine = doc.analysis.side ?? (peer.analysis.side === "A" ? "B" : "A");
    const theirs = peer.analysis.side ?? (mine === "A" ? "B" : "A");
    for (const finding of checksumDifferences(doc.analysis, peer.analysis, [mine, theirs])) {
      const [own, other] = finding.entries;
      diagnostics.push({
        range: rangeOf(doc, own.start, own.contentEnd),
        severity: SEVERITY[finding.severity],
        code: finding.id,
        source: DIAGNOSTIC_SOURCE,
        message: finding.message[language],
        relatedInformation: [{
          location: { uri: peer.uri, range: rangeOf(peer, other.start, other.contentEnd) },
          message: language === "ja" ? "相手側のチェックサム" : "The other side's checksum",
        }],
      });
    }
  }
  return diagnostics;
}

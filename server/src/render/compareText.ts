// The compare model as terminal text: both sides' key events in aligned time order.

import type { Language } from "../shared/text";
import { formatClock, formatDuration } from "../engine/clock";
import { alignedEvents, sideLabelOf, type CompareModel } from "../shared/compareModel";

const WORDS = {
  en: { offset: "Clock offset", aligned: "aligned", anchorTransfer: "lines up the sender's PrepareToSendState with the receiver's RECEIVE", anchorFirst: "lines up the first entries (no transfer on both sides)", anchorNone: "none", verdict: "Verdict", evidence: "Evidence", fixes: "Fixes" },
  ja: { offset: "時計のずれ", aligned: "整列", anchorTransfer: "送信側の PrepareToSendState と受信側の RECEIVE をそろえています", anchorFirst: "先頭のエントリをそろえています（両サイドの転送なし）", anchorNone: "なし", verdict: "判定", evidence: "根拠", fixes: "対処" },
};

export function compareAsText(model: CompareModel, language: Language): string {
  const w = WORDS[language];
  const [a, b] = model.sides;
  const out: string[] = [];
  out.push(`[0] ${sideLabelOf(model, 0, language)}: ${a.file}`);
  out.push(`[1] ${sideLabelOf(model, 1, language)}: ${b.file}`);
  const sign = model.offsetSeconds < 0 ? "-" : "+";
  const anchor = model.offsetAnchor === "transfer" ? w.anchorTransfer : model.offsetAnchor === "first-entries" ? w.anchorFirst : w.anchorNone;
  out.push(`${w.offset}: [1] ${sign}${formatDuration(Math.abs(model.offsetSeconds), language)} (${model.offsetSeconds} s; ${anchor})`, "");
  const width = 60;
  out.push(`${w.aligned.padEnd(8)}  ${"[0]".padEnd(8)}  ${"[1]".padEnd(8)}  `);
  for (const { sideIndex, alignedTime, event } of alignedEvents(model)) {
    const own = event.clock;
    const marker = event.severity === "error" ? "✖" : event.severity === "warning" ? "⚠" : "·";
    const body = event.text.slice(event.clock.length + 1);
    const text = body.length > width ? `${body.slice(0, width)}…` : body;
    const cols = sideIndex === 0 ? `${own}  ${"".padEnd(8)}` : `${"".padEnd(8)}  ${own}`;
    out.push(`${formatClock(alignedTime)}  ${cols}  ${marker} [${sideIndex}] ${event.kind === "entry" ? "" : `${event.kind}: `}${text}`);
  }
  out.push("", `${w.verdict}: ${model.verdict.code}`, `  ${model.verdict.summary[language]}`);
  if (model.verdict.evidence.length > 0) {
    out.push(`${w.evidence}:`);
    for (const e of model.verdict.evidence) {
      out.push(`  ${model.sides[e.sideIndex]!.file}:${e.line + 1}:${e.column + 1}: ${e.text}`);
    }
  }
  const fixes = model.verdict.fixes[language];
  if (fixes.length > 0) out.push(`${w.fixes}:`, ...fixes.map((f) => `  - ${f}`));
  for (const issue of model.pairIssues) {
    out.push("", `${issue.severity} ${issue.id}: ${issue.message[language]}`);
    for (const e of issue.evidence) out.push(`  ${model.sides[e.sideIndex]!.file}:${e.line + 1}:${e.column + 1}: ${e.text}`);
  }
  return `${out.join("\n")}\n`;
}

// A self-contained, script-free HTML page of the A/B timeline for attaching to a support ticket.
// Every piece of trace text is escaped; the CSP allows only the page's own nonce'd style.

import type { Language } from "../shared/text";
import { formatClock, formatDuration } from "../engine/clock";
import { alignedEvents, type CompareModel } from "../shared/compareModel";
import { sideLabelOf, verdictTone } from "../shared/compareModel";
import { cspNonce, escapeHtml } from "./html";

const WIDTH = 1000;
const LANE = 90;
const TOP = 30;
const LEFT = 150;

const WORDS = {
  en: { title: "ICM state transfer: sending and receiving sides", offset: "Clock offset of [1]", verdict: "Verdict", evidence: "Evidence", fixes: "Fixes", events: "Aligned events", aligned: "Aligned time", side: "Side", local: "Local time", entry: "Entry" },
  ja: { title: "ICM 状態転送: 送信側と受信側", offset: "[1] の時計のずれ", verdict: "判定", evidence: "根拠", fixes: "対処", events: "整列したイベント", aligned: "整列時刻", side: "サイド", local: "ローカル時刻", entry: "エントリ" },
};

export function compareAsHtml(model: CompareModel, language: Language): string {
  const w = WORDS[language];
  const nonce = cspNonce();
  const events = alignedEvents(model);
  const allTimes = model.sides.flatMap((side, i) => [
    ...side.events.map((e) => e.time + (i === 1 ? model.offsetSeconds : 0)),
    ...side.phases.flatMap((p) => [p.start, p.end].map((t) => t + (i === 1 ? model.offsetSeconds : 0))),
  ]);
  const min = allTimes.length === 0 ? 0 : Math.min(...allTimes);
  const max = allTimes.length === 0 ? 1 : Math.max(...allTimes);
  const span = Math.max(1, max - min);
  const x = (t: number) => LEFT + ((t - min) / span) * (WIDTH - LEFT - 20);
  const svg: string[] = [];
  const height = TOP + LANE * 2 + 30;
  svg.push(`<svg role="img" aria-label="${escapeHtml(w.title)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`);
  model.sides.forEach((side, i) => {
    const y = TOP + i * LANE;
    const shift = i === 1 ? model.offsetSeconds : 0;
    svg.push(`<rect class="lane" x="0" y="${y}" width="${WIDTH}" height="${LANE - 6}"/>`);
    svg.push(`<text class="label" x="8" y="${y + 22}">[${i}] ${escapeHtml(sideLabelOf(model, i, language))}</text>`);
    for (const phase of side.phases) {
      const x0 = x(phase.start + shift);
      const x1 = Math.max(x0 + 3, x(phase.end + shift));
      svg.push(`<rect class="phase phase-${phase.kind}" x="${x0.toFixed(1)}" y="${y + 30}" width="${(x1 - x0).toFixed(1)}" height="14"><title>${escapeHtml(phase.kind)} ${escapeHtml(phase.outcome ?? "")}</title></rect>`);
      if (phase.waitStart !== null && phase.waitEnd !== null) {
        const w0 = x(phase.waitStart + shift);
        const w1 = Math.max(w0 + 3, x(phase.waitEnd + shift));
        svg.push(`<rect class="wait" x="${w0.toFixed(1)}" y="${y + 48}" width="${(w1 - w0).toFixed(1)}" height="8"/>`);
      }
    }
    // Failures last, so that they are drawn on top of ordinary entries at the same time.
    const rank = (severity: string | null) => (severity === "error" ? 3 : severity === "warning" ? 2 : severity === null ? 0 : 1);
    for (const event of [...side.events].sort((p, q) => rank(p.severity) - rank(q.severity))) {
      const cx = x(event.time + shift);
      svg.push(`<circle class="mark ${event.severity ?? "none"}" cx="${cx.toFixed(1)}" cy="${y + 68}" r="${event.kind === "entry" ? 3 : 5}"><title>${escapeHtml(event.text)}</title></circle>`);
    }
  });
  svg.push(`<text class="axis" x="${LEFT}" y="${height - 8}">${escapeHtml(formatClock(min))}</text>`);
  svg.push(`<text class="axis" x="${WIDTH - 80}" y="${height - 8}">${escapeHtml(formatClock(max))}</text>`);
  svg.push("</svg>");

  const rows = events.map(({ sideIndex, alignedTime, event }) => `<tr class="${event.severity ?? ""}"><td>${escapeHtml(formatClock(alignedTime))}</td><td>[${sideIndex}]</td><td>${escapeHtml(event.clock)}</td><td><code>${escapeHtml(event.text)}</code></td></tr>`);
  const evidence = model.verdict.evidence.map((e) => `<li><code>${escapeHtml(model.sides[e.sideIndex]!.file)}:${e.line + 1}:${e.column + 1}</code> <code>${escapeHtml(e.text)}</code></li>`);
  const fixes = model.verdict.fixes[language].map((f) => `<li>${escapeHtml(f)}</li>`);
  const offset = `${model.offsetSeconds < 0 ? "-" : "+"}${formatDuration(Math.abs(model.offsetSeconds), language)} (${model.offsetSeconds} s)`;
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title>
<style nonce="${nonce}">
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2328; background: #fff; }
.verdict { border-left: 6px solid #cf222e; background: #fff5f5; padding: .75rem 1rem; margin: 1rem 0; }
.verdict.tone-good { border-color: #1a7f37; background: #f0fff4; }
.verdict.tone-neutral { border-color: #57606a; background: #f6f8fa; }
.lane { fill: #f6f8fa; } .label { font: 13px system-ui, sans-serif; fill: #1f2328; } .axis { font: 11px monospace; fill: #57606a; }
.phase { fill: #0969da; opacity: .35; } .phase-send { fill: #8250df; } .phase-receive { fill: #0969da; } .phase-startup, .phase-sync { fill: #57606a; opacity: .2; }
.wait { fill: #bf8700; opacity: .5; }
.mark.none { fill: #57606a; } .mark.error { fill: #cf222e; } .mark.warning { fill: #bf8700; } .mark.information, .mark.hint { fill: #0969da; }
table { border-collapse: collapse; font-size: 13px; } td, th { border-bottom: 1px solid #d0d7de; padding: 2px 8px; text-align: left; vertical-align: top; }
tr.error td { background: #fff5f5; } tr.warning td { background: #fff8c5; }
code { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
</style>
</head>
<body>
<h1>${escapeHtml(w.title)}</h1>
<ul>
<li>[0] ${escapeHtml(sideLabelOf(model, 0, language))}: <code>${escapeHtml(model.sides[0].file)}</code></li>
<li>[1] ${escapeHtml(sideLabelOf(model, 1, language))}: <code>${escapeHtml(model.sides[1].file)}</code></li>
<li>${escapeHtml(w.offset)}: ${escapeHtml(offset)}</li>
</ul>
<section class="verdict ${escapeHtml(model.verdict.code)} tone-${verdictTone(model.verdict.code)}" role="status">
<h2>${escapeHtml(w.verdict)}: <code>${escapeHtml(model.verdict.code)}</code></h2>
<p>${escapeHtml(model.verdict.summary[language])}</p>
${evidence.length > 0 ? `<h3>${escapeHtml(w.evidence)}</h3><ul>${evidence.join("")}</ul>` : ""}
${fixes.length > 0 ? `<h3>${escapeHtml(w.fixes)}</h3><ul>${fixes.join("")}</ul>` : ""}
</section>
${svg.join("\n")}
<h2>${escapeHtml(w.events)}</h2>
<table><thead><tr><th>${escapeHtml(w.aligned)}</th><th>${escapeHtml(w.side)}</th><th>${escapeHtml(w.local)}</th><th>${escapeHtml(w.entry)}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</body>
</html>
`;
}

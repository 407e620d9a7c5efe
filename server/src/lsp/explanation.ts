// A catalogue record as a Markdown page ("Show explanation").

import type { FailureRecord, Language } from "../knowledge/types";

const HEADINGS = {
  en: { causes: "Likely causes", fixes: "Fixes", commands: "Commands", severity: "Severity" },
  ja: { causes: "考えられる原因", fixes: "対処", commands: "コマンド", severity: "重大度" },
};

export function explainRecord(record: FailureRecord, language: Language): string {
  const h = HEADINGS[language];
  const lines = [
    `# ${record.title[language]}`,
    "",
    `\`${record.id}\` · ${h.severity}: ${record.severity} · ${record.area}`,
    "",
    record.explanation[language],
    "",
    `## ${h.causes}`,
    "",
    ...record.causes[language].map((c) => `- ${c}`),
    "",
    `## ${h.fixes}`,
    "",
    ...record.fixes[language].map((f) => `- ${f}`),
  ];
  const commands = record.quickFixes.filter((q) => q.kind === "copyCommand");
  if (commands.length > 0) {
    lines.push("", `## ${h.commands}`, "");
    for (const c of commands) lines.push(`${c.title[language]}:`, "", "```bat", c.command, "```", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

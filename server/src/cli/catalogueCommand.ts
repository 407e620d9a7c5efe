// `icm-trace catalogue [--json]`: the known failures.

import { catalogue } from "../knowledge/catalogue";
import type { Language } from "../knowledge/types";
import type { CliIo } from "./io";

export function runCatalogue(options: { json: boolean; language: Language }, io: CliIo): number {
  if (options.json) {
    const records = catalogue.map((r) => ({
      id: r.id,
      severity: r.severity,
      area: r.area,
      title: r.title,
      explanation: r.explanation,
      causes: r.causes,
      fixes: r.fixes,
    }));
    io.stdout(`${JSON.stringify(records, null, 2)}\n`);
  } else {
    const width = Math.max(...catalogue.map((r) => r.id.length));
    io.stdout(catalogue.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(11)}  ${r.title[options.language]}\n`).join(""));
  }
  return 0;
}

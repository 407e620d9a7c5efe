// `icm-trace compare [--json | --html OUT] FILE FILE`: both sides of a state transfer together.

import { writeFileSync } from "node:fs";
import { analyzeTrace } from "../analysis/analyze";
import { compareTraces, type CompareModel } from "../analysis/compare";
import { compareAsText } from "../render/compareText";
import { compareAsHtml } from "../render/compareHtml";
import { compareAsMarkdown } from "../render/compareMarkdown";
import type { Language } from "../knowledge/types";
import { parseZone } from "../engine/clock";
import { CliError, readTraceFile, type CliIo } from "./io";

export interface CompareOptions {
  readonly json: boolean;
  readonly markdown: boolean;
  readonly html: string | undefined;
  readonly language: Language;
  readonly encoding: string | undefined;
  /** `--zone`: the zone of the traces' local times, as given. */
  readonly zone?: string | undefined;
}

export function compareFiles(files: readonly string[], encoding?: string, zone?: string): CompareModel {
  if (files.length !== 2) throw new CliError("compare takes exactly two FILEs: the two sides' traces");
  const zoneMinutes = zone === undefined ? null : parseZone(zone);
  if (zone !== undefined && zoneMinutes === null) throw new CliError(`--zone must be like +0900, -05:00 or UTC, not '${zone}'`);
  const [first, second] = files.map((f) => readTraceFile(f, encoding)) as [ReturnType<typeof readTraceFile>, ReturnType<typeof readTraceFile>];
  return compareTraces({ file: first.path, analysis: analyzeTrace(first.text) }, { file: second.path, analysis: analyzeTrace(second.text) }, { zoneMinutes });
}

/** The JSON form: 1-based positions, files as given, the summary in the chosen language. */
export function compareAsJson(model: CompareModel, language: Language) {
  return {
    sides: model.sides.map((s) => ({
      file: s.file,
      side: s.side,
      role: s.role,
      dated: s.dated,
      phases: s.phases.map((p) => ({ ...p, firstLine: p.firstLine + 1 })),
      events: s.events.map((e) => ({ ...e, line: e.line + 1, column: e.column + 1 })),
      omittedEntries: s.omittedEntries,
    })),
    offsetSeconds: model.offsetSeconds,
    offsetAnchor: model.offsetAnchor,
    verdict: {
      code: model.verdict.code,
      summary: model.verdict.summary[language],
      evidence: model.verdict.evidence.map((e) => ({
        file: model.sides[e.sideIndex]!.file,
        line: e.line + 1,
        column: e.column + 1,
        clock: e.clock,
        text: e.text,
      })),
      fixes: model.verdict.fixes[language],
    },
    pairIssues: model.pairIssues.map((issue) => ({
      code: issue.id,
      severity: issue.severity,
      message: issue.message[language],
      evidence: issue.evidence.map((e) => ({ file: model.sides[e.sideIndex]!.file, line: e.line + 1, column: e.column + 1, clock: e.clock, text: e.text })),
    })),
  };
}

export async function runCompare(files: readonly string[], options: CompareOptions, io: CliIo): Promise<number> {
  const model = compareFiles(files, options.encoding, options.zone);
  if (options.html !== undefined) {
    try {
      writeFileSync(options.html, compareAsHtml(model, options.language));
    } catch (error) {
      throw new CliError(`cannot write '${options.html}': ${(error as Error).message}`);
    }
    io.stderr(`icm-trace: wrote ${options.html}\n`);
  }
  if (options.json) io.stdout(`${JSON.stringify(compareAsJson(model, options.language), null, 2)}\n`);
  else if (options.markdown) io.stdout(compareAsMarkdown(model, options.language));
  else if (options.html === undefined) io.stdout(compareAsText(model, options.language));
  return 0;
}

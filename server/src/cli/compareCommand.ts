// `icm-trace compare [--json | --html OUT] FILE FILE`: both sides of a state transfer together.

import { writeFileSync } from "node:fs";
import { analyzeTrace } from "../analysis/analyze";
import { compareTraces, type CompareModel } from "../analysis/compare";
import { compareAsText } from "../render/compareText";
import { compareAsHtml } from "../render/compareHtml";
import { compareAsMarkdown } from "../render/compareMarkdown";
import type { Language } from "../knowledge/types";
import { parseZone } from "../engine/clock";
import { processFromFileName, processFromTag } from "../knowledge/traceOrigin";
import { sideFromFileName } from "../knowledge/traceFacts";
import { CliError, isBundlePath, readBundleTexts, readTraceFile, type CliIo, type TraceFile } from "./io";

export interface CompareOptions {
  readonly json: boolean;
  readonly markdown: boolean;
  readonly html: string | undefined;
  readonly language: Language;
  readonly encoding: string | undefined;
  /** `--zone`: the zone of the traces' local times, as given. */
  readonly zone?: string | undefined;
}

export async function compareFiles(files: readonly string[], encoding?: string, zone?: string): Promise<CompareModel> {
  const zoneMinutes = zone === undefined ? null : parseZone(zone);
  if (zone !== undefined && zoneMinutes === null) throw new CliError(`--zone must be like +0900, -05:00 or UTC, not '${zone}'`);
  const sides = files.length === 1 && isBundlePath(files[0]!) ? loggerPair(await readBundleTexts(files[0]!, encoding), files[0]!) : await readSides(files, encoding);
  const [first, second] = sides.map((side) => ({ file: side.path, analysis: analyzeTrace(side.text) }));
  return compareTraces(first!, second!, { zoneMinutes });
}

async function readSides(files: readonly string[], encoding?: string): Promise<TraceFile[]> {
  if (files.length !== 2) throw new CliError("compare takes two FILEs (the two sides' traces), or one bundle holding both Loggers' traces");
  const sides: TraceFile[] = [];
  for (const file of files) {
    if (!isBundlePath(file)) sides.push(readTraceFile(file, encoding));
    else {
      const members = await readBundleTexts(file, encoding);
      if (members.length !== 1) throw new CliError(`'${file}' holds ${members.length} traces: name one member (ARCHIVE!/path)`);
      sides.push(members[0]!);
    }
  }
  return sides;
}

/**
 * The two Logger traces of a bundle: its `lgr` members (by name or process tag), a receiving and a
 * sending one when the traces tell, else side A's and side B's.
 */
function loggerPair(members: readonly TraceFile[], bundle: string): [TraceFile, TraceFile] {
  const loggers = members
    .map((member) => ({ member, analysis: analyzeTrace(member.text) }))
    .filter(({ member, analysis }) => processFromFileName(member.path.replace(/^.*!\//, "")) === "lgr" || processFromTag(analysis.split.entries.find((e) => e.processTag !== null)?.processTag ?? null) === "lgr");
  const byRole = (role: string) => loggers.find((l) => l.analysis.role === role);
  const receive = byRole("receive");
  const send = byRole("send");
  if (receive !== undefined && send !== undefined) return [receive.member, send.member];
  const bySide = (side: string) => loggers.find((l) => (l.analysis.side ?? sideFromFileName(l.member.path)) === side);
  const a = bySide("A");
  const b = bySide("B");
  if (a !== undefined && b !== undefined && a !== b) return [a.member, b.member];
  if (loggers.length === 2) return [loggers[0]!.member, loggers[1]!.member];
  throw new CliError(`'${bundle}' holds ${loggers.length} Logger trace(s): no pair to compare; name the two members`);
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
  const model = await compareFiles(files, options.encoding, options.zone);
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

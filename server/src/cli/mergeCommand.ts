// `icm-trace merge [--json] [--since T] [--until T] [--offset WHO=SECONDS] PATH...` and
// `icm-trace follow [--json] ID PATH...`: every entry of a set of traces (files, folders, bundles)
// on one clock, in corrected time order, one call's entries only for `follow`. Each trace is read
// twice, streamed: once to place its clock, once to merge. Threads (mergeThreads.ts) survey the
// traces and write their lines; this thread orders the lines and writes them out.

import { statSync } from "node:fs";
import { clocksNeedEvents, mergedTimeText, parseMergeTime, placeClocks, timeInWindow, type ClockOffset, type MergeTime, type NamingEntry, type TraceSurvey } from "../analysis/merge";
import { readWhole, UnreadableArchiveError, walkBundle } from "../engine/archive";
import { parseCallId } from "../knowledge/callIds";
import { CliError, checkReadable, isBundlePath, type CliIo } from "./io";
import { MergedOutput, writeMerged } from "./mergedOutput";
import { BlockQueue, shareTraces, startThreads, surveyOnThreads, threadCount, type MergeThread } from "./mergeThreads";
import type { SurveyHow, TraceSpec } from "./mergeWork";
import { expandTracePaths } from "./paths";

export interface MergeCommandOptions {
  readonly json: boolean;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly offsets?: readonly string[] | undefined;
  readonly encoding?: string | undefined;
  /** `--threads N` as given. */
  readonly threads?: string | undefined;
}

/** Every trace the paths name, to be opened once per pass; an unreadable path is a usage error (exit 2). */
async function traceSet(paths: readonly string[], io: CliIo): Promise<TraceSpec[]> {
  if (paths.length === 0) throw new CliError("merge and follow need at least one FILE, folder or bundle");
  const { files, problems } = expandTracePaths(paths);
  if (problems.length > 0) throw new CliError(problems[0]!);
  const traces: TraceSpec[] = [];
  for (const file of files) {
    if (!isBundlePath(file)) {
      checkReadable(file);
      traces.push({ file, member: false, bytes: null, size: statSync(file).size });
      continue;
    }
    let held = 0;
    try {
      await walkBundle(file, async (member) => {
        if (/\.ems$/i.test(member.innerPath)) return;
        if (member.problem !== null) {
          io.stderr(`icm-trace: ${member.name}: ${member.problem}\n`);
          return;
        }
        // Small members are read as they are listed: a bundle of thousands would otherwise hold as
        // many open archives while they are merged, and find each by listing the archive again.
        if (member.size !== null && member.size <= SMALL_MEMBER_BYTES && held + member.size <= HELD_MEMBER_BYTES) {
          let bytes: Buffer | null;
          try {
            bytes = await readWhole(await member.open(), SMALL_MEMBER_BYTES);
          } catch (error) {
            io.stderr(`icm-trace: ${member.name}: ${(error as Error).message}, left out\n`);
            return;
          }
          if (bytes !== null) {
            held += bytes.length;
            traces.push({ file: member.name, member: true, bytes, size: bytes.length });
            return;
          }
        }
        traces.push({ file: member.name, member: true, bytes: null, size: member.size ?? 0 });
      });
    } catch (error) {
      if (error instanceof UnreadableArchiveError) throw new CliError(error.message);
      throw error;
    }
  }
  return traces;
}

/** Members up to this size, up to this many bytes in all, are read whole as the bundle is listed. */
const SMALL_MEMBER_BYTES = 1024 * 1024;
const HELD_MEMBER_BYTES = 64 * 1024 * 1024;

function parseThreads(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d+$/.test(given) || Number(given) < 1) throw new CliError(`--threads must be a whole number of 1 or more, not '${given}'`);
  return Number(given);
}

function parseOffsets(given: readonly string[] | undefined): Record<string, number> {
  const offsets: Record<string, number> = {};
  for (const spec of given ?? []) {
    const m = /^(.+)=([+-]?\d+(?:\.\d+)?)$/.exec(spec);
    if (m === null) throw new CliError(`--offset must be WHO=SECONDS (a host, side or file, then seconds), not '${spec}'`);
    offsets[m[1]!] = Number(m[2]);
  }
  return offsets;
}

function window(options: MergeCommandOptions): { since: MergeTime; until: MergeTime } {
  const since = options.since === undefined ? null : parseMergeTime(options.since);
  const until = options.until === undefined ? null : parseMergeTime(options.until);
  if (options.since !== undefined && since === null) throw new CliError(`--since must be HH:MM:SS or an ISO date-time, not '${options.since}'`);
  if (options.until !== undefined && until === null) throw new CliError(`--until must be HH:MM:SS or an ISO date-time, not '${options.until}'`);
  return { since, until };
}

interface SurveyedTrace {
  readonly spec: TraceSpec;
  readonly survey: TraceSurvey;
  readonly naming: readonly NamingEntry[];
}

/** Surveys every trace on the threads; a binary bundle member is left out, a binary file is a usage error. */
async function surveySet(threads: readonly MergeThread[], specs: readonly TraceSpec[], how: Omit<SurveyHow, "encoding">, options: MergeCommandOptions, io: CliIo): Promise<SurveyedTrace[]> {
  const outcomes = await surveyOnThreads(threads, specs, { ...how, encoding: options.encoding });
  const surveyed: SurveyedTrace[] = [];
  outcomes.forEach((outcome, i) => {
    const spec = specs[i]!;
    if ("survey" in outcome) {
      if (outcome.survey.firstTime === null) io.stderr(`icm-trace: ${spec.file}: no time in it, left out\n`);
      surveyed.push({ spec, survey: outcome.survey, naming: outcome.naming });
      return;
    }
    // A bundle member that cannot be read is named and left out, as check does; a file given is a usage error.
    if (spec.member) {
      if (!outcome.binary) io.stderr(`icm-trace: ${spec.file}: ${outcome.error}, left out\n`);
      return;
    }
    if (outcome.binary || outcome.archive) throw new CliError(outcome.error);
    throw new Error(outcome.error);
  });
  return surveyed;
}

/**
 * Surveys every trace for what places its clock: its start, and where the clocks need them (more
 * than one, not all given) the events it logs.
 */
async function surveyClocks(threads: readonly MergeThread[], specs: readonly TraceSpec[], offsets: Readonly<Record<string, number>>, options: MergeCommandOptions, io: CliIo): Promise<SurveyedTrace[]> {
  const started = await surveySet(threads, specs, { follow: null, startOnly: true }, options, io);
  if (!clocksNeedEvents(started.map((s) => s.survey), offsets)) return started;
  // A trace without a time was read whole already.
  const timed = started.filter((s) => s.survey.firstTime !== null);
  const full = new Map((await surveySet(threads, timed.map((s) => s.spec), { follow: null, startOnly: false }, options, io)).map((s) => [s.spec, s]));
  return started.flatMap((s) => (s.survey.firstTime === null ? [s] : full.has(s.spec) ? [full.get(s.spec)!] : []));
}

/** How each clock was placed, for the reader of the text form (on stderr: stdout stays the entries). */
function reportClocks(clocks: readonly ClockOffset[], io: CliIo): void {
  for (const clock of clocks) io.stderr(`icm-trace: clock ${clock.clock}: ${clock.offsetSeconds >= 0 ? "+" : ""}${clock.offsetSeconds} s (${clock.anchor})\n`);
}

/** The JSON form of `follow`, one object a line inside the array. */
function jsonLines(values: readonly { file: string; line: number; column: number; lane: string; time: string; offsetSeconds: number; message: string }[]): string {
  return values.length === 0 ? "[]\n" : `[\n${values.map((value) => `  ${JSON.stringify(value)}`).join(",\n")}\n]\n`;
}

export async function runMerge(paths: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const { since, until } = window(options);
  const offsets = parseOffsets(options.offsets);
  const threadsAsked = parseThreads(options.threads);
  const specs = await traceSet(paths, io);
  const threads = startThreads(threadCount(specs, threadsAsked));
  try {
    const surveyed = await surveyClocks(threads, specs, offsets, options, io);
    const clocks = placeClocks(surveyed.map((s) => s.survey), offsets);
    const offsetOf = new Map(clocks.map((c) => [c.clock, c.offsetSeconds]));
    const placed = surveyed.flatMap(({ spec, survey }, traceIndex) => (survey.firstTime === null ? [] : [{ spec, survey, traceIndex }]));
    const queues: BlockQueue[] = [];
    shareTraces(placed, threads.length).forEach((share, t) => {
      for (const { spec, survey, traceIndex } of share) {
        const { lane, firstTime, onDates } = survey;
        threads[t]!.open({ traceIndex, spec, lane, offsetSeconds: offsetOf.get(lane.clock)!, firstTime: firstTime!, onDates, since, until, json: options.json, encoding: options.encoding });
        // Lines already written stay: the trace is named, its lines merged as far as it was read.
        const ended = (error: Error) => io.stderr(`icm-trace: ${spec.file}: ${error.message}; its entries from there on are left out\n`);
        queues.push(new BlockQueue(traceIndex, threads[t]!, ended));
      }
    });
    // Ties go to the lower trace index; the order of the queues does not matter.
    await writeMerged(queues, new MergedOutput(io, options.json));
    if (!options.json) reportClocks(clocks, io);
  } finally {
    await Promise.all(threads.map((thread) => thread.close()));
  }
  return 0;
}

export async function runFollow(args: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const [query, ...paths] = args;
  if (query === undefined) throw new CliError("follow needs an ID (CID=(150431,224), a call GUID, CorID=9025, …) and the traces");
  const id = parseCallId(query);
  if (id === null) throw new CliError(`'${query}' is no call identifier this tool knows (CID=(day,key), day.key, a 32-digit or dashed decimal GUID, CorID=N, DLGID=N, RCID=N)`);
  const { since, until } = window(options);
  const offsets = parseOffsets(options.offsets);
  const threadsAsked = parseThreads(options.threads);
  // One pass: the entries that name the call are few, and are kept as the clocks are surveyed.
  const specs = await traceSet(paths, io);
  const threads = startThreads(threadCount(specs, threadsAsked));
  let surveyed: SurveyedTrace[];
  try {
    surveyed = await surveySet(threads, specs, { follow: id, startOnly: false }, options, io);
  } finally {
    await Promise.all(threads.map((thread) => thread.close()));
  }
  const clocks = placeClocks(surveyed.map((s) => s.survey), offsets);
  const offsetOf = new Map(clocks.map((c) => [c.clock, c.offsetSeconds]));
  const found = surveyed.flatMap(({ survey, naming }, traceIndex) =>
    survey.firstTime === null ? [] : naming.map((entry) => ({ entry, traceIndex, lane: survey.lane, offset: offsetOf.get(survey.lane.clock)!, time: entry.ownTime! + offsetOf.get(survey.lane.clock)! })),
  );
  // Corrected time order; a trace's own order where times tie, the trace given first.
  found.sort((a, b) => a.time - b.time || a.traceIndex - b.traceIndex || a.entry.entryIndex - b.entry.entryIndex);
  const shown = found.filter((f) => timeInWindow(f.time, since, until));
  if (options.json) {
    io.stdout(jsonLines(shown.map((f) => ({ file: f.lane.file, line: f.entry.line + 1, column: f.entry.column + 1, lane: f.lane.name, time: mergedTimeText(f.time), offsetSeconds: f.offset, message: f.entry.message }))));
    return 0;
  }
  io.stdout(shown.map((f) => `${f.lane.name}\t${mergedTimeText(f.time)}\t${f.entry.message}\n`).join(""));
  reportClocks(clocks, io);
  return 0;
}

// `icm-trace merge [--json] [--since T] [--until T] [--offset WHO=SECONDS] PATH...` and
// `icm-trace follow [--json] ID PATH...`: every entry of a set of traces (files, folders, bundles)
// on one clock, in corrected time order, one call's entries only for `follow`. Each trace is read
// twice, streamed: once to place its clock, once to merge.

import {
  FollowedCall, mergedTimeText, oneLine, parseMergeTime, placeClocks, streamedCursor, surveyTrace, timeInWindow, visitMerged, visitMergedRuns, type ClockOffset, type MergeTime, type NamingEntry, type TraceCursor,
  type TraceSourceRef, type TraceSurvey,
} from "../analysis/merge";
import { Readable } from "node:stream";
import { openMember, readWhole, UnreadableArchiveError, walkBundle } from "../engine/archive";
import { fileSource, streamSource } from "../engine/byteSource";
import { BinaryTraceError } from "../engine/encoding";
import { parseCallId } from "../knowledge/callIds";
import { CliError, checkReadable, isBundlePath, type CliIo } from "./io";
import { MergedLineWriter } from "./mergedLines";
import { expandTracePaths } from "./paths";

export interface MergeCommandOptions {
  readonly json: boolean;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly offsets?: readonly string[] | undefined;
  readonly encoding?: string | undefined;
}

/** Every trace the paths name, to be opened once per pass; an unreadable path is a usage error (exit 2). */
async function traceSet(paths: readonly string[], io: CliIo): Promise<TraceSourceRef[]> {
  if (paths.length === 0) throw new CliError("merge and follow need at least one FILE, folder or bundle");
  const { files, problems } = expandTracePaths(paths);
  if (problems.length > 0) throw new CliError(problems[0]!);
  const traces: TraceSourceRef[] = [];
  for (const file of files) {
    if (!isBundlePath(file)) {
      checkReadable(file);
      traces.push({ file, open: () => fileSource(file) });
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
            const whole = bytes;
            held += whole.length;
            traces.push({ file: member.name, open: async () => streamSource(Readable.from([whole]), whole.length) });
            return;
          }
        }
        traces.push({ file: member.name, open: () => openMemberSource(member.name) });
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

async function openMemberSource(name: string) {
  const member = await openMember(name);
  const source = streamSource(member.stream, member.size);
  return {
    ...source,
    close: async () => {
      await source.close();
      member.close();
    },
  };
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
  readonly trace: TraceSourceRef;
  readonly survey: TraceSurvey;
  readonly naming: readonly NamingEntry[];
}

/** Surveys every trace; a binary bundle member is left out, a binary file is a usage error. */
async function surveySet(traces: readonly TraceSourceRef[], follow: FollowedCall | null, options: MergeCommandOptions, io: CliIo): Promise<SurveyedTrace[]> {
  const surveyed: SurveyedTrace[] = [];
  for (const trace of traces) {
    try {
      const { survey, naming } = await surveyTrace(trace, follow, options.encoding === undefined ? {} : { encoding: options.encoding });
      if (survey.firstTime === null) io.stderr(`icm-trace: ${trace.file}: no time in it, left out\n`);
      surveyed.push({ trace, survey, naming });
    } catch (error) {
      // A bundle member that cannot be read is named and left out, as check does; a file given is a usage error.
      if (trace.file.includes("!/")) {
        if (!(error instanceof BinaryTraceError)) io.stderr(`icm-trace: ${trace.file}: ${(error as Error).message}, left out\n`);
        continue;
      }
      if (error instanceof BinaryTraceError || error instanceof UnreadableArchiveError) throw new CliError(error.message);
      throw error;
    }
  }
  return surveyed;
}

/** How each clock was placed, for the reader of the text form (on stderr: stdout stays the entries). */
function reportClocks(clocks: readonly ClockOffset[], io: CliIo): void {
  for (const clock of clocks) io.stderr(`icm-trace: clock ${clock.clock}: ${clock.offsetSeconds >= 0 ? "+" : ""}${clock.offsetSeconds} s (${clock.anchor})\n`);
}

/** The JSON form, one object a line inside the array, written as the merge goes. */
class JsonWriter {
  private first = true;
  private held: string[] = [];

  constructor(private readonly io: CliIo) {}

  entry(value: { file: string; line: number; column: number; lane: string; time: string; offsetSeconds: number; message: string }): void {
    this.held.push(`${this.first ? "[\n" : ",\n"}  ${JSON.stringify(value)}`);
    this.first = false;
    if (this.held.length >= 10_000) this.io.stdout(this.held.splice(0).join(""));
  }

  end(): void {
    this.held.push(this.first ? "[]\n" : "\n]\n");
    this.io.stdout(this.held.splice(0).join(""));
  }
}

function bytesTo(io: CliIo): (bytes: Uint8Array) => void | Promise<void> {
  if (io.stdoutBytes !== undefined) return (bytes) => io.stdoutBytes!(bytes);
  const decoder = new TextDecoder();
  return (bytes) => io.stdout(decoder.decode(bytes));
}

export async function runMerge(paths: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const { since, until } = window(options);
  const offsets = parseOffsets(options.offsets);
  const surveyed = await surveySet(await traceSet(paths, io), null, options, io);
  const clocks = placeClocks(surveyed.map((s) => s.survey), offsets);
  const offsetOf = new Map(clocks.map((c) => [c.clock, c.offsetSeconds]));
  const opened = await Promise.all(
    surveyed.flatMap(({ trace, survey }, i) => (survey.firstTime === null ? [] : [streamedCursor(trace, i, offsetOf.get(survey.lane.clock)!, { firstTime: survey.firstTime, onDates: survey.onDates }, options.encoding === undefined ? {} : { encoding: options.encoding })])),
  );
  const lanes = surveyed.map((s) => s.survey.lane);
  const windowed = since !== null || until !== null;
  try {
    if (options.json) {
      const json = new JsonWriter(io);
      await visitMerged(
        opened.map((o) => o.cursor),
        (cursor: TraceCursor) => {
          if (windowed && !timeInWindow(cursor.time, since, until)) return;
          const entry = cursor.split.entryAt(cursor.index, cursor.base);
          const lane = lanes[cursor.traceIndex]!;
          json.entry({ file: lane.file, line: entry.line + 1, column: entry.column + 1, lane: lane.name, time: mergedTimeText(cursor.time), offsetSeconds: cursor.offsetSeconds, message: oneLineMessage(cursor) });
        },
      );
      json.end();
    } else {
      const lines = new MergedLineWriter(
        lanes.map((l) => l.name),
        bytesTo(io),
      );
      await visitMergedRuns(
        opened.map((o) => o.cursor),
        windowed ? (cursor, from, to) => inWindowRuns(cursor, from, to, since, until, (a, b) => lines.run(cursor, a, b)) : (cursor, from, to) => lines.run(cursor, from, to),
      );
      await lines.flush();
      reportClocks(clocks, io);
    }
  } finally {
    await Promise.all(opened.map((o) => o.close()));
  }
  return 0;
}

/** The parts of a run whose entries lie in the window, each handed to `write`; a promise when one is waited for. */
function inWindowRuns(cursor: TraceCursor, from: number, to: number, since: MergeTime, until: MergeTime, write: (from: number, to: number) => void | Promise<void>): void | Promise<void> {
  const waiting: Promise<void>[] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const time = i < to ? cursor.times[i]! : Number.NaN;
    const inside = i < to && (time !== time ? start !== -1 : timeInWindow(time, since, until));
    if (inside && start === -1) start = i;
    if (!inside && start !== -1) {
      const written = write(start, i);
      if (written !== undefined) waiting.push(written);
      start = -1;
    }
  }
  return waiting.length === 0 ? undefined : Promise.all(waiting).then(() => undefined);
}

function oneLineMessage(cursor: TraceCursor): string {
  const { split, index } = cursor;
  return oneLine(split.source.slice(split.messageStartOf(index), split.contentEndOf(index)));
}

export async function runFollow(args: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const [query, ...paths] = args;
  if (query === undefined) throw new CliError("follow needs an ID (CID=(150431,224), a call GUID, CorID=9025, …) and the traces");
  const id = parseCallId(query);
  if (id === null) throw new CliError(`'${query}' is no call identifier this tool knows (CID=(day,key), day.key, a 32-digit or dashed decimal GUID, CorID=N, DLGID=N, RCID=N)`);
  const { since, until } = window(options);
  const offsets = parseOffsets(options.offsets);
  // One pass: the entries that name the call are few, and are kept as the clocks are surveyed.
  const surveyed = await surveySet(await traceSet(paths, io), new FollowedCall(id), options, io);
  const clocks = placeClocks(surveyed.map((s) => s.survey), offsets);
  const offsetOf = new Map(clocks.map((c) => [c.clock, c.offsetSeconds]));
  const found = surveyed.flatMap(({ survey, naming }, traceIndex) =>
    survey.firstTime === null ? [] : naming.map((entry) => ({ entry, traceIndex, lane: survey.lane, offset: offsetOf.get(survey.lane.clock)!, time: entry.ownTime! + offsetOf.get(survey.lane.clock)! })),
  );
  // Corrected time order; a trace's own order where times tie, the trace given first.
  found.sort((a, b) => a.time - b.time || a.traceIndex - b.traceIndex || a.entry.entryIndex - b.entry.entryIndex);
  const shown = found.filter((f) => timeInWindow(f.time, since, until));
  if (options.json) {
    const json = new JsonWriter(io);
    for (const f of shown) json.entry({ file: f.lane.file, line: f.entry.line + 1, column: f.entry.column + 1, lane: f.lane.name, time: mergedTimeText(f.time), offsetSeconds: f.offset, message: f.entry.message });
    json.end();
    return 0;
  }
  io.stdout(shown.map((f) => `${f.lane.name}\t${mergedTimeText(f.time)}\t${f.entry.message}\n`).join(""));
  reportClocks(clocks, io);
  return 0;
}

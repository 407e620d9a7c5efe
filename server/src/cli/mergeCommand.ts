// `icm-trace merge [--json] [--since T] [--until T] [--offset WHO=SECONDS] PATH...` and
// `icm-trace follow [--json] ID PATH...`: every entry of a set of traces (files, folders, bundles)
// on one clock, in corrected time order, one call's entries only for `follow`.

import { inWindow, mergeTraces, parseMergeTime, type MergedEntry, type MergedSet, type MergeInput } from "../analysis/merge";
import { callIdKey, findCallIds, parseCallId } from "../knowledge/callIds";
import { CliError, isBundlePath, readBundleTexts, readTraceFile, type CliIo } from "./io";
import { expandTracePaths } from "./paths";

export interface MergeCommandOptions {
  readonly json: boolean;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly offsets?: readonly string[] | undefined;
  readonly encoding?: string | undefined;
}

/** Every trace the paths name, read whole; an unreadable path is a usage error (exit 2). */
async function readSet(paths: readonly string[], encoding?: string): Promise<MergeInput[]> {
  if (paths.length === 0) throw new CliError("merge and follow need at least one FILE, folder or bundle");
  const { files, problems } = expandTracePaths(paths);
  if (problems.length > 0) throw new CliError(problems[0]!);
  const inputs: MergeInput[] = [];
  for (const file of files) {
    if (isBundlePath(file)) inputs.push(...(await readBundleTexts(file, encoding)).map((t) => ({ file: t.path, text: t.text })));
    else inputs.push({ file, text: readTraceFile(file, encoding).text });
  }
  return inputs;
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

function window(options: MergeCommandOptions) {
  const since = options.since === undefined ? null : parseMergeTime(options.since);
  const until = options.until === undefined ? null : parseMergeTime(options.until);
  if (options.since !== undefined && since === null) throw new CliError(`--since must be HH:MM:SS or an ISO date-time, not '${options.since}'`);
  if (options.until !== undefined && until === null) throw new CliError(`--until must be HH:MM:SS or an ISO date-time, not '${options.until}'`);
  return { since, until };
}

function print(set: MergedSet, entries: readonly MergedEntry[], json: boolean, io: CliIo): void {
  if (json) {
    io.stdout(`${JSON.stringify(entries.map((e) => ({ file: e.file, line: e.line + 1, column: e.column + 1, lane: e.lane, time: e.timeText, offsetSeconds: e.offsetSeconds, message: e.message })), null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  for (const e of entries) {
    out.push(`${e.lane}\t${e.timeText}\t${e.message}\n`);
    if (out.length >= 20_000) io.stdout(out.splice(0).join(""));
  }
  io.stdout(out.join(""));
  // How each clock was placed, for the reader of the text form (on stderr: stdout stays the entries).
  for (const clock of set.clocks) io.stderr(`icm-trace: clock ${clock.clock}: ${clock.offsetSeconds >= 0 ? "+" : ""}${clock.offsetSeconds} s (${clock.anchor})\n`);
}

export async function runMerge(paths: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const { since, until } = window(options);
  const set = mergeTraces(await readSet(paths, options.encoding), { offsets: parseOffsets(options.offsets) });
  print(set, set.entries.filter((e) => inWindow(e, since, until)), options.json, io);
  return 0;
}

export async function runFollow(args: readonly string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  const [query, ...paths] = args;
  if (query === undefined) throw new CliError("follow needs an ID (CID=(150431,224), a call GUID, CorID=9025, …) and the traces");
  const id = parseCallId(query);
  if (id === null) throw new CliError(`'${query}' is no call identifier this tool knows (CID=(day,key), day.key, a 32-digit or dashed decimal GUID, CorID=N, DLGID=N, RCID=N)`);
  const key = callIdKey(id);
  const { since, until } = window(options);
  const set = mergeTraces(await readSet(paths, options.encoding), { offsets: parseOffsets(options.offsets) });
  const naming = set.entries.filter((e) => inWindow(e, since, until) && /\d/.test(e.message) && findCallIds(e.message).some((found) => callIdKey(found) === key));
  print(set, naming, options.json, io);
  return 0;
}

// Many traces on one clock: each trace is a lane (`<who>/<process>`), traces of one host (else one
// side, else each file alone) share a clock, the first trace's clock is the reference, and every
// other clock gets the offset that two of them logging the same event tells (a call both name, the
// Logger pair's state transfer), else zero; the user may set any offset. Entries then merge in
// corrected time order.

import { formatClock, SECONDS_PER_DAY } from "../engine/clock";
import type { EntrySplit } from "../engine/entries";
import { callIdKey, findCallIds } from "../knowledge/callIds";
import { sideFromPath } from "../knowledge/traceFacts";
import { hostOf, processFromFileName, processFromTag, sideFromTag } from "../knowledge/traceOrigin";
import type { TraceEntry } from "../model/entries";
import { analyzeTrace, type TraceAnalysis } from "./analyze";
import { tracePhases } from "./transferEvents";

export interface MergeInput {
  /** The trace's name: a path or a bundle member (`case.zip!/LoggerA/lgr.txt`). */
  readonly file: string;
  readonly text: string;
}

export interface Lane {
  /** `<who>/<process>`: host, else side, else file name; process, else `?`. */
  readonly name: string;
  readonly file: string;
  /** The clock the lane is on: `host:…`, `side:…` or `file:…`. */
  readonly clock: string;
}

export interface ClockOffset {
  readonly clock: string;
  /** Seconds added to this clock's times to put them on the reference clock. */
  readonly offsetSeconds: number;
  /** What found it: a call both clocks name, the Logger pair's transfer, the user, or nothing. */
  readonly anchor: "reference" | "call" | "transfer" | "given" | "none";
}

export interface MergedEntry {
  readonly lane: string;
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
  /** Seconds on the reference clock: since the epoch when dated, else since midnight of the first day. */
  readonly time: number;
  /** `time` as text: ISO 8601 (UTC) where a date is known, else `HH:MM:SS[.mmm]`. */
  readonly timeText: string;
  readonly offsetSeconds: number;
  readonly message: string;
  /** The source trace and entry, for callers that show more of it. */
  readonly traceIndex: number;
  readonly entryIndex: number;
}

export interface MergedSet {
  readonly lanes: readonly Lane[];
  readonly clocks: readonly ClockOffset[];
  readonly entries: readonly MergedEntry[];
  readonly analyses: readonly TraceAnalysis[];
}

export interface MergeOptions {
  /** Offsets the user sets, by clock or by the `who` of a lane (`ROUTERB`, `B`, a file name), in seconds. */
  readonly offsets?: Readonly<Record<string, number>>;
}

interface Trace {
  readonly input: MergeInput;
  readonly analysis: TraceAnalysis;
  readonly lane: Lane;
  readonly dated: boolean;
  timeOf(entry: TraceEntry): number | null;
}

function innerPath(file: string): string {
  return file.replace(/^.*!\//, "");
}

function describe(input: MergeInput): Trace {
  const analysis = analyzeTrace(input.text);
  const { split } = analysis;
  const firstTag = split.entries.find((e) => e.processTag !== null)?.processTag ?? null;
  const host = hostOf(input.text.slice(0, 64 * 1024), input.file);
  const side = analysis.side ?? sideFromPath(innerPath(input.file)) ?? sideFromTag(firstTag);
  const base = innerPath(input.file).replace(/^.*[\\/]/, "");
  const process = processFromFileName(innerPath(input.file)) ?? processFromTag(firstTag) ?? "?";
  const who = host ?? side ?? base;
  const clock = host !== null ? `host:${host}` : side !== null ? `side:${side}` : `file:${input.file}`;
  // Entries with a date and a zone are placed on UTC (epoch seconds); others on the trace's own clock.
  const dated = split.entries.some((e) => e.date !== null && e.utcOffsetMinutes !== null);
  const timeOf = (entry: TraceEntry): number | null => {
    if (entry.clock === null) return null;
    if (dated && entry.date !== null && entry.utcOffsetMinutes !== null) return Date.parse(`${entry.date}T00:00:00Z`) / 1000 + entry.clock - entry.utcOffsetMinutes * 60;
    return entry.elapsedClock;
  };
  return { input, analysis, lane: { name: `${who}/${process}`, file: input.file, clock }, dated, timeOf };
}

/** Each call identifier's first time on each clock. */
function callTimes(traces: readonly Trace[]): Map<string, Map<string, number>> {
  const byClock = new Map<string, Map<string, number>>();
  for (const trace of traces) {
    const seen = byClock.get(trace.lane.clock) ?? new Map<string, number>();
    byClock.set(trace.lane.clock, seen);
    const { split } = trace.analysis;
    for (const entry of split.entries) {
      const time = trace.timeOf(entry);
      if (time === null) continue;
      const message = split.text.slice(entry.messageStart, entry.contentEnd);
      if (!/\d/.test(message)) continue;
      for (const id of findCallIds(message)) {
        // Routing client and dialog IDs repeat across calls: only a call's own keys align clocks.
        if (id.kind !== "router-call-key" && id.kind !== "call-guid" && id.kind !== "correlation-id") continue;
        const key = callIdKey(id);
        const known = seen.get(key);
        if (known === undefined || time < known) seen.set(key, time);
      }
    }
  }
  return byClock;
}

/** The time of a trace's last transfer anchor of `kind`: the sender's prepare or the receiver's initiate. */
function transferAnchor(trace: Trace, kind: "send" | "receive"): number | null {
  const phases = tracePhases(trace.analysis.split).filter((p) => p.kind === kind);
  const last = phases[phases.length - 1];
  return last === undefined ? null : trace.timeOf(trace.analysis.split.entries[last.firstEntry]!);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The offset that puts `clock` on `known` (already on the reference): from calls both name, else from a transfer. */
function offsetBetween(known: string, clock: string, traces: readonly Trace[], calls: Map<string, Map<string, number>>): { offset: number; anchor: "call" | "transfer" } | null {
  const a = calls.get(known)!;
  const b = calls.get(clock)!;
  const differences: number[] = [];
  for (const [key, time] of b) {
    const other = a.get(key);
    if (other !== undefined) differences.push(other - time);
  }
  if (differences.length > 0) return { offset: median(differences), anchor: "call" };
  for (const [mine, theirs] of [["send", "receive"], ["receive", "send"]] as const) {
    for (const x of traces.filter((t) => t.lane.clock === known)) {
      const tx = transferAnchor(x, mine);
      if (tx === null) continue;
      for (const y of traces.filter((t) => t.lane.clock === clock)) {
        const ty = transferAnchor(y, theirs);
        if (ty !== null) return { offset: tx - ty, anchor: "transfer" };
      }
    }
  }
  return null;
}

function givenOffset(clock: string, lanes: readonly Lane[], given: Readonly<Record<string, number>>): number | undefined {
  if (given[clock] !== undefined) return given[clock];
  for (const lane of lanes.filter((l) => l.clock === clock)) {
    const who = lane.name.slice(0, lane.name.lastIndexOf("/"));
    if (given[who] !== undefined) return given[who];
    if (given[lane.name] !== undefined) return given[lane.name];
  }
  return undefined;
}

/** The entry's message on one line: its lines joined with ` ⏎ `. */
function messageOf(split: EntrySplit, entry: TraceEntry): string {
  const text = split.text.slice(entry.messageStart, entry.contentEnd);
  return text.includes("\n") || text.includes("\r") ? text.replace(/\r\n|\r|\n/g, " ⏎ ") : text;
}

/** `time` on the reference clock as text. */
export function mergedTimeText(time: number, dated: boolean): string {
  if (dated) return new Date(Math.round(time * 1000)).toISOString();
  const whole = Math.floor(time);
  const ms = Math.round((time - whole) * 1000);
  return ms === 0 ? formatClock(whole) : `${formatClock(whole)}.${String(ms).padStart(3, "0")}`;
}

export function mergeTraces(inputs: readonly MergeInput[], options: MergeOptions = {}): MergedSet {
  const traces = inputs.map(describe);
  const lanes = traces.map((t) => t.lane);
  const clocks = [...new Set(lanes.map((l) => l.clock))];
  const calls = callTimes(traces);
  const offsets = new Map<string, ClockOffset>();
  const given = options.offsets ?? {};
  if (clocks.length > 0) offsets.set(clocks[0]!, { clock: clocks[0]!, offsetSeconds: givenOffset(clocks[0]!, lanes, given) ?? 0, anchor: givenOffset(clocks[0]!, lanes, given) === undefined ? "reference" : "given" });
  // Clocks join the reference one by one, each through one already placed.
  for (let changed = true; changed; ) {
    changed = false;
    for (const clock of clocks) {
      if (offsets.has(clock)) continue;
      const user = givenOffset(clock, lanes, given);
      if (user !== undefined) {
        offsets.set(clock, { clock, offsetSeconds: user, anchor: "given" });
        changed = true;
        continue;
      }
      for (const placed of [...offsets.values()]) {
        const found = offsetBetween(placed.clock, clock, traces, calls);
        if (found === null) continue;
        offsets.set(clock, { clock, offsetSeconds: placed.offsetSeconds + found.offset, anchor: found.anchor });
        changed = true;
        break;
      }
    }
  }
  for (const clock of clocks) if (!offsets.has(clock)) offsets.set(clock, { clock, offsetSeconds: 0, anchor: "none" });
  const anyDated = traces.some((t) => t.dated);
  const entries: MergedEntry[] = [];
  traces.forEach((trace, traceIndex) => {
    const offset = offsets.get(trace.lane.clock)!.offsetSeconds;
    const { split } = trace.analysis;
    for (const entry of split.entries) {
      const own = trace.timeOf(entry);
      if (own === null) continue;
      // A set with dated traces is on UTC; a clock-only trace's times then stay clock times of no day.
      const time = own + offset;
      entries.push({
        lane: trace.lane.name,
        file: trace.input.file,
        line: entry.line,
        column: entry.column,
        time,
        // Times on a dated clock are epoch seconds (over 10^8); clock times count seconds from a midnight.
        timeText: mergedTimeText(time, anyDated && time > 1e8),
        offsetSeconds: offset,
        message: messageOf(split, entry),
        traceIndex,
        entryIndex: entry.index,
      });
    }
  });
  // Stable: entries of one time keep their traces' order and their own.
  entries.sort((a, b) => a.time - b.time || a.traceIndex - b.traceIndex || a.entryIndex - b.entryIndex);
  return { lanes, clocks: clocks.map((c) => offsets.get(c)!), entries, analyses: traces.map((t) => t.analysis) };
}

/** Reads `HH:MM:SS[.mmm]` (a time of day) or an ISO 8601 date-time (epoch seconds); null otherwise. */
export function parseMergeTime(text: string): { readonly seconds: number; readonly dated: boolean } | null {
  const clock = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (clock !== null) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3])];
    if (h > 23 || m > 59 || s > 59) return null;
    return { seconds: h * 3600 + m * 60 + s + Number(`0.${clock[4] ?? "0"}`), dated: false };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text.trim())) return null;
  const epoch = Date.parse(text.trim());
  return Number.isNaN(epoch) ? null : { seconds: epoch / 1000, dated: true };
}

/** Whether a merged entry lies in [since, until], both ends included; a time of day compares with the entry's. */
export function inWindow(entry: MergedEntry, since: ReturnType<typeof parseMergeTime>, until: ReturnType<typeof parseMergeTime>): boolean {
  // To the millisecond, as times are written: sums of seconds carry binary fractions.
  const at = (bound: NonNullable<ReturnType<typeof parseMergeTime>>) => {
    const time = Math.round(entry.time * 1000) / 1000;
    if (bound.dated) return time;
    // A time of day: the entry's own, whether its time is epoch seconds or a clock time.
    const ofDay = time % SECONDS_PER_DAY;
    return Math.round((ofDay < 0 ? ofDay + SECONDS_PER_DAY : ofDay) * 1000) / 1000;
  };
  if (since !== null && at(since) < since.seconds) return false;
  if (until !== null && at(until) > until.seconds) return false;
  return true;
}

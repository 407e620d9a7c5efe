// A trace bundle read as a case: every member streamed from its archive and analysed, with what it
// is (host, side, process, format, time span, counts) for the inventory, and its findings.

import { DEFAULT_ARCHIVE_LIMITS, walkBundle, type ArchiveLimits, type ArchiveMember } from "../engine/archive";
import { streamSource } from "../engine/byteSource";
import { formatClock } from "../engine/clock";
import { BinaryTraceError } from "../engine/encoding";
import { sideFromPath } from "../knowledge/traceFacts";
import { dumplogCommand, hostOf, processFromFileName, processFromTag, sideFromTag } from "../knowledge/traceOrigin";
import type { TraceEntry } from "../model/entries";
import { countBySeverity, type AnalysisOptions } from "../model/findings";
import type { BundleMember } from "../shared/protocol";
import { analyzeTraceSource, type FileAnalysis } from "./traceFileStream";

export type { BundleMember } from "../shared/protocol";

export interface AnalyzedMember {
  readonly member: BundleMember;
  /** The analysis of a trace member; null for others. */
  readonly analysis: FileAnalysis | null;
}

export interface BundleOptions {
  readonly analysis?: Partial<AnalysisOptions>;
  readonly limits?: ArchiveLimits;
  readonly encoding?: string;
  /** Stops reading when it returns true (checked between members and while one is read). */
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (member: string, bytesRead: number, totalBytes: number) => void;
}

export class BundleCancelled extends Error {
  constructor() {
    super("bundle analysis cancelled");
  }
}

/** Reads every member of `target` (an archive, a folder, a member path) and hands each over, analysed. */
export async function analyzeBundle(target: string, onMember: (result: AnalyzedMember) => Promise<void> | void, options: BundleOptions = {}): Promise<void> {
  await walkBundle(
    target,
    async (member) => {
      if (options.isCancelled?.() === true) throw new BundleCancelled();
      await onMember(await analyzeMember(member, options));
    },
    options.limits ?? DEFAULT_ARCHIVE_LIMITS,
  );
}

/** Files bundles hold beside traces: event logs exported as CSV, captures, documents. Listed, not analysed. */
const NOT_TRACE_NAME = /\.(?:csv|tsv|evtx|evt|pcap|pcapng|cap|xml|json|html?|md|pdf|png|jpe?g|gif)(?:\.gz)?$/i;

async function analyzeMember(member: ArchiveMember, options: BundleOptions): Promise<AnalyzedMember> {
  const base = {
    file: member.name,
    host: hostOf("", member.name),
    side: sideFromPath(member.innerPath),
    process: processFromFileName(member.innerPath),
    encoding: null,
    first: null,
    last: null,
    entries: 0,
    errors: 0,
    warnings: 0,
    convert: null,
  };
  if (member.problem !== null) return { member: { ...base, format: "other", problem: member.problem }, analysis: null };
  if (NOT_TRACE_NAME.test(member.innerPath)) return { member: { ...base, format: "other", problem: null }, analysis: null };
  if (/\.ems$/i.test(member.innerPath)) return { member: { ...base, format: "ems", convert: dumplogCommand(member.innerPath), problem: null }, analysis: null };
  let analysis: FileAnalysis;
  const source = streamSource(await member.open(), member.size);
  try {
    analysis = await analyzeTraceSource(source, member.innerPath, {
      ...(options.analysis === undefined ? {} : { analysis: options.analysis }),
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      isCancelled: options.isCancelled,
      onProgress: (read, total) => options.onProgress?.(member.name, read, total),
    });
  } catch (error) {
    if (error instanceof BinaryTraceError) return { member: { ...base, format: "other", problem: null }, analysis: null };
    if ((error as Error).name === "AnalysisCancelled" || options.isCancelled?.() === true) throw new BundleCancelled();
    return { member: { ...base, format: "other", problem: (error as Error).message }, analysis: null };
  } finally {
    await source.close();
  }
  if (!analysis.isTrace) return { member: { ...base, format: "other", encoding: analysis.encoding, problem: null }, analysis: null };
  const tag = analysis.first?.processTag ?? null;
  return {
    member: {
      file: member.name,
      host: hostOf(analysis.sample, member.name),
      side: analysis.side ?? sideFromTag(tag) ?? base.side,
      process: base.process ?? processFromTag(tag),
      format: analysis.format ?? "other",
      encoding: analysis.encoding,
      first: timeOf(analysis.first),
      last: timeOf(analysis.last),
      entries: analysis.allEntries,
      ...countBySeverity(analysis.findings),
      convert: null,
      problem: null,
    },
    analysis,
  };
}

/** An entry's time: ISO 8601 with its date and zone when the trace gives them, else `HH:MM:SS[.mmm]`. */
export function timeOf(entry: TraceEntry | null): string | null {
  if (entry === null || entry.clock === null) return null;
  const whole = Math.floor(entry.clock);
  const ms = Math.round((entry.clock - whole) * 1000);
  const clock = `${formatClock(whole)}${ms > 0 || entry.clock !== whole ? `.${String(ms).padStart(3, "0")}` : ""}`;
  if (entry.date === null) return clock;
  const zone = entry.utcOffsetMinutes;
  if (zone === null) return `${entry.date}T${clock}`;
  const sign = zone < 0 ? "-" : "+";
  const abs = Math.abs(zone);
  return `${entry.date}T${clock}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

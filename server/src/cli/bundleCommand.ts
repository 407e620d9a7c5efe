// `icm-trace bundle [--json] PATH...`: what a trace bundle holds, member by member, read from the
// archive (never extracted): host, side, process, format, time span and counts; for an `.ems`
// binary log, the dumplog command that converts it.

import { analyzeBundle, type BundleMember } from "../analysis/bundle";
import { UnreadableArchiveError } from "../engine/archive";
import { CliError, type CliIo } from "./io";

export interface BundleCommandOptions {
  readonly json: boolean;
  readonly encoding?: string;
}

/** Exit 2 when a path cannot be read at all; a member's problem is listed with it. */
export async function runBundle(paths: readonly string[], options: BundleCommandOptions, io: CliIo): Promise<number> {
  if (paths.length === 0) throw new CliError("bundle needs at least one archive, folder or member path");
  const members: BundleMember[] = [];
  let unreadable = 0;
  for (const target of paths) {
    try {
      await analyzeBundle(target, ({ member }) => void members.push(member), options.encoding === undefined ? {} : { encoding: options.encoding });
    } catch (error) {
      if (!(error instanceof UnreadableArchiveError)) throw error;
      io.stderr(`icm-trace: ${error.message}\n`);
      unreadable++;
    }
  }
  io.stdout(options.json ? `${JSON.stringify(members.map(withoutProblem), null, 2)}\n` : inventoryTable(members));
  for (const member of members) if (member.problem !== null) io.stderr(`icm-trace: ${member.file}: ${member.problem}\n`);
  return unreadable > 0 ? 2 : 0;
}

/** The JSON inventory's fields, in order; a member's problem goes to stderr. */
function withoutProblem(member: BundleMember) {
  const { file, host, side, process, format, encoding, first, last, entries, errors, warnings, convert } = member;
  return { file, host, side, process, format, encoding, first, last, entries, errors, warnings, convert };
}

/** A table grouped by host, then process. */
export function inventoryTable(members: readonly BundleMember[]): string {
  const byHost = new Map<string, BundleMember[]>();
  for (const member of members) {
    const host = member.host ?? "(host unknown)";
    byHost.set(host, [...(byHost.get(host) ?? []), member]);
  }
  const lines: string[] = [];
  for (const host of [...byHost.keys()].sort()) {
    lines.push(host);
    const rows = byHost.get(host)!.sort((a, b) => (a.process ?? "~").localeCompare(b.process ?? "~") || a.file.localeCompare(b.file));
    for (const m of rows) {
      const span = m.first === null ? "" : ` ${m.first} – ${m.last}`;
      const counts = m.format === "ems" || m.format === "other" ? "" : ` ${m.entries} entries, ${m.errors} errors, ${m.warnings} warnings`;
      const side = m.side === null ? "" : ` side ${m.side}`;
      const extra = m.problem !== null ? ` — ${m.problem}` : m.convert !== null ? ` — convert: ${m.convert}` : "";
      lines.push(`  ${(m.process ?? "?").padEnd(8)} ${m.format.padEnd(10)}${side}${span}${counts}  ${m.file}${extra}`);
    }
  }
  return lines.length === 0 ? "no members\n" : `${lines.join("\n")}\n`;
}

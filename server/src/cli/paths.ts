// FILE, folder or glob arguments to the trace files they name.

import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { isArchiveName, isGzipName, isMemberPath } from "../engine/archive";
import { listTraceFiles } from "../engine/traceFolders";
import { CliError } from "./io";

export interface ExpandedPaths {
  readonly files: readonly string[];
  /** One message for each argument that names nothing readable. */
  readonly problems: readonly string[];
}

/** The files the arguments name; an argument that names nothing readable is a problem, not the end. */
export function expandTracePaths(args: readonly string[]): ExpandedPaths {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    try {
      files.push(...expandOne(arg));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
    }
  }
  return { files, problems };
}

function expandOne(arg: string): string[] {
  if (isMemberPath(arg)) return [arg];
  if (/[*?]/.test(arg)) {
    const matches = expandGlob(arg);
    if (matches.length === 0) throw new CliError(`no file matches '${arg}'`);
    return matches;
  }
  let isFolder = false;
  try {
    isFolder = statSync(arg).isDirectory();
  } catch {
    throw new CliError(`cannot read '${arg}': no such file or folder`);
  }
  if (!isFolder) return [arg];
  // Trace files, and the archives a bundle folder holds.
  const inFolder = [...listTraceFiles(arg), ...listFiles(arg).filter((file) => isArchiveName(file) || isGzipName(file))].sort();
  if (inFolder.length === 0) throw new CliError(`no trace files (.txt, .log, .trace, .zip, .gz) in '${arg}'`);
  return inFolder;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : [];
  });
}

/** `*` and `?` in the last path segment (shells expand the rest before we see it). */
function expandGlob(pattern: string): string[] {
  const folder = path.dirname(pattern);
  const name = path.basename(pattern);
  if (/[*?]/.test(folder)) throw new CliError(`only the file name may hold * or ?: '${pattern}'`);
  const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new CliError(`cannot read folder '${folder}'`);
  }
  return names.filter((n) => matcher.test(n)).sort().map((n) => (folder === "." && !pattern.startsWith("./") ? n : path.join(folder, n)));
}

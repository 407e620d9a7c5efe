// Where the CLI writes, and the error that becomes a one-line message and exit code 2.

import { closeSync, openSync, readFileSync, statSync } from "node:fs";
import { isArchiveName, isGzipName, isMemberPath, readWhole, UnreadableArchiveError, walkBundle } from "../engine/archive";
import { decodeAll } from "../engine/decode";
import { BinaryTraceError, guessEncoding, SAMPLE_BYTES } from "../engine/encoding";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Bytes for stdout (UTF-8, whole lines); a promise when the reader is behind. Without it, they go to `stdout` as text. */
  stdoutBytes?(bytes: Uint8Array): void | Promise<void>;
  /** Whether `stdoutBytes` is done with its bytes when it returns (a file, a terminal, /dev/null), so that they may be written over next. */
  readonly stdoutWritesAtOnce?: boolean;
}

/** A problem the user can fix: printed as one line, exit code 2, no stack trace. */
export class CliError extends Error {}

export interface TraceFile {
  /** The path as the user gave it. */
  readonly path: string;
  readonly text: string;
}

/** Fails with a one-line message when the file cannot be opened. */
export function checkReadable(path: string): void {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`'${path}' is a folder, not a trace file`);
    closeSync(openSync(path, "r"));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read '${path}': ${describeFsError(error)}`);
  }
}

/** The whole file, decoded (split and compare read whole files; check streams them). */
export function readTraceFile(path: string, given?: string): TraceFile {
  checkReadable(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read '${path}': ${describeFsError(error)}`);
  }
  try {
    const { encoding } = guessEncoding(bytes.subarray(0, SAMPLE_BYTES), path, given);
    return { path, text: decodeAll(bytes, encoding) };
  } catch (error) {
    if (error instanceof BinaryTraceError) throw new CliError(error.message);
    throw error;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    default:
      return (error as Error).message ?? String(error);
  }
}

/** Members of a bundle held in memory at most (split and compare read whole texts). */
const MAX_MEMBER_TEXT_BYTES = 512 * 1024 * 1024;

/**
 * The trace members of an archive, a `.gz` file or a member path (`a.zip!/b.zip!/c.txt`), each read
 * whole and decoded; members that are not text are left out. Fails when the path cannot be read.
 */
export async function readBundleTexts(spec: string, given?: string): Promise<TraceFile[]> {
  const texts: TraceFile[] = [];
  try {
    await walkBundle(spec, async (member) => {
      if (member.problem !== null || /\.ems$/i.test(member.innerPath)) return;
      const bytes = await readWhole(await member.open(), MAX_MEMBER_TEXT_BYTES);
      if (bytes === null) throw new CliError(`'${member.name}' is too large to read whole; check streams it`);
      try {
        const { encoding } = guessEncoding(bytes.subarray(0, SAMPLE_BYTES), member.innerPath, given);
        texts.push({ path: member.name, text: decodeAll(bytes, encoding) });
      } catch (error) {
        if (!(error instanceof BinaryTraceError)) throw error;
      }
    });
  } catch (error) {
    if (error instanceof UnreadableArchiveError) throw new CliError(error.message);
    throw error;
  }
  return texts;
}

/** Whether a path is read through the bundle reader: an archive, a `.gz` file, a member path. */
export function isBundlePath(spec: string): boolean {
  return isArchiveName(spec) || isGzipName(spec) || isMemberPath(spec);
}

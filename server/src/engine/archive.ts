// Trace bundles as customers send them: zip files (deflated or stored, zip64), zips inside zips,
// `.gz` files, folders, any mix. Members are read as streams, decompressed as they are read, never
// extracted to disk. A member is named `ARCHIVE!/path/in/archive` (nested: `a.zip!/b.zip!/c.txt`).
// Archives are hostile until proven otherwise: unsafe names, encrypted members, members that
// inflate without end, damaged archives and deep nesting each give a message for that member, and
// the rest is still read.

import { createReadStream, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { pipeline, Transform, type Readable, type TransformCallback } from "node:stream";
import * as zlib from "node:zlib";
import { createGunzip, createInflateRaw } from "node:zlib";
import * as yauzl from "yauzl";

export interface ArchiveLimits {
  /** A member may inflate to at most this many times its compressed size. */
  readonly maxInflateRatio: number;
  /** A member may inflate to at most this many bytes. */
  readonly maxMemberBytes: number;
  /** Archives inside archives, at most this deep (the outermost is depth 1). */
  readonly maxDepth: number;
  /** A nested archive is read into memory to be opened: at most this many bytes. */
  readonly maxNestedArchiveBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxInflateRatio: 1000,
  maxMemberBytes: 16 * 1024 ** 3,
  maxDepth: 4,
  maxNestedArchiveBytes: 512 * 1024 ** 2,
};

export interface ArchiveMember {
  /** `a.zip!/dir/opc.txt`, `logs/opc.txt.gz`: as a person reads it (control characters escaped). */
  readonly name: string;
  /** The member's own path within its archive or folder (`dir/opc.txt`), escaped likewise. */
  readonly innerPath: string;
  /** Its size once decompressed, when the archive states it. */
  readonly size: number | null;
  /** Why it cannot be read, or null. */
  readonly problem: string | null;
  /**
   * Its bytes, decompressed as they are read; only when `problem` is null. `sideBySide`: read while
   * many others are (a merge), each inflated in smaller steps.
   */
  open(sideBySide?: boolean): Promise<Readable>;
}

/** How a member is inflated: the bytes zlib makes at a step, and how many inflated bytes wait for the reader. */
interface InflateSteps {
  readonly chunkBytes: number;
  readonly heldBytes: number;
}

/**
 * A member read alone is inflated in large steps: zlib inflates on its own thread a step at a time,
 * each started from the main thread between its pieces of analysis, and fewer, larger steps wait less
 * (4 MB: `check` of a zip about a tenth faster than with 256 KB).
 */
const ALONE: InflateSteps = { chunkBytes: 4 * 1024 * 1024, heldBytes: 1024 * 1024 };
/**
 * Members read side by side (a merge) each hold their step's buffer and what waits: twenty members of
 * a 1 GB zip took 310 MB where the same traces as files took 170; in these steps, 212.
 */
const SIDE_BY_SIDE: InflateSteps = { chunkBytes: 64 * 1024, heldBytes: 16 * 1024 };

/** Raised for a path that cannot be read at all (a missing file, an archive too damaged to list). */
export class UnreadableArchiveError extends Error {}

const SEPARATOR = "!/";

export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name);
}

export function isGzipName(name: string): boolean {
  return /\.gz$/i.test(name);
}

/** Whether a path names a member inside an archive (`a.zip!/x.txt`). */
export function isMemberPath(spec: string): boolean {
  return spec.includes(SEPARATOR);
}

/** A name with its control and bidirectional-override characters escaped, so it prints as it is. */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Calls `visit` for every member of `target` in order: a file (an archive is opened, a `.gz` read
 * decompressed), a folder (walked), or a member path (`a.zip!/b.zip!/c.txt`: that member only).
 * `visit` reads a member before the next is listed.
 */
export async function walkBundle(target: string, visit: (member: ArchiveMember) => Promise<void>, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<void> {
  const [root, ...inner] = target.split(SEPARATOR);
  let stat;
  try {
    stat = statSync(root!);
  } catch {
    throw new UnreadableArchiveError(`cannot read '${displayName(root!)}': no such file or folder`);
  }
  const only = inner.length === 0 ? null : inner;
  if (stat.isDirectory()) {
    if (only !== null) throw new UnreadableArchiveError(`'${displayName(root!)}' is a folder, not an archive`);
    await walkFolder(root!, root!, visit, limits);
  } else {
    await walkFile(root!, root!, visit, limits, only, true);
  }
}

async function walkFolder(folder: string, shown: string, visit: (member: ArchiveMember) => Promise<void>, limits: ArchiveLimits): Promise<void> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walkFolder(full, path.join(shown, entry.name), visit, limits);
    else if (entry.isFile()) await walkFile(full, path.join(shown, entry.name), visit, limits, null, false);
  }
}

/** A file on disk: an archive is listed, anything else is a member of its own. */
async function walkFile(file: string, shown: string, visit: (member: ArchiveMember) => Promise<void>, limits: ArchiveLimits, only: readonly string[] | null, given: boolean): Promise<void> {
  if (isArchiveName(file) || (given && only !== null)) {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip((options) => yauzl.openPromise(file, options));
    } catch (error) {
      if (given) throw new UnreadableArchiveError(`cannot read archive '${displayName(shown)}': ${(error as Error).message}`);
      await visit(problemMember(shown, shown, null, `not a readable zip archive: ${(error as Error).message}`));
      return;
    }
    await walkZip(zip, shown, visit, limits, 1, only);
    return;
  }
  const size = statSync(file).size;
  const gz = isGzipName(file);
  await visit({
    name: displayName(shown),
    innerPath: displayName(path.basename(shown)),
    size: gz ? null : size,
    problem: null,
    open: async (sideBySide = false) => {
      const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
      const steps = sideBySide ? SIDE_BY_SIDE : ALONE;
      return gz ? inflated(stream, createGunzip({ chunkSize: steps.chunkBytes }), size, null, limits, shown, steps) : stream;
    },
  });
}

function problemMember(name: string, innerPath: string, size: number | null, problem: string): ArchiveMember {
  return {
    name: displayName(name),
    innerPath: displayName(innerPath),
    size,
    problem,
    open: () => Promise.reject(new Error(problem)),
  };
}

function openZip(opener: (options: yauzl.Options) => Promise<yauzl.ZipFile>): Promise<yauzl.ZipFile> {
  // Names are decoded and checked here (an unsafe name is one member's problem, not the archive's);
  // sizes are checked as members inflate (bounded()).
  return opener({ lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: true } as yauzl.Options);
}

async function walkZip(zip: yauzl.ZipFile, shown: string, visit: (member: ArchiveMember) => Promise<void>, limits: ArchiveLimits, depth: number, only: readonly string[] | null): Promise<void> {
  const wanted = only?.[0] ?? null;
  let listed = 0;
  try {
    for (;;) {
      let entry: yauzl.Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch (error) {
        await visit(problemMember(`${shown}${SEPARATOR}…`, "…", null, `archive damaged after ${listed} member(s): ${(error as Error).message}; the rest cannot be read`));
        break;
      }
      if (entry === null) break;
      listed++;
      const rawName = entry.fileName as unknown as Buffer;
      const inner = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, rawName, entry.extraFields, false);
      if (inner.endsWith("/")) continue; // a folder
      // A member is asked for by the name it was listed under: escaped, when its name holds control characters.
      if (wanted !== null && inner !== wanted && displayName(inner) !== wanted) continue;
      const name = `${shown}${SEPARATOR}${inner}`;
      const unsafe = yauzl.validateFileName(inner);
      if (unsafe !== null) {
        await visit(problemMember(name, inner, entry.uncompressedSize, `unsafe name, not read (${unsafe})`));
        continue;
      }
      if (entry.isEncrypted()) {
        await visit(problemMember(name, inner, entry.uncompressedSize, "encrypted, cannot be read"));
        continue;
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        await visit(problemMember(name, inner, entry.uncompressedSize, `compressed with method ${entry.compressionMethod}, which cannot be read`));
        continue;
      }
      const open = (sideBySide = false) => openEntry(zip, entry, limits, name, sideBySide);
      if (isArchiveName(inner)) {
        if (depth >= limits.maxDepth) {
          await visit(problemMember(name, inner, entry.uncompressedSize, `archive nested deeper than ${limits.maxDepth} levels, not read`));
          continue;
        }
        if (entry.uncompressedSize > limits.maxNestedArchiveBytes) {
          await visit(problemMember(name, inner, entry.uncompressedSize, `nested archive larger than ${limits.maxNestedArchiveBytes} bytes, not read`));
          continue;
        }
        let nested: yauzl.ZipFile;
        try {
          const bytes = await readWhole(await open(), limits.maxNestedArchiveBytes);
          if (bytes === null) throw new Error(`larger than ${limits.maxNestedArchiveBytes} bytes`);
          nested = await openZip((options) => yauzl.fromBufferPromise(bytes, options));
        } catch (error) {
          await visit(problemMember(name, inner, entry.uncompressedSize, `nested archive cannot be read: ${(error as Error).message}`));
          continue;
        }
        await walkZip(nested, name, visit, limits, depth + 1, only === null ? null : only.slice(1));
        continue;
      }
      if (only !== null && only.length > 1) continue;
      await visit({ name: displayName(name), innerPath: displayName(inner), size: isGzipName(inner) ? null : entry.uncompressedSize, problem: null, open });
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => done(() => resolve(entry));
    const onEnd = () => done(() => resolve(null));
    const onError = (error: Error) => done(() => reject(error));
    const done = (then: () => void) => {
      zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
      then();
    };
    zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zip.readEntry();
  });
}

/** The member's bytes: its raw data inflated here, in large chunks, and bounded. */
async function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: ArchiveLimits, name: string, sideBySide: boolean): Promise<Readable> {
  // Deflated data is inflated here (in larger chunks than yauzl's, and bounded); stored data as it is.
  const raw = await zip.openReadStreamPromise(entry, entry.compressionMethod === 8 ? { decompress: false } : {});
  const inner = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
  const steps = sideBySide ? SIDE_BY_SIDE : ALONE;
  const decompressor = entry.compressionMethod === 8 ? createInflateRaw({ chunkSize: steps.chunkBytes }) : null;
  const member = inflated(raw, decompressor, entry.compressedSize, entry.uncompressedSize, limits, name, steps, entry.crc32);
  return isGzipName(inner) ? inflated(member, createGunzip({ chunkSize: steps.chunkBytes }), entry.uncompressedSize, null, limits, name, steps) : member;
}

/** zlib's CRC-32, where Node has it (20.15 and later): older ones leave a member's bytes unchecked. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * `source` through a decompressor (none for stored data), stopped with an error once the output
 * passes what the member may be: the size its archive states, the inflation ratio, the size limit;
 * and at its end when its bytes are not those its archive states (`statedCrc`): damaged data may
 * inflate without an error from the inflater.
 */
function inflated(
  source: Readable,
  decompressor: Transform | null,
  compressedSize: number,
  statedSize: number | null,
  limits: ArchiveLimits,
  name: string,
  steps: InflateSteps,
  statedCrc: number | null = null,
): Readable {
  const cap = Math.min(limits.maxMemberBytes, Math.max(1024 * 1024, compressedSize * limits.maxInflateRatio));
  let out = 0;
  let crc = 0;
  const checksCrc = statedCrc !== null && crc32 !== undefined;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      out += chunk.length;
      if (statedSize !== null && out > statedSize) return callback(new Error(`'${displayName(name)}' inflates beyond the ${statedSize} bytes its archive states`));
      if (out > cap) return callback(new Error(`'${displayName(name)}' inflates beyond ${cap} bytes (${limits.maxInflateRatio} times its compressed size, or the size limit)`));
      if (checksCrc) crc = crc32!(chunk, crc);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      if (checksCrc && crc !== statedCrc) return callback(new Error("damaged: its bytes do not match the CRC-32 its archive states"));
      callback();
    },
    readableHighWaterMark: steps.heldBytes,
  });
  // An error anywhere destroys every stream of the chain, the counter (which the reader reads) too.
  const done = () => undefined;
  if (decompressor === null) pipeline(source, counter, done);
  else pipeline(source, decompressor, counter, done);
  return counter;
}

/** A member opened on its own: its bytes as a stream, its archive open until `close`. */
export interface OpenMember {
  readonly stream: Readable;
  /** Its size once decompressed, when the archive states it. */
  readonly size: number | null;
  close(): void;
}

/**
 * Opens one member by the name `walkBundle` gave it (`a.zip!/dir/x.txt`, `logs/x.txt.gz`), to be
 * read while others are: a merge reads many members side by side.
 */
export function openMember(name: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<OpenMember> {
  return new Promise((resolve, reject) => {
    let found = false;
    let release = (): void => undefined;
    const released = new Promise<void>((done) => (release = done));
    walkBundle(
      name,
      async (member) => {
        if (found) return;
        found = true;
        if (member.problem !== null) return reject(new UnreadableArchiveError(`'${member.name}': ${member.problem}`));
        try {
          resolve({ stream: await member.open(true), size: member.size, close: release });
        } catch (error) {
          return reject(error as Error);
        }
        // The archive stays open while the member is read.
        await released;
      },
      limits,
    ).then(() => {
      if (!found) reject(new UnreadableArchiveError(`no member '${displayName(name)}'`));
    }, reject);
  });
}

/** A member's bytes read whole, or null once they pass `limit` (the stream is then left unread). */
export async function readWhole(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

// Zip files made in the tests with yazl: deflated, stored and zip64 members, and hostile ones made by
// patching a well-formed archive's bytes (names, flags, stated sizes) where a writer would refuse.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ZipFile } from "yazl";

export interface ZipMember {
  readonly name: string;
  readonly data: string | Buffer;
  /** Stored rather than deflated. */
  readonly store?: boolean;
}

export async function makeZip(members: readonly ZipMember[], options: { zip64?: boolean } = {}): Promise<Buffer> {
  const zip = new ZipFile();
  for (const member of members) {
    zip.addBuffer(Buffer.isBuffer(member.data) ? member.data : Buffer.from(member.data), member.name, {
      compress: member.store !== true,
      ...(options.zip64 === true ? { forceZip64Format: true } : {}),
      mtime: new Date(Date.UTC(2026, 0, 1)),
    });
  }
  zip.end({ forceZip64Format: options.zip64 === true } as Parameters<ZipFile["end"]>[0]);
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Every occurrence of `from` (local header and central directory) replaced by `to`, of the same length. */
export function patchName(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error("a patched name keeps its length");
  const patched = Buffer.from(zip);
  for (let at = patched.indexOf(from); at !== -1; at = patched.indexOf(from, at + 1)) patched.write(to, at, "latin1");
  return patched;
}

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Applies `edit` to the central directory header of the member called `name` (offsets per the zip spec). */
export function patchCentralHeader(zip: Buffer, name: string, edit: (header: Buffer, at: number) => void): Buffer {
  const patched = Buffer.from(zip);
  for (let at = 0; at + 46 <= patched.length; at++) {
    if (patched.readUInt32LE(at) !== CENTRAL_HEADER) continue;
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString("latin1", at + 46, at + 46 + nameLength) === name) {
      edit(patched, at);
      return patched;
    }
  }
  throw new Error(`no central header for ${name}`);
}

/** Marks a member encrypted (general purpose bit 0) in its local and central headers. */
export function markEncrypted(zip: Buffer, name: string): Buffer {
  const patched = patchCentralHeader(zip, name, (header, at) => header.writeUInt16LE(header.readUInt16LE(at + 8) | 1, at + 8));
  for (let at = 0; at + 30 <= patched.length; at++) {
    if (patched.readUInt32LE(at) === LOCAL_HEADER && patched.toString("latin1", at + 30, at + 30 + name.length) === name) patched.writeUInt16LE(patched.readUInt16LE(at + 6) | 1, at + 6);
  }
  return patched;
}

/** States a smaller uncompressed size for a member than it has. */
export function understateSize(zip: Buffer, name: string, size: number): Buffer {
  return patchCentralHeader(zip, name, (header, at) => header.writeUInt32LE(size, at + 24));
}

/** A fresh folder for one test's files. */
export function tempFolder(): string {
  return mkdtempSync(path.join(tmpdir(), "icm-trace-bundle-"));
}

export function writeTo(folder: string, name: string, bytes: Buffer | string): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

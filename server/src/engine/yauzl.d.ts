// The part of yauzl 3's API this project uses (the package ships no types of its own).
declare module "yauzl" {
  import type { EventEmitter } from "node:events";
  import type { Readable } from "node:stream";

  export interface Options {
    autoClose?: boolean;
    lazyEntries?: boolean;
    decodeStrings?: boolean;
    validateEntrySizes?: boolean;
    strictFileNames?: boolean;
  }

  export interface ReadStreamOptions {
    decompress?: boolean | null;
    decrypt?: boolean | null;
  }

  export class Entry {
    /** A Buffer when the archive was opened with `decodeStrings: false`. */
    fileName: string | Buffer;
    extraFields: { id: number; data: Buffer }[];
    generalPurposeBitFlag: number;
    compressionMethod: number;
    compressedSize: number;
    uncompressedSize: number;
    /** The CRC-32 of the member's bytes, from the central directory (yauzl itself checks nothing with it). */
    crc32: number;
    isEncrypted(): boolean;
  }

  export class ZipFile extends EventEmitter {
    readEntry(): void;
    openReadStreamPromise(entry: Entry, options?: ReadStreamOptions): Promise<Readable>;
    close(): void;
    entryCount: number;
  }

  export function openPromise(path: string, options?: Options): Promise<ZipFile>;
  export function fromBufferPromise(buffer: Buffer, options?: Options): Promise<ZipFile>;
  export function getFileNameLowLevel(generalPurposeBitFlag: number, fileNameBuffer: Buffer, extraFields: { id: number; data: Buffer }[], strictFileNames: boolean): string;
  export function validateFileName(fileName: string): string | null;
}

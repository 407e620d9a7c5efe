// Where a trace's bytes come from: a file on disk, or a stream (an archive member, decompressed as
// it is read). The analysis reads either the same way, block by block, with the first bytes looked
// at before (to guess the encoding).

import { open, type FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";

export interface ByteSource {
  /** The number of bytes when known (for progress), else null. */
  readonly size: number | null;
  /** Up to `length` first bytes, without consuming them. */
  peek(length: number): Promise<Buffer>;
  /** Fills `buffer` from `at` with up to `length` of the next bytes; fewer only at the end, 0 after it. */
  read(buffer: Buffer, at: number, length: number): Promise<number>;
  close(): Promise<void>;
}

/** A file read from disk. */
export async function fileSource(path: string): Promise<ByteSource> {
  const handle: FileHandle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    let position = 0;
    return {
      size,
      peek: async (length) => {
        const sample = Buffer.alloc(Math.min(length, size));
        const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
        return sample.subarray(0, bytesRead);
      },
      read: async (buffer, at, length) => {
        const { bytesRead } = await handle.read(buffer, at, length, position);
        position += bytesRead;
        return bytesRead;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A stream's bytes, read in order; what `peek` read is kept for `read`. */
export function streamSource(stream: Readable, size: number | null): ByteSource {
  const chunks: Buffer[] = [];
  let queued = 0;
  let ended = false;
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const fill = async (wanted: number) => {
    while (queued < wanted && !ended) {
      const next = await iterator.next();
      if (next.done === true) ended = true;
      else {
        chunks.push(next.value);
        queued += next.value.length;
      }
    }
  };
  return {
    size,
    peek: async (length) => {
      await fill(length);
      return Buffer.concat(chunks, queued).subarray(0, Math.min(length, queued));
    },
    read: async (buffer, at, length) => {
      await fill(length);
      let copied = 0;
      while (copied < length && chunks.length > 0) {
        const chunk = chunks[0]!;
        const n = Math.min(chunk.length, length - copied);
        chunk.copy(buffer, at + copied, 0, n);
        copied += n;
        if (n === chunk.length) chunks.shift();
        else chunks[0] = chunk.subarray(n);
      }
      queued -= copied;
      return copied;
    },
    close: async () => {
      stream.destroy();
    },
  };
}

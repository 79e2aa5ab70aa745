import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AlphintraError } from '@alphintra/core';

// Node refuses single reads and writes above 2 GiB; larger columns go in pieces.
const MAX_IO_BYTES = 1 << 30;

const RETRYABLE = new Set(['EAGAIN', 'EBUSY', 'EMFILE', 'ENFILE', 'ETIMEDOUT', 'EINTR']);

/** Wraps a Node I/O error as an IO_ERROR (or FILE_NOT_FOUND) naming `file`. */
export function ioError(file: string, action: string, error: unknown): AlphintraError {
  if (error instanceof AlphintraError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  return new AlphintraError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR', `cannot ${action} ${file}: ${reason}`, {
    file,
    retryable: RETRYABLE.has(code),
    cause: error,
  });
}

/** Writes all of `bytes` at `position`, looping over partial writes. */
export async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const length = Math.min(MAX_IO_BYTES, bytes.length - done);
    const { bytesWritten } = await handle.write(bytes, done, length, position + done);
    done += bytesWritten;
  }
}

/**
 * A file written under a temporary name in the target's directory and renamed into place
 * on `commit`, so readers never see a partial file under the final name.
 */
export class AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  readonly handle: FileHandle;
  #finished = false;

  private constructor(path: string, tempPath: string, handle: FileHandle) {
    this.path = path;
    this.tempPath = tempPath;
    this.handle = handle;
  }

  /** Creates the temporary file next to `path`. */
  static async create(path: string): Promise<AtomicFile> {
    const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      return new AtomicFile(path, tempPath, await open(tempPath, 'wx'));
    } catch (error) {
      throw ioError(path, 'create', error);
    }
  }

  /** Flushes the data to disk and renames the file to its final name. */
  async commit(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    try {
      await this.handle.sync();
      await this.handle.close();
      await rename(this.tempPath, this.path);
    } catch (error) {
      await this.handle.close().catch(() => undefined);
      await unlink(this.tempPath).catch(() => undefined);
      throw ioError(this.path, 'write', error);
    }
  }

  /** Closes and deletes the temporary file; nothing appears under the final name. */
  async abort(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }
}

/** Runs `body` on a new {@link AtomicFile} for `path`, committing on success and aborting on failure. */
export async function writeAtomically(path: string, body: (handle: FileHandle) => Promise<void>): Promise<void> {
  const file = await AtomicFile.create(path);
  try {
    await body(file.handle);
  } catch (error) {
    await file.abort();
    throw ioError(path, 'write', error);
  }
  await file.commit();
}

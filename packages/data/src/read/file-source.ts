/**
 * Opening input files with errors that say what is wrong (missing, a directory, unreadable,
 * too large) and reading them by position into caller-owned buffers.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { readError } from './read-errors.js';
import { checkSize } from './read-session.js';
import type { ReadOptions } from './read-types.js';

/** An open input file. */
export interface InputFile {
  readonly handle: FileHandle;
  readonly size: number;
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

/** Opens `path` for reading, throwing FILE_NOT_FOUND, FILE_UNREADABLE or FILE_TOO_LARGE. */
export async function openInput(path: string, options: ReadOptions): Promise<InputFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    const code = codeOf(cause);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw readError('FILE_NOT_FOUND', 'no such file', path, undefined, cause);
    if (code === 'EISDIR')
      throw readError('FILE_UNREADABLE', 'expected a file, got a directory', path, undefined, cause);
    throw readError('FILE_UNREADABLE', `cannot open the file (${code ?? 'unknown error'})`, path, undefined, cause);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw readError('FILE_UNREADABLE', 'expected a file, got a directory', path);
    if (!stat.isFile()) throw readError('FILE_UNREADABLE', 'expected a regular file', path);
    checkSize(stat.size, options, path);
    return { handle, size: stat.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads up to `length` bytes at file `position` into `buffer[offset…]`; returns the count (0 at the end). */
export async function readInto(
  input: InputFile,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
  path: string,
): Promise<number> {
  try {
    const { bytesRead } = await input.handle.read(buffer, offset, length, position);
    return bytesRead;
  } catch (cause) {
    const code = codeOf(cause);
    if (code === 'EISDIR')
      throw readError('FILE_UNREADABLE', 'expected a file, got a directory', path, undefined, cause);
    throw readError('IO_ERROR', `cannot read the file (${code ?? 'unknown error'})`, path, undefined, cause);
  }
}

/** Reads the whole file (for formats that cannot be parsed piecewise). */
export async function readWhole(input: InputFile, path: string): Promise<Uint8Array> {
  const buffer = new Uint8Array(input.size);
  let filled = 0;
  while (filled < buffer.length) {
    const n = await readInto(input, buffer, filled, buffer.length - filled, filled, path);
    if (n === 0) break;
    filled += n;
  }
  return buffer.subarray(0, filled);
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { AlphintraError } from '@alphintra/core';
import { ioError } from './atomic-file.js';
import {
  checkFileSize,
  DATASET_MAGIC,
  type DatasetHeader,
  decodeHeader,
  decodePreamble,
  headerTooShort,
  PREAMBLE_BYTES,
} from './format.js';
import { type DatasetLoadMode, loadMapped, loadMappedSync } from './mapped-dataset.js';
import type { DatasetHeaderInfo, StoredDataset } from './metadata.js';
import { headerInfo, planRead } from './read-plan.js';

/** Options for reading a dataset. */
export interface ReadDatasetOptions {
  /**
   * Recomputes the content hash and throws CORRUPT_DATASET when it differs from the header's.
   * Costs a SHA-256 pass over the data (roughly 0.2–0.5 s per 100 MB), many times the load
   * itself, so it is off by default; turn it on for files from untrusted places.
   */
  readonly verify?: boolean;
  /**
   * How the columns come into memory. `map` (default) maps the file copy-on-write and makes
   * the columns views over the mapping, with every page mapped before returning: no copy,
   * and no page faults later. `map-lazy` maps it without touching it, so pages come in on
   * first access (cheapest when only part of the data is used). `read` reads the columns
   * into fresh arrays. Mapping needs the optional native addon `@alphintra/data-mmap`, a
   * little-endian host and a file of one row group (as `writeDataset` and the catalog
   * write); otherwise, and when mapping fails, the file is read. Never truncate a mapped file
   * in place (Alphintra's writers never do: they write a new file and rename it), or reading
   * the part cut off kills the process with SIGBUS; deleting or replacing it is safe.
   */
  readonly load?: DatasetLoadMode;
}

function loadModeOf(path: string, options: ReadDatasetOptions): DatasetLoadMode {
  const mode = options.load ?? 'map';
  if (mode !== 'map' && mode !== 'map-lazy' && mode !== 'read') {
    throw new AlphintraError('INVALID_ARGUMENT', `expected load 'map', 'map-lazy' or 'read', got "${String(mode)}"`, {
      file: path,
    });
  }
  return mode;
}

// Node caps one read at 2 GiB; larger targets are filled in pieces.
const MAX_READ_BYTES = 1 << 30;

function truncated(file: string, position: number): AlphintraError {
  return new AlphintraError('CORRUPT_DATASET', `${file}: truncated: file ended before byte ${position}`, { file });
}

function readFullySync(fd: number, file: string, target: Uint8Array, position: number): void {
  let done = 0;
  while (done < target.length) {
    const n = readSync(fd, target, done, Math.min(MAX_READ_BYTES, target.length - done), position + done);
    if (n === 0) throw truncated(file, position + target.length);
    done += n;
  }
}

async function readFully(handle: FileHandle, file: string, target: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < target.length) {
    const length = Math.min(MAX_READ_BYTES, target.length - done);
    const { bytesRead } = await handle.read(target, done, length, position + done);
    if (bytesRead === 0) throw truncated(file, position + target.length);
    done += bytesRead;
  }
}

/** A decoded header with the sizes needed to locate the data. */
export interface OpenedHeader {
  readonly header: DatasetHeader;
  readonly headerBytes: number;
  readonly bytes: number;
}

function readHeaderSync(fd: number, file: string): OpenedHeader {
  const bytes = fstatSync(fd).size;
  const preamble = new Uint8Array(Math.min(bytes, PREAMBLE_BYTES));
  readFullySync(fd, file, preamble, 0);
  const headerBytes = decodePreamble(preamble, file);
  if (bytes < PREAMBLE_BYTES + headerBytes) throw headerTooShort(file, PREAMBLE_BYTES + headerBytes, bytes);
  const json = new Uint8Array(headerBytes);
  readFullySync(fd, file, json, PREAMBLE_BYTES);
  const header = decodeHeader(json, file);
  checkFileSize(file, header, headerBytes, bytes);
  return { header, headerBytes, bytes };
}

/** Reads and checks the header of an open dataset file (async). */
export async function readOpenedHeader(handle: FileHandle, file: string): Promise<OpenedHeader> {
  const bytes = (await handle.stat()).size;
  const preamble = new Uint8Array(Math.min(bytes, PREAMBLE_BYTES));
  await readFully(handle, file, preamble, 0);
  const headerBytes = decodePreamble(preamble, file);
  if (bytes < PREAMBLE_BYTES + headerBytes) throw headerTooShort(file, PREAMBLE_BYTES + headerBytes, bytes);
  const json = new Uint8Array(headerBytes);
  await readFully(handle, file, json, PREAMBLE_BYTES);
  const header = decodeHeader(json, file);
  checkFileSize(file, header, headerBytes, bytes);
  return { header, headerBytes, bytes };
}

/** Opens `file` for reading, mapping a missing file to FILE_NOT_FOUND. */
export async function openForRead(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    throw ioError(file, 'open', error);
  }
}

function wrap(file: string, error: unknown): AlphintraError {
  return ioError(file, 'read', error);
}

/**
 * Loads a dataset file synchronously. With the optional native addon the file is mapped and
 * the columns are `Float64Array` views over the mapping (see {@link ReadDatasetOptions.load});
 * otherwise they are read straight into their arrays with one read per column and row group.
 * Either way there is no per-row work.
 *
 * @example
 * const { series, hash } = readDatasetSync('orcl.alph');
 */
export function readDatasetSync(path: string, options: ReadDatasetOptions = {}): StoredDataset {
  const mode = loadModeOf(path, options);
  const verify = options.verify === true;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw ioError(path, 'open', error);
  }
  try {
    const { header, headerBytes } = readHeaderSync(fd, path);
    const mapped = loadMappedSync(path, header, mode, verify);
    if (mapped !== undefined) return mapped;
    const plan = planRead(path, header, headerBytes);
    for (const read of plan.reads) readFullySync(fd, path, read.target, read.position);
    return plan.finish(verify);
  } catch (error) {
    throw wrap(path, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads a dataset file; the asynchronous twin of {@link readDatasetSync} (a mapping is made
 * and populated on a worker thread).
 *
 * @example
 * const { series } = await readDataset('orcl.alph', { verify: true });
 */
export async function readDataset(path: string, options: ReadDatasetOptions = {}): Promise<StoredDataset> {
  const mode = loadModeOf(path, options);
  const verify = options.verify === true;
  const handle = await openForRead(path);
  try {
    const { header, headerBytes } = await readOpenedHeader(handle, path);
    const mapped = await loadMapped(path, header, mode, verify);
    if (mapped !== undefined) return mapped;
    const plan = planRead(path, header, headerBytes);
    for (const read of plan.reads) await readFully(handle, path, read.target, read.position);
    return plan.finish(verify);
  } catch (error) {
    throw wrap(path, error);
  } finally {
    await handle.close();
  }
}

/** Reads a dataset's header (metadata, hash, rows, columns, size) without loading its columns. */
export async function readDatasetHeader(path: string): Promise<DatasetHeaderInfo> {
  const handle = await openForRead(path);
  try {
    const { header, bytes } = await readOpenedHeader(handle, path);
    return headerInfo(header, bytes);
  } catch (error) {
    throw wrap(path, error);
  } finally {
    await handle.close();
  }
}

/** Returns true when `path` is a readable file that starts with the dataset magic. */
export async function isDatasetFile(path: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const magic = Buffer.alloc(8);
    const { bytesRead } = await handle.read(magic, 0, 8, 0);
    return bytesRead === 8 && magic.toString('latin1') === DATASET_MAGIC;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

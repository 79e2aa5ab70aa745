/**
 * The Alphintra dataset file layout (see docs/data/storage-format.md):
 *
 *   0  magic `ALPHBARS` (8 bytes)
 *   8  format version, uint32 little-endian
 *  12  header length H, uint32 little-endian (a multiple of 8)
 *  16  header: UTF-8 JSON, right-padded with spaces to H bytes
 *  16+H row groups: for each group, each column's float64 values (little-endian), in column order
 *
 * The file ends right after the last row group, so its size follows from the header alone.
 */
import { AlphintraError } from '@alphintra/core';
import type { LineageStep } from '../lineage.js';
import type { DatasetMetadata, DatasetSource } from './metadata.js';

/** File name extension of dataset files. */
export const DATASET_EXTENSION = '.alph';

/** The 8 bytes every dataset file starts with. */
export const DATASET_MAGIC = 'ALPHBARS';

/** The format version this code writes and the newest it reads. */
export const DATASET_FORMAT_VERSION = 1;

/** Bytes before the JSON header: magic, version, header length. */
export const PREAMBLE_BYTES = 16;

/** The six columns every dataset stores first, in this order. */
export const BASE_COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Written into headers as `createdBy`. */
export const CREATED_BY = '@alphintra/data 0.1.0';

// Refuse absurd header lengths from corrupt files before allocating for them.
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** The parsed JSON header, in the key order it is written. */
export interface DatasetHeader {
  readonly columns: string[];
  readonly dtype: 'float64';
  readonly byteOrder: 'little';
  readonly rows: number;
  readonly rowGroupRows: number;
  readonly hash: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly metadata: DatasetMetadata;
  readonly createdBy: string;
}

/** True when this machine stores numbers little-endian, as the file does. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses the bytes of each 8-byte word in place (big-endian hosts only). */
export function swapWords(bytes: Uint8Array): void {
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    for (let a = i, b = i + 7; a < b; a++, b--) {
      const t = bytes[a] as number;
      bytes[a] = bytes[b] as number;
      bytes[b] = t;
    }
  }
}

/** Rounds `n` up to a multiple of 8. */
export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Returns the byte size of a file holding `rows` rows of `columnCount` columns after a header of `headerBytes`. */
export function expectedFileBytes(headerBytes: number, rows: number, columnCount: number): number {
  return PREAMBLE_BYTES + headerBytes + rows * columnCount * 8;
}

/** Returns the number of row groups for `rows` rows of `rowGroupRows` each. */
export function rowGroupCount(rows: number, rowGroupRows: number): number {
  return rows === 0 ? 0 : Math.ceil(rows / rowGroupRows);
}

/** Returns the metadata with keys in a fixed order and undefined fields dropped, so headers are reproducible. */
export function canonicalMetadata(metadata: DatasetMetadata): DatasetMetadata {
  const out: Record<string, unknown> = {};
  if (metadata.symbol !== undefined) out.symbol = metadata.symbol;
  if (metadata.timeframe !== undefined) out.timeframe = metadata.timeframe;
  if (metadata.timeZone !== undefined) out.timeZone = metadata.timeZone;
  if (metadata.source !== undefined) {
    const s: Record<string, unknown> = {};
    const source: DatasetSource = metadata.source;
    if (source.file !== undefined) s.file = source.file;
    if (source.format !== undefined) s.format = source.format;
    if (source.bytes !== undefined) s.bytes = source.bytes;
    if (source.sha256 !== undefined) s.sha256 = source.sha256;
    out.source = s;
  }
  out.lineage = metadata.lineage.map((step: LineageStep) => ({ operation: step.operation, details: step.details }));
  if (metadata.description !== undefined) out.description = metadata.description;
  return out as unknown as DatasetMetadata;
}

/**
 * Encodes the preamble and header, padding the JSON with spaces to `minHeaderBytes` and to a
 * multiple of 8. Returns the bytes to write at offset 0.
 */
export function encodeHeader(header: DatasetHeader, minHeaderBytes = 0): Buffer {
  const ordered: DatasetHeader = {
    columns: header.columns,
    dtype: 'float64',
    byteOrder: 'little',
    rows: header.rows,
    rowGroupRows: header.rowGroupRows,
    hash: header.hash,
    start: header.start,
    end: header.end,
    metadata: canonicalMetadata(header.metadata),
    createdBy: header.createdBy,
  };
  const json = Buffer.from(JSON.stringify(ordered), 'utf8');
  const headerBytes = align8(Math.max(json.length, minHeaderBytes));
  const out = Buffer.alloc(PREAMBLE_BYTES + headerBytes, 0x20);
  out.write(DATASET_MAGIC, 0, 'latin1');
  out.writeUInt32LE(DATASET_FORMAT_VERSION, 8);
  out.writeUInt32LE(headerBytes, 12);
  json.copy(out, PREAMBLE_BYTES);
  return out;
}

function corrupt(file: string, message: string): AlphintraError {
  return new AlphintraError('CORRUPT_DATASET', `${file}: ${message}`, { file });
}

/**
 * Checks the 16-byte preamble and returns the header length. Throws CORRUPT_DATASET for a
 * missing magic or bad length and UNSUPPORTED_VERSION for a newer format.
 */
export function decodePreamble(preamble: Uint8Array, file: string): number {
  const bytes = Buffer.from(preamble.buffer, preamble.byteOffset, preamble.byteLength);
  if (bytes.length < 8 || bytes.toString('latin1', 0, 8) !== DATASET_MAGIC) {
    throw corrupt(file, `not an Alphintra dataset (expected magic ${DATASET_MAGIC})`);
  }
  if (bytes.length < PREAMBLE_BYTES) {
    throw corrupt(file, `truncated: expected at least ${PREAMBLE_BYTES} bytes, got ${bytes.length}`);
  }
  const version = bytes.readUInt32LE(8);
  if (version > DATASET_FORMAT_VERSION) {
    throw new AlphintraError(
      'UNSUPPORTED_VERSION',
      `${file}: dataset format version ${version} is newer than this build reads (${DATASET_FORMAT_VERSION}); upgrade Alphintra`,
      { file },
    );
  }
  if (version === 0) throw corrupt(file, 'expected format version 1 or later, got 0');
  const headerBytes = bytes.readUInt32LE(12);
  if (headerBytes % 8 !== 0 || headerBytes < 2 || headerBytes > MAX_HEADER_BYTES) {
    throw corrupt(file, `expected a header length that is a positive multiple of 8, got ${headerBytes}`);
  }
  return headerBytes;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTimeOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Parses and checks the JSON header. Throws CORRUPT_DATASET naming `file` when it is malformed. */
export function decodeHeader(json: Uint8Array, file: string): DatasetHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
  } catch (error) {
    throw new AlphintraError('CORRUPT_DATASET', `${file}: header is not valid JSON`, { file, cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null) throw corrupt(file, 'header is not a JSON object');
  const h = parsed as Record<string, unknown>;
  const columns = h.columns;
  if (
    !Array.isArray(columns) ||
    !columns.every((c) => typeof c === 'string') ||
    BASE_COLUMNS.some((name, i) => columns[i] !== name) ||
    new Set(columns).size !== columns.length
  ) {
    throw corrupt(file, `expected header columns to start with ${BASE_COLUMNS.join(',')} without duplicates`);
  }
  if (h.dtype !== 'float64' || h.byteOrder !== 'little') {
    throw corrupt(file, `expected dtype float64 little-endian, got ${String(h.dtype)} ${String(h.byteOrder)}`);
  }
  if (!isCount(h.rows)) throw corrupt(file, `expected a row count, got ${JSON.stringify(h.rows)}`);
  if (!isCount(h.rowGroupRows) || h.rowGroupRows === 0) {
    throw corrupt(file, `expected a positive rowGroupRows, got ${JSON.stringify(h.rowGroupRows)}`);
  }
  if (typeof h.hash !== 'string' || !/^[0-9a-f]{64}$/.test(h.hash)) {
    throw corrupt(file, `expected a 64-digit hex hash, got ${JSON.stringify(h.hash)}`);
  }
  if (!isTimeOrNull(h.start) || !isTimeOrNull(h.end))
    throw corrupt(file, 'expected start and end to be numbers or null');
  const metadata = h.metadata as Record<string, unknown> | undefined;
  if (typeof metadata !== 'object' || metadata === null || !Array.isArray(metadata.lineage)) {
    throw corrupt(file, 'expected header metadata with a lineage array');
  }
  return {
    columns: columns as string[],
    dtype: 'float64',
    byteOrder: 'little',
    rows: h.rows,
    rowGroupRows: h.rowGroupRows,
    hash: h.hash,
    start: h.start as number | null,
    end: h.end as number | null,
    metadata: metadata as unknown as DatasetMetadata,
    createdBy: typeof h.createdBy === 'string' ? h.createdBy : '',
  };
}

/** Returns the CORRUPT_DATASET error for a file too short to hold the header its preamble announces. */
export function headerTooShort(file: string, needed: number, size: number): AlphintraError {
  return corrupt(file, `truncated: expected at least ${needed} bytes for the header, file has ${size}`);
}

/** Throws CORRUPT_DATASET unless the file's size matches what its header describes. */
export function checkFileSize(file: string, header: DatasetHeader, headerBytes: number, actual: number): void {
  const expected = expectedFileBytes(headerBytes, header.rows, header.columns.length);
  if (actual !== expected) {
    const what = actual < expected ? 'truncated' : 'has trailing bytes';
    throw corrupt(
      file,
      `${what}: header describes ${header.rows} rows × ${header.columns.length} columns = ${expected} bytes, file has ${actual}`,
    );
  }
}

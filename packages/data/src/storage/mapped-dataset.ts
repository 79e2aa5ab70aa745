/**
 * Loading a dataset from a memory mapping of its file: the columns become `Float64Array`
 * views over the mapping, with no copy (see docs/data/storage-format.md, "Reading cost").
 */

import { isMappingUnsupported, mmapAddon, setMmapAddon } from './file-mapping.js';
import {
  checkFileSize,
  type DatasetHeader,
  decodeHeader,
  decodePreamble,
  HOST_LITTLE_ENDIAN,
  headerTooShort,
  PREAMBLE_BYTES,
  rowGroupCount,
} from './format.js';
import type { StoredDataset } from './metadata.js';
import { planRead, seriesFromArrays, verifyHash } from './read-plan.js';

/** How a loader brings the columns into memory; see {@link ReadDatasetOptions.load}. */
export type DatasetLoadMode = 'map' | 'map-lazy' | 'read';

/**
 * Returns true when a file with this header can be loaded as views over a mapping: the host
 * is little-endian like the file, and each column is one contiguous run (one row group).
 */
export function mappable(header: DatasetHeader): boolean {
  return HOST_LITTLE_ENDIAN && rowGroupCount(header.rows, header.rowGroupRows) <= 1;
}

/**
 * Returns the dataset held by `buffer`, the whole content of `file`. The preamble, header and
 * size are checked again on the mapped bytes, so a file replaced since its header was read
 * is still loaded consistently. A file of several row groups is copied out of the mapping.
 */
export function datasetFromMapping(file: string, buffer: ArrayBuffer, verify: boolean): StoredDataset {
  const bytes = new Uint8Array(buffer);
  const headerBytes = decodePreamble(bytes.subarray(0, PREAMBLE_BYTES), file);
  if (bytes.length < PREAMBLE_BYTES + headerBytes)
    throw headerTooShort(file, PREAMBLE_BYTES + headerBytes, bytes.length);
  const header = decodeHeader(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes), file);
  checkFileSize(file, header, headerBytes, bytes.length);
  if (!mappable(header)) {
    const plan = planRead(file, header, headerBytes);
    for (const read of plan.reads) read.target.set(bytes.subarray(read.position, read.position + read.target.length));
    return plan.finish(verify);
  }
  const rows = header.rows;
  const start = PREAMBLE_BYTES + headerBytes;
  // The data starts at a multiple of 8 and each column is rows × 8 bytes: every view is aligned.
  const arrays = header.columns.map((_, c) => new Float64Array(buffer, start + c * rows * 8, rows));
  const series = seriesFromArrays(header, arrays);
  if (verify) verifyHash(file, header, series);
  return { series, metadata: header.metadata, hash: header.hash, rows, path: file, loadedBy: 'map' };
}

function mapFailed(error: unknown): undefined {
  // A runtime that cannot map at all is not asked again; a file that cannot be mapped (on a
  // file system without mmap, say) is read instead, and reading reports any real problem.
  if (isMappingUnsupported(error)) setMmapAddon(null);
  return undefined;
}

/**
 * Returns the dataset at `file` loaded from a mapping, or undefined when it should be read
 * instead: `mode` is `read`, the addon is unavailable, the header does not allow views, or
 * mapping failed.
 */
export function loadMappedSync(
  file: string,
  header: DatasetHeader,
  mode: DatasetLoadMode,
  verify: boolean,
): StoredDataset | undefined {
  const addon = mode === 'read' || !mappable(header) ? null : mmapAddon();
  if (addon === null) return undefined;
  let buffer: ArrayBuffer;
  try {
    buffer = addon.mapFile(file, mode === 'map');
  } catch (error) {
    return mapFailed(error);
  }
  return datasetFromMapping(file, buffer, verify);
}

/** The asynchronous twin of {@link loadMappedSync}: the file is mapped on a worker thread. */
export async function loadMapped(
  file: string,
  header: DatasetHeader,
  mode: DatasetLoadMode,
  verify: boolean,
): Promise<StoredDataset | undefined> {
  const addon = mode === 'read' || !mappable(header) ? null : mmapAddon();
  if (addon === null) return undefined;
  let buffer: ArrayBuffer;
  try {
    buffer = await addon.mapFileAsync(file, mode === 'map');
  } catch (error) {
    return mapFailed(error);
  }
  return datasetFromMapping(file, buffer, verify);
}

import type { BarSeries } from '@alphintra/core';
import { writeAtomically, writeFully } from './atomic-file.js';
import { BASE_COLUMNS, CREATED_BY, type DatasetHeader, encodeHeader } from './format.js';
import { baseOrExtra, columnBytes, hashSeries, identityOf } from './hash.js';
import type { DatasetMetadata } from './metadata.js';

/**
 * Completes partial metadata: symbol and timeframe default to the series' own, the timeframe
 * is canonicalised (`1day` → `1d`) and lineage defaults to empty.
 */
export function completeMetadata(series: BarSeries, metadata: Partial<DatasetMetadata> = {}): DatasetMetadata {
  const { symbol, timeframe } = identityOf(series, metadata);
  const out: DatasetMetadata = { ...metadata, lineage: metadata.lineage ?? [] };
  const mutable = out as { symbol?: string; timeframe?: string };
  if (symbol === undefined) delete mutable.symbol;
  else mutable.symbol = symbol;
  if (timeframe === undefined) delete mutable.timeframe;
  else mutable.timeframe = timeframe;
  return out;
}

function timeOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Writes `series` to `path` in the Alphintra dataset format (one row group) and returns its
 * content hash and size. The file is written under a temporary name in the same directory
 * and renamed into place, so a failed write leaves nothing under `path`.
 *
 * @example
 * const { hash } = await writeDataset('orcl.alph', series, { symbol: 'ORCL', lineage: [] });
 */
export async function writeDataset(
  path: string,
  series: BarSeries,
  metadata: Partial<DatasetMetadata> = {},
): Promise<{ hash: string; bytes: number }> {
  const meta = completeMetadata(series, metadata);
  const columns = [...BASE_COLUMNS, ...series.extraNames];
  const hash = hashSeries(series, meta);
  const header: DatasetHeader = {
    columns,
    dtype: 'float64',
    byteOrder: 'little',
    rows: series.length,
    rowGroupRows: Math.max(1, series.length),
    hash,
    start: series.length === 0 ? null : timeOrNull(series.start),
    end: series.length === 0 ? null : timeOrNull(series.end),
    metadata: meta,
    createdBy: CREATED_BY,
  };
  const head = encodeHeader(header);
  const data = series.columns();
  let bytes = 0;
  await writeAtomically(path, async (handle) => {
    await writeFully(handle, head, 0);
    bytes = head.length;
    for (const name of columns) {
      const chunk = columnBytes(baseOrExtra(data, name));
      await writeFully(handle, chunk, bytes);
      bytes += chunk.length;
    }
  });
  return { hash, bytes };
}

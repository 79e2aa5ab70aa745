import { open, rename, rm } from 'node:fs/promises';
import { AlphintraError, type BarSeries, formatIsoMicros } from '@alphintra/core';

/** Returns bar `i` of a series as a plain object with an ISO time; NaN becomes null. */
export function barRecord(series: BarSeries, i: number): Record<string, string | number | null> {
  const value = (x: number): number | null => (Number.isNaN(x) ? null : x);
  const record: Record<string, string | number | null> = {
    time: formatIsoMicros(series.time[i] as number),
    open: value(series.open[i] as number),
    high: value(series.high[i] as number),
    low: value(series.low[i] as number),
    close: value(series.close[i] as number),
    volume: value(series.volume[i] as number),
  };
  for (const name of series.extraNames) record[name] = value((series.extra(name) as Float64Array)[i] as number);
  return record;
}

/**
 * Writes a series as NDJSON (one object per line) or as one JSON array, atomically.
 *
 * @example
 * await writeJson('bars.ndjson', series, 'ndjson');
 */
export async function writeJson(path: string, series: BarSeries, style: 'json' | 'ndjson'): Promise<{ bytes: number }> {
  const temporary = `${path}.tmp-${process.pid}`;
  const handle = await open(temporary, 'w');
  let bytes = 0;
  try {
    let buffer = style === 'json' ? '[\n' : '';
    for (let i = 0; i < series.length; i++) {
      buffer += JSON.stringify(barRecord(series, i));
      buffer += style === 'json' && i < series.length - 1 ? ',\n' : '\n';
      if (buffer.length >= 1 << 20) {
        bytes += (await handle.write(buffer)).bytesWritten;
        buffer = '';
      }
    }
    if (style === 'json') buffer += ']\n';
    bytes += (await handle.write(buffer)).bytesWritten;
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw new AlphintraError('IO_ERROR', `could not write ${path}: ${(error as Error).message}`, {
      file: path,
      retryable: true,
      cause: error,
    });
  }
  await rename(temporary, path);
  return { bytes };
}

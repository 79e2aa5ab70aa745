import { open, rename, rm } from 'node:fs/promises';
import { AlphintraError, type BarSeries, formatIsoMicros } from '@alphintra/core';

/** How timestamps are written. */
export type TimeFormat = 'iso' | 'epoch-s' | 'epoch-ms' | 'epoch-us';

/** Options for {@link writeCsv} and {@link formatCsvRows}. */
export interface CsvWriteOptions {
  /** Field separator, default `,`. */
  readonly delimiter?: string;
  /** Timestamp style, default ISO 8601 UTC. */
  readonly timeFormat?: TimeFormat;
  /** Whether to write a header line, default true. */
  readonly header?: boolean;
}

const FLUSH_BYTES = 1 << 20;

function formatTime(micros: number, style: TimeFormat): string {
  switch (style) {
    case 'iso':
      return formatIsoMicros(micros);
    case 'epoch-s':
      return String(micros / 1_000_000);
    case 'epoch-ms':
      return String(micros / 1000);
    case 'epoch-us':
      return String(micros);
  }
}

// NaN is written as an empty field, which every reader (ours included) reads back as missing.
function formatNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/** Returns the header line (without newline) a CSV of `series` starts with. */
export function csvHeader(series: BarSeries, delimiter = ','): string {
  return ['time', 'open', 'high', 'low', 'close', 'volume', ...series.extraNames].join(delimiter);
}

/**
 * Formats rows `[start, end)` of a series as CSV lines, each ending in `\n`.
 * Numbers are written in their shortest round-trip form, so reading the file back gives
 * bit-identical values.
 */
export function formatCsvRows(series: BarSeries, start: number, end: number, options: CsvWriteOptions = {}): string {
  const d = options.delimiter ?? ',';
  const style = options.timeFormat ?? 'iso';
  const { time, open, high, low, close, volume } = series.columns();
  const extras = series.extraNames.map((name) => series.extra(name) as Float64Array);
  let out = '';
  for (let i = start; i < end; i++) {
    out += formatTime(time[i] as number, style);
    out += d + formatNumber(open[i] as number);
    out += d + formatNumber(high[i] as number);
    out += d + formatNumber(low[i] as number);
    out += d + formatNumber(close[i] as number);
    out += d + formatNumber(volume[i] as number);
    for (const column of extras) out += d + formatNumber(column[i] as number);
    out += '\n';
  }
  return out;
}

/**
 * Writes a series to a CSV file (`time,open,high,low,close,volume[,extras…]`) in constant
 * extra memory, replacing the file atomically when done.
 *
 * @example
 * await writeCsv('orcl.csv', series, { timeFormat: 'iso' });
 */
export async function writeCsv(
  path: string,
  series: BarSeries,
  options: CsvWriteOptions = {},
): Promise<{ bytes: number }> {
  if (options.delimiter !== undefined && (options.delimiter.length !== 1 || /[\r\n"]/.test(options.delimiter))) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a one-character delimiter, got "${options.delimiter}"`);
  }
  const temporary = `${path}.tmp-${process.pid}`;
  const handle = await open(temporary, 'w');
  let bytes = 0;
  try {
    let buffer = options.header === false ? '' : `${csvHeader(series, options.delimiter)}\n`;
    const step = 8192;
    for (let i = 0; i < series.length; i += step) {
      buffer += formatCsvRows(series, i, Math.min(series.length, i + step), options);
      if (buffer.length >= FLUSH_BYTES) {
        const { bytesWritten } = await handle.write(buffer);
        bytes += bytesWritten;
        buffer = '';
      }
    }
    if (buffer.length > 0) {
      const { bytesWritten } = await handle.write(buffer);
      bytes += bytesWritten;
    }
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

import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { AlphintraError, type BarSeries } from '@alphintra/core';
import {
  Catalog,
  type ColumnMapping,
  type DatasetMetadata,
  isDatasetFile,
  type LineageStep,
  type ReadOptions,
  type ReadResult,
  readBars,
  readDataset,
  type StoredDataset,
  writeCsv,
  writeDataset,
  writeJson,
} from '@alphintra/data';
import { UsageError } from './errors.js';
import type { Progress } from './progress.js';

/** Reader flags shared by every command that reads bars. */
export interface InputFlags {
  format?: string;
  delimiter?: string;
  header?: boolean;
  map?: string;
  timeZone?: string;
  epochUnit?: string;
  dateFormat?: string;
  maxBytes?: string;
  symbol?: string;
}

/** What {@link loadBars} found. */
export interface LoadedBars {
  readonly series: BarSeries;
  /** Present when the input was a text file. */
  readonly read?: ReadResult;
  /** Present when the input was a stored dataset (file or catalog entry). */
  readonly dataset?: StoredDataset;
  /** The input as named on the command line. */
  readonly input: string;
  /** Lineage so far: the dataset's own, or one `read` step for a text file. */
  readonly lineage: LineageStep[];
}

const FIELDS = new Set(['time', 'date', 'clock', 'open', 'high', 'low', 'close', 'volume']);

/**
 * Parses `--map time=Date,close=Close,openInterest=OI` (names or 0-based indices). Open, high
 * and low are all named or all left out; one column may feed several fields.
 */
export function parseMapping(text: string): ColumnMapping {
  const mapping: Record<string, string | number> = {};
  const extras: Record<string, string | number> = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key === undefined || value === undefined || key === '' || value === '') {
      throw new UsageError(`expected --map entries like close=Close or close=4, got "${part}"`);
    }
    const target = /^\d+$/.test(value) ? Number(value) : value;
    if (FIELDS.has(key)) mapping[key] = target;
    else extras[key] = target;
  }
  if (!('close' in mapping)) throw new UsageError('expected --map to name the close column');
  // A one-price file names only close: open, high and low then copy it.
  const named = ['open', 'high', 'low'].filter((field) => field in mapping).length;
  if (named !== 0 && named !== 3) {
    throw new UsageError('expected --map to name all of open, high and low, or none of them (they then copy close)');
  }
  if (!('time' in mapping) && !('date' in mapping))
    throw new UsageError('expected --map to name a time or date column');
  if (Object.keys(extras).length > 0) mapping.extras = extras as unknown as string;
  return mapping as unknown as ColumnMapping;
}

/** Converts reader flags into reader options. */
export function readOptionsFrom(flags: InputFlags): ReadOptions {
  const options: Record<string, unknown> = {};
  if (flags.format !== undefined) {
    if (!['auto', 'csv', 'json', 'ndjson'].includes(flags.format)) {
      throw new UsageError(`expected --format auto, csv, json or ndjson, got "${flags.format}"`);
    }
    options.format = flags.format;
  }
  if (flags.delimiter !== undefined)
    options.delimiter = flags.delimiter === '\\t' || flags.delimiter === 'tab' ? '\t' : flags.delimiter;
  if (flags.header !== undefined) options.header = flags.header;
  if (flags.map !== undefined) options.mapping = parseMapping(flags.map);
  if (flags.timeZone !== undefined) options.timeZone = flags.timeZone;
  if (flags.epochUnit !== undefined) {
    if (!['s', 'ms', 'us', 'ns'].includes(flags.epochUnit)) {
      throw new UsageError(`expected --epoch-unit s, ms, us or ns, got "${flags.epochUnit}"`);
    }
    options.epochUnit = flags.epochUnit;
  }
  if (flags.dateFormat !== undefined) options.dateFormat = flags.dateFormat;
  if (flags.maxBytes !== undefined) options.maxBytes = parseSize(flags.maxBytes);
  if (flags.symbol !== undefined) options.symbol = flags.symbol;
  return options as ReadOptions;
}

/** Parses a size such as `500MB`, `2GB` or a plain byte count. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?$/i.exec(text.trim());
  if (match === null) throw new UsageError(`expected a size such as 500MB, got "${text}"`);
  const scale = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(match[1]) * scale);
}

/** Returns the catalog directory: `$ALPHINTRA_HOME/catalog`, else `~/.alphintra/catalog`. */
export function catalogRoot(): string {
  return join(process.env.ALPHINTRA_HOME ?? join(homedir(), '.alphintra'), 'catalog');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads bars from a text file (CSV/TSV/JSON/NDJSON), a stored dataset file, or a catalog
 * reference (`orcl`, `orcl@1a2b3c`). With `collect`, bad rows are reported instead of
 * stopping the read.
 */
export async function loadBars(
  input: string,
  flags: InputFlags,
  progress: Progress,
  collect = false,
): Promise<LoadedBars> {
  if (!(await exists(input))) {
    if (!input.includes('/') && !input.includes('\\')) {
      const catalog = await Catalog.open(catalogRoot());
      try {
        const dataset = await catalog.get(input);
        return { series: dataset.series, dataset, input, lineage: [...dataset.metadata.lineage] };
      } catch (error) {
        if (!(error instanceof AlphintraError && error.code === 'DATASET_NOT_FOUND')) throw error;
      }
    }
    throw new AlphintraError('FILE_NOT_FOUND', `no such file or catalog dataset: ${input}`, { file: input });
  }
  if (await isDatasetFile(input)) {
    const dataset = await readDataset(input);
    return { series: dataset.series, dataset, input, lineage: [...dataset.metadata.lineage] };
  }
  const options: ReadOptions = {
    ...readOptionsFrom(flags),
    onInvalid: collect ? 'collect' : 'error',
    onProgress: (done: number, total: number) => progress.update(done, total),
  };
  const read = await readBars(input, options);
  progress.stop();
  const lineage: LineageStep[] = [
    {
      operation: 'read',
      details: {
        file: input,
        format: read.layout.format,
        vendor: read.layout.vendor ?? null,
        timestamp: read.layout.timestamp,
        timeZone: options.timeZone ?? 'UTC',
        rows: read.rows,
        skippedRows: read.problemCount,
        bytes: read.bytes,
      },
    },
  ];
  return { series: read.series, read, input, lineage };
}

/** Output formats chosen by file extension. */
export type OutputFormat = 'dataset' | 'csv' | 'tsv' | 'json' | 'ndjson';

/** Returns the output format for a path, from its extension. */
export function outputFormatOf(path: string): OutputFormat {
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.alph':
      return 'dataset';
    case '.csv':
    case '.txt':
      return 'csv';
    case '.tsv':
      return 'tsv';
    case '.json':
      return 'json';
    case '.ndjson':
    case '.jsonl':
      return 'ndjson';
    default:
      throw new UsageError(
        `cannot tell the output format of "${path}": use .alph (Alphintra dataset), .csv, .tsv, .json or .ndjson`,
      );
  }
}

/** Writes bars to `path` in the format its extension names; datasets keep metadata and lineage. */
export async function saveBars(
  path: string,
  series: BarSeries,
  metadata: Partial<DatasetMetadata>,
): Promise<{ bytes: number; hash?: string }> {
  switch (outputFormatOf(path)) {
    case 'dataset':
      return writeDataset(path, series, metadata);
    case 'csv':
      return writeCsv(path, series);
    case 'tsv':
      return writeCsv(path, series, { delimiter: '\t' });
    case 'json':
      return writeJson(path, series, 'json');
    case 'ndjson':
      return writeJson(path, series, 'ndjson');
  }
}

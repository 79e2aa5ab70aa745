import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AlphintraError, type BarSeries, formatTimeframe, parseTimeframe, SyntheticMarket } from '@alphintra/core';
import { DATASET_EXTENSION, DatasetWriter, writeCsv } from '@alphintra/data';
import { concatSeries } from '../support/concat.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';

/** Flags of `alphintra data generate`. */
export interface GenerateFlags {
  symbols: string;
  bars: string;
  out: string;
  seed: string;
  timeframe: string;
  start?: string;
  volatility?: string;
  drift?: string;
  format: string;
  quiet?: boolean;
  json?: boolean;
}

/** One file written by the generator. */
export interface GeneratedFile {
  symbol: string;
  path: string;
  rows: number;
  hash: string | null;
}

function positiveInteger(name: string, text: string, max: number): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new UsageError(
      `expected ${name} to be a whole number from 1 to ${max.toLocaleString('en-US')}, got "${text}"`,
    );
  }
  return value;
}

const CHUNK_BARS = 1 << 16;

/**
 * Generates a seeded synthetic market and writes one dataset per symbol, in constant
 * memory whatever the size.
 */
export async function generateCommand(flags: GenerateFlags): Promise<GeneratedFile[]> {
  const symbols = positiveInteger('--symbols', flags.symbols, 10_000);
  const bars = positiveInteger('--bars', flags.bars, 100_000_000);
  const seed = Number(flags.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`expected --seed to be an integer, got "${flags.seed}"`);
  if (flags.format !== 'alph' && flags.format !== 'csv') {
    throw new UsageError(`expected --format alph or csv, got "${flags.format}"`);
  }
  const timeframe = parseTimeframe(flags.timeframe);
  let start: number | undefined;
  if (flags.start !== undefined) {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(flags.start) ? flags.start : `${flags.start}Z`);
    if (Number.isNaN(ms)) throw new UsageError(`expected --start as an ISO date, got "${flags.start}"`);
    start = ms * 1000;
  }
  const market = new SyntheticMarket({
    seed,
    symbols,
    bars,
    timeframe,
    ...(start === undefined ? {} : { start }),
    ...(flags.volatility === undefined ? {} : { volatility: Number(flags.volatility) }),
    ...(flags.drift === undefined ? {} : { drift: Number(flags.drift) }),
  });
  await mkdir(flags.out, { recursive: true });
  const progress = createProgress('generating', 'bars', flags.quiet === true || flags.json === true);
  const total = symbols * bars;
  const files: GeneratedFile[] = [];
  if (flags.format === 'csv') {
    // CSV output is for inspection and interchange; it is built per symbol in memory.
    if (bars > 5_000_000) throw new UsageError('CSV output is limited to 5,000,000 bars per symbol; use --format alph');
    const collected = new Map<string, BarSeries[]>();
    let done = 0;
    for (let chunk = market.nextChunk(CHUNK_BARS); chunk !== null; chunk = market.nextChunk(CHUNK_BARS)) {
      for (const part of chunk) {
        const list = collected.get(part.symbol) ?? [];
        list.push(part.series.clone());
        collected.set(part.symbol, list);
        done += part.series.length;
      }
      progress.update(done, total);
    }
    progress.stop();
    for (const [symbol, parts] of collected) {
      const path = join(flags.out, `${symbol}.csv`);
      const series = concatSeries(parts);
      await writeCsv(path, series);
      files.push({ symbol, path, rows: series.length, hash: null });
    }
    return files;
  }
  const writers = new Map<string, DatasetWriter>();
  try {
    for (const symbol of market.symbols) {
      const path = join(flags.out, `${symbol}${DATASET_EXTENSION}`);
      writers.set(
        symbol,
        await DatasetWriter.open(path, {
          columns: [],
          metadata: {
            symbol,
            timeframe: formatTimeframe(timeframe),
            lineage: [
              {
                operation: 'generate',
                details: { generator: 'synthetic-market', seed, symbols, bars, timeframe: formatTimeframe(timeframe) },
              },
            ],
          },
        }),
      );
    }
    let done = 0;
    for (let chunk = market.nextChunk(CHUNK_BARS); chunk !== null; chunk = market.nextChunk(CHUNK_BARS)) {
      for (const part of chunk) {
        const writer = writers.get(part.symbol);
        if (writer === undefined) throw new AlphintraError('INVARIANT_VIOLATED', `unexpected symbol ${part.symbol}`);
        await writer.append(part.series);
        done += part.series.length;
      }
      progress.update(done, total);
    }
    progress.stop();
    for (const [symbol, writer] of writers) {
      const result = await writer.close();
      files.push({
        symbol,
        path: join(flags.out, `${symbol}${DATASET_EXTENSION}`),
        rows: result.rows,
        hash: result.hash,
      });
    }
    writers.clear();
    return files;
  } finally {
    progress.stop();
    for (const writer of writers.values()) await writer.abort();
  }
}

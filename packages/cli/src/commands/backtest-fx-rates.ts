import { basename } from 'node:path';
import { AlphintraError } from '@alphintra/core';
import { barShape, checkFxRates, type FxRateInput, type FxRateTable, parsePair } from '@alphintra/engine';
import { type InputFlags, loadBars } from '../support/bars-io.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';

/** One `--fx-rate PAIR=VALUE`: a constant rate, or bars whose closes are the rate. */
export type FxRateFlag =
  | { readonly pair: string; readonly kind: 'constant'; readonly rate: number }
  | { readonly pair: string; readonly kind: 'file'; readonly input: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses repeated `--fx-rate EUR/USD=1.1` and `--fx-rate EUR/USD=eurusd.csv`: a value that
 * reads as a number is a constant rate, anything else names bars (a file, dataset or catalog
 * name). A pair may be given once.
 *
 * @example
 * parseFxRateFlags(['EUR/USD=1.1', 'USD/JPY=usdjpy.csv']);
 * // [{ pair: 'EUR/USD', kind: 'constant', rate: 1.1 }, { pair: 'USD/JPY', kind: 'file', input: 'usdjpy.csv' }]
 */
export function parseFxRateFlags(entries: readonly string[]): FxRateFlag[] {
  const flags: FxRateFlag[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const pair = eq < 0 ? '' : entry.slice(0, eq).trim();
    const value = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (pair === '' || value === '') throw new UsageError(`expected --fx-rate PAIR=RATE or PAIR=FILE, got "${entry}"`);
    try {
      parsePair(pair);
    } catch (error) {
      if (error instanceof AlphintraError) throw new UsageError(`--fx-rate: ${error.message}`);
      throw error;
    }
    if (seen.has(pair)) throw new UsageError(`--fx-rate ${pair} is given twice`);
    seen.add(pair);
    if (NUMBER.test(value)) {
      const rate = Number(value);
      if (!(Number.isFinite(rate) && rate > 0))
        throw new UsageError(`expected a positive rate in --fx-rate ${pair}, got ${value}`);
      flags.push({ pair, kind: 'constant', rate });
    } else flags.push({ pair, kind: 'file', input: value });
  }
  return flags;
}

/** The rates of a run and the files they came from. */
export interface LoadedFxRates {
  readonly table: FxRateTable;
  /** Each pair read from bars, with the input as named on the command line. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Loads `--fx-rate` values into the engine's rate table. Bars are read like `--data` (same
 * readers and options); each bar's close is the rate, known from the bar's close time (its
 * open time plus its length), so a run never converts at a close that has not happened.
 */
export async function loadFxRates(
  flags: readonly FxRateFlag[],
  read: Omit<InputFlags, 'symbol'>,
  quiet: boolean,
): Promise<LoadedFxRates> {
  const table: Record<string, FxRateInput> = {};
  const files: Record<string, string> = {};
  for (const flag of flags) {
    if (flag.kind === 'constant') {
      table[flag.pair] = flag.rate;
      continue;
    }
    const loaded = await loadBars(flag.input, read, createProgress(`reading ${basename(flag.input)}`, 'bytes', quiet));
    const series = loaded.series;
    const { duration } = barShape(series, flag.pair);
    table[flag.pair] = { time: series.time.map((t) => t + duration), rate: Float64Array.from(series.close) };
    files[flag.pair] = flag.input;
  }
  try {
    checkFxRates(table);
  } catch (error) {
    if (error instanceof AlphintraError) throw new AlphintraError(error.code, `--fx-rate: ${error.message}`);
    throw error;
  }
  return { table, files };
}

import { basename, extname } from 'node:path';
import {
  type BarSeries,
  defineInstrument,
  detectTimeframe,
  type EquityInstrument,
  quoteTicksFromSeries,
  tradeTicksFromBars,
} from '@alphintra/core';
import { hashSeries } from '@alphintra/data';
import type { BacktestData } from '@alphintra/engine';
import { type InputFlags, loadBars } from '../support/bars-io.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';

/** Where the bars of one instrument came from. */
export interface BacktestSource {
  /** The input as named on the command line (file, dataset file or catalog name). */
  readonly input: string;
  readonly data: BacktestData & { readonly hash: string };
}

/** Options for reading the `--data` inputs. */
export interface DataOptions {
  readonly read: Omit<InputFlags, 'symbol'>;
  /** Symbols for the inputs, in order; missing ones come from the data or the file name. */
  readonly symbols: readonly string[];
  readonly venue: string;
  readonly currency: string;
  /** How to read each input: as bars, trade ticks, quote ticks, or decided from the data (`auto`). */
  readonly ticks?: 'auto' | 'bars' | 'trades' | 'quotes';
  readonly quiet: boolean;
}

/**
 * What an input holds: quotes when it has bid and ask columns, trades when its timestamps are
 * ticks (irregular, often sub-second), else bars — unless the command line says.
 */
export function dataKind(series: BarSeries, wanted: DataOptions['ticks'] = 'auto'): 'bars' | 'trades' | 'quotes' {
  if (wanted !== undefined && wanted !== 'auto') return wanted;
  if (series.extra('bid') !== undefined && series.extra('ask') !== undefined) return 'quotes';
  const timeframe = series.meta.timeframe ?? detectTimeframe(series.time);
  return timeframe?.unit === 'tick' ? 'trades' : 'bars';
}

/**
 * Returns the symbol a file name suggests: the first part of its name that starts with a
 * letter, upper-cased (`orcl-1995-2014.txt` → `ORCL`), else the whole name.
 */
export function symbolFromFileName(input: string): string {
  const stem = basename(input, extname(input));
  const part = stem.split(/[-_\s.@]+/).find((p) => /^[A-Za-z]/.test(p));
  return (part ?? stem).toUpperCase();
}

/**
 * Reads every `--data` input with the same readers as `alphintra data inspect` and pairs it
 * with an equity instrument. The dataset hash is the content hash of the bars (the stored
 * one for datasets), the same value `data inspect` prints.
 */
export async function loadBacktestData(inputs: readonly string[], options: DataOptions): Promise<BacktestSource[]> {
  if (inputs.length === 0) throw new UsageError('expected at least one --data <file|dataset>');
  if (options.symbols.length > inputs.length) {
    throw new UsageError(`got ${options.symbols.length} --symbol values for ${inputs.length} --data inputs`);
  }
  const sources: BacktestSource[] = [];
  const seen = new Map<string, string>();
  for (const [i, input] of inputs.entries()) {
    const given = options.symbols[i];
    const loaded = await loadBars(
      input,
      { ...options.read, ...(given === undefined ? {} : { symbol: given }) },
      createProgress(`reading ${basename(input)}`, 'bytes', options.quiet),
    );
    const series = loaded.series;
    const symbol =
      [given, series.meta.symbol, loaded.dataset?.metadata.symbol].find((s) => s !== undefined && s.trim() !== '') ??
      symbolFromFileName(input);
    const instrument = defineInstrument<EquityInstrument>({
      kind: 'equity',
      symbol,
      venue: options.venue,
      currency: options.currency,
    });
    const before = seen.get(instrument.id);
    if (before !== undefined) {
      throw new UsageError(`${before} and ${input} are both ${instrument.id}; give each --data its own --symbol`);
    }
    seen.set(instrument.id, input);
    const hash = loaded.dataset?.hash ?? hashSeries(series, { symbol: series.meta.symbol });
    const kind = dataKind(series, options.ticks);
    const data =
      kind === 'bars'
        ? { instrument, series, hash }
        : kind === 'trades'
          ? { instrument, trades: tradeTicksFromBars(series), hash }
          : { instrument, quotes: quoteTicksFromSeries(series, instrument.id), hash };
    sources.push({ input, data });
  }
  return sources;
}

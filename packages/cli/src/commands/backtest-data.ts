import { basename, extname } from 'node:path';
import { type BarSeries, detectTimeframe, quoteTicksFromSeries, tradeTicksFromBars } from '@alphintra/core';
import { hashSeries } from '@alphintra/data';
import type { BacktestData } from '@alphintra/engine';
import { type InputFlags, loadBars } from '../support/bars-io.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';
import { type InstrumentTerms, instrumentFrom } from './backtest-instruments.js';

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
  /** Terms of instruments by symbol (`--instrument`, `--instruments`); others are equities. */
  readonly instruments?: readonly InstrumentTerms[];
  /** Funding rate per interval for perpetuals without their own (`--funding-rate`). */
  readonly fundingRate?: number;
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

/** Finds the terms given for `symbol` (exactly, else ignoring case). */
function termsFor(symbol: string, all: readonly InstrumentTerms[]): InstrumentTerms | undefined {
  return all.find((t) => t.symbol === symbol) ?? all.find((t) => t.symbol.toUpperCase() === symbol.toUpperCase());
}

/** Refuses a symbol given terms twice. */
function checkUnique(all: readonly InstrumentTerms[]): void {
  const seen = new Map<string, string>();
  for (const t of all) {
    const before = seen.get(t.symbol.toUpperCase());
    if (before !== undefined) throw new UsageError(`${t.symbol} is described twice (${before} and ${t.where})`);
    seen.set(t.symbol.toUpperCase(), t.where);
  }
}

/**
 * Reads every `--data` input with the same readers as `alphintra data inspect` and pairs it
 * with its instrument: the one `--instrument`/`--instruments` describe for its symbol, else
 * an equity. The dataset hash is the content hash of the bars (the stored one for datasets),
 * the same value `data inspect` prints.
 */
export async function loadBacktestData(inputs: readonly string[], options: DataOptions): Promise<BacktestSource[]> {
  if (inputs.length === 0) throw new UsageError('expected at least one --data <file|dataset>');
  if (options.symbols.length > inputs.length) {
    throw new UsageError(`got ${options.symbols.length} --symbol values for ${inputs.length} --data inputs`);
  }
  const described = options.instruments ?? [];
  checkUnique(described);
  const used = new Set<InstrumentTerms>();
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
    const terms = termsFor(symbol, described);
    if (terms !== undefined) used.add(terms);
    const traded = instrumentFrom(symbol, terms, {
      venue: options.venue,
      currency: options.currency,
      ...(options.fundingRate === undefined ? {} : { fundingRate: options.fundingRate }),
    });
    const instrument = traded.instrument;
    const before = seen.get(instrument.id);
    if (before !== undefined) {
      throw new UsageError(`${before} and ${input} are both ${instrument.id}; give each --data its own --symbol`);
    }
    seen.set(instrument.id, input);
    const hash = loaded.dataset?.hash ?? hashSeries(series, { symbol: series.meta.symbol });
    const kind = dataKind(series, options.ticks);
    const data =
      kind === 'bars'
        ? { ...traded, series, hash }
        : kind === 'trades'
          ? { ...traded, trades: tradeTicksFromBars(series), hash }
          : { ...traded, quotes: quoteTicksFromSeries(series, instrument.id), hash };
    sources.push({ input, data });
  }
  const unused = described.find((t) => !used.has(t));
  if (unused !== undefined) {
    const symbols = sources.map((s) => s.data.instrument.symbol).join(', ');
    throw new UsageError(`${unused.where}: no --data input has symbol ${unused.symbol} (inputs: ${symbols})`);
  }
  if (options.fundingRate !== undefined && !sources.some((s) => s.data.instrument.kind === 'perpetual')) {
    throw new UsageError('--funding-rate applies to perpetuals; describe one with --instrument SYMBOL:kind=perpetual');
  }
  return sources;
}

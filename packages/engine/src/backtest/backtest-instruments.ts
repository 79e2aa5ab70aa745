import { AlphintraError, checkQuoteTicks, checkTradeTicks, type QuoteTicks, type TradeTicks } from '@alphintra/core';
import type { ExchangeInstrument } from '../execution/exchange-book.js';
import type { FeedColumns, KernelInstrument } from '../kernel/kernel-types.js';
import { hashColumnList, hashColumns } from '../support/columns-hash.js';
import { type BacktestData, barShape, checkSeries } from './backtest-config.js';

/** One row per trade: open = high = low = close = price, volume = size (zero-copy). */
function tradeColumns(ticks: TradeTicks): FeedColumns {
  const { time, price, size } = ticks;
  return { time, open: price, high: price, low: price, close: price, volume: size };
}

function midOf(ticks: QuoteTicks): Float64Array {
  const mid = new Float64Array(ticks.time.length);
  for (let i = 0; i < mid.length; i++) mid[i] = ((ticks.bid[i] as number) + (ticks.ask[i] as number)) / 2;
  return mid;
}

/** One row per quote at the mid; volume is unknown (NaN). */
function quoteColumns(ticks: QuoteTicks): FeedColumns {
  const mid = midOf(ticks);
  const volume = new Float64Array(mid.length).fill(Number.NaN);
  return { time: ticks.time, open: mid, high: mid, low: mid, close: mid, volume };
}

/**
 * Checks one instrument's data and turns it into what the kernel runs: bars when given (the
 * venue still matches on quotes or trades when those are given too), else columns built from
 * its ticks, one row per tick.
 */
export function kernelInstrument(d: BacktestData, index: number): KernelInstrument {
  const id = d.instrument.id;
  const { series, trades, quotes } = d;
  if (series === undefined && trades === undefined && quotes === undefined) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected bars, trade ticks or quote ticks for ${id}`);
  }
  if (trades !== undefined) checkTradeTicks(trades, id);
  if (quotes !== undefined) checkQuoteTicks(quotes, id);
  const matching = quotes !== undefined ? 'quotes' : trades !== undefined ? 'trades' : 'bars';
  const common = {
    instrument: d.instrument,
    index,
    matching,
    ...(trades === undefined ? {} : { trades }),
    ...(quotes === undefined ? {} : { quotes }),
    ...(d.marginRate === undefined ? {} : { marginRate: d.marginRate }),
    ...(d.fundingRate === undefined ? {} : { fundingRate: d.fundingRate }),
  } as const;
  if (series !== undefined) {
    checkSeries(series, id);
    const shape = barShape(series, id);
    return {
      ...common,
      columns: series.columns(),
      duration: shape.duration,
      sessionBars: shape.sessionBars,
      feedFrom: 'bars',
      ...(shape.timeframe === undefined ? {} : { timeframe: shape.timeframe }),
    };
  }
  if (d.fundingRate instanceof Float64Array) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `a column of funding rates for ${id} needs bars; give a constant rate with ticks`,
    );
  }
  return {
    ...common,
    columns: trades !== undefined ? tradeColumns(trades) : quoteColumns(quotes as QuoteTicks),
    duration: 0,
    sessionBars: false,
    feedFrom: trades !== undefined ? 'trades' : 'quotes',
    timeframe: { unit: 'tick', count: 1 },
  };
}

/** What the simulated venue matches an instrument against (bars, or its quotes or trades). */
export function exchangeInstrument(ins: KernelInstrument): ExchangeInstrument {
  const base = { id: ins.instrument.id, tickSize: ins.instrument.tickSize, multiplier: ins.instrument.multiplier };
  if (ins.matching === 'quotes' && ins.quotes !== undefined) {
    const q = ins.quotes;
    const mid = ins.feedFrom === 'quotes' ? ins.columns.close : midOf(q);
    const volume = new Float64Array(mid.length).fill(Number.NaN);
    return {
      ...base,
      time: q.time,
      open: mid,
      high: q.ask,
      low: q.bid,
      close: mid,
      volume,
      duration: 0,
      sessionBars: false,
      matching: 'quotes',
      askSize: q.askSize,
      bidSize: q.bidSize,
    };
  }
  if (ins.matching === 'trades' && ins.trades !== undefined) {
    const c = tradeColumns(ins.trades);
    return { ...base, ...c, duration: 0, sessionBars: false, matching: 'trades' };
  }
  const c = ins.columns;
  return {
    ...base,
    time: c.time,
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
    volume: c.volume,
    duration: ins.duration,
    sessionBars: ins.sessionBars,
  };
}

/** The manifest's record of one instrument's data: counts, span and a content hash. */
export function dataRecord(d: BacktestData): {
  readonly instrument: string;
  readonly bars: number;
  readonly trades?: number;
  readonly quotes?: number;
  readonly start: number;
  readonly end: number;
  readonly hash: string;
} {
  const times = [d.series?.time, d.trades?.time, d.quotes?.time].filter(
    (t): t is Float64Array => t !== undefined && t.length > 0,
  );
  const start = times.length > 0 ? Math.min(...times.map((t) => t[0] as number)) : Number.NaN;
  const end = times.length > 0 ? Math.max(...times.map((t) => t[t.length - 1] as number)) : Number.NaN;
  return {
    instrument: d.instrument.id,
    bars: d.series?.length ?? 0,
    ...(d.trades === undefined ? {} : { trades: d.trades.time.length }),
    ...(d.quotes === undefined ? {} : { quotes: d.quotes.time.length }),
    start,
    end,
    hash: d.hash ?? columnsHash(d),
  };
}

/** A fingerprint of every column of an instrument's data (when no content hash was given). */
function columnsHash(d: BacktestData): string {
  const hashes: string[] = [];
  if (d.series !== undefined) hashes.push(hashColumns(d.series.columns()));
  if (d.trades !== undefined) hashes.push(hashColumnList([d.trades.time, d.trades.price, d.trades.size]));
  if (d.quotes !== undefined) {
    const q = d.quotes;
    hashes.push(hashColumnList([q.time, q.bid, q.ask, q.bidSize, q.askSize]));
  }
  return hashes.join('+');
}

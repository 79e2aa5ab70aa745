// The workloads both contenders run: an SMA(10)/SMA(30) crossover, long when fast > slow,
// flat otherwise, market orders at the next open, all equity per trade; marked to market
// at every close into an equity curve.
import { defineInstrument, generateBars, SyntheticMarket, timeframe } from '../../packages/core/dist/index.js';

export const FAST = 10;
export const SLOW = 30;

/** One symbol, `bars` one-minute bars. */
export function singleSeries(bars) {
  return [generateBars({ seed: 11, bars, timeframe: timeframe('minute'), volatility: 0.3 })];
}

/** `symbols` symbols × `bars` bars on one timeline. */
export function manySeries(symbols, bars) {
  const market = new SyntheticMarket({ seed: 12, symbols, bars, timeframe: timeframe('minute'), volatility: 0.3 });
  const chunk = market.nextChunk(bars);
  return chunk.map((c) => c.series);
}

export function instrumentFor(series, i) {
  return defineInstrument({ kind: 'equity', symbol: series.meta.symbol ?? `S${i}`, venue: 'SYN', currency: 'USD' });
}

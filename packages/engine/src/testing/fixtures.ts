import {
  BarSeries,
  defineInstrument,
  type EquityInstrument,
  type FxInstrument,
  generateBars,
  timeframe,
} from '@alphintra/core';

/** A test equity on a test venue. */
export const TEST_EQUITY: EquityInstrument = defineInstrument<EquityInstrument>({
  kind: 'equity',
  symbol: 'TEST',
  venue: 'SIM',
  currency: 'USD',
});

/** A share quoted in `currency` (`SYMBOL.X`). */
export function stockIn(currency: string, symbol = currency): EquityInstrument {
  return defineInstrument<EquityInstrument>({ kind: 'equity', symbol, venue: 'X', currency });
}

/** An FX spot pair `BASEQUOTE.FX`, quoted in `quote`, with a tick of 0.00001. */
export function fxPair(base: string, quote: string): FxInstrument {
  return defineInstrument<FxInstrument>({
    kind: 'fx',
    symbol: `${base}${quote}`,
    venue: 'FX',
    currency: quote,
    baseCurrency: base,
    tickSize: 0.00001,
  });
}

const DAY = 86_400_000_000;

/**
 * Daily bars from explicit rows `[open, high, low, close, volume?]`, starting 2024-01-01.
 *
 * @example
 * dailyBars([[100, 101, 99, 100.5], [100.5, 103, 100, 102]]);
 */
export function dailyBars(rows: readonly (readonly number[])[], start = Date.UTC(2024, 0, 1) * 1000): BarSeries {
  const n = rows.length;
  const col = () => new Float64Array(n);
  const time = col();
  const open = col();
  const high = col();
  const low = col();
  const close = col();
  const volume = col();
  rows.forEach((r, i) => {
    time[i] = start + i * DAY;
    open[i] = r[0] as number;
    high[i] = r[1] as number;
    low[i] = r[2] as number;
    close[i] = r[3] as number;
    volume[i] = r[4] ?? 1_000_000;
  });
  return BarSeries.fromColumns(
    { time, open, high, low, close, volume },
    { symbol: 'TEST', timeframe: timeframe('day') },
  );
}

/** Flat daily bars at one price. */
export function flatBars(count: number, price = 100): BarSeries {
  return dailyBars(Array.from({ length: count }, () => [price, price, price, price]));
}

/** Seeded synthetic daily bars. */
export function syntheticBars(count: number, seed = 7): BarSeries {
  return generateBars({ bars: count, seed, timeframe: timeframe('day'), volatility: 0.3 });
}

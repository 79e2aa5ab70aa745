import { BarSeries, defineInstrument, type EquityInstrument, timeframe } from '@alphintra/core';
import type { BacktestData } from '@alphintra/engine';

const DAY = 86_400_000_000;
/** Monday 2024-01-01, 00:00 UTC, in µs. */
export const START = 1_704_067_200_000_000;

/** Test helper: an equity `SYMBOL.SIM` with daily bars from rows [open, high, low, close], starting {@link START}. */
export function equityData(symbol: string, rows: readonly (readonly [number, number, number, number])[]): BacktestData {
  const n = rows.length;
  const column = (f: (r: readonly number[], i: number) => number): Float64Array => Float64Array.from(rows, f);
  const series = BarSeries.fromColumns(
    {
      time: column((_, i) => START + i * DAY),
      open: column((r) => r[0] as number),
      high: column((r) => r[1] as number),
      low: column((r) => r[2] as number),
      close: column((r) => r[3] as number),
      volume: new Float64Array(n).fill(1_000_000),
    },
    { symbol, timeframe: timeframe('day') },
  );
  return {
    instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol, venue: 'SIM', currency: 'USD' }),
    series,
  };
}

/** Test helper: `count` daily bars whose closes follow `close(i)` (open = previous close, high/low around both). */
export function trendData(symbol: string, count: number, close: (i: number) => number): BacktestData {
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < count; i++) {
    const c = close(i);
    const o = i === 0 ? c : close(i - 1);
    rows.push([o, Math.max(o, c), Math.min(o, c), c]);
  }
  return equityData(symbol, rows);
}

// The workload every contender runs: an SMA-crossover sweep over ORCL's last 2,520 daily bars
// (about ten years) from data/samples, long while SMA(fast) > SMA(slow) and flat otherwise,
// market orders at the next open sized to all equity in whole shares, a 0.1 % fee per fill;
// per pair: trades, final equity, Sharpe and max drawdown of the daily equity curve.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineInstrument } from '../../packages/core/dist/index.js';
import { readBars } from '../../packages/data/dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));

export const BARS = 2520;
export const CASH = 100_000;
export const FEE_RATE = 0.001;
export const PERIODS_PER_YEAR = 252;

/** The pairs: fast 2…101 × slow 102…300 in steps of 2 (10,000), or every 10th fast × every 10th slow (100) with --quick. */
export function pairs(quick) {
  const out = [];
  for (let fast = 2; fast <= 101; fast += quick ? 10 : 1) {
    for (let slow = 102; slow <= 300; slow += quick ? 20 : 2) out.push({ fast, slow });
  }
  return out;
}

/** ORCL's last 2,520 daily bars and the instrument they trade as. */
export async function workload() {
  const { series } = await readBars(join(here, '../../data/samples/orcl-1995-2014.txt'));
  const last = series.slice(series.length - BARS, series.length);
  const instrument = defineInstrument({ kind: 'equity', symbol: 'ORCL', venue: 'SAMPLE', currency: 'USD' });
  return { series: last, instrument };
}

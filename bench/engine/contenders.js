// The contenders: Alphintra's engine running a strategy through runBacktest, and the floor —
// a minimal hand-written loop doing the same arithmetic with no engine at all.
import { defineStrategy, runBacktest } from '../../packages/engine/dist/index.js';
import { FAST, instrumentFor, SLOW } from './workloads.js';

const CASH = 100_000;

const crossover = defineStrategy({
  name: 'bench-sma-crossover',
  parameters: {},
  create(ctx) {
    // Per-instrument state in arrays indexed by bar.instrumentIndex (no map lookup per bar).
    const fast = ctx.instruments.map((instrument) => ctx.indicator('SMA', { timeperiod: FAST }, { instrument }));
    const slow = ctx.instruments.map((instrument) => ctx.indicator('SMA', { timeperiod: SLOW }, { instrument }));
    const weight = 1 / ctx.instruments.length;
    return {
      onBar(bar) {
        const k = bar.instrumentIndex;
        if (!slow[k].isReady) return;
        const held = ctx.quantity();
        if (fast[k].value > slow[k].value) {
          if (held <= 0) ctx.targetPercent(weight);
        } else if (held > 0) {
          ctx.closePosition();
        }
      },
    };
  },
});

/** Runs the engine; returns the final equity. */
function engine(seriesList) {
  const result = runBacktest({
    strategy: crossover,
    data: seriesList.map((series, i) => ({ instrument: instrumentFor(series, i), series, hash: 'bench' })),
    cash: CASH,
  });
  return { check: result.summary.finalEquity, trades: result.summary.trades, bars: result.summary.bars };
}

/**
 * The floor: rolling sums for both averages, a pending order filled at the next open with
 * whole units of the symbol's share of equity, and equity marked at every close.
 */
function floor(seriesList) {
  const k = seriesList.length;
  const n = seriesList[0].length;
  const qty = new Float64Array(k);
  const pending = new Int8Array(k);
  const sumFast = new Float64Array(k);
  const sumSlow = new Float64Array(k);
  const mark = new Float64Array(k);
  const equityCurve = new Float64Array(n);
  const opens = seriesList.map((s) => s.open);
  const closes = seriesList.map((s) => s.close);
  let cash = CASH;
  let trades = 0;
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < k; s++) {
      const open = opens[s][i];
      if (pending[s] === 1) {
        let equity = cash;
        for (let j = 0; j < k; j++) equity += qty[j] * (j === s ? open : mark[j]);
        // Whole units, tolerant of float noise (10^-7 of a unit), as the engine sizes them.
        const q = Math.floor(equity / k / open + 1e-7);
        cash -= q * open;
        qty[s] = q;
        trades++;
      } else if (pending[s] === -1) {
        cash += qty[s] * open;
        qty[s] = 0;
      }
      pending[s] = 0;
      mark[s] = open;
    }
    let equity = cash;
    for (let s = 0; s < k; s++) {
      const close = closes[s];
      const c = close[i];
      mark[s] = c;
      // Same order of operations as a streaming window sum: add, read, drop the oldest.
      sumFast[s] += c;
      sumSlow[s] += c;
      let f = Number.NaN;
      if (i >= FAST - 1) {
        f = sumFast[s] / FAST;
        sumFast[s] -= close[i - FAST + 1];
      }
      if (i >= SLOW - 1) {
        const sl = sumSlow[s] / SLOW;
        sumSlow[s] -= close[i - SLOW + 1];
        if (f > sl) {
          if (qty[s] === 0) pending[s] = 1;
        } else if (qty[s] > 0) pending[s] = -1;
      }
      equity += qty[s] * c;
    }
    equityCurve[i] = equity;
  }
  return { check: equityCurve[n - 1], trades, bars: n * k };
}

export const contenders = { 'alphintra engine': engine, 'floor (hand-written loop)': floor };

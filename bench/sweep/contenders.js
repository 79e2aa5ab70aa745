// The contenders: runSweep through the strategy's sweep face; the event-driven engine on a
// sample of the pairs (its time extrapolated to all of them); and the floor — a minimal
// hand-written loop doing the same arithmetic with no engine at all.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStrategy } from '../../packages/cli/dist/commands/backtest-strategy.js';
import { runBacktest, runSweep } from '../../packages/engine/dist/index.js';
import { CASH, FEE_RATE, PERIODS_PER_YEAR } from './workload.js';

const here = dirname(fileURLToPath(import.meta.url));

// The strategy is examples/sma-crossover.ts itself, compiled by the CLI's strategy loader
// (create for the engine, its sweep face for runSweep).
const { definition: crossover } = await loadStrategy(join(here, '../../examples/sma-crossover.ts'));

const config = { cash: CASH, fees: { kind: 'percent', rate: FEE_RATE } };

function table(count) {
  return {
    trades: new Float64Array(count),
    finalEquity: new Float64Array(count),
    sharpe: new Float64Array(count),
    maxDrawdown: new Float64Array(count),
  };
}

/**
 * runSweep over every pair, computing what the goal names (trades, final equity, Sharpe, max
 * drawdown) and, with `tradeStatistics`, the trade statistics too (win rate, profit factor …).
 */
function sweepWith(tradeStatistics) {
  return ({ series, instrument }, pairs) => {
    const r = runSweep({
      ...config,
      strategy: crossover,
      data: [{ instrument, series, hash: 'bench' }],
      parameterSets: pairs,
      periodsPerYear: PERIODS_PER_YEAR,
      tradeStatistics,
    });
    return { runs: pairs, trades: r.trades, finalEquity: r.finalEquity, sharpe: r.sharpe, maxDrawdown: r.maxDrawdown };
  };
}

/** runBacktest on about 100 of the pairs (evenly spread); Sharpe and drawdown from its equity curve, as the sweep defines them. */
function engine({ series, instrument }, pairs) {
  const every = Math.max(1, Math.floor(pairs.length / 100));
  const runs = pairs.filter((_, i) => i % every === 0);
  const out = table(runs.length);
  runs.forEach((parameters, i) => {
    const result = runBacktest({
      ...config,
      strategy: crossover,
      data: [{ instrument, series, hash: 'bench' }],
      parameters,
    });
    const e = result.equity.equity;
    const f = curveFigures(e);
    out.trades[i] = result.summary.trades;
    out.finalEquity[i] = result.summary.finalEquity;
    out.sharpe[i] = f.sharpe;
    out.maxDrawdown[i] = f.maxDrawdown;
  });
  return { runs, ...out };
}

function curveFigures(e) {
  let sum = 0;
  let squares = 0;
  let peak = Number.NEGATIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < e.length; i++) {
    if (i > 0) {
      const r = e[i] / e[i - 1] - 1;
      sum += r;
      squares += r * r;
    }
    if (e[i] > peak) peak = e[i];
    else worst = Math.max(worst, 1 - e[i] / peak);
  }
  return { sharpe: sharpeOf(sum, squares, e.length - 1), maxDrawdown: worst };
}

function sharpeOf(sum, squares, count) {
  if (count < 2) return Number.NaN;
  const mean = sum / count;
  const std = Math.sqrt((squares - sum * mean) / (count - 1));
  return std > 1e-12 ? (mean / std) * Math.sqrt(PERIODS_PER_YEAR) : Number.NaN;
}

/** Whole shares, tolerant of float noise, as the engine rounds to lots. */
function wholeShares(x) {
  const snapped = Math.round(x);
  return Math.abs(x - snapped) < 1e-7 ? snapped : Math.floor(x);
}

/** Buying power after the fee, as the engine checks a fill. */
function fits(q, price, cash) {
  const fee = q * price * FEE_RATE;
  const available = cash - fee;
  return q * price <= available + 1e-9 * Math.abs(available);
}

/** All of `cash` in whole shares at `price`, shrunk until the fee fits, as the engine sizes it. */
function sharesFor(cash, price) {
  const q = wholeShares(cash / price);
  if (q === 0 || fits(q, price, cash)) return q;
  let fitted = wholeShares((cash - q * price * FEE_RATE) / price);
  while (fitted > 0 && !fits(fitted, price, cash)) fitted--;
  return fitted;
}

/**
 * The floor: each distinct SMA once (a rolling sum in TA-Lib's order), then per pair one loop
 * with the signal, a pending order filled at the next open, the fee, the equity at each close
 * and the running sums of returns and drawdown — with the shortcuts the sweep takes too (a bar
 * whose equity did not change adds nothing; the drawdown divides once per episode).
 */
function floor({ series }, pairs) {
  const open = series.open;
  const close = series.close;
  const n = close.length;
  const averages = new Map();
  const sma = (period) => {
    let out = averages.get(period);
    if (out === undefined) {
      out = new Float64Array(n).fill(Number.NaN);
      let total = 0;
      for (let i = 0; i < period - 1; i++) total += close[i];
      for (let i = period - 1; i < n; i++) {
        total += close[i];
        out[i] = total / period;
        total -= close[i - period + 1];
      }
      averages.set(period, out);
    }
    return out;
  };
  const out = table(pairs.length);
  for (let p = 0; p < pairs.length; p++) floorPair(sma(pairs[p].fast), sma(pairs[p].slow), open, close, out, p);
  return { runs: pairs, ...out };
}

/**
 * Starting cash and position as doubles read from a typed array: a loop variable that starts as
 * a small-integer constant may be kept tagged by V8, and every double later stored into it is
 * then boxed — an allocation per bar (the first floor did this and ran at half speed).
 */
const START = Float64Array.of(CASH, 0);

/**
 * One pair of the floor, in a function of its own called once per pair, so that V8 optimises
 * it as a whole (the sweep's loop is shaped the same way).
 */
function floorPair(fast, slow, open, close, out, p) {
  const n = close.length;
  let cash = START[0];
  let q = START[1];
  let pending = 0;
  let trades = 0;
  let previous = Number.NaN;
  let sum = 0;
  let squares = 0;
  let peak = Number.NEGATIVE_INFINITY;
  let trough = Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    if (pending === 1) {
      const price = open[i];
      const shares = sharesFor(cash, price);
      if (shares > 0) {
        const notional = shares * price;
        cash -= notional + notional * FEE_RATE;
        q = shares;
      }
    } else if (pending === -1) {
      const notional = q * open[i];
      cash -= -q * open[i] + notional * FEE_RATE;
      q = 0;
      trades++;
    }
    pending = 0;
    const s = slow[i];
    if (!Number.isNaN(s)) {
      if (fast[i] > s) {
        if (q <= 0) pending = 1;
      } else if (q > 0) pending = -1;
    }
    const equity = q === 0 ? cash : cash + q * close[i];
    if (equity !== previous) {
      if (i > 0) {
        const r = equity / previous - 1;
        sum += r;
        squares += r * r;
      }
      previous = equity;
      if (equity > peak) {
        if (trough < peak) worst = Math.max(worst, 1 - trough / peak);
        peak = equity;
        trough = equity;
      } else if (equity < trough) trough = equity;
    }
  }
  if (trough < peak) worst = Math.max(worst, 1 - trough / peak);
  out.trades[p] = trades;
  out.finalEquity[p] = previous;
  out.sharpe[p] = sharpeOf(sum, squares, n - 1);
  out.maxDrawdown[p] = worst;
}

export const SWEEP = 'alphintra runSweep';
export const SWEEP_LEAN = 'alphintra runSweep, tradeStatistics: false';
export const FLOOR = 'floor (hand-written loop)';
export const ENGINE = 'event-driven engine (runBacktest)';
export const contenders = {
  [SWEEP]: sweepWith(true),
  [SWEEP_LEAN]: sweepWith(false),
  [FLOOR]: floor,
  [ENGINE]: engine,
};

import { type BarColumns, MICROS_PER_DAY } from '@alphintra/core';
import type { ParameterValues } from '../strategy/parameters.js';
import {
  CARRY,
  CASH,
  CLOSE_POSITION,
  EQUITY_FRACTION,
  MARK,
  QUANTITY,
  type SweepAccount,
  TARGET_PERCENT,
  TRADES,
} from './sweep-account.js';
import type { SweepFace } from './sweep-face.js';
import type { SweepResult } from './sweep-result.js';

const YEAR_MICROS = 365.25 * MICROS_PER_DAY;
/** Below this a standard deviation counts as zero (analytics' ZERO_SPREAD). */
const ZERO_SPREAD = 1e-12;

// What one bar's target turns into.
const NO_ORDER = 0;
const TARGET = 1;
const CLOSE = 2;
const CLOSE_THEN_OPEN = 3;

/** The constant facts every run of a sweep shares. */
export interface SweepLoopConfig {
  readonly face: SweepFace<never, string>;
  readonly bars: BarColumns;
  readonly account: SweepAccount;
  readonly cash: number;
  readonly multiplier: number;
  readonly borrowRate: number;
  /** Bar length in µs: an order placed at a bar's close reaches the venue then. */
  readonly duration: number;
  readonly fillAtClose: boolean;
  readonly closeThenOpen: boolean;
  readonly periodsPerYear: number;
  readonly result: SweepResult;
}

/**
 * Evaluates one parameter set in one pass over the bars, doing per bar what the kernel does
 * for one instrument: borrow carry, the pending market order filled at the open (or at the
 * close in `close` fill timing), the strategy's decision on the closed bar, and one equity
 * row — folded straight into the running sums of the return, Sharpe and drawdown figures
 * instead of being stored. Trade figures are folded by the account at fills, not per bar. Cash and position live in locals; orders go through the
 * {@link SweepAccount}, which executes them with the engine's arithmetic.
 */
export class SweepLoop {
  readonly #c: SweepLoopConfig;
  /** Returns of the run being evaluated, when blocks are wanted but not the per-bar table. */
  readonly #scratch: Float64Array | null;

  constructor(config: SweepLoopConfig) {
    this.#c = config;
    const r = config.result;
    this.#scratch =
      r.returnBlocks !== undefined && r.barReturns === undefined ? new Float64Array(Math.max(0, r.bars - 1)) : null;
  }

  /** Evaluates run `run` (its account already reset) and writes its row of the result. */
  run(run: number, values: Readonly<Record<string, Float64Array>>, params: ParameterValues<never>): void {
    const c = this.#c;
    const { face, bars, account, multiplier: m, borrowRate, duration, fillAtClose, result } = c;
    const { time, open, close } = bars;
    const n = result.bars;
    const s = account.state;
    const out = result.barReturns ?? this.#scratch;
    const base = result.barReturns === undefined ? 0 : run * Math.max(0, n - 1);
    let cash = s[CASH] as number;
    let q = s[QUANTITY] as number;
    let pending = NO_ORDER;
    let pendingTarget = 0;
    // The bar at whose open the pending order reaches the venue; -1 when there is none, so
    // one integer comparison per bar tells both.
    let arrival = -1;
    const borrows = borrowRate > 0;
    // The equity curve is folded as it is made: Σr and Σr² for the Sharpe ratio, and the
    // lowest equity since the running peak for the drawdown (the deepest 1 − trough / peak is
    // the largest 1 − equity / peak of any bar, one division per episode instead of per bar).
    // A bar whose equity equals the previous one (flat, no fill) adds a return of exactly 0,
    // which changes none of the sums, so it is skipped.
    let previous = Number.NaN;
    let first = c.cash;
    let sum = 0;
    let squares = 0;
    let peak = Number.NEGATIVE_INFINITY;
    let trough = Number.POSITIVE_INFINITY;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      if (borrows && q < 0 && i > 0) {
        const carry =
          q *
          (close[i - 1] as number) *
          m *
          borrowRate *
          (((time[i] as number) - (time[i - 1] as number)) / YEAR_MICROS);
        cash += carry;
        s[CARRY] = (s[CARRY] as number) + carry;
      }
      if (i === arrival) {
        s[CASH] = cash;
        s[MARK] = close[i - 1] as number;
        this.#fill(pending, pendingTarget, open[i] as number, i);
        pending = NO_ORDER;
        arrival = -1;
        cash = s[CASH] as number;
        q = s[QUANTITY] as number;
      }
      const target = face.decide(i, values, q, params, bars);
      if (Number.isFinite(target)) {
        s[CASH] = cash;
        s[MARK] = close[i] as number;
        const order = this.#order(target, q);
        if (order !== NO_ORDER) {
          if (fillAtClose) {
            this.#fill(order, target, close[i] as number, i);
            cash = s[CASH] as number;
            q = s[QUANTITY] as number;
          } else {
            pending = order;
            pendingTarget = target;
            arrival = arrivalBar(time, n, i, duration);
          }
        }
      }
      const equity = q === 0 ? cash : cash + q * (close[i] as number) * m;
      if (equity !== previous) {
        if (i > 0) {
          const ret = equity / previous - 1;
          sum += ret;
          squares += ret * ret;
          if (out !== null) out[base + i - 1] = ret;
        } else first = equity;
        previous = equity;
        if (equity > peak) {
          if (trough < peak) worst = Math.max(worst, 1 - trough / peak);
          peak = equity;
          trough = equity;
        } else if (equity < trough) {
          trough = equity;
        }
      } else if (out !== null && i > 0) {
        out[base + i - 1] = 0;
      }
    }
    if (trough < peak) worst = Math.max(worst, 1 - trough / peak);
    const finalEquity = n > 0 ? previous : c.cash;
    result.trades[run] = s[TRADES] as number;
    account.trades?.write(result, run);
    result.firstEquity[run] = first;
    result.finalEquity[run] = finalEquity;
    result.totalReturn[run] = finalEquity / c.cash - 1;
    result.sharpe[run] = sharpe(sum, squares, n - 1, c.periodsPerYear);
    result.maxDrawdown[run] = worst;
    if (result.returnBlocks !== undefined && out !== null) this.#blocks(run, out, base);
  }

  /** The order(s) a target sends given the position, after the engine's pre-trade risk check. */
  #order(target: number, q: number): number {
    const account = this.#c.account;
    if (target === 0) return q === 0 ? NO_ORDER : CLOSE;
    if (this.#c.closeThenOpen && q !== 0 && q > 0 !== target > 0) {
      return account.denied(EQUITY_FRACTION, target) ? CLOSE : CLOSE_THEN_OPEN;
    }
    return account.denied(TARGET_PERCENT, target) ? NO_ORDER : TARGET;
  }

  #fill(order: number, target: number, price: number, bar: number): void {
    const account = this.#c.account;
    if (order === TARGET) {
      account.execute(TARGET_PERCENT, target, price, bar);
    } else {
      account.execute(CLOSE_POSITION, 0, price, bar);
      if (order === CLOSE_THEN_OPEN) account.execute(EQUITY_FRACTION, target, price, bar);
    }
  }

  #blocks(run: number, returns: Float64Array, base: number): void {
    const blocks = this.#c.result.returnBlocks;
    if (blocks === undefined) return;
    const count = blocks.bounds.length - 1;
    for (let b = 0; b < count; b++) {
      let sum = 0;
      let squares = 0;
      for (let i = blocks.bounds[b] as number; i < (blocks.bounds[b + 1] as number); i++) {
        const r = returns[base + i] as number;
        sum += r;
        squares += r * r;
      }
      blocks.sum[run * count + b] = sum;
      blocks.sumOfSquares[run * count + b] = squares;
    }
  }
}

/**
 * The first of the `n` bars after `bar` that opens once an order placed at `bar`'s close has reached the
 * venue (`duration` µs after its open); -1 when no bar is left.
 */
function arrivalBar(time: Float64Array, n: number, bar: number, duration: number): number {
  const arrives = (time[bar] as number) + duration;
  for (let j = bar + 1; j < n; j++) if ((time[j] as number) >= arrives) return j;
  return -1;
}

/**
 * Returns the annualised Sharpe ratio from the sum and sum of squares of `count` period
 * returns: mean over sample standard deviation × √periodsPerYear, NaN for fewer than two
 * returns or a spread below 1e-12 (as docs/analytics/metrics.md defines it).
 */
function sharpe(sum: number, squares: number, count: number, periodsPerYear: number): number {
  if (count < 2) return Number.NaN;
  const mean = sum / count;
  const std = Math.sqrt((squares - sum * mean) / (count - 1));
  return std > ZERO_SPREAD ? (mean / std) * Math.sqrt(periodsPerYear) : Number.NaN;
}

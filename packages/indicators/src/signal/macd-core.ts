import { computeMovingAverage, createMovingAverage, movingAverageLookback } from '../overlap/index.js';
import type { StreamingIndicator } from '../types.js';
import { computeFixedFactorEma, FixedFactorEmaStream } from './fixed-factor-ema.js';

/**
 * A resolved MACD: the two line averages (the faster first, after TA-Lib's swap), the signal
 * average, and where each starts. `fastFactor`/`slowFactor` are set only for MACDFIX, whose
 * lines are EMAs with fixed factors instead of moving averages chosen by type.
 */
export interface MacdSetup {
  readonly fastPeriod: number;
  readonly fastMatype: number;
  readonly slowPeriod: number;
  readonly slowMatype: number;
  readonly signalPeriod: number;
  readonly signalMatype: number;
  readonly fastFactor?: number;
  readonly slowFactor?: number;
}

/** Lookbacks of a MACD setup: when each line average starts, when the MACD line exists. */
interface MacdPlan {
  readonly fastFrom: number;
  readonly slowFrom: number;
  /** First bar of the raw MACD line (both averages ready). */
  readonly lineStart: number;
  /** First bar with every output (the indicator's lookback). */
  readonly lookback: number;
}

/**
 * Returns the setup TA-Lib actually computes: when the slow period is shorter than the fast
 * one the two lines (periods and types) are swapped, so the MACD is always fast − slow.
 */
export function macdSetup(
  fastPeriod: number,
  fastMatype: number,
  slowPeriod: number,
  slowMatype: number,
  signalPeriod: number,
  signalMatype: number,
): MacdSetup {
  return slowPeriod < fastPeriod
    ? {
        fastPeriod: slowPeriod,
        fastMatype: slowMatype,
        slowPeriod: fastPeriod,
        slowMatype: fastMatype,
        signalPeriod,
        signalMatype,
      }
    : { fastPeriod, fastMatype, slowPeriod, slowMatype, signalPeriod, signalMatype };
}

function lineLookback(period: number, matype: number, factor: number | undefined): number {
  return factor === undefined ? movingAverageLookback(matype, period) : period - 1;
}

function plan(s: MacdSetup): MacdPlan {
  const fast = lineLookback(s.fastPeriod, s.fastMatype, s.fastFactor);
  const slow = lineLookback(s.slowPeriod, s.slowMatype, s.slowFactor);
  // TA-Lib starts both line averages at the bar where the slower one is first ready, so the
  // faster one is seeded later than on its own: feed it from `lineStart − its lookback`.
  const lineStart = Math.max(fast, slow);
  return {
    fastFrom: lineStart - fast,
    slowFrom: lineStart - slow,
    lineStart,
    lookback: lineStart + movingAverageLookback(s.signalMatype, s.signalPeriod),
  };
}

/** Returns the lookback of a MACD setup (TA-Lib's begIndex). */
export function macdLookback(setup: MacdSetup): number {
  return plan(setup).lookback;
}

function computeLine(
  input: Float64Array,
  period: number,
  matype: number,
  factor: number | undefined,
  out: Float64Array,
  from: number,
): void {
  if (factor === undefined) computeMovingAverage(matype, input, period, out, from);
  else computeFixedFactorEma(input, period, factor, out, from);
}

/**
 * Fills the three MACD outputs (NaN during the warm-up). The line averages are computed into
 * the signal and histogram arrays first, which then receive their own values, so nothing is
 * allocated.
 */
export function computeMacdSetup(
  setup: MacdSetup,
  input: Float64Array,
  macd: Float64Array,
  signal: Float64Array,
  hist: Float64Array,
): void {
  const n = input.length;
  const { fastFrom, slowFrom, lineStart, lookback } = plan(setup);
  computeLine(input, setup.fastPeriod, setup.fastMatype, setup.fastFactor, hist, fastFrom);
  computeLine(input, setup.slowPeriod, setup.slowMatype, setup.slowFactor, signal, slowFrom);
  for (let i = lineStart; i < n; i++) macd[i] = (hist[i] as number) - (signal[i] as number);
  computeMovingAverage(setup.signalMatype, macd, setup.signalPeriod, signal, lineStart);
  const warm = Math.min(n, lookback);
  macd.fill(Number.NaN, 0, warm);
  hist.fill(Number.NaN, 0, warm);
  for (let i = lookback; i < n; i++) hist[i] = (macd[i] as number) - (signal[i] as number);
}

function lineStream(period: number, matype: number, factor: number | undefined): StreamingIndicator {
  return factor === undefined ? createMovingAverage(matype, period) : new FixedFactorEmaStream(period, factor);
}

/**
 * Streaming MACD of any setup: the two line averages (the faster one fed from the bar TA-Lib
 * starts it at), their difference fed to the signal average. O(1) per bar for O(1) averages.
 */
export class MacdSetupStream implements StreamingIndicator {
  readonly #fast: StreamingIndicator;
  readonly #slow: StreamingIndicator;
  readonly #signal: StreamingIndicator;
  readonly #plan: MacdPlan;
  #count = 0;
  #macd = Number.NaN;
  #signalValue = Number.NaN;
  #hist = Number.NaN;

  constructor(setup: MacdSetup) {
    this.#fast = lineStream(setup.fastPeriod, setup.fastMatype, setup.fastFactor);
    this.#slow = lineStream(setup.slowPeriod, setup.slowMatype, setup.slowFactor);
    this.#signal = createMovingAverage(setup.signalMatype, setup.signalPeriod);
    this.#plan = plan(setup);
  }

  update(x: number): number {
    const i = this.#count++;
    if (i >= this.#plan.fastFrom) this.#fast.update(x);
    if (i >= this.#plan.slowFrom) this.#slow.update(x);
    return this.#finish(i, false);
  }

  replace(x: number): number {
    if (this.#count === 0) return this.update(x);
    const i = this.#count - 1;
    if (i >= this.#plan.fastFrom) this.#fast.replace(x);
    if (i >= this.#plan.slowFrom) this.#slow.replace(x);
    return this.#finish(i, true);
  }

  #finish(i: number, replacing: boolean): number {
    if (i < this.#plan.lineStart) return this.#macd;
    const line = this.#fast.value - this.#slow.value;
    const signal = replacing ? this.#signal.replace(line) : this.#signal.update(line);
    if (i >= this.#plan.lookback) {
      this.#macd = line;
      this.#signalValue = signal;
      this.#hist = line - signal;
    }
    return this.#macd;
  }

  output(index: number): number {
    return index === 0 ? this.#macd : index === 1 ? this.#signalValue : index === 2 ? this.#hist : Number.NaN;
  }

  get value(): number {
    return this.#macd;
  }

  get isReady(): boolean {
    return this.#count > this.#plan.lookback;
  }

  reset(): void {
    this.#fast.reset();
    this.#slow.reset();
    this.#signal.reset();
    this.#count = 0;
    this.#macd = Number.NaN;
    this.#signalValue = Number.NaN;
    this.#hist = Number.NaN;
  }
}

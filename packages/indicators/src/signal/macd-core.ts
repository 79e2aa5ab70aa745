import { computeMovingAverage, createMovingAverage, emaFactor, movingAverageLookback } from '../overlap/index.js';
import { StreamBase } from '../support/stream-base.js';
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

const EMA_TYPE = 1;

/**
 * Returns the streaming average of one MACD line or of the signal. EMAs (of more than one
 * bar, since TA-Lib's EMA of one bar is the input itself) are fixed-factor EMAs with TA-Lib's
 * factor 2 / (period + 1), which perform the very operations of the overlap EMA: MACD and
 * MACDFIX then drive a single class through each call site, so the engine inlines the calls
 * and the differences passed to the signal average are never boxed.
 */
function averageStream(period: number, matype: number, factor: number | undefined): StreamingIndicator {
  if (factor !== undefined) return new FixedFactorEmaStream(period, factor);
  if (matype === EMA_TYPE && period > 1) return new FixedFactorEmaStream(period, emaFactor(period));
  return createMovingAverage(matype, period);
}

/**
 * Streaming MACD of any setup: the two line averages (the faster one fed from the bar TA-Lib
 * starts it at), their difference fed to the signal average. O(1) per bar for O(1) averages.
 */
export class MacdSetupStream extends StreamBase {
  readonly #fast: StreamingIndicator;
  readonly #slow: StreamingIndicator;
  readonly #signal: StreamingIndicator;
  readonly #fastFrom: number;
  readonly #slowFrom: number;
  readonly #lineStart: number;
  readonly #lookback: number;
  /** The MACD line, as a one-value column for the signal average (a number passed to its call would be boxed). */
  readonly #line = new Float64Array(1);
  readonly #lineColumns: readonly Float64Array[] = [this.#line];
  #count = 0;

  constructor(setup: MacdSetup) {
    super(3, 1);
    this.#fast = averageStream(setup.fastPeriod, setup.fastMatype, setup.fastFactor);
    this.#slow = averageStream(setup.slowPeriod, setup.slowMatype, setup.slowFactor);
    this.#signal = averageStream(setup.signalPeriod, setup.signalMatype, undefined);
    const { fastFrom, slowFrom, lineStart, lookback } = plan(setup);
    this.#fastFrom = fastFrom;
    this.#slowFrom = slowFrom;
    this.#lineStart = lineStart;
    this.#lookback = lookback;
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const i = this.#count++;
    if (i >= this.#fastFrom) this.#fast.pushAt(columns, index);
    if (i >= this.#slowFrom) this.#slow.pushAt(columns, index);
    if (i < this.#lineStart) return;
    this.#line[0] = (this.#fast.outputs[0] as number) - (this.#slow.outputs[0] as number);
    this.#signal.pushAt(this.#lineColumns, 0);
    this.#write(i);
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    const i = this.#count - 1;
    if (i >= this.#fastFrom) this.#fast.reviseAt(columns, index);
    if (i >= this.#slowFrom) this.#slow.reviseAt(columns, index);
    if (i < this.#lineStart) return;
    this.#line[0] = (this.#fast.outputs[0] as number) - (this.#slow.outputs[0] as number);
    this.#signal.reviseAt(this.#lineColumns, 0);
    this.#write(i);
  }

  #write(i: number): void {
    if (i < this.#lookback) return;
    const line = this.#line[0] as number;
    const signal = this.#signal.outputs[0] as number;
    const out = this.outputs;
    out[0] = line;
    out[1] = signal;
    out[2] = line - signal;
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#fast.reset();
    this.#slow.reset();
    this.#signal.reset();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
  }
}

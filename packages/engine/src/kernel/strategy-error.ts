import { AlphintraError, formatIsoMicros } from '@alphintra/core';
import type { BacktestResult } from '../backtest/results.js';

/** Where a strategy failed: the handler, the clock time and, when there is one, the bar. */
export interface StrategyFailure {
  /** The strategy's name. */
  readonly strategy: string;
  /** `create`, `onStart`, `onBar`, `onQuote`, `onTrade`, `onSlice`, `onOrderUpdate`, `onFill`, `onTimer`, `onStop`, or `sweep.decide` (runSweep). */
  readonly handler: string;
  /** Clock time (epoch µs) when it threw. */
  readonly time: number;
  /** Instrument of the bar, order or fill being handled, if any. */
  readonly instrument: string | undefined;
  /** That instrument's bar (index in its series) being handled or matched, −1 for none. */
  readonly bar: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A strategy's handler threw. The kernel catches the exception, finishes the bookkeeping of
 * the event it was handling, calls no further handler and stops the run with this error
 * (stable code `STRATEGY_ERROR`), whatever drives it: backtest, paper or live. The original
 * exception is the `cause`. A backtest attaches the results up to the failure as `result`.
 *
 * @example
 * try { runBacktest(options); } catch (e) { if (e instanceof StrategyError) console.log(e.handler, e.result?.fills.length); }
 */
export class StrategyError extends AlphintraError implements StrategyFailure {
  readonly strategy: string;
  readonly handler: string;
  readonly time: number;
  readonly instrument: string | undefined;
  readonly bar: number;
  /** The run's results up to the failure (backtests). */
  result: BacktestResult | undefined;

  constructor(failure: StrategyFailure, cause: unknown, detail?: string) {
    const at = Number.isFinite(failure.time) ? ` at ${formatIsoMicros(failure.time)}` : '';
    const where =
      failure.instrument === undefined
        ? ''
        : ` (${failure.instrument}${failure.bar >= 0 ? ` bar ${failure.bar}` : ''})`;
    super(
      'STRATEGY_ERROR',
      detail !== undefined
        ? `strategy "${failure.strategy}": ${detail}`
        : `strategy "${failure.strategy}" threw in ${failure.handler}${at}${where}: ${messageOf(cause)}`,
      cause === undefined ? {} : { cause },
    );
    this.name = 'StrategyError';
    this.strategy = failure.strategy;
    this.handler = failure.handler;
    this.time = failure.time;
    this.instrument = failure.instrument;
    this.bar = failure.bar;
    this.result = undefined;
  }
}

import { AlphintraError } from '@alphintra/core';
import type { Fill, FillPath } from '../strategy/strategy.js';
import type { FillLog } from './fill-log.js';

/**
 * The {@link FillPath} a context hands out: one object, refilled from the fill log on each
 * call. The part of the path after a fill is the bar's future while the bar is still open, so
 * it is shown only once the strategy has been handed that bar (`lastBar`), which keeps
 * look-ahead impossible from a fill handler.
 */
export class FillPathView implements FillPath {
  lowBefore = Number.NaN;
  highBefore = Number.NaN;
  lowAfter = Number.NaN;
  highAfter = Number.NaN;
  readonly #fills: FillLog;
  readonly #lastBar: Int32Array;

  /**
   * @param fills the run's fills
   * @param lastBar the last bar handed to the strategy, by instrument index
   */
  constructor(fills: FillLog, lastBar: Int32Array) {
    this.#fills = fills;
    this.#lastBar = lastBar;
  }

  /** Loads `fill`'s path; throws for a fill this run has not made. */
  load(fill: Readonly<Fill>): FillPath {
    const log = this.#fills;
    const row = fill.id - 1;
    if (!(row >= 0 && row < log.length) || log.orderOf(row) !== fill.orderId) {
      throw new AlphintraError('INVALID_ARGUMENT', `unknown fill ${fill.id} (of order ${fill.orderId})`);
    }
    this.lowBefore = log.pathOf(row, 0);
    this.highBefore = log.pathOf(row, 1);
    const bar = log.barOf(row);
    const closed = bar < 0 || (this.#lastBar[log.instrumentOf(row)] as number) >= bar;
    this.lowAfter = closed ? log.pathOf(row, 2) : Number.NaN;
    this.highAfter = closed ? log.pathOf(row, 3) : Number.NaN;
    return this;
  }
}

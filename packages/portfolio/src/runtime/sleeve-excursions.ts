import type { Fill, StrategyContext } from '@alphintra/engine';
import type { SleeveState } from './sleeve-state.js';

/**
 * Feeds the sleeves' trade trackers the bar's price path around fills, as the engine feeds its
 * own: the account's context tells where on its bar's path each fill happened
 * (`ctx.fillPath`). A sleeve's trade held before its fill sees the path up to the fill, the
 * trade held after it only the rest of the bar (shown once the bar has closed, so it is applied
 * when the bar is handed out); a trade held across another sleeve's fill of the same instrument
 * sees the stretch before that fill too, so no stretch of the path between two of its own
 * fills is lost. With one sleeve this repeats the engine's calls with the same numbers, so the
 * sleeve's trades equal the account's to the last bit, excursions included.
 */
export class SleeveExcursions {
  readonly #ctx: StrategyContext;
  readonly #sleeves: readonly SleeveState[];
  /** Where the fill being booked happened; the part after it is left unknown (NaN) here. */
  readonly #path = new Float64Array(4).fill(Number.NaN);
  readonly #high = new Float64Array(1);
  readonly #low = new Float64Array(1);
  /** By sleeve, by instrument: the sleeve's last fill since the instrument's last bar or tick. */
  readonly #last: (Fill | undefined)[][];

  /**
   * @param ctx the account's context
   * @param sleeves every sleeve, in sleeve order
   * @param instruments number of instruments in the account
   */
  constructor(ctx: StrategyContext, sleeves: readonly SleeveState[], instruments: number) {
    this.#ctx = ctx;
    this.#sleeves = sleeves;
    this.#last = sleeves.map(() => new Array<Fill | undefined>(instruments).fill(undefined));
  }

  /** Books `fill` (`signed` units of instrument `k`) into `owner`'s ledger with the stretch of path before it. */
  book(owner: SleeveState, k: number, signed: number, fill: Fill): void {
    const view = this.#ctx.fillPath(fill);
    const path = this.#path;
    path[0] = view.lowBefore;
    path[1] = view.highBefore;
    for (const s of this.#sleeves) {
      if (s !== owner && s.ledger.quantity(k) !== 0) s.ledger.trades.onPath(k, path);
    }
    owner.ledger.applyFill(k, signed, fill.price, fill.fee, fill.time, path);
    (this.#last[owner.index] as (Fill | undefined)[])[k] = fill;
  }

  /**
   * Counts a bar of instrument `k` (its `high` and `low`) for every sleeve's open trade: the
   * whole bar, or the part after the sleeve's last fill in it.
   */
  bar(k: number, high: number, low: number): void {
    for (const s of this.#sleeves) {
      const last = this.#last[s.index] as (Fill | undefined)[];
      const fill = last[k];
      last[k] = undefined;
      if (s.ledger.quantity(k) === 0) continue;
      this.#high[0] = high;
      this.#low[0] = low;
      if (fill !== undefined) {
        const view = this.#ctx.fillPath(fill);
        if (!Number.isNaN(view.lowAfter) && !Number.isNaN(view.highAfter)) {
          this.#high[0] = view.highAfter;
          this.#low[0] = view.lowAfter;
        }
      }
      s.ledger.trades.onBar(k, this.#high, this.#low, 0);
    }
  }

  /** Moves every sleeve's open trade in `k` by one price (a tick that is not a bar of its own). */
  price(k: number, price: number): void {
    for (const s of this.#sleeves) {
      (this.#last[s.index] as (Fill | undefined)[])[k] = undefined;
      if (s.ledger.quantity(k) !== 0) s.ledger.trades.onPrice(k, price);
    }
  }
}

import type { Clock } from '../kernel/clock.js';
import type { CurrencyPlan, RateEdge } from './currency-plan.js';
import type { FxRateSeries } from './fx-rate-input.js';

/** Where a running account reads an FX instrument's rate: its close columns and last bar seen. */
export interface RateFeed {
  /** Close column of each instrument. */
  readonly close: readonly Float64Array[];
  /** Index of the last bar handed to the strategy, per instrument (−1 before the first). */
  readonly lastBar: Int32Array;
}

/**
 * The current value of every currency of a {@link CurrencyPlan} in the account currency.
 * Rates are read lazily, on {@link refresh}: an FX instrument's from the close of its last bar
 * the strategy has seen (during the matching of a bar, the bar before — never a close that
 * has not happened), a configured series' as of the clock time, and a cross as the product
 * along its route. {@link version} moves whenever a rate changes, so cached sums can tell.
 */
export class ExchangeRates {
  /** Value of one unit of each currency in the account currency; NaN while unknown. */
  readonly rate: Float64Array;
  /** Bumped whenever a rate changes. */
  version = 0;
  readonly #plan: CurrencyPlan;
  readonly #clock: Clock;
  readonly #feed: RateFeed;
  /** Current value of each edge of the plan (NaN while unknown). */
  readonly #value: Float64Array;
  /** Per series edge: index of the point in force (−1 before the first). */
  readonly #cursor: Int32Array;

  constructor(plan: CurrencyPlan, clock: Clock, feed: RateFeed) {
    this.#plan = plan;
    this.#clock = clock;
    this.#feed = feed;
    this.rate = new Float64Array(plan.currencies.length).fill(Number.NaN);
    this.rate[0] = 1;
    this.#value = new Float64Array(plan.edges.length).fill(Number.NaN);
    this.#cursor = new Int32Array(plan.edges.length).fill(-1);
    plan.edges.forEach((edge, e) => {
      if (typeof edge.input === 'number') this.#value[e] = edge.input;
    });
    this.#recompute();
  }

  /** Reads every source again; recomputes the rates (and bumps {@link version}) if one moved. */
  refresh(): void {
    const edges = this.#plan.edges;
    const value = this.#value;
    let changed = false;
    for (let e = 0; e < edges.length; e++) {
      const edge = edges[e] as RateEdge;
      let v: number;
      if (edge.instrument >= 0) {
        const j = this.#feed.lastBar[edge.instrument] as number;
        v = j >= 0 ? ((this.#feed.close[edge.instrument] as Float64Array)[j] as number) : Number.NaN;
      } else if (typeof edge.input === 'number') {
        continue;
      } else {
        v = this.#seriesValue(e, edge.input as FxRateSeries);
      }
      const before = value[e] as number;
      if (v !== before && !(Number.isNaN(v) && Number.isNaN(before))) {
        value[e] = v;
        changed = true;
      }
    }
    if (changed) this.#recompute();
  }

  /** The rate of series edge `e` as of the clock: the last point whose time has come. */
  #seriesValue(e: number, series: FxRateSeries): number {
    const now = this.#clock.now();
    const time = series.time;
    let c = this.#cursor[e] as number;
    while (c + 1 < time.length && (time[c + 1] as number) <= now) c++;
    this.#cursor[e] = c;
    return c >= 0 ? (series.rate[c] as number) : Number.NaN;
  }

  #recompute(): void {
    const plan = this.#plan;
    const rate = this.rate;
    const order = plan.order;
    for (let i = 0; i < order.length; i++) {
      const c = order[i] as number;
      const e = plan.via[c] as number;
      const edge = plan.edges[e] as RateEdge;
      const v = this.#value[e] as number;
      const up = rate[plan.parent[c] as number] as number;
      // One `base` is `v` `quote`: the base is worth v quotes, the quote 1/v bases.
      rate[c] = edge.base === c ? v * up : up / v;
    }
    this.version++;
  }
}

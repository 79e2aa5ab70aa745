import type { PortfolioOrder } from './portfolio-order.js';

/** Why capital was reallocated. */
export type RebalanceReason = 'start' | 'schedule' | 'drift' | 'max-weight';

/** One reallocation of capital between sleeves. */
export interface RebalanceEvent {
  /** Clock time (epoch µs): the close of the bar it followed, or the start. */
  readonly time: number;
  readonly reason: RebalanceReason;
  /** Weights (capital over the total) just before; null at the start. */
  readonly before: readonly number[] | null;
  /** Target weights set, which the sleeves' capital now matches. */
  readonly after: readonly number[];
  /** Capital moved into (+) or out of each sleeve. */
  readonly transfers: readonly number[];
  /** Why the method's own weights were not used ('' when they were). */
  readonly fallback: string;
  /** Orders placed to scale the sleeves' positions (with `scalePositions`). */
  readonly orders: number;
}

/** Something a portfolio limit did. */
export type RiskEvent =
  | { readonly kind: 'drawdown-halt'; readonly time: number; readonly drawdown: number; readonly equity: number }
  | {
      readonly kind: 'order-denied';
      readonly time: number;
      readonly sleeve: string;
      readonly instrument: string;
      readonly code: string;
      readonly side: 'buy' | 'sell';
      readonly tag: string;
    };

/** A Float64Array that grows as rows are appended (amortised O(1), no object per row). */
export class GrowingColumn {
  #values = new Float64Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.#values.length) {
      const next = new Float64Array(this.#values.length * 2);
      next.set(this.#values);
      this.#values = next;
    }
    this.#values[this.length++] = value;
  }

  /** The value `ago` rows back from the last (0 = the last), NaN before the first. */
  last(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 ? (this.#values[i] as number) : Number.NaN;
  }

  /** The rows so far (a view, not a copy). */
  view(): Float64Array {
    return this.#values.subarray(0, this.length);
  }
}

/** Rows of one sleeve, one per account equity row. */
export interface SleeveColumns {
  /** Capital: the sleeve's equity after the row's rebalance, if any. */
  readonly equity: GrowingColumn;
  /** Return of the row, rebalancing flows excluded: equity before the flow over the last row's equity, − 1. */
  readonly returns: GrowingColumn;
  /** Time-weighted value: the portfolio's starting equity compounded by the sleeve's returns. */
  readonly value: GrowingColumn;
  /** Capital over the sum of the sleeves' capital. */
  readonly weight: GrowingColumn;
  /** Target weight in force. */
  readonly target: GrowingColumn;
}

/** Everything the portfolio records while it runs. */
export class PortfolioRecorder {
  readonly time = new GrowingColumn();
  readonly sleeves: readonly SleeveColumns[];
  readonly rebalances: RebalanceEvent[] = [];
  readonly riskEvents: RiskEvent[] = [];

  constructor(sleeves: number) {
    this.sleeves = Array.from({ length: sleeves }, () => ({
      equity: new GrowingColumn(),
      returns: new GrowingColumn(),
      value: new GrowingColumn(),
      weight: new GrowingColumn(),
      target: new GrowingColumn(),
    }));
  }

  /** Records a denial by a portfolio limit. */
  denied(sleeve: string, order: PortfolioOrder): void {
    this.riskEvents.push({
      kind: 'order-denied',
      time: order.submitTime,
      sleeve,
      instrument: order.instrument,
      code: order.reason,
      side: order.side,
      tag: order.tag,
    });
  }

  /** Each sleeve's returns so far (views). */
  returnHistory(): Float64Array[] {
    return this.sleeves.map((s) => s.returns.view().subarray(1));
  }
}

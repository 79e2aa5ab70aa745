import type { LogEntry, OrderEvent } from '../kernel/kernel-types.js';
import type { Order } from '../orders/order.js';
import type { Trade } from '../portfolio/trade-tracker.js';
import type { Fill } from '../strategy/strategy.js';
import { Sha256 } from '../support/sha256.js';
import type { EquityCurve } from './equity-recorder.js';

/** Version of the engine's execution rules; recorded in every manifest. */
export const ENGINE_VERSION = '0.1.0';

/** What produced a run: enough to reproduce it exactly. */
export interface RunManifest {
  readonly engineVersion: string;
  readonly strategy: { readonly name: string; readonly version: string; readonly codeHash: string };
  readonly parameters: Readonly<Record<string, number | boolean | string>>;
  readonly data: readonly {
    readonly instrument: string;
    readonly bars: number;
    readonly start: number;
    readonly end: number;
    readonly hash: string;
  }[];
  /** The configuration with every default filled in (custom model functions appear as "custom"). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly seed: number;
}

/** An order as results record it. */
export interface OrderRecord {
  readonly id: number;
  readonly instrument: string;
  readonly side: 'buy' | 'sell';
  readonly kind: string;
  readonly quantity: number | null;
  readonly filledQuantity: number;
  readonly averagePrice: number | null;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly timeInForce: string;
  readonly status: string;
  readonly reason: string;
  readonly tag: string;
  readonly parentId: number;
  readonly submitTime: number;
  readonly updateTime: number;
  readonly fees: number;
}

/** Final state of one position. */
export interface PositionRecord {
  readonly instrument: string;
  readonly quantity: number;
  readonly averagePrice: number | null;
  readonly lastPrice: number | null;
  readonly realizedPnl: number;
  readonly fees: number;
  /** Borrow, funding and dividends booked (positive = received). */
  readonly carry: number;
}

/** Headline figures of a run (the analytics package computes the full set). */
export interface BacktestSummary {
  readonly startEquity: number;
  readonly finalEquity: number;
  readonly totalReturn: number;
  /** Largest peak-to-trough fall of the equity curve, as a fraction of the peak. */
  readonly maxDrawdown: number;
  readonly bars: number;
  readonly orders: number;
  readonly fills: number;
  readonly trades: number;
  readonly winningTrades: number;
  readonly fees: number;
  /** SHA-256 of the canonical order list and fills: equal hashes mean identical executions. */
  readonly orderListHash: string;
}

/** Everything a backtest produces. Same inputs give byte-identical results. */
export interface BacktestResult {
  readonly manifest: RunManifest;
  readonly summary: BacktestSummary;
  readonly orders: readonly OrderRecord[];
  readonly fills: readonly Fill[];
  readonly trades: readonly Trade[];
  readonly events: readonly OrderEvent[];
  readonly positions: readonly PositionRecord[];
  readonly equity: EquityCurve;
  readonly logs: readonly LogEntry[];
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Converts an engine order into its results record. */
export function orderRecord(order: Order): OrderRecord {
  return {
    id: order.id,
    instrument: order.instrument,
    side: order.side,
    kind: order.kind,
    quantity: orNull(order.quantity),
    filledQuantity: order.filledQuantity,
    averagePrice: orNull(order.averagePrice),
    limitPrice: orNull(order.limitPrice),
    stopPrice: orNull(order.stopPrice),
    timeInForce: order.timeInForce,
    status: order.status,
    reason: order.reason,
    tag: order.tag,
    parentId: order.links.parentId,
    submitTime: order.submitTime,
    updateTime: order.updateTime,
    fees: order.fees,
  };
}

/** Returns the SHA-256 over the canonical JSON of orders and fills, one line each. */
export function hashExecutions(orders: readonly OrderRecord[], fills: readonly Fill[]): string {
  const hash = new Sha256();
  for (const order of orders) hash.update(`${JSON.stringify(order)}\n`);
  for (const fill of fills) hash.update(`${JSON.stringify(fill)}\n`);
  return hash.digestHex();
}

/** Largest peak-to-trough decline of a curve, as a fraction of the peak (0 when it never falls). */
export function maxDrawdownOf(equity: Float64Array): number {
  let peak = Number.NEGATIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    if (e > peak) peak = e;
    else if (peak > 0) {
      const dd = (peak - e) / peak;
      if (dd > worst) worst = dd;
    }
  }
  return worst;
}

/**
 * Returns a plain JSON-ready object for a result (typed arrays become arrays), with keys
 * always in the same order so that equal runs serialise to equal bytes.
 */
export function resultToJson(result: BacktestResult): Record<string, unknown> {
  return {
    manifest: result.manifest,
    summary: result.summary,
    orders: result.orders,
    fills: result.fills,
    trades: result.trades,
    positions: result.positions,
    equity: {
      time: Array.from(result.equity.time),
      equity: Array.from(result.equity.equity),
      cash: Array.from(result.equity.cash),
      netExposure: Array.from(result.equity.netExposure),
      grossExposure: Array.from(result.equity.grossExposure),
    },
    events: result.events,
    logs: result.logs,
  };
}

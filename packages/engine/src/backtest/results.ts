import type { LogEntry, OrderEvent } from '../kernel/kernel-types.js';
import { KIND_NAMES, STATUS_NAMES, sideName, TIF_NAMES } from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';
import type { RateRoute } from '../portfolio/currency-plan.js';
import type { Trade } from '../portfolio/trade-tracker.js';
import type { Fill } from '../strategy/strategy.js';
import { Sha256 } from '../support/sha256.js';
import type { BalanceRecord } from './currency-results.js';
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
    /** Trade and quote ticks, when the run had them. */
    readonly trades?: number;
    readonly quotes?: number;
    readonly start: number;
    readonly end: number;
    readonly hash: string;
  }[];
  /** The configuration with every default filled in (custom model functions appear as "custom"). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly seed: number;
  /** The account currency, the currencies balances were kept in, and where each rate came from. */
  readonly currencies: {
    readonly account: string;
    readonly balances: readonly string[];
    readonly rates: readonly RateRoute[];
  };
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

/** Final state of one position; money in the instrument's currency. */
export interface PositionRecord {
  readonly instrument: string;
  readonly quantity: number;
  readonly averagePrice: number | null;
  readonly lastPrice: number | null;
  /** The instrument's quote currency, which the money fields below are in. */
  readonly currency: string;
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
  /** Fees paid, in the account currency (each converted at its fill). */
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
  /** Final cash per currency, the account currency first. */
  readonly balances: readonly BalanceRecord[];
  /** One row per timestamp, in the account currency. */
  readonly equity: EquityCurve;
  readonly logs: readonly LogEntry[];
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The results record of order `id` of a store. */
export function orderRecord(store: OrderStore, id: number): OrderRecord {
  return {
    id,
    instrument: store.instrumentName(store.instrument[id] as number),
    side: sideName(store.side[id] as number),
    kind: KIND_NAMES[store.kind[id] as number] as string,
    quantity: orNull(store.quantity[id] as number),
    filledQuantity: store.filled[id] as number,
    averagePrice: orNull(store.averagePrice[id] as number),
    limitPrice: orNull(store.limitPrice[id] as number),
    stopPrice: orNull(store.stopPrice[id] as number),
    timeInForce: TIF_NAMES[store.timeInForce[id] as number] as string,
    status: STATUS_NAMES[store.status[id] as number] as string,
    reason: store.strings.text(store.reason[id] as number),
    tag: store.strings.text(store.tag[id] as number),
    parentId: store.parentId[id] as number,
    submitTime: store.submitTime[id] as number,
    updateTime: store.updateTime[id] as number,
    fees: store.fees[id] as number,
  };
}

/** Every order of a store as results records, in id order. */
export function orderRecords(store: OrderStore): OrderRecord[] {
  const out: OrderRecord[] = new Array(store.count);
  for (let id = 1; id <= store.count; id++) out[id - 1] = orderRecord(store, id);
  return out;
}

/**
 * Streams numbers and strings into SHA-256 in a canonical binary form: numbers as IEEE-754
 * doubles in big-endian byte order, strings as indexes into a table of the distinct strings,
 * which is hashed at the end. Compact, so hashing hundreds of thousands of orders stays cheap.
 */
class CanonicalHasher {
  readonly #hash = new Sha256();
  readonly #buffer = new ArrayBuffer(16_384);
  readonly #bytes = new Uint8Array(this.#buffer);
  readonly #view = new DataView(this.#buffer);
  readonly #strings = new Map<string, number>();
  #offset = 0;

  number(x: number): void {
    if (this.#offset === this.#bytes.length) this.#flush();
    this.#view.setFloat64(this.#offset, x, false);
    this.#offset += 8;
  }

  string(text: string): void {
    let index = this.#strings.get(text);
    if (index === undefined) {
      index = this.#strings.size;
      this.#strings.set(text, index);
    }
    this.number(index);
  }

  digestHex(): string {
    this.#flush();
    for (const text of this.#strings.keys()) this.#hash.update(`${text}\n`);
    return this.#hash.digestHex();
  }

  #flush(): void {
    this.#hash.update(this.#bytes.subarray(0, this.#offset));
    this.#offset = 0;
  }
}

/**
 * Returns the SHA-256 over every field of the orders and fills, in order (see
 * {@link CanonicalHasher}): equal hashes mean identical executions.
 */
export function hashExecutions(orders: readonly OrderRecord[], fills: readonly Fill[]): string {
  const h = new CanonicalHasher();
  const n = (x: number | null): void => h.number(x === null ? Number.NaN : x);
  h.number(orders.length);
  for (const o of orders) {
    h.number(o.id);
    h.string(o.instrument);
    h.string(o.side);
    h.string(o.kind);
    n(o.quantity);
    h.number(o.filledQuantity);
    n(o.averagePrice);
    n(o.limitPrice);
    n(o.stopPrice);
    h.string(o.timeInForce);
    h.string(o.status);
    h.string(o.reason);
    h.string(o.tag);
    h.number(o.parentId);
    h.number(o.submitTime);
    h.number(o.updateTime);
    h.number(o.fees);
  }
  h.number(fills.length);
  for (const f of fills) {
    h.number(f.id);
    h.number(f.orderId);
    h.string(f.instrument);
    h.string(f.side);
    h.number(f.quantity);
    h.number(f.price);
    h.number(f.fee);
    h.string(f.liquidity);
    h.number(f.time);
    h.number(f.tradeId);
  }
  return h.digestHex();
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
    balances: result.balances,
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

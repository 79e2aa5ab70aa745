/**
 * Orders as the engine keeps them. A strategy describes what it wants with an
 * {@link OrderRequest}; the kernel turns it into an {@link Order} whose `status` moves only
 * through the transition table in `order-state.ts`.
 */

/** Which way an order trades. */
export type OrderSide = 'buy' | 'sell';

/** How an order is priced and when it may execute. */
export type OrderKind =
  | 'market'
  | 'limit'
  | 'stop'
  | 'stop-limit'
  | 'trailing-stop'
  | 'market-on-open'
  | 'market-on-close';

/** How long an order stays working. */
export type TimeInForce = 'gtc' | 'day' | 'ioc' | 'fok' | 'gtd';

/** Where an order is in its lifecycle; `rejected`, `denied`, `filled`, `cancelled` and `expired` are final. */
export type OrderStatus =
  | 'submitted'
  | 'accepted'
  | 'rejected'
  | 'denied'
  | 'partially-filled'
  | 'filled'
  | 'cancelled'
  | 'expired';

/**
 * How much to trade. A plain number is a quantity in units. Relative sizes are resolved at
 * the fill price into whole lots, after every earlier order of the same bar has filled (so
 * "close, then reverse" works in one bar).
 */
export type OrderSize =
  | number
  | { readonly quantity: number }
  /** Currency amount to trade. */
  | { readonly notional: number }
  /** Fraction of account equity to trade (0.5 = half of equity). */
  | { readonly equityFraction: number }
  /** Fraction of free cash to spend (buys) or of equity to short (sells). */
  | { readonly cashFraction: number }
  /** Position to end with, in units (signed: negative is short); the side follows. */
  | { readonly targetQuantity: number }
  /** Position to end with, as a signed fraction of equity (1 = fully long, -0.5 = half short). */
  | { readonly targetPercent: number };

/** A bracket's legs: prices for the take-profit limit and the stop-loss stop. */
export interface BracketLegs {
  readonly takeProfit?: number | undefined;
  readonly stopLoss?: number | undefined;
}

/** Orders a fill triggers (see {@link OrderRequest.triggers}). */
export interface ContingentOrders {
  readonly orders: readonly OrderRequest[];
  /** Link the triggered orders one-cancels-other. */
  readonly oco?: boolean | undefined;
}

/** What a strategy asks for. Only `size` is required (plus `side` for non-target sizes). */
export interface OrderRequest {
  /** Instrument id; defaults to the instrument of the bar being handled. */
  readonly instrument?: string | undefined;
  /** Required unless `size` is a target. */
  readonly side?: OrderSide | undefined;
  /** Defaults to `market`. */
  readonly kind?: OrderKind | undefined;
  readonly size: OrderSize;
  /** Limit price (`limit`, `stop-limit`). */
  readonly limitPrice?: number | undefined;
  /** Trigger price (`stop`, `stop-limit`). */
  readonly stopPrice?: number | undefined;
  /** Trailing distance in price units (`trailing-stop`). */
  readonly trailAmount?: number | undefined;
  /** Trailing distance as a fraction of price, 0.05 = 5 % (`trailing-stop`). */
  readonly trailPercent?: number | undefined;
  /** Defaults to `gtc`. */
  readonly timeInForce?: TimeInForce | undefined;
  /** Expiry time (epoch µs) for `gtd`. */
  readonly expireTime?: number | undefined;
  /** Only ever reduces the position; clipped to it, cancelled if there is nothing to reduce. */
  readonly reduceOnly?: boolean | undefined;
  /** A limit order that would take liquidity on arrival is rejected instead. */
  readonly postOnly?: boolean | undefined;
  /** Take-profit and stop-loss legs placed, as an OCO pair, once this order fills. */
  readonly bracket?: BracketLegs | undefined;
  /**
   * One-triggers-other: orders placed once this one has filled completely (never if it ends
   * unfilled or partly filled). With `oco` they are linked, so the first to fill cancels the
   * rest. Each is checked like any order when it is placed; it defaults to this order's instrument.
   */
  readonly triggers?: ContingentOrders | undefined;
  /** Free text carried into results (e.g. "entry", "stop"). */
  readonly tag?: string | undefined;
}

/**
 * An order as strategies and results see it: a read-only view onto the engine's order store
 * (orders live in typed columns, so a run with hundreds of thousands of orders keeps no object
 * per order but this view). Reading a field reads the order's current state.
 */
export interface Order {
  readonly id: number;
  readonly instrument: string;
  readonly side: OrderSide;
  readonly kind: OrderKind;
  readonly size: OrderSize;
  /** Units requested, once known (relative sizes: at the first fill). NaN until resolved. */
  readonly quantity: number;
  readonly filledQuantity: number;
  /** Volume-weighted average fill price (NaN before the first fill). */
  readonly averagePrice: number;
  readonly limitPrice: number;
  readonly stopPrice: number;
  readonly trailAmount: number;
  readonly trailPercent: number;
  /** Whether a stop-limit's stop has triggered (it then rests as a limit). */
  readonly triggered: boolean;
  readonly timeInForce: TimeInForce;
  readonly expireTime: number;
  readonly reduceOnly: boolean;
  readonly postOnly: boolean;
  readonly tag: string;
  readonly status: OrderStatus;
  /** Clock time the strategy submitted it. */
  readonly submitTime: number;
  /** Time of the last status change. */
  readonly updateTime: number;
  /** Stable reason code for a denial, rejection, cancellation or expiry. */
  readonly reason: string;
  /** Order whose fill placed this one (bracket legs, one-triggers-other children), 0 for none. */
  readonly parentId: number;
  /** Total fees paid. */
  readonly fees: number;
}

/** Whether a status is final. */
export function isFinal(status: OrderStatus): boolean {
  return (
    status === 'filled' ||
    status === 'cancelled' ||
    status === 'expired' ||
    status === 'rejected' ||
    status === 'denied'
  );
}

/** Whether an order is still live at the venue (accepted or partially filled). */
export function isWorking(order: Readonly<Pick<Order, 'status'>>): boolean {
  return order.status === 'accepted' || order.status === 'partially-filled';
}

/** Units still to fill (NaN while a relative size is unresolved). */
export function remainingQuantity(order: Readonly<Pick<Order, 'quantity' | 'filledQuantity'>>): number {
  return order.quantity - order.filledQuantity;
}

/** +1 for buys, -1 for sells. */
export function sideSign(side: OrderSide): 1 | -1 {
  return side === 'buy' ? 1 : -1;
}

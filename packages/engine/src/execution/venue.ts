import type { OrderStore } from '../orders/order-store.js';

/**
 * The execution port. The kernel sends orders to a venue by id (their details are rows of the
 * kernel's {@link OrderStore}) and learns what happened through a {@link VenueListener}; the
 * simulated exchange and every broker adapter implement it, so a strategy cannot tell them apart.
 */
export interface ExecutionVenue {
  /** Sends a new order. The venue answers by accepting or rejecting it through the listener. */
  submit(orderId: number, instrumentIndex: number): void;
  /** Asks the venue to cancel a working order. */
  cancel(orderId: number, instrumentIndex: number, reason: string): void;
  /** Tells the venue that a working order's prices or quantity changed. */
  modify(orderId: number, instrumentIndex: number): void;
}

/**
 * How a venue reports back to the kernel. Transitions are the codes of `order-codes.ts`
 * (`T_ACCEPT`, `T_CANCEL` …); reasons are stable codes such as `'GTD_EXPIRED'`.
 */
export interface VenueListener {
  /** The orders, which the venue reads and on which it records venue-side facts (arrival, levels). */
  readonly orders: OrderStore;
  /** Signed position in units, as the portfolio holds it now. */
  positionOf(instrumentIndex: number): number;
  /** Resolves order `orderId`'s relative size at `price` into signed units (0: nothing to trade). */
  resolveQuantity(orderId: number, instrumentIndex: number, price: number): number;
  /** Value of one unit of the instrument's quote currency in the account currency now (1 when they are one). */
  rateOf(instrumentIndex: number): number;
  /** Returns a reason code if the account cannot take this fill, else the empty string. */
  checkFill(orderId: number, instrumentIndex: number, quantity: number, price: number, fee: number): string;
  /** A status change other than a fill. */
  onOrderTransition(orderId: number, transition: number, reason: string, time: number): void;
  /** A fill of `quantity` units at `price`; `maker` when the order provided liquidity. */
  onFill(
    orderId: number,
    instrumentIndex: number,
    quantity: number,
    price: number,
    fee: number,
    maker: boolean,
    time: number,
  ): void;
}

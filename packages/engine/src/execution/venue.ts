import type { Order } from '../orders/order.js';
import type { OrderTransition } from '../orders/order-state.js';
import type { Liquidity } from './fee-model.js';

/**
 * The execution port. The kernel sends orders to a venue and learns what happened through a
 * {@link VenueListener}; the simulated exchange and every broker adapter implement it, so a
 * strategy cannot tell them apart.
 */
export interface ExecutionVenue {
  /** Sends a new order. The venue answers by accepting or rejecting it through the listener. */
  submit(order: Order, instrumentIndex: number): void;
  /** Asks the venue to cancel a working order. */
  cancel(order: Order, instrumentIndex: number, reason: string): void;
  /** Tells the venue that a working order's prices or quantity changed. */
  modify(order: Order, instrumentIndex: number): void;
}

/** How a venue reports back to the kernel. */
export interface VenueListener {
  /** Signed position in units, as the portfolio holds it now. */
  positionOf(instrumentIndex: number): number;
  /** Resolves a relative size at `price` into signed units (0: nothing to trade). */
  resolveQuantity(order: Order, instrumentIndex: number, price: number): number;
  /** Returns a reason code if the account cannot take this fill, else the empty string. */
  checkFill(order: Order, instrumentIndex: number, quantity: number, price: number, fee: number): string;
  /** A status change other than a fill. */
  onOrderTransition(order: Order, transition: OrderTransition, reason: string, time: number): void;
  /** A fill of `quantity` units at `price`. */
  onFill(
    order: Order,
    instrumentIndex: number,
    quantity: number,
    price: number,
    fee: number,
    liquidity: Liquidity,
    time: number,
  ): void;
}

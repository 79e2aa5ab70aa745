import { AlphintraError } from '@alphintra/core';
import type { ContingentOrders, Order, OrderRequest, OrderSize } from '@alphintra/engine';
import type { Account, SleeveState } from './sleeve-state.js';

/** Sizes the engine resolves the same for the account as for a sleeve that alone trades the instrument. */
function absolute(size: OrderSize): boolean {
  return typeof size === 'number' || 'quantity' in size || 'notional' in size || 'targetQuantity' in size;
}

/**
 * Whether the engine may place an order's one-triggers-other children itself: when each child
 * (and each of theirs) trades an instrument only this sleeve trades, with a size that means the
 * same to the account as to the sleeve (units, a notional, a target in units — or any size for
 * a portfolio's only sleeve). Otherwise the portfolio places them itself, sized in the sleeve's
 * terms, once the parent has filled (see {@link ContingentDesk}).
 */
export function engineMayPlace(
  triggers: ContingentOrders,
  parent: number,
  sleeve: SleeveState,
  account: Account,
  sole: boolean,
): boolean {
  return triggers.orders.every((child) => {
    const k = child.instrument === undefined ? parent : account.byId.get(child.instrument);
    if (k === undefined || sleeve.exclusive[k] !== 1) return false;
    if (!sole && !absolute(child.size)) return false;
    return child.triggers === undefined || engineMayPlace(child.triggers, k, sleeve, account, sole);
  });
}

/** Children waiting for their parent's complete fill. */
interface Waiting {
  readonly sleeve: SleeveState;
  readonly instrument: number;
  readonly triggers: ContingentOrders;
}

/**
 * One-triggers-other orders the portfolio places for its sleeves. The engine places an order's
 * children at its complete fill against the account; where that would size them against the
 * account rather than the sleeve, the desk sends the parent without them and places them here,
 * at the same moment (the parent's fill, before the rest of its bar is matched), each through
 * the sleeve's desk. Linked children (`oco`) are linked once placed; as the engine would have
 * cancelled the rest once one filled, a child that fills the moment it is placed stops the
 * others from being placed.
 */
export class ContingentDesk {
  readonly #account: Account;
  readonly #waiting = new Map<number, Waiting>();

  constructor(account: Account) {
    this.#account = account;
  }

  /** Remembers the children of a parent the portfolio sent without them. */
  hold(parent: Readonly<Order>, sleeve: SleeveState, instrument: number, triggers: ContingentOrders): void {
    if (parent.id > 0 && parent.status !== 'denied' && parent.status !== 'rejected') {
      this.#waiting.set(parent.id, { sleeve, instrument, triggers });
    }
  }

  /**
   * Places the children of `order` if it has now filled completely (once), through `submit`;
   * forgets them if it ended otherwise.
   */
  release(
    order: Readonly<Order>,
    submit: (sleeve: SleeveState, k: number, request: OrderRequest) => Readonly<Order>,
  ): void {
    const waiting = this.#waiting.get(order.id);
    if (waiting === undefined) return;
    if (order.status !== 'filled') {
      if (order.status === 'cancelled' || order.status === 'expired' || order.status === 'rejected') {
        this.#waiting.delete(order.id);
      }
      return;
    }
    this.#waiting.delete(order.id);
    const { sleeve, instrument, triggers } = waiting;
    const placed: Readonly<Order>[] = [];
    for (const child of triggers.orders) {
      const k = child.instrument === undefined ? instrument : this.#account.byId.get(child.instrument);
      if (k === undefined || (sleeve.local[k] as number) < 0) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `a one-triggers-other order of sleeve ${sleeve.name} names instrument ${child.instrument}, which is not one of the sleeve's`,
        );
      }
      const placedChild = submit(
        sleeve,
        k,
        child.instrument === undefined ? { ...child, instrument: this.#account.ids[k] } : child,
      );
      placed.push(placedChild);
      if (triggers.oco === true && placedChild.status === 'filled') break;
    }
    const live = placed.filter((o) => o.id > 0 && (o.status === 'accepted' || o.status === 'partially-filled'));
    if (triggers.oco === true && live.length > 1) {
      if (placed.some((o) => o.status === 'filled')) for (const o of live) this.#account.ctx.cancel(o);
      else this.#account.ctx.oco(...live);
    }
  }
}

import { InvariantError } from '@alphintra/core';
import type { Order } from '@alphintra/engine';

/**
 * Which sleeve each engine order belongs to. Orders are attributed by id: the sleeve whose
 * context submitted it (known even for events the engine raises before `submit` returns, such
 * as a denial or an immediate fill, because submissions run inside {@link OrderRouter.run}),
 * or for bracket legs the sleeve of the parent order. Orders the portfolio places itself for a
 * sleeve (rebalancing trades) are marked, so their events reach the sleeve's ledger but not
 * its strategy.
 */
export class OrderRouter {
  /** Sleeve index + 1 by order id (0: not seen yet). */
  readonly #owner: number[] = [];
  readonly #placed: boolean[] = [];
  /** Who is submitting right now: sleeve index + 1, negated when the portfolio places the order. */
  readonly #submitting: number[] = [];
  /** Orders seen, by sleeve index. */
  readonly #counts: number[] = [];

  /** Runs `submit` on behalf of sleeve `sleeve`; the order it returns, and any it creates, belong to that sleeve. */
  run<T extends Readonly<Order> | undefined>(sleeve: number, byPortfolio: boolean, submit: () => T): T {
    this.#submitting.push(byPortfolio ? -(sleeve + 1) : sleeve + 1);
    try {
      const order = submit();
      if (order !== undefined) this.ownerOf(order);
      return order;
    } finally {
      this.#submitting.pop();
    }
  }

  /** The sleeve an order belongs to (recording it on first sight). */
  ownerOf(order: Readonly<Order>): number {
    const known = this.#owner[order.id];
    if (known !== undefined && known > 0) return known - 1;
    let owner = 0;
    let placed = false;
    if (order.parentId > 0 && (this.#owner[order.parentId] ?? 0) > 0) {
      owner = this.#owner[order.parentId] as number;
      placed = this.#placed[order.parentId] === true;
    } else if (this.#submitting.length > 0) {
      const top = this.#submitting[this.#submitting.length - 1] as number;
      owner = Math.abs(top);
      placed = top < 0;
    }
    if (owner === 0) throw new InvariantError(`order ${order.id} was placed by no sleeve of the portfolio`);
    this.#owner[order.id] = owner;
    this.#placed[order.id] = placed;
    this.#counts[owner - 1] = (this.#counts[owner - 1] ?? 0) + 1;
    return owner - 1;
  }

  /** Number of engine orders of sleeve `sleeve` (its strategy's and the portfolio's for it). */
  orderCount(sleeve: number): number {
    return this.#counts[sleeve] ?? 0;
  }

  /** The sleeve order `id` belongs to, or −1 when it was never seen. */
  ownerOfId(id: number): number {
    return (this.#owner[id] ?? 0) - 1;
  }

  /** Whether the portfolio, not the sleeve's strategy, placed the order. */
  placedByPortfolio(order: Readonly<Order>): boolean {
    this.ownerOf(order);
    return this.#placed[order.id] === true;
  }
}

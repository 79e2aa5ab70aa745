import { AlphintraError } from '@alphintra/core';
import { isFinal, type Order, type PositionView, type StrategyContext, type StrategyHandlers } from '@alphintra/engine';
import type { LedgerInstrument, SleeveLedger } from './sleeve-ledger.js';

/** The account a portfolio runs in: the engine's context and what the sleeves share of it. */
export interface Account {
  readonly ctx: StrategyContext;
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  /** The account's live position views, by instrument index (their `lastPrice` is the mark). */
  readonly positions: readonly PositionView[];
  readonly terms: readonly LedgerInstrument[];
}

/** One sleeve as the runtime keeps it. */
export class SleeveState {
  readonly index: number;
  readonly name: string;
  readonly ledger: SleeveLedger;
  /** Account indexes of the sleeve's instruments, ascending. */
  readonly instruments: readonly number[];
  /** Sleeve-local index of each account instrument, −1 where the sleeve does not trade it. */
  readonly local: Int32Array;
  /** 1 where no other sleeve trades the instrument, so the account's position is this sleeve's. */
  readonly exclusive: Uint8Array;
  handlers: StrategyHandlers = {};
  /** Engine orders of the sleeve not yet final (final ones are dropped when met). */
  readonly #live: Readonly<Order>[] = [];
  readonly #liveIds = new Set<number>();

  constructor(
    index: number,
    name: string,
    ledger: SleeveLedger,
    instruments: readonly number[],
    exclusive: Uint8Array,
  ) {
    this.index = index;
    this.name = name;
    this.ledger = ledger;
    this.instruments = instruments;
    this.local = new Int32Array(exclusive.length).fill(-1);
    instruments.forEach((k, i) => {
      this.local[k] = i;
    });
    this.exclusive = exclusive;
  }

  /** Remembers an engine order of the sleeve while it is live. */
  track(order: Readonly<Order>): void {
    if (order.id <= 0 || this.#liveIds.has(order.id) || isFinal(order.status)) return;
    this.#liveIds.add(order.id);
    this.#live.push(order);
  }

  /** The sleeve's live orders (of instrument `k`, or all), in placement order. */
  liveOrders(k = -1, ids?: readonly string[]): Readonly<Order>[] {
    let kept = 0;
    const out: Readonly<Order>[] = [];
    for (const order of this.#live) {
      if (isFinal(order.status)) {
        this.#liveIds.delete(order.id);
        continue;
      }
      this.#live[kept++] = order;
      if (k < 0 || order.instrument === ids?.[k]) out.push(order);
    }
    this.#live.length = kept;
    return out;
  }

  /** Throws unless `id` is one of the sleeve's live or past orders. */
  checkOwns(id: number, owner: number): void {
    if (owner !== this.index) {
      throw new AlphintraError('INVALID_ARGUMENT', `order ${id} does not belong to sleeve ${this.name}`);
    }
  }
}

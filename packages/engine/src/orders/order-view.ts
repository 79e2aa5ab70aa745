import type { Order, OrderKind, OrderSide, OrderSize, OrderStatus, TimeInForce } from './order.js';
import {
  KIND_NAMES,
  SIZE_CASH_FRACTION,
  SIZE_EQUITY_FRACTION,
  SIZE_NOTIONAL,
  SIZE_QUANTITY,
  SIZE_TARGET_QUANTITY,
  STATUS_NAMES,
  sideName,
  TIF_NAMES,
} from './order-codes.js';
import type { OrderStore } from './order-store.js';

/** The size an order was given, rebuilt from its code and value. */
export function sizeOf(store: OrderStore, id: number): OrderSize {
  const value = store.sizeValue[id] as number;
  switch (store.sizeKind[id]) {
    case SIZE_QUANTITY:
      return value;
    case SIZE_NOTIONAL:
      return { notional: value };
    case SIZE_EQUITY_FRACTION:
      return { equityFraction: value };
    case SIZE_CASH_FRACTION:
      return { cashFraction: value };
    case SIZE_TARGET_QUANTITY:
      return { targetQuantity: value };
    default:
      return { targetPercent: value };
  }
}

/**
 * A read-only view of one order of an {@link OrderStore}: every field reads the order's
 * current row, so a strategy holding it sees fills and status changes as they happen.
 */
export class OrderView implements Order {
  readonly id: number;
  readonly #store: OrderStore;

  constructor(store: OrderStore, id: number) {
    this.#store = store;
    this.id = id;
  }

  get instrument(): string {
    return this.#store.instrumentName(this.#store.instrument[this.id] as number);
  }
  get side(): OrderSide {
    return sideName(this.#store.side[this.id] as number);
  }
  get kind(): OrderKind {
    return KIND_NAMES[this.#store.kind[this.id] as number] as OrderKind;
  }
  get size(): OrderSize {
    return sizeOf(this.#store, this.id);
  }
  get quantity(): number {
    return this.#store.quantity[this.id] as number;
  }
  get filledQuantity(): number {
    return this.#store.filled[this.id] as number;
  }
  get averagePrice(): number {
    return this.#store.averagePrice[this.id] as number;
  }
  get limitPrice(): number {
    return this.#store.limitPrice[this.id] as number;
  }
  get stopPrice(): number {
    return this.#store.stopPrice[this.id] as number;
  }
  get trailAmount(): number {
    return this.#store.trailAmount[this.id] as number;
  }
  get trailPercent(): number {
    return this.#store.trailPercent[this.id] as number;
  }
  get triggered(): boolean {
    return this.#store.triggered[this.id] === 1;
  }
  get timeInForce(): TimeInForce {
    return TIF_NAMES[this.#store.timeInForce[this.id] as number] as TimeInForce;
  }
  get expireTime(): number {
    return this.#store.expireTime[this.id] as number;
  }
  get reduceOnly(): boolean {
    return this.#store.reduceOnly[this.id] === 1;
  }
  get postOnly(): boolean {
    return this.#store.postOnly[this.id] === 1;
  }
  get tag(): string {
    return this.#store.strings.text(this.#store.tag[this.id] as number);
  }
  get status(): OrderStatus {
    return STATUS_NAMES[this.#store.status[this.id] as number] as OrderStatus;
  }
  get submitTime(): number {
    return this.#store.submitTime[this.id] as number;
  }
  get updateTime(): number {
    return this.#store.updateTime[this.id] as number;
  }
  get reason(): string {
    return this.#store.strings.text(this.#store.reason[this.id] as number);
  }
  get parentId(): number {
    return this.#store.parentId[this.id] as number;
  }
  get fees(): number {
    return this.#store.fees[this.id] as number;
  }

  /** A plain snapshot, so `JSON.stringify(order)` and console output show the fields. */
  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      instrument: this.instrument,
      side: this.side,
      kind: this.kind,
      size: this.size,
      quantity: this.quantity,
      filledQuantity: this.filledQuantity,
      averagePrice: this.averagePrice,
      limitPrice: this.limitPrice,
      stopPrice: this.stopPrice,
      timeInForce: this.timeInForce,
      status: this.status,
      reason: this.reason,
      tag: this.tag,
      parentId: this.parentId,
      submitTime: this.submitTime,
      updateTime: this.updateTime,
      fees: this.fees,
    };
  }
}

/** Hands out one view per order, created when first asked for. */
export class OrderViews {
  readonly #store: OrderStore;
  readonly #views: (OrderView | undefined)[] = [];

  constructor(store: OrderStore) {
    this.#store = store;
  }

  /** The view of order `id` (the same object every time, so views compare by identity). */
  get(id: number): OrderView {
    let view = this.#views[id];
    if (view === undefined) {
      view = new OrderView(this.#store, id);
      this.#views[id] = view;
    }
    return view;
  }
}

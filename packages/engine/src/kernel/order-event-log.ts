import { STATUS_NAMES, TRANSITION_NAMES } from '../orders/order-codes.js';
import { grow, type StringTable } from '../support/columns.js';
import type { OrderEvent } from './kernel-types.js';

/**
 * Every order status change of a run, in typed columns (one row per event, no object per
 * event); {@link OrderEventLog.at} and {@link OrderEventLog.toArray} build `OrderEvent`s on demand.
 */
export class OrderEventLog {
  length = 0;
  #time = new Float64Array(256);
  #order = new Int32Array(256);
  #transition = new Uint8Array(256);
  #status = new Uint8Array(256);
  #reason = new Uint32Array(256);
  readonly #strings: StringTable;

  /** Reasons are indexes into `strings` (the order store's table). */
  constructor(strings: StringTable) {
    this.#strings = strings;
  }

  /** Appends an event: codes of `order-codes.ts`, reason as a string-table index. */
  push(time: number, orderId: number, transition: number, status: number, reason: number): void {
    const i = this.length;
    if (i === this.#time.length) this.#grow();
    this.#time[i] = time;
    this.#order[i] = orderId;
    this.#transition[i] = transition;
    this.#status[i] = status;
    this.#reason[i] = reason;
    this.length = i + 1;
  }

  /** Event `i` as an object. */
  at(i: number): OrderEvent {
    return {
      time: this.#time[i] as number,
      orderId: this.#order[i] as number,
      transition: TRANSITION_NAMES[this.#transition[i] as number] as string,
      status: STATUS_NAMES[this.#status[i] as number] as string,
      reason: this.#strings.text(this.#reason[i] as number),
    };
  }

  /** Every event, in order, as objects. */
  toArray(): OrderEvent[] {
    const out: OrderEvent[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }

  #grow(): void {
    const n = this.#time.length * 2;
    this.#time = grow(this.#time, n);
    this.#order = grow(this.#order, n);
    this.#transition = grow(this.#transition, n);
    this.#status = grow(this.#status, n);
    this.#reason = grow(this.#reason, n);
  }
}

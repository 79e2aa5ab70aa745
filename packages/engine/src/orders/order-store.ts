import { type Column, grow, StringTable } from '../support/columns.js';
import type { BracketLegs, ContingentOrders } from './order.js';

/**
 * Every order of a run, in typed columns indexed by order id (ids start at 1; row 0 is
 * unused). The kernel, the venue and the results read and write the columns directly, so an
 * order costs no object on the hot path and nothing the garbage collector has to trace; what
 * strategies hold is a read-only view onto a row (`order-view.ts`). Prices and quantities are doubles,
 * vocabulary (kind, status, side …) the codes of `order-codes.ts`, and strings (tags, reason
 * codes) indexes into {@link OrderStore.strings}.
 */
export class OrderStore {
  /** Number of orders; valid ids are 1 … count. */
  count = 0;
  #capacity: number;
  /** Instrument ids, by instrument index. */
  readonly instrumentIds: readonly string[];
  /** Tags and reason codes. */
  readonly strings = new StringTable();
  /** Bracket legs still to place once the order fills, by order id (rare). */
  readonly brackets = new Map<number, BracketLegs>();
  /** Orders placed once this one has filled completely (one-triggers-other), by order id (rare). */
  readonly children = new Map<number, ContingentOrders>();
  /** Orders cancelled when this one fills or is cancelled (one-cancels-other), by order id. */
  readonly oco = new Map<number, number[]>();

  readonly #unknown: string[] = [];
  /** Instrument index. */
  instrument: Int32Array;
  /** +1 buy, −1 sell. */
  side: Int8Array;
  kind: Uint8Array;
  /** How the size was given (`SIZE_*`) and its value. */
  sizeKind: Uint8Array;
  sizeValue: Float64Array;
  /** Units requested (NaN while a relative size is unresolved). */
  quantity: Float64Array;
  filled: Float64Array;
  averagePrice: Float64Array;
  limitPrice: Float64Array;
  stopPrice: Float64Array;
  trailAmount: Float64Array;
  trailPercent: Float64Array;
  triggered: Uint8Array;
  timeInForce: Uint8Array;
  expireTime: Float64Array;
  reduceOnly: Uint8Array;
  postOnly: Uint8Array;
  tag: Uint32Array;
  status: Uint8Array;
  reason: Uint32Array;
  submitTime: Float64Array;
  /** Time it reaches the venue (submit time plus latency). */
  arrivalTime: Float64Array;
  updateTime: Float64Array;
  /** Order whose fill placed this one (bracket legs), 0 for none. */
  parentId: Int32Array;
  /**
   * First bar (in its instrument's series) the order may match: the bar after the one it was
   * submitted on, so it never trades on prices the strategy had already seen.
   */
  eligibleBar: Int32Array;
  /** Session day (days since epoch, UTC) of submission. */
  submitDay: Float64Array;
  fees: Float64Array;
  /** Best price seen since a trailing stop went live. */
  watermark: Float64Array;
  /** Matching pass that last looked at the order, so a pass never handles it twice. */
  stamp: Float64Array;

  constructor(instrumentIds: readonly string[], capacity = 256) {
    this.instrumentIds = instrumentIds;
    this.#capacity = Math.max(16, capacity);
    const n = this.#capacity;
    this.instrument = new Int32Array(n);
    this.side = new Int8Array(n);
    this.kind = new Uint8Array(n);
    this.sizeKind = new Uint8Array(n);
    this.sizeValue = new Float64Array(n);
    this.quantity = new Float64Array(n);
    this.filled = new Float64Array(n);
    this.averagePrice = new Float64Array(n);
    this.limitPrice = new Float64Array(n);
    this.stopPrice = new Float64Array(n);
    this.trailAmount = new Float64Array(n);
    this.trailPercent = new Float64Array(n);
    this.triggered = new Uint8Array(n);
    this.timeInForce = new Uint8Array(n);
    this.expireTime = new Float64Array(n);
    this.reduceOnly = new Uint8Array(n);
    this.postOnly = new Uint8Array(n);
    this.tag = new Uint32Array(n);
    this.status = new Uint8Array(n);
    this.reason = new Uint32Array(n);
    this.submitTime = new Float64Array(n);
    this.arrivalTime = new Float64Array(n);
    this.updateTime = new Float64Array(n);
    this.parentId = new Int32Array(n);
    this.eligibleBar = new Int32Array(n);
    this.submitDay = new Float64Array(n);
    this.fees = new Float64Array(n);
    this.watermark = new Float64Array(n);
    this.stamp = new Float64Array(n);
  }

  /**
   * The instrument index for a name that is not in the run (an order naming it is rejected
   * with `UNKNOWN_INSTRUMENT`, and results still show the name it gave).
   */
  unknownInstrument(name: string): number {
    let i = this.#unknown.indexOf(name);
    if (i < 0) i = this.#unknown.push(name) - 1;
    return this.instrumentIds.length + i;
  }

  /** The instrument id of an instrument index (including names not in the run). */
  instrumentName(index: number): string {
    const ids = this.instrumentIds;
    return index < ids.length ? (ids[index] as string) : (this.#unknown[index - ids.length] as string);
  }

  /** Reserves the next id; its row starts zeroed (the caller fills every field). */
  allocate(): number {
    const id = this.count + 1;
    if (id >= this.#capacity) this.#grow();
    this.count = id;
    return id;
  }

  /** Whether `id` names an order of this store. */
  has(id: number): boolean {
    return Number.isInteger(id) && id >= 1 && id <= this.count;
  }

  #grow(): void {
    const n = this.#capacity * 2;
    this.#capacity = n;
    const g = <T extends Column>(c: T): T => grow(c, n);
    this.instrument = g(this.instrument);
    this.side = g(this.side);
    this.kind = g(this.kind);
    this.sizeKind = g(this.sizeKind);
    this.sizeValue = g(this.sizeValue);
    this.quantity = g(this.quantity);
    this.filled = g(this.filled);
    this.averagePrice = g(this.averagePrice);
    this.limitPrice = g(this.limitPrice);
    this.stopPrice = g(this.stopPrice);
    this.trailAmount = g(this.trailAmount);
    this.trailPercent = g(this.trailPercent);
    this.triggered = g(this.triggered);
    this.timeInForce = g(this.timeInForce);
    this.expireTime = g(this.expireTime);
    this.reduceOnly = g(this.reduceOnly);
    this.postOnly = g(this.postOnly);
    this.tag = g(this.tag);
    this.status = g(this.status);
    this.reason = g(this.reason);
    this.submitTime = g(this.submitTime);
    this.arrivalTime = g(this.arrivalTime);
    this.updateTime = g(this.updateTime);
    this.parentId = g(this.parentId);
    this.eligibleBar = g(this.eligibleBar);
    this.submitDay = g(this.submitDay);
    this.fees = g(this.fees);
    this.watermark = g(this.watermark);
    this.stamp = g(this.stamp);
  }
}

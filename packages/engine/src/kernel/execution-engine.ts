import { InvariantError } from '@alphintra/core';
import { trailingLevel } from '../execution/order-levels.js';
import { roundToLots } from '../execution/prices.js';
import type { ExecutionVenue, VenueListener } from '../execution/venue.js';
import type { Order, OrderRequest } from '../orders/order.js';
import {
  isFinalCode,
  isWorkingCode,
  LIMIT,
  nextStatusCode,
  STOP,
  STOP_LIMIT,
  SUBMITTED,
  T_ACCEPT,
  T_CANCEL,
  T_DENY,
  T_FILL,
  T_FILL_PARTIALLY,
  T_MODIFY,
  T_REJECT,
  TRAILING_STOP,
} from '../orders/order-codes.js';
import {
  checkRequest,
  createOrder,
  isRelativeSize,
  quantityOf,
  sizeKindOf,
  sizeValueOf,
} from '../orders/order-factory.js';
import { OrderIdList } from '../orders/order-id-list.js';
import { OrderStore } from '../orders/order-store.js';
import { OrderViews } from '../orders/order-view.js';
import type { RiskCheckInput } from '../risk/risk-engine.js';
import type { Fill, StrategyHandlers } from '../strategy/strategy.js';
import { linkOrders, type OrderPlacer, placeChildren, placeLegs } from './contingent-orders.js';
import type { ExecutionEngineParts } from './execution-engine-parts.js';
import { FillLog } from './fill-log.js';
import type { KernelInstrument } from './kernel-types.js';
import { applyOrderChanges, type OrderChanges } from './order-changes.js';
import { OrderEventLog } from './order-event-log.js';

const margined = (ins: KernelInstrument): boolean =>
  ins.instrument.kind === 'future' || ins.instrument.kind === 'perpetual';

/**
 * The kernel's order side: turns strategy requests into orders (checked, risk-checked, sized),
 * sends them to the venue, and books what the venue reports — transitions, fills into the
 * portfolio and trades, bracket legs and one-cancels-other links — recording every event.
 * Orders live in an {@link OrderStore}; strategies get one read-only view per order.
 */
export class ExecutionEngine implements VenueListener {
  readonly orders: OrderStore;
  readonly views: OrderViews;
  readonly events: OrderEventLog;
  readonly fills: FillLog;
  /** Working order ids, in acceptance order (final ones are dropped lazily). */
  readonly working = new OrderIdList();
  readonly fillPath = new Float64Array(4).fill(Number.NaN);
  handlers: StrategyHandlers = {};
  readonly #parts: ExecutionEngineParts;
  /** Reused for every risk check (the engine reads it during the call only). */
  readonly #riskInput: { -readonly [K in keyof RiskCheckInput]: RiskCheckInput[K] } = {
    signedQuantity: 0,
    lastPrice: 0,
    orderPrice: 0,
    multiplier: 1,
    position: 0,
    equity: 0,
    grossExposure: 0,
    shortAllowed: false,
    time: 0,
  };
  #venue: ExecutionVenue | undefined;
  /**
   * Calls into the engine under way (a venue report can arrive inside a strategy's submit, a
   * fill can place bracket legs that fill at once …). A handler's failure is thrown when the
   * outermost call returns, so every event is booked in full first. (No `finally`: any other
   * exception ends the run, so the count need not survive it.)
   */
  #depth = 0;
  /** How bracket legs and one-triggers-other children are created and sent. */
  readonly #placer: OrderPlacer = {
    prepare: (request, parentId, index) => this.#prepare(request, parentId, index),
    send: (id) => this.#send(id),
  };

  constructor(parts: ExecutionEngineParts) {
    this.#parts = parts;
    this.orders = new OrderStore(parts.ids);
    this.views = new OrderViews(this.orders);
    this.events = new OrderEventLog(this.orders.strings);
    this.fills = new FillLog(parts.ids, this.fillPath);
  }

  /** Connects the venue orders go to. */
  connect(venue: ExecutionVenue): void {
    this.#venue = venue;
  }

  /** Validates, risk-checks and sends a strategy order; returns its view. */
  submit(request: OrderRequest): Order {
    return this.submitFor(-1, request);
  }

  /** {@link submit} for instrument index `k` (−1: as the request says), whatever the request's `instrument` says. */
  submitFor(k: number, request: OrderRequest): Order {
    this.#parts.guard.check();
    this.#depth++;
    const id = this.#prepare(request, 0, k);
    if (this.orders.status[id] === SUBMITTED) this.#send(id);
    this.#depth--;
    this.#leave();
    return this.views.get(id);
  }

  /** Requests cancellation of a working order. */
  cancel(id: number, reason = 'CANCELLED_BY_STRATEGY'): void {
    this.#parts.guard.check();
    const s = this.orders;
    if (!isWorkingCode(s.status[id] as number)) return;
    s.updateTime[id] = this.#parts.clock.now();
    this.#depth++;
    this.#venue?.cancel(id, s.instrument[id] as number, reason);
    this.#depth--;
    this.#leave();
  }

  /** Applies changes to a working order. */
  modify(id: number, changes: OrderChanges): void {
    this.#parts.guard.check();
    const s = this.orders;
    if (!isWorkingCode(s.status[id] as number)) return;
    const k = s.instrument[id] as number;
    applyOrderChanges(s, id, changes, (this.#parts.instruments[k] as KernelInstrument).instrument.lotSize);
    this.#venue?.modify(id, k);
    const now = this.#parts.clock.now();
    this.#depth++;
    if ((s.quantity[id] as number) <= (s.filled[id] as number)) {
      this.#transition(id, T_CANCEL, 'MODIFIED_TO_FILLED_QUANTITY', now);
    } else this.#transition(id, T_MODIFY, '', now);
    this.#depth--;
    this.#leave();
  }

  /** Links orders as one-cancels-other. */
  link(ids: readonly number[]): void {
    this.#parts.guard.check();
    this.#link(ids);
  }

  #link(ids: readonly number[]): void {
    linkOrders(this.orders, ids);
  }

  // ---- VenueListener -------------------------------------------------------------------

  positionOf(instrumentIndex: number): number {
    return this.#parts.portfolio.quantity[instrumentIndex] as number;
  }

  resolveQuantity(id: number, k: number, price: number): number {
    const s = this.orders;
    return this.#parts.buyingPower.resolve(
      s.sizeKind[id] as number,
      s.sizeValue[id] as number,
      s.side[id] as number,
      k,
      price,
    );
  }

  rateOf(k: number): number {
    return this.#parts.portfolio.rateOf(k);
  }

  checkFill(id: number, k: number, quantity: number, price: number, fee: number): string {
    return this.#parts.buyingPower.checkFill(this.orders.side[id] as number, k, quantity, price, fee);
  }

  onOrderTransition(id: number, transition: number, reason: string, time: number): void {
    this.#depth++;
    this.#transition(id, transition, reason, time);
    this.#depth--;
    this.#leave();
  }

  /**
   * Books a fill: portfolio, trade, order, fill record, OCO siblings, bracket legs and
   * one-triggers-other children, then the handlers. (One function: a call carrying the fill's
   * numbers to a helper V8 does not inline would box them.)
   */
  onFill(id: number, k: number, quantity: number, price: number, fee: number, maker: boolean, time: number): void {
    this.#depth++;
    const parts = this.#parts;
    const s = this.orders;
    const side = s.side[id] as number;
    const signed = quantity * side;
    const before = parts.portfolio.quantity[k] as number;
    const realized = parts.portfolio.applyFill(k, signed, price, fee);
    parts.trades.onFill(k, before, signed, price, fee, realized, time, this.fillPath);
    const previous = s.filled[id] as number;
    const filled = previous + quantity;
    s.averagePrice[id] =
      previous === 0 ? price : ((s.averagePrice[id] as number) * previous + price * quantity) / filled;
    s.filled[id] = filled;
    s.fees[id] = (s.fees[id] as number) + fee;
    const tradeId = parts.trades.openTradeId(k) || parts.trades.lastClosedId();
    const bar = parts.matchingBar[k] as number;
    const fillId = this.fills.push(id, k, side, quantity, price, fee, maker, time, tradeId, bar);
    const quantityWanted = s.quantity[id] as number;
    const complete = filled >= quantityWanted - 1e-12 * quantityWanted;
    const transition = complete ? T_FILL : T_FILL_PARTIALLY;
    s.status[id] = nextStatusCode(s.status[id] as number, transition);
    s.updateTime[id] = time;
    this.events.push(time, id, transition, s.status[id] as number, 0);
    const onFill = this.handlers.onFill;
    const bus = parts.bus;
    const fill: Fill | undefined = onFill !== undefined || bus.has('fill') ? this.fills.at(fillId - 1) : undefined;
    if (fill !== undefined && bus.has('fill')) bus.publish('fill', fill);
    if (bus.has('order')) this.#publishLast(id);
    this.#cancelSiblings(id, time);
    if (complete && s.brackets.size > 0 && s.brackets.has(id)) this.#placeLegs(id);
    if (complete && s.children.size > 0 && s.children.has(id)) this.#placeChildren(id);
    if (fill !== undefined && onFill !== undefined && !parts.guard.failed) {
      try {
        this.handlers.onFill?.(fill, this.views.get(id));
      } catch (error) {
        parts.guard.fail(error, 'onFill', k, this.#barOf(id));
      }
    }
    this.#notifyUpdate(id);
    this.#depth--;
    this.#leave();
  }

  /** Throws a handler's failure once the outermost call into the engine is done. */
  #leave(): void {
    if (this.#depth === 0) this.#parts.guard.check();
  }

  /** Calls `onOrderUpdate` for order `id` (unless a handler has already failed). */
  #notifyUpdate(id: number): void {
    const handlers = this.handlers;
    const guard = this.#parts.guard;
    if (handlers.onOrderUpdate === undefined || guard.failed) return;
    try {
      handlers.onOrderUpdate(this.views.get(id));
    } catch (error) {
      guard.fail(error, 'onOrderUpdate', this.orders.instrument[id] as number, this.#barOf(id));
    }
  }

  /** The bar order `id`'s instrument is at: being matched, else the last one delivered. */
  #barOf(id: number): number {
    const k = this.orders.instrument[id] as number;
    const matching = this.#parts.matchingBar[k];
    if (matching === undefined) return -1;
    return matching >= 0 ? matching : (this.#parts.lastMatched[k] as number);
  }

  // ---- internals -----------------------------------------------------------------------

  #send(id: number): void {
    if (this.#venue === undefined) throw new InvariantError('the kernel has no execution venue connected');
    this.#venue.submit(id, this.orders.instrument[id] as number);
  }

  /** Creates an order and runs the checks; it comes back `submitted` if it may go to the venue. */
  #prepare(request: OrderRequest, parentId: number, index: number): number {
    const parts = this.#parts;
    const s = this.orders;
    const now = parts.clock.now();
    let k = index;
    if (k < 0 && request.instrument === undefined) {
      const current = parts.current();
      k = current >= 0 ? current : parts.ids.length === 1 ? 0 : -1;
    } else if (k < 0) {
      k = parts.byId.get(request.instrument as string) ?? -1;
    }
    const problem = k < 0 ? 'UNKNOWN_INSTRUMENT' : checkRequest(request);
    const ins = k >= 0 ? (parts.instruments[k] as KernelInstrument) : undefined;
    const lot = ins !== undefined ? ins.instrument.lotSize : 1;
    const quantity = isRelativeSize(request.size) ? Number.NaN : roundToLots(quantityOf(request.size), lot);
    const matching = k >= 0 ? (parts.matchingBar[k] as number) : -1;
    const lastPrice = k >= 0 ? (parts.portfolio.lastPrice[k] as number) : Number.NaN;
    const requestSide = request.side === 'sell' ? -1 : 1;
    let estimate = 0;
    if (problem === '' && k >= 0) {
      estimate = Number.isNaN(quantity) ? this.#estimate(request, requestSide, k, lastPrice) : quantity * requestSide;
    }
    const id = createOrder(s, request, {
      instrument: k >= 0 ? k : s.unknownInstrument(String(request.instrument ?? '')),
      time: now,
      // During matching (a fill callback), a new order may trade on the rest of that bar.
      eligibleBar: matching >= 0 ? matching : k >= 0 ? (parts.lastMatched[k] as number) + 1 : 0,
      quantity,
      side: estimate < 0 ? -1 : 1,
      lastPrice,
      parentId,
    });
    // A reduce-only order can only ever close what is held (the venue clips it at the fill),
    // so risk sees the clipped size: it never opens a short nor grows a position.
    if (s.reduceOnly[id] === 1 && k >= 0) {
      const held = parts.portfolio.quantity[k] as number;
      const reducible = estimate > 0 ? Math.max(0, -held) : Math.max(0, held);
      estimate = Math.sign(estimate) * Math.min(Math.abs(estimate), reducible);
    }
    const kind = s.kind[id];
    if (kind === TRAILING_STOP) s.stopPrice[id] = trailingLevel(s, id);
    const stored = s.quantity[id] as number;
    if (problem !== '' || (!Number.isNaN(stored) && stored <= 0)) {
      this.#transition(id, T_REJECT, problem === '' ? 'INVALID_QUANTITY' : problem, now);
      parts.log('warn', `order ${id} rejected: ${problem === '' ? 'INVALID_QUANTITY (below one lot)' : problem}`);
      return id;
    }
    const risk = parts.risk;
    const orderPrice =
      kind === LIMIT || kind === STOP_LIMIT
        ? (s.limitPrice[id] as number)
        : kind === STOP
          ? (s.stopPrice[id] as number)
          : Number.NaN;
    const input = this.#riskInput;
    input.signedQuantity = estimate;
    input.lastPrice = lastPrice;
    input.orderPrice = orderPrice;
    // Limits are in the account currency: one point of price is worth the multiplier, converted.
    input.multiplier = (ins as KernelInstrument).instrument.multiplier * parts.portfolio.rateOf(k);
    input.position = parts.portfolio.quantity[k] as number;
    input.equity = risk.needsExposure ? parts.portfolio.equity() : Number.NaN;
    input.grossExposure = risk.needsExposure ? parts.portfolio.grossExposure() : Number.NaN;
    input.shortAllowed = margined(ins as KernelInstrument) || parts.allowShort;
    input.time = now;
    const denial = Number.isNaN(input.multiplier) ? 'FX_RATE_UNAVAILABLE' : risk.check(input);
    if (denial !== '') this.#transition(id, T_DENY, denial, now);
    return id;
  }

  /** Signed units a relative request comes to at the last price (what risk checks see). */
  #estimate(request: OrderRequest, side: number, k: number, last: number): number {
    if (!(last > 0)) return 0;
    return this.#parts.buyingPower.resolve(sizeKindOf(request.size), sizeValueOf(request.size), side, k, last);
  }

  #transition(id: number, transition: number, reason: string, time: number): void {
    const s = this.orders;
    const status = nextStatusCode(s.status[id] as number, transition);
    s.status[id] = status;
    const reasonIndex = reason === '' ? 0 : s.strings.intern(reason);
    if (reasonIndex !== 0) s.reason[id] = reasonIndex;
    s.updateTime[id] = time;
    this.events.push(time, id, transition, status, reasonIndex);
    if (this.#parts.bus.has('order')) this.#publishLast(id);
    if (transition === T_ACCEPT) this.working.pushWorking(id, s.status);
    if (isFinalCode(status)) {
      this.#cancelSiblings(id, time);
      if (s.brackets.size > 0 && s.brackets.has(id) && (s.filled[id] as number) > 0) this.#placeLegs(id);
      // Children wait for a complete fill; an order that ends otherwise drops them.
      if (s.children.size > 0) s.children.delete(id);
    }
    this.#notifyUpdate(id);
  }

  /** Publishes the latest event of order `id` on the bus. */
  #publishLast(id: number): void {
    this.#parts.bus.publish('order', { event: this.events.at(this.events.length - 1), order: this.views.get(id) });
  }

  #cancelSiblings(id: number, time: number): void {
    const s = this.orders;
    if (s.oco.size === 0) return;
    const siblings = s.oco.get(id);
    if (siblings === undefined) return;
    s.oco.delete(id);
    for (const other of siblings) {
      if (!s.has(other)) continue;
      const status = s.status[other] as number;
      if (status === SUBMITTED) {
        s.oco.delete(other);
        this.#transition(other, T_CANCEL, 'OCO_CANCELLED', time);
      } else if (isWorkingCode(status)) {
        s.oco.delete(other);
        s.updateTime[other] = time;
        this.#venue?.cancel(other, s.instrument[other] as number, 'OCO_CANCELLED');
      }
    }
  }

  #placeChildren(parent: number): void {
    placeChildren(this.orders, this.#placer, parent);
  }

  #placeLegs(parent: number): void {
    placeLegs(this.orders, this.#placer, parent);
  }
}

import { InvariantError, type Rng } from '@alphintra/core';
import type { FeeInput, FeeModel } from '../execution/fee-model.js';
import { roundToLots } from '../execution/prices.js';
import type { SlippageInput, SlippageModel } from '../execution/slippage-model.js';
import {
  FILL_BEFORE,
  FILL_CARRY,
  FILL_FEE,
  FILL_PRICE,
  FILL_QUANTITY,
  FILL_REALIZED,
  SweepTrades,
} from './sweep-trades.js';

// Slots of the account state a run keeps in one `Float64Array`, so that numbers cross calls
// between the loop and the account without being boxed.
/** Cash, as the portfolio's `cash`. */
export const CASH = 0;
/** Signed units held. */
export const QUANTITY = 1;
/** Notional traded so far (what tiered fee schedules read). */
export const TRADED = 2;
/** Closed round trips. */
export const TRADES = 3;
/** The latest mark (the last close seen), as the portfolio's `lastPrice`. */
export const MARK = 4;
/** Average entry price of the position, as the portfolio's `averagePrice` (NaN when flat). */
export const AVERAGE = 5;
/** Carry (borrow cost) booked since the open trade began, as the trade tracker's `carry`. */
export const CARRY = 6;
/** Length of the state array. */
export const STATE_SLOTS = 7;

// Order sizes the sweep sends, as the strategy API names them.
/** `{ targetPercent }`: the position worth a fraction of equity. */
export const TARGET_PERCENT = 1;
/** `{ targetQuantity: 0 }`, as `closePosition()` sends it. */
export const CLOSE_POSITION = 2;
/** `{ equityFraction }` bought (positive) or sold (negative). */
export const EQUITY_FRACTION = 3;
type SizeKind = typeof TARGET_PERCENT | typeof CLOSE_POSITION | typeof EQUITY_FRACTION;

const FITS = 0;
const INSUFFICIENT_BUYING_POWER = 1;
const SHORT_NOT_ALLOWED = 2;

/** The fixed facts of the instrument and account a sweep trades. */
export interface SweepAccountConfig {
  readonly instrument: string;
  readonly multiplier: number;
  readonly lotSize: number;
  readonly leverage: number;
  readonly allowShort: boolean;
  readonly fees: FeeModel;
  /** The slippage model; `null` for none (no call: the engine's `none` model slips nothing). */
  readonly slippage: SlippageModel | null;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Bar times (µs): a fill in bar i happens at `time[i] + fillDelay`. */
  readonly time: Float64Array;
  /** 0 when orders fill at the open, the bar's length when they fill at its close. */
  readonly fillDelay: number;
}

/**
 * Market orders with relative sizes on one cash instrument, executed with the engine's
 * arithmetic step for step: sizing at the fill price in whole lots (the kernel's
 * `resolveQuantity`), shrinking to fit buying power with fees reserved (its
 * `#fitBuyingPower`), the fill check (`checkFill`), slippage and fees from the engine's own
 * models, one re-sizing at the slipped price when the first size no longer fits (the
 * simulated exchange's `#fill`), and the portfolio's cash and netting (`applyFill`). The
 * operations and their order are the kernel's, so the results agree to the last bit; the
 * parity test holds the two together. State lives in a `Float64Array` (see the slots above)
 * and the model inputs are two reused objects, so nothing is allocated per order. Every fill
 * also goes to the run's {@link SweepTrades}, which builds round trips as the engine's trade
 * tracker does and folds them into the trade figures.
 */
export class SweepAccount {
  readonly #c: SweepAccountConfig;
  readonly #fee: { -readonly [K in keyof FeeInput]: FeeInput[K] };
  readonly #slip: { -readonly [K in keyof SlippageInput]: SlippageInput[K] };
  /** The run's state (see the slots). */
  state: Float64Array = new Float64Array(STATE_SLOTS);
  /** The run's round trips and their figures; null when only the count of trades is kept. */
  readonly trades: SweepTrades | null;

  /** `tradeStatistics` false: fills are counted into the trades, and nothing else is kept of them. */
  constructor(config: SweepAccountConfig, rng: Rng, tradeStatistics = true) {
    this.#c = config;
    this.trades = tradeStatistics ? new SweepTrades(config.multiplier, config.time, config.fillDelay) : null;
    this.#fee = {
      instrument: config.instrument,
      quantity: 0,
      price: 0,
      notional: 0,
      liquidity: 'taker',
      cumulativeNotional: 0,
    };
    this.#slip = { side: 'buy', price: 0, quantity: 0, barVolume: 0, high: 0, low: 0, close: 0, rng };
  }

  /** Starts a run with `cash` and no position; `rng` feeds probabilistic slippage models. */
  reset(cash: number, rng: Rng): void {
    const s = this.state;
    s[CASH] = cash;
    s[QUANTITY] = 0;
    s[TRADED] = 0;
    s[TRADES] = 0;
    s[MARK] = Number.NaN;
    s[AVERAGE] = Number.NaN;
    s[CARRY] = 0;
    this.#slip.rng = rng;
    this.trades?.reset();
  }

  /**
   * Whether the engine's risk check would deny the order before it is sent: only shorts of a
   * cash instrument when shorting is not allowed can be (the other limits are refused up front).
   * Its estimate is the order sized at the latest mark.
   */
  denied(kind: SizeKind, value: number): boolean {
    if (this.#c.allowShort) return false;
    const mark = this.state[MARK] as number;
    const estimate = mark > 0 ? this.#resolve(kind, value, mark) : 0;
    return (this.state[QUANTITY] as number) + estimate < 0;
  }

  /** Executes a market order of the given size at `price` in bar `bar` (or drops it when there is nothing to trade). */
  execute(kind: SizeKind, value: number, price: number, bar: number): void {
    let signed = this.#resolve(kind, value, price);
    if (signed === 0 || Number.isNaN(signed)) return; // cancelled: NOTHING_TO_TRADE
    for (let attempt = 0; ; attempt++) {
      const buy = signed > 0;
      const quantity = Math.abs(signed);
      const fillPrice = this.#slipped(buy, price, quantity, bar);
      const notional = quantity * fillPrice * this.#c.multiplier;
      const fee = this.#feeOf(quantity, fillPrice, notional, this.state[TRADED] as number);
      const refusal = this.#check(buy ? quantity : -quantity, fillPrice, fee);
      if (refusal === FITS) {
        this.#apply(buy ? quantity : -quantity, fillPrice, fee, notional, bar);
        return;
      }
      // A relative size is resolved before slippage; size it again at the price it gets.
      if (attempt > 0 || refusal !== INSUFFICIENT_BUYING_POWER) return; // rejected
      signed = this.#resolve(kind, value, fillPrice);
      if (signed === 0 || Number.isNaN(signed)) return;
      if (signed > 0 !== buy) return; // rejected: the side changed
    }
  }

  /** Equity with the position valued at `price`, as the kernel's `#equityAt` computes it. */
  #equityAt(price: number): number {
    const s = this.state;
    const q = s[QUANTITY] as number;
    const cash = s[CASH] as number;
    if (q === 0) return cash;
    const m = this.#c.multiplier;
    const held = q * (s[MARK] as number) * m;
    return cash + held - held + q * price * m;
  }

  /** Signed units of an order at `price`: the kernel's `resolveQuantity` for the sizes the sweep sends. */
  #resolve(kind: SizeKind, value: number, price: number): number {
    const c = this.#c;
    const unit = price * c.multiplier;
    const position = this.state[QUANTITY] as number;
    let signed: number;
    if (kind === TARGET_PERCENT) signed = roundToLots((value * this.#equityAt(price)) / unit, c.lotSize) - position;
    else if (kind === CLOSE_POSITION) signed = 0 - position;
    else signed = ((Math.abs(value) * this.#equityAt(price)) / unit) * (value > 0 ? 1 : -1);
    return this.#fit(roundToLots(signed, c.lotSize), price);
  }

  /** The kernel's `#fitBuyingPower` for one cash instrument (no other positions to reserve for). */
  #fit(signed: number, price: number): number {
    if (signed === 0) return 0;
    if (this.#fits(signed, price)) return signed;
    const c = this.#c;
    const position = this.state[QUANTITY] as number;
    // The kernel reserves for other positions too; with one instrument there are none.
    const perUnit = Math.abs(1 * price * c.multiplier) / c.leverage;
    const fee = this.#feeOf(Math.abs(signed), price, Math.abs(signed) * price * c.multiplier, 0);
    const room = this.#equityAt(price) - fee;
    const direction = Math.sign(position + signed);
    const largest = perUnit > 0 ? Math.max(0, room / perUnit) : 0;
    let q = roundToLots(direction * largest - position, c.lotSize);
    for (let attempt = 0; attempt < 16; attempt++) {
      if (q === 0 || Math.sign(q) !== Math.sign(signed)) return 0;
      if (this.#fits(q, price)) return q;
      q = roundToLots(q - Math.sign(q) * c.lotSize, c.lotSize);
    }
    return q;
  }

  #fits(q: number, price: number): boolean {
    const quantity = Math.abs(q);
    const fee = this.#feeOf(quantity, price, quantity * price * this.#c.multiplier, 0);
    return this.#check(q, price, fee) !== INSUFFICIENT_BUYING_POWER;
  }

  /** The kernel's `checkFill`: shorting, then buying power after the fee. */
  #check(signed: number, price: number, fee: number): number {
    const c = this.#c;
    const position = this.state[QUANTITY] as number;
    const after = position + signed;
    if (!c.allowShort && after < 0) return SHORT_NOT_ALLOWED;
    if (Math.abs(after) <= Math.abs(position) && Math.sign(after) * Math.sign(position) >= 0) return FITS;
    const required = Math.abs(after * price * c.multiplier) / c.leverage;
    const available = this.#equityAt(price) - fee;
    return required <= available + 1e-9 * Math.abs(available) ? FITS : INSUFFICIENT_BUYING_POWER;
  }

  #feeOf(quantity: number, price: number, notional: number, cumulative: number): number {
    const input = this.#fee;
    input.quantity = quantity;
    input.price = price;
    input.notional = notional;
    input.cumulativeNotional = cumulative;
    return this.#c.fees(input);
  }

  #slipped(buy: boolean, price: number, quantity: number, bar: number): number {
    const c = this.#c;
    if (c.slippage === null) return price;
    const input = this.#slip;
    input.side = buy ? 'buy' : 'sell';
    input.price = price;
    input.quantity = quantity;
    input.barVolume = c.volume[bar] as number;
    input.high = c.high[bar] as number;
    input.low = c.low[bar] as number;
    input.close = c.close[bar] as number;
    const slip = c.slippage(input);
    if (!(slip > 0)) return price;
    return buy ? price + slip : price - slip;
  }

  /**
   * The portfolio's `applyFill` for a cash instrument (cash, position, average price and the
   * realised P&L of the part that closed), then the trade tracker's `onFill`.
   */
  #apply(signed: number, price: number, fee: number, notional: number, bar: number): void {
    if (!(Number.isFinite(signed) && signed !== 0 && Number.isFinite(price) && Number.isFinite(fee))) {
      throw new InvariantError(`expected a finite non-zero fill, got ${signed} @ ${price} (fee ${fee})`);
    }
    const s = this.state;
    const m = this.#c.multiplier;
    const q = s[QUANTITY] as number;
    const next = q + signed;
    const settled = Math.abs(next) < 1e-12 * Math.max(Math.abs(q), Math.abs(signed)) ? 0 : next;
    s[QUANTITY] = settled;
    s[CASH] = (s[CASH] as number) - (signed * price * m + fee);
    s[TRADED] = (s[TRADED] as number) + notional;
    const trades = this.trades;
    if (trades === null) {
      // Only the count of round trips: a trade ends when a position is closed or reversed.
      if (q !== 0 && Math.sign(settled) !== Math.sign(q)) s[TRADES] = (s[TRADES] as number) + 1;
      return;
    }
    const avg = s[AVERAGE] as number;
    let realized = 0;
    if (q === 0 || Math.sign(q) === Math.sign(signed)) {
      s[AVERAGE] = q === 0 ? price : (Math.abs(q) * avg + Math.abs(signed) * price) / Math.abs(next);
    } else {
      const closed = Math.min(Math.abs(q), Math.abs(signed));
      realized = closed * (price - avg) * Math.sign(q) * m;
      if (Math.sign(next) !== Math.sign(q)) s[AVERAGE] = price;
    }
    if (settled === 0) s[AVERAGE] = Number.NaN;
    const fill = trades.fill;
    fill[FILL_BEFORE] = q;
    fill[FILL_QUANTITY] = signed;
    fill[FILL_PRICE] = price;
    fill[FILL_FEE] = fee;
    fill[FILL_REALIZED] = realized;
    fill[FILL_CARRY] = s[CARRY] as number;
    if (trades.onFill(bar)) s[CARRY] = 0;
    s[TRADES] = trades.count;
  }
}

import type { FeeInput, FeeModel, Liquidity } from '../execution/fee-model.js';
import { roundToLots } from '../execution/prices.js';
import {
  SIZE_CASH_FRACTION,
  SIZE_EQUITY_FRACTION,
  SIZE_NOTIONAL,
  SIZE_QUANTITY,
  SIZE_TARGET_QUANTITY,
} from '../orders/order-codes.js';
import type { Portfolio } from './portfolio.js';

/** What sizing needs to know of an instrument. */
export interface SizedInstrument {
  readonly id: string;
  readonly lotSize: number;
  readonly multiplier: number;
  /** Futures and perpetuals: settled in cash, margin held. */
  readonly margined: boolean;
}

/** A fee input the caller fills in place and hands to a fee model (read during the call only). */
export interface MutableFeeInput {
  instrument: string;
  quantity: number;
  price: number;
  notional: number;
  liquidity: Liquidity;
  cumulativeNotional: number;
}

/** A fresh, reusable fee input. */
export function feeInput(): MutableFeeInput {
  return { instrument: '', quantity: 0, price: 0, notional: 0, liquidity: 'taker', cumulativeNotional: 0 };
}

/**
 * Resolves relative order sizes into whole lots and keeps fills within what the account can
 * carry: cash instruments at `1 / leverage` of notional, margined ones at their margin rate,
 * fees reserved. Sizes arrive as the order store's codes (`SIZE_*`) and values. Notional
 * sizes, equity and cash are in the account currency; fees (in the instrument's currency)
 * are converted before they are reserved.
 */
export class BuyingPower {
  readonly #portfolio: Portfolio;
  readonly #instruments: readonly SizedInstrument[];
  readonly #fees: FeeModel;
  readonly #allowShort: boolean;
  readonly #feeInput: FeeInput & MutableFeeInput = feeInput();

  constructor(portfolio: Portfolio, instruments: readonly SizedInstrument[], fees: FeeModel, allowShort: boolean) {
    this.#portfolio = portfolio;
    this.#instruments = instruments;
    this.#fees = fees;
    this.#allowShort = allowShort;
  }

  /**
   * Signed units a size comes to at `price` on instrument `k` (side +1 buy, −1 sell), in whole
   * lots and shrunk to what the account can carry when it adds exposure; 0 for nothing to trade.
   */
  resolve(sizeKind: number, sizeValue: number, side: number, k: number, price: number): number {
    const p = this.#portfolio;
    const ins = this.#instruments[k] as SizedInstrument;
    // Sizes are in the account currency: one unit is worth its notional converted.
    const unit = price * ins.multiplier * p.rateOf(k);
    const position = p.quantity[k] as number;
    const equity = this.equityAt(k, price);
    let signed: number;
    switch (sizeKind) {
      case SIZE_QUANTITY:
        signed = sizeValue * side;
        break;
      case SIZE_NOTIONAL:
        signed = (sizeValue / unit) * side;
        break;
      case SIZE_EQUITY_FRACTION:
        signed = ((sizeValue * equity) / unit) * side;
        break;
      case SIZE_CASH_FRACTION: {
        const base = side > 0 ? Math.max(0, p.cash) : Math.max(0, equity);
        signed = ((sizeValue * base) / unit) * side;
        break;
      }
      case SIZE_TARGET_QUANTITY:
        signed = sizeValue - position;
        break;
      default:
        signed = roundToLots((sizeValue * equity) / unit, ins.lotSize) - position;
    }
    signed = roundToLots(signed, ins.lotSize);
    return this.#fit(k, signed, price);
  }

  /**
   * Returns a reason code when the account cannot take a fill of `quantity` units (side +1 buy,
   * −1 sell) at `price` paying `fee`, else `''`.
   */
  checkFill(side: number, k: number, quantity: number, price: number, fee: number): string {
    const signed = quantity * side;
    const p = this.#portfolio;
    const rate = p.rateOf(k);
    if (Number.isNaN(rate)) return 'FX_RATE_UNAVAILABLE';
    const position = p.quantity[k] as number;
    const after = position + signed;
    if (!(this.#instruments[k] as SizedInstrument).margined && !this.#allowShort && after < 0) {
      return 'SHORT_NOT_ALLOWED';
    }
    if (Math.abs(after) <= Math.abs(position) && Math.sign(after) * Math.sign(position) >= 0) return '';
    const required = p.requiredEquity(k, after, price);
    const available = this.equityAt(k, price) - fee * rate;
    return required <= available + 1e-9 * Math.abs(available) ? '' : 'INSUFFICIENT_BUYING_POWER';
  }

  /** Account equity with instrument `k` revalued at `price`. */
  equityAt(k: number, price: number): number {
    const p = this.#portfolio;
    if (p.quantity[k] === 0) return p.equity();
    return p.equity() - p.positionValue(k) + p.valueAt(k, price);
  }

  /** Shrinks an exposure-increasing size until the account can carry it, fees included. */
  #fit(k: number, signed: number, price: number): number {
    if (signed === 0) return 0;
    if (this.#fits(k, signed, price)) return signed;
    const p = this.#portfolio;
    const lot = (this.#instruments[k] as SizedInstrument).lotSize;
    // The largest position the account can carry at this price, then down a lot at a time.
    const position = p.quantity[k] as number;
    const others = p.requiredEquity(k, 0, price);
    const perUnit = p.requiredEquity(k, 1, price) - others;
    const room = this.equityAt(k, price) - this.#feeOf(k, signed, price) * p.rateOf(k) - others;
    const direction = Math.sign(position + signed);
    const largest = perUnit > 0 ? Math.max(0, room / perUnit) : 0;
    let q = roundToLots(direction * largest - position, lot);
    for (let attempt = 0; attempt < 16; attempt++) {
      if (q === 0 || Math.sign(q) !== Math.sign(signed)) return 0;
      if (this.#fits(k, q, price)) return q;
      q = roundToLots(q - Math.sign(q) * lot, lot);
    }
    return q;
  }

  #feeOf(k: number, q: number, price: number): number {
    const ins = this.#instruments[k] as SizedInstrument;
    const quantity = Math.abs(q);
    const input = this.#feeInput;
    input.instrument = ins.id;
    input.quantity = quantity;
    input.price = price;
    input.notional = quantity * price * ins.multiplier;
    input.liquidity = 'taker';
    input.cumulativeNotional = 0;
    return this.#fees(input);
  }

  #fits(k: number, q: number, price: number): boolean {
    return (
      this.checkFill(q > 0 ? 1 : -1, k, Math.abs(q), price, this.#feeOf(k, q, price)) !== 'INSUFFICIENT_BUYING_POWER'
    );
  }
}

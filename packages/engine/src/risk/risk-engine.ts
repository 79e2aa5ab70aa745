import { AlphintraError } from '@alphintra/core';

/** Kill switch: `reducing` lets only position-reducing orders through, `halted` none. */
export type TradingState = 'active' | 'reducing' | 'halted';

/** Stable reasons a pre-trade check denies an order. */
export type RiskDenial =
  | 'TRADING_HALTED'
  | 'TRADING_REDUCING'
  | 'MAX_NOTIONAL_EXCEEDED'
  | 'MAX_POSITION_EXCEEDED'
  | 'MAX_LEVERAGE_EXCEEDED'
  | 'PRICE_FAR_FROM_MARKET'
  | 'ORDER_RATE_EXCEEDED'
  | 'SHORT_NOT_ALLOWED'
  /** The rate converting the instrument's currency into the account currency is not known yet. */
  | 'FX_RATE_UNAVAILABLE';

/** Pre-trade limits; each is off when absent. */
export interface RiskConfig {
  readonly tradingState?: TradingState;
  /** Largest notional of one order, in account currency. */
  readonly maxOrderNotional?: number;
  /** Largest absolute position in units, per instrument. */
  readonly maxPositionQuantity?: number;
  /** Largest absolute position notional, per instrument. */
  readonly maxPositionNotional?: number;
  /** Largest gross exposure over equity after the order. */
  readonly maxLeverage?: number;
  /** Largest distance of a limit or stop price from the last price, as a fraction (0.1 = 10 %). */
  readonly maxPriceDeviation?: number;
  /** At most `count` orders per `intervalMicros`. */
  readonly maxOrderRate?: { readonly count: number; readonly intervalMicros: number };
}

/** What the risk engine is told about an order. */
export interface RiskCheckInput {
  /** Estimated signed units (relative sizes estimated at the last price). */
  readonly signedQuantity: number;
  /** Last price of the instrument. */
  readonly lastPrice: number;
  /** Limit or stop price, NaN for market orders. */
  readonly orderPrice: number;
  /** Value of one point of price per unit in the account currency (the multiplier, converted). */
  readonly multiplier: number;
  /** Signed position before the order. */
  readonly position: number;
  /** Account equity, in the account currency. */
  readonly equity: number;
  /** Gross exposure of every position before the order, in the account currency. */
  readonly grossExposure: number;
  readonly shortAllowed: boolean;
  readonly time: number;
}

function positive(name: string, value: number | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!(value > 0)) throw new AlphintraError('INVALID_ARGUMENT', `expected a positive ${name}, got ${value}`);
  return value;
}

/**
 * Checks orders before they reach a venue. A denial is returned as a stable code (the kernel
 * turns it into an `OrderDenied` event the strategy sees), never thrown.
 *
 * @example
 * const risk = new RiskEngine({ maxOrderNotional: 50_000 });
 * risk.check({ signedQuantity: 1000, lastPrice: 100, ... }); // 'MAX_NOTIONAL_EXCEEDED'
 */
export class RiskEngine {
  #state: TradingState;
  readonly #maxOrderNotional: number;
  readonly #maxPositionQuantity: number;
  readonly #maxPositionNotional: number;
  readonly #maxLeverage: number;
  readonly #maxDeviation: number;
  readonly #rateCount: number;
  readonly #rateInterval: number;
  readonly #recent: Float64Array;
  #recentHead = 0;
  #recentSize = 0;

  constructor(config: RiskConfig = {}) {
    this.#state = config.tradingState ?? 'active';
    this.#maxOrderNotional = positive('maxOrderNotional', config.maxOrderNotional);
    this.#maxPositionQuantity = positive('maxPositionQuantity', config.maxPositionQuantity);
    this.#maxPositionNotional = positive('maxPositionNotional', config.maxPositionNotional);
    this.#maxLeverage = positive('maxLeverage', config.maxLeverage);
    this.#maxDeviation = positive('maxPriceDeviation', config.maxPriceDeviation);
    const rate = config.maxOrderRate;
    this.#rateCount = rate === undefined ? 0 : Math.floor(positive('maxOrderRate.count', rate.count));
    this.#rateInterval = rate === undefined ? 0 : positive('maxOrderRate.intervalMicros', rate.intervalMicros);
    this.#recent = new Float64Array(Math.max(1, this.#rateCount));
  }

  /** Whether checks read equity and gross exposure (callers may skip computing them otherwise). */
  get needsExposure(): boolean {
    return this.#maxLeverage !== Number.POSITIVE_INFINITY;
  }

  /** The kill switch's position. */
  get tradingState(): TradingState {
    return this.#state;
  }

  /** Moves the kill switch. */
  setTradingState(state: TradingState): void {
    this.#state = state;
  }

  /** Returns a denial code, or `''` when the order may go to the venue. */
  check(input: RiskCheckInput): RiskDenial | '' {
    const { signedQuantity: q, position, lastPrice, multiplier } = input;
    const after = position + q;
    const reduces = Math.abs(after) < Math.abs(position) && Math.sign(after) !== -Math.sign(position);
    if (this.#state === 'halted') return 'TRADING_HALTED';
    if (this.#state === 'reducing' && !reduces) return 'TRADING_REDUCING';
    if (!input.shortAllowed && after < 0) return 'SHORT_NOT_ALLOWED';
    const price = Number.isNaN(input.orderPrice) ? lastPrice : input.orderPrice;
    if (Math.abs(q) * price * multiplier > this.#maxOrderNotional) return 'MAX_NOTIONAL_EXCEEDED';
    if (!reduces) {
      if (Math.abs(after) > this.#maxPositionQuantity) return 'MAX_POSITION_EXCEEDED';
      if (Math.abs(after) * price * multiplier > this.#maxPositionNotional) return 'MAX_POSITION_EXCEEDED';
      if (this.#maxLeverage !== Number.POSITIVE_INFINITY) {
        const gross =
          input.grossExposure - Math.abs(position * lastPrice * multiplier) + Math.abs(after * price * multiplier);
        if (!(input.equity > 0) || gross / input.equity > this.#maxLeverage) return 'MAX_LEVERAGE_EXCEEDED';
      }
    }
    if (
      !Number.isNaN(input.orderPrice) &&
      lastPrice > 0 &&
      Math.abs(input.orderPrice - lastPrice) / lastPrice > this.#maxDeviation
    ) {
      return 'PRICE_FAR_FROM_MARKET';
    }
    if (this.#rateCount > 0) {
      const cutoff = input.time - this.#rateInterval;
      while (this.#recentSize > 0) {
        const oldest = this.#recent[
          (this.#recentHead - this.#recentSize + this.#recent.length) % this.#recent.length
        ] as number;
        if (oldest > cutoff) break;
        this.#recentSize--;
      }
      if (this.#recentSize >= this.#rateCount) return 'ORDER_RATE_EXCEEDED';
      this.#recent[this.#recentHead] = input.time;
      this.#recentHead = (this.#recentHead + 1) % this.#recent.length;
      this.#recentSize++;
    }
    return '';
  }
}

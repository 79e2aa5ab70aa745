import { AlphintraError } from './errors.js';

/** Asset classes Alphintra knows how to trade or analyse. */
export type AssetClass = 'equity' | 'etf' | 'index' | 'fx' | 'crypto' | 'future' | 'perpetual' | 'option';

/** Fields every instrument shares. */
export interface InstrumentBase {
  /** Unique identifier, `SYMBOL.VENUE` (e.g. `ORCL.NASDAQ`). */
  readonly id: string;
  /** Ticker or pair as the venue names it (`ORCL`, `BTC/USDT`). */
  readonly symbol: string;
  /** Venue or exchange code (`NASDAQ`, `BINANCE`, `CME`). */
  readonly venue: string;
  /** Currency prices are quoted in (ISO 4217 or coin code). */
  readonly currency: string;
  /** Smallest price increment. */
  readonly tickSize: number;
  /** Smallest tradable quantity increment. */
  readonly lotSize: number;
  /** Currency value of one point of price per unit of quantity (1 for cash instruments). */
  readonly multiplier: number;
}

/** A share, fund or index. */
export interface EquityInstrument extends InstrumentBase {
  readonly kind: 'equity' | 'etf' | 'index';
}

/** A currency pair. */
export interface FxInstrument extends InstrumentBase {
  readonly kind: 'fx';
  readonly baseCurrency: string;
}

/** A spot crypto pair. */
export interface CryptoInstrument extends InstrumentBase {
  readonly kind: 'crypto';
  readonly baseCurrency: string;
}

/** A dated futures contract. */
export interface FutureInstrument extends InstrumentBase {
  readonly kind: 'future';
  /** Underlying symbol. */
  readonly underlying: string;
  /** Expiry as epoch microseconds (UTC). */
  readonly expiry: number;
}

/** A perpetual swap (no expiry, periodic funding). */
export interface PerpetualInstrument extends InstrumentBase {
  readonly kind: 'perpetual';
  readonly baseCurrency: string;
}

/** An option contract. */
export interface OptionInstrument extends InstrumentBase {
  readonly kind: 'option';
  readonly underlying: string;
  readonly expiry: number;
  readonly strike: number;
  readonly right: 'call' | 'put';
}

/** Any tradable or observable instrument, discriminated by `kind`. */
export type Instrument =
  | EquityInstrument
  | FxInstrument
  | CryptoInstrument
  | FutureInstrument
  | PerpetualInstrument
  | OptionInstrument;

// Omit applied to each member of a union, so kind-specific fields survive.
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Everything {@link defineInstrument} needs; `id` defaults to `SYMBOL.VENUE`. */
export type InstrumentSpec<T extends Instrument = Instrument> = DistributiveOmit<
  T,
  'id' | 'tickSize' | 'lotSize' | 'multiplier'
> & {
  readonly id?: string;
  readonly tickSize?: number;
  readonly lotSize?: number;
  readonly multiplier?: number;
};

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive ${name}, got ${value}`);
  }
  return value;
}

/**
 * Creates an instrument, filling defaults (tick size 0.01, lot size 1, multiplier 1) and
 * checking its fields.
 *
 * @example
 * const orcl = defineInstrument({ kind: 'equity', symbol: 'ORCL', venue: 'NASDAQ', currency: 'USD' });
 */
export function defineInstrument<T extends Instrument>(spec: InstrumentSpec<T>): T {
  if (spec.symbol.trim() === '') throw new AlphintraError('INVALID_ARGUMENT', 'expected a non-empty symbol');
  if (spec.venue.trim() === '') throw new AlphintraError('INVALID_ARGUMENT', 'expected a non-empty venue');
  if (spec.currency.trim() === '') throw new AlphintraError('INVALID_ARGUMENT', 'expected a non-empty currency');
  return {
    ...spec,
    id: spec.id ?? `${spec.symbol}.${spec.venue}`,
    tickSize: positive('tick size', spec.tickSize ?? 0.01),
    lotSize: positive('lot size', spec.lotSize ?? 1),
    multiplier: positive('multiplier', spec.multiplier ?? 1),
  } as unknown as T;
}

/** Returns the asset class of an instrument. */
export function assetClassOf(instrument: Instrument): AssetClass {
  return instrument.kind;
}

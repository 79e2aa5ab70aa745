import { AlphintraError } from '@alphintra/core';

/** Whether a fill added liquidity (a resting limit order) or took it. */
export type Liquidity = 'maker' | 'taker';

/** What a fee model sees about one fill. */
export interface FeeInput {
  readonly instrument: string;
  /** Units filled (positive). */
  readonly quantity: number;
  readonly price: number;
  /** `quantity × price × multiplier`. */
  readonly notional: number;
  readonly liquidity: Liquidity;
  /** Notional traded in the run before this fill, for tiered schedules. */
  readonly cumulativeNotional: number;
}

/** Computes the commission of one fill, in the account currency (≥ 0; a negative value is a rebate). */
export type FeeModel = (fill: FeeInput) => number;

/** Serialisable fee configuration, as the CLI and API accept it. */
export type FeeConfig =
  | { readonly kind: 'none' }
  /** Per unit (share, contract), clamped to `[minimum, maximum]`; `maximumPercent` caps it as a fraction of notional. */
  | {
      readonly kind: 'per-share';
      readonly perShare: number;
      readonly minimum?: number;
      readonly maximum?: number;
      readonly maximumPercent?: number;
    }
  /** A fraction of notional (0.001 = 10 bp), with an optional minimum. */
  | { readonly kind: 'percent'; readonly rate: number; readonly minimum?: number }
  /** Fractions of notional for makers and takers (negative maker = rebate). */
  | { readonly kind: 'maker-taker'; readonly maker: number; readonly taker: number }
  /** Rates by cumulative notional traded: the first tier whose `upTo` exceeds it applies. */
  | {
      readonly kind: 'tiered';
      readonly tiers: readonly { readonly upTo: number; readonly maker: number; readonly taker: number }[];
    };

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  // Infinity is allowed: it is the "no cap" default of `maximum` and `maximumPercent`.
  if (!(v >= 0)) throw new AlphintraError('INVALID_ARGUMENT', `expected ${name} ≥ 0, got ${v}`);
  return v;
}

function rate(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= -1 || value >= 1) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${name} as a fraction in (-1, 1), got ${value}`);
  }
  return value;
}

/**
 * Builds a fee model from its configuration, or passes a custom function through.
 *
 * @example
 * const fees = createFeeModel({ kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.01 });
 * fees({ instrument: 'X', quantity: 100, price: 50, notional: 5000, liquidity: 'taker', cumulativeNotional: 0 }); // 1
 */
export function createFeeModel(config: FeeConfig | FeeModel | undefined): FeeModel {
  if (config === undefined) return () => 0;
  if (typeof config === 'function') return config;
  switch (config.kind) {
    case 'none':
      return () => 0;
    case 'per-share': {
      const perShare = nonNegative('perShare', config.perShare, 0);
      const minimum = nonNegative('minimum', config.minimum, 0);
      const maximum = nonNegative('maximum', config.maximum, Number.POSITIVE_INFINITY);
      const maximumPercent = nonNegative('maximumPercent', config.maximumPercent, Number.POSITIVE_INFINITY);
      return (fill) => {
        let fee = fill.quantity * perShare;
        if (fee < minimum) fee = minimum;
        if (fee > maximum) fee = maximum;
        const cap = fill.notional * maximumPercent;
        return Math.min(fee, cap);
      };
    }
    case 'percent': {
      const r = rate('rate', config.rate);
      const minimum = nonNegative('minimum', config.minimum, 0);
      return (fill) => Math.max(fill.notional * r, minimum);
    }
    case 'maker-taker': {
      const maker = rate('maker', config.maker);
      const taker = rate('taker', config.taker);
      return (fill) => fill.notional * (fill.liquidity === 'maker' ? maker : taker);
    }
    case 'tiered': {
      if (config.tiers.length === 0) throw new AlphintraError('INVALID_ARGUMENT', 'expected at least one fee tier');
      const tiers = config.tiers.map((t, i) => {
        if (i > 0 && !(t.upTo > (config.tiers[i - 1]?.upTo ?? 0))) {
          throw new AlphintraError(
            'INVALID_ARGUMENT',
            `expected fee tiers in increasing upTo order, tier ${i + 1} is not`,
          );
        }
        return { upTo: t.upTo, maker: rate('maker', t.maker), taker: rate('taker', t.taker) };
      });
      return (fill) => {
        let tier = tiers[tiers.length - 1];
        for (const t of tiers) {
          if (fill.cumulativeNotional < t.upTo) {
            tier = t;
            break;
          }
        }
        if (tier === undefined) return 0;
        return fill.notional * (fill.liquidity === 'maker' ? tier.maker : tier.taker);
      };
    }
    default: {
      const unknown: { kind?: unknown } = config;
      throw new AlphintraError('INVALID_ARGUMENT', `unknown fee model ${String(unknown.kind)}`);
    }
  }
}

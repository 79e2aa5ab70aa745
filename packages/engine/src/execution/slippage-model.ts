import { AlphintraError, type Rng } from '@alphintra/core';
import type { OrderSide } from '../orders/order.js';

/** What a slippage model sees about one taker fill. */
export interface SlippageInput {
  readonly side: OrderSide;
  /** Price before slippage: the bar price the order matched at. */
  readonly price: number;
  /** Units filled (positive). */
  readonly quantity: number;
  /** Volume of the bar it filled in (NaN or 0 when unknown). */
  readonly barVolume: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** The run's seeded generator, for probabilistic models. */
  readonly rng: Rng;
}

/** Returns the adverse price move for a taker fill, in price units (≥ 0). Makers never slip. */
export type SlippageModel = (fill: SlippageInput) => number;

/** Serialisable slippage configuration. */
export type SlippageConfig =
  | { readonly kind: 'none' }
  /** A fixed fraction of price, in basis points. */
  | { readonly kind: 'fixed-bps'; readonly bps: number }
  /** Pay half a quoted spread: `spreadBps` of price, or `spread` in price units; `random` draws it uniformly in [0, half spread]. */
  | { readonly kind: 'spread'; readonly spreadBps?: number; readonly spread?: number; readonly random?: boolean }
  /** Impact = `impact × (quantity / barVolume)²` of price (a volume-share model). */
  | { readonly kind: 'volume-share'; readonly impact: number }
  /** Impact = `coefficient × σ × √(quantity / barVolume)` of price, σ the bar's range over its close. */
  | { readonly kind: 'square-root'; readonly coefficient: number };

function finiteNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${name} ≥ 0, got ${value}`);
  return value;
}

/**
 * Builds a slippage model from its configuration, or passes a custom function through.
 *
 * @example
 * const slip = createSlippageModel({ kind: 'fixed-bps', bps: 5 });
 * // a buy at 100 pays 100.05
 */
export function createSlippageModel(config: SlippageConfig | SlippageModel | undefined): SlippageModel {
  if (config === undefined) return () => 0;
  if (typeof config === 'function') return config;
  switch (config.kind) {
    case 'none':
      return () => 0;
    case 'fixed-bps': {
      const f = finiteNonNegative('bps', config.bps) / 10_000;
      return (fill) => fill.price * f;
    }
    case 'spread': {
      const bps = config.spreadBps === undefined ? Number.NaN : finiteNonNegative('spreadBps', config.spreadBps);
      const abs = config.spread === undefined ? Number.NaN : finiteNonNegative('spread', config.spread);
      if (Number.isNaN(bps) === Number.isNaN(abs)) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          'expected exactly one of spreadBps or spread for the spread slippage model',
        );
      }
      const random = config.random === true;
      return (fill) => {
        const half = (Number.isNaN(abs) ? (fill.price * bps) / 10_000 : abs) / 2;
        return random ? half * fill.rng.nextFloat() : half;
      };
    }
    case 'volume-share': {
      const impact = finiteNonNegative('impact', config.impact);
      return (fill) => {
        if (!(fill.barVolume > 0)) return 0;
        const share = fill.quantity / fill.barVolume;
        return fill.price * impact * share * share;
      };
    }
    case 'square-root': {
      const k = finiteNonNegative('coefficient', config.coefficient);
      return (fill) => {
        if (!(fill.barVolume > 0) || !(fill.close > 0)) return 0;
        const sigma = (fill.high - fill.low) / fill.close;
        return fill.price * k * sigma * Math.sqrt(fill.quantity / fill.barVolume);
      };
    }
    default: {
      const unknown: { kind?: unknown } = config;
      throw new AlphintraError('INVALID_ARGUMENT', `unknown slippage model ${String(unknown.kind)}`);
    }
  }
}

import { computeMovingAverage, movingAverageLookback } from '../overlap/index.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { matype, period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeFastK } from './fast-k.js';
import { StochasticStream } from './stochastic-core.js';

/** Returns the lookback of STOCH for resolved parameters. */
export function stochLookback(p: IndicatorParams): number {
  return (
    (p.fastk_period as number) -
    1 +
    movingAverageLookback(p.slowk_matype as number, p.slowk_period as number) +
    movingAverageLookback(p.slowd_matype as number, p.slowd_period as number)
  );
}

/** Returns the lookback of STOCHF for resolved parameters. */
export function stochfLookback(p: IndicatorParams): number {
  return (p.fastk_period as number) - 1 + movingAverageLookback(p.fastd_matype as number, p.fastd_period as number);
}

/**
 * Fills `slowk` with the moving average of raw %K and `slowd` with the average of that
 * (NaN during the warm-up). Raw %K is computed into `slowd` first, so nothing is allocated.
 */
export function computeStoch(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: IndicatorParams,
  slowk: Float64Array,
  slowd: Float64Array,
): void {
  const kStart = (p.fastk_period as number) - 1;
  const slowkPeriod = p.slowk_period as number;
  const slowkType = p.slowk_matype as number;
  computeFastK(high, low, close, p.fastk_period as number, slowd);
  computeMovingAverage(slowkType, slowd, slowkPeriod, slowk, kStart);
  const dStart = kStart + movingAverageLookback(slowkType, slowkPeriod);
  computeMovingAverage(p.slowd_matype as number, slowk, p.slowd_period as number, slowd, dStart);
  slowk.fill(Number.NaN, 0, Math.min(close.length, stochLookback(p)));
}

/** Fills `fastk` with raw %K and `fastd` with its moving average (NaN during the warm-up). */
export function computeStochf(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: IndicatorParams,
  fastk: Float64Array,
  fastd: Float64Array,
): void {
  computeFastK(high, low, close, p.fastk_period as number, fastk);
  computeMovingAverage(
    p.fastd_matype as number,
    fastk,
    p.fastd_period as number,
    fastd,
    (p.fastk_period as number) - 1,
  );
  fastk.fill(Number.NaN, 0, Math.min(close.length, stochfLookback(p)));
}

/**
 * Slow stochastic oscillator, as TA-Lib's STOCH.
 *
 * @example
 * const { slowk, slowd } = STOCH(s.high, s.low, s.close, { fastk_period: 14, slowk_period: 3, slowd_period: 3 });
 */
export function STOCH(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: {
    fastk_period?: number;
    slowk_period?: number;
    slowk_matype?: number;
    slowd_period?: number;
    slowd_matype?: number;
  } = {},
): { slowk: Float64Array; slowd: Float64Array } {
  const p = resolveParams(STOCH_DEFINITION, params);
  const n = commonLength('STOCH', [high, low, close]);
  const out = { slowk: nanArray(n), slowd: nanArray(n) };
  computeStoch(high, low, close, p, out.slowk, out.slowd);
  return out;
}

/**
 * Fast stochastic oscillator, as TA-Lib's STOCHF.
 *
 * @example
 * const { fastk, fastd } = STOCHF(s.high, s.low, s.close, { fastk_period: 14, fastd_period: 3 });
 */
export function STOCHF(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { fastk_period?: number; fastd_period?: number; fastd_matype?: number } = {},
): { fastk: Float64Array; fastd: Float64Array } {
  const p = resolveParams(STOCHF_DEFINITION, params);
  const n = commonLength('STOCHF', [high, low, close]);
  const out = { fastk: nanArray(n), fastd: nanArray(n) };
  computeStochf(high, low, close, p, out.fastk, out.fastd);
  return out;
}

/** Streaming STOCH: `update(high, low, close)` returns slow %K. */
export class STOCHStream extends StochasticStream {
  constructor(p: IndicatorParams) {
    super(
      p.fastk_period as number,
      { period: p.slowk_period as number, matype: p.slowk_matype as number },
      { period: p.slowd_period as number, matype: p.slowd_matype as number },
    );
  }
}

/** Streaming STOCHF: `update(high, low, close)` returns fast %K. */
export class STOCHFStream extends StochasticStream {
  constructor(p: IndicatorParams) {
    super(p.fastk_period as number, null, { period: p.fastd_period as number, matype: p.fastd_matype as number });
  }
}

const FASTK = period('fastk_period', 5, 1, 'Bars over which the highest high and lowest low are taken.');

/** Registry entry for STOCH. */
export const STOCH_DEFINITION: IndicatorDefinition = {
  name: 'STOCH',
  group: 'momentum',
  description: 'Slow stochastic: a smoothed position of the close within the recent high-low range, and its average.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [
    FASTK,
    period('slowk_period', 3, 1, 'Bars of the average that smooths raw %K.'),
    matype('slowk_matype', 'Type of the average that smooths raw %K.'),
    period('slowd_period', 3, 1, 'Bars of the average of slow %K.'),
    matype('slowd_matype', 'Type of the average of slow %K.'),
  ],
  outputs: [
    { name: 'slowk', type: 'real', description: 'Smoothed %K, from 0 to 100.' },
    { name: 'slowd', type: 'real', description: 'The average of slow %K.' },
  ],
  lookback: stochLookback,
  compute: (inputs, p, outputs) =>
    computeStoch(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new STOCHStream(p),
};

/** Registry entry for STOCHF. */
export const STOCHF_DEFINITION: IndicatorDefinition = {
  name: 'STOCHF',
  group: 'momentum',
  description: 'Fast stochastic: the position of the close within the recent high-low range, and its average.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [
    FASTK,
    period('fastd_period', 3, 1, 'Bars of the average of %K.'),
    matype('fastd_matype', 'Type of the average of %K.'),
  ],
  outputs: [
    { name: 'fastk', type: 'real', description: 'Raw %K, from 0 to 100.' },
    { name: 'fastd', type: 'real', description: 'The average of %K.' },
  ],
  lookback: stochfLookback,
  compute: (inputs, p, outputs) =>
    computeStochf(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new STOCHFStream(p),
};

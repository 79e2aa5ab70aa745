import { nanArray } from '../support/arrays.js';
import { matype, period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams, OutputSpec } from '../types.js';
import { computeMacdSetup, type MacdSetup, MacdSetupStream, macdLookback, macdSetup } from './macd-core.js';

const EMA_TYPE = 1;
// MACDFIX's lines: EMAs seeded over 12 and 26 bars with TA-Lib's fixed factors 0.15 and 0.075
// (close to, but not, 2 / 13 and 2 / 27).
const FIX_FAST_PERIOD = 12;
const FIX_SLOW_PERIOD = 26;
const FIX_FAST_FACTOR = 0.15;
const FIX_SLOW_FACTOR = 0.075;

/** The three MACD outputs, keyed by TA-Lib's names. */
export interface MacdOutput {
  macd: Float64Array;
  macdsignal: Float64Array;
  macdhist: Float64Array;
}

function macdOf(p: IndicatorParams): MacdSetup {
  return macdSetup(
    p.fastperiod as number,
    EMA_TYPE,
    p.slowperiod as number,
    EMA_TYPE,
    p.signalperiod as number,
    EMA_TYPE,
  );
}

function macdExtOf(p: IndicatorParams): MacdSetup {
  return macdSetup(
    p.fastperiod as number,
    p.fastmatype as number,
    p.slowperiod as number,
    p.slowmatype as number,
    p.signalperiod as number,
    p.signalmatype as number,
  );
}

function macdFixOf(p: IndicatorParams): MacdSetup {
  return {
    fastPeriod: FIX_FAST_PERIOD,
    fastMatype: EMA_TYPE,
    slowPeriod: FIX_SLOW_PERIOD,
    slowMatype: EMA_TYPE,
    signalPeriod: p.signalperiod as number,
    signalMatype: EMA_TYPE,
    fastFactor: FIX_FAST_FACTOR,
    slowFactor: FIX_SLOW_FACTOR,
  };
}

function run(setup: MacdSetup, real: Float64Array): MacdOutput {
  const out = { macd: nanArray(real.length), macdsignal: nanArray(real.length), macdhist: nanArray(real.length) };
  computeMacdSetup(setup, real, out.macd, out.macdsignal, out.macdhist);
  return out;
}

/**
 * Moving average convergence/divergence, as TA-Lib's MACD: EMA(fast) − EMA(slow), with the
 * fast EMA seeded where the slow one becomes ready, its EMA(signal) and the difference.
 *
 * @example
 * const { macd, macdsignal, macdhist } = MACD(series.close, { fastperiod: 12, slowperiod: 26, signalperiod: 9 });
 */
export function MACD(
  real: Float64Array,
  params: { fastperiod?: number; slowperiod?: number; signalperiod?: number } = {},
): MacdOutput {
  return run(macdOf(resolveParams(MACD_DEFINITION, params)), real);
}

/**
 * MACD with a chosen moving-average type for each of its three averages, as TA-Lib's MACDEXT.
 *
 * @example
 * const { macd } = MACDEXT(series.close, { fastmatype: 2, slowmatype: 2, signalmatype: 0 });
 */
export function MACDEXT(
  real: Float64Array,
  params: {
    fastperiod?: number;
    fastmatype?: number;
    slowperiod?: number;
    slowmatype?: number;
    signalperiod?: number;
    signalmatype?: number;
  } = {},
): MacdOutput {
  return run(macdExtOf(resolveParams(MACDEXT_DEFINITION, params)), real);
}

/**
 * MACD on the classic 12/26 lines with fixed smoothing factors, as TA-Lib's MACDFIX.
 *
 * @example
 * const { macd, macdsignal } = MACDFIX(series.close, { signalperiod: 9 });
 */
export function MACDFIX(real: Float64Array, params: { signalperiod?: number } = {}): MacdOutput {
  return run(macdFixOf(resolveParams(MACDFIX_DEFINITION, params)), real);
}

/** Streaming MACD (any of the three): `update(close)` returns the MACD line. */
export class MACDStream extends MacdSetupStream {}

const OUTPUTS: readonly OutputSpec[] = [
  { name: 'macd', type: 'real', description: 'The fast average minus the slow average.' },
  { name: 'macdsignal', type: 'real', description: 'The moving average of the MACD line.' },
  { name: 'macdhist', type: 'real', description: 'The MACD line minus its signal line.' },
];

function definition(
  name: string,
  description: string,
  parameters: IndicatorDefinition['parameters'],
  setupOf: (p: IndicatorParams) => MacdSetup,
): IndicatorDefinition {
  return {
    name,
    group: 'momentum',
    description,
    talib: true,
    inputs: ['real'],
    parameters,
    outputs: OUTPUTS,
    lookback: (p) => macdLookback(setupOf(p)),
    compute: (inputs, p, outputs) =>
      computeMacdSetup(
        setupOf(p),
        inputs[0] as Float64Array,
        outputs[0] as Float64Array,
        outputs[1] as Float64Array,
        outputs[2] as Float64Array,
      ),
    createStream: (p) => new MACDStream(setupOf(p)),
  };
}

const FAST = period('fastperiod', 12, 2, 'Bars of the fast average.');
const SLOW = period('slowperiod', 26, 2, 'Bars of the slow average.');
const SIGNAL = period('signalperiod', 9, 1, 'Bars of the signal-line average.');

/** Registry entry for MACD. */
export const MACD_DEFINITION = definition(
  'MACD',
  'Difference of a fast and a slow exponential average, with its own average as a signal line.',
  [FAST, SLOW, SIGNAL],
  macdOf,
);

/** Registry entry for MACDEXT. */
export const MACDEXT_DEFINITION = definition(
  'MACDEXT',
  'MACD whose fast, slow and signal averages each use a chosen moving-average type.',
  [
    FAST,
    matype('fastmatype', 'Type of the fast average.'),
    SLOW,
    matype('slowmatype', 'Type of the slow average.'),
    SIGNAL,
    matype('signalmatype', 'Type of the signal-line average.'),
  ],
  macdExtOf,
);

/** Registry entry for MACDFIX. */
export const MACDFIX_DEFINITION = definition(
  'MACDFIX',
  'MACD on 12- and 26-bar exponential averages with fixed smoothing factors 0.15 and 0.075.',
  [SIGNAL],
  macdFixOf,
);

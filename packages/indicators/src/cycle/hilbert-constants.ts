// Constants of Ehlers' Hilbert-transform machinery (see hilbert-engine.ts): the feature flags
// and lookbacks the HT_* indicators share, TA-Lib's coefficients, the tabulated DFT terms and
// the layout of the engine's rings and filter state.

import { roundedCos, roundedSin } from './rounded-trig.js';

/** Feature flag: also compute the dominant-cycle phase (a DFT over the smoothed period). */
export const HT_PHASE = 1;
/** Feature flag: also compute the sine and lead-sine of the phase (implies {@link HT_PHASE}). */
export const HT_SINE_WAVE = 2 | HT_PHASE;
/** Feature flag: also compute the instantaneous trendline. */
export const HT_TREND = 4;
/** Feature flag: also decide trend versus cycle mode (implies every other feature). */
export const HT_MODE = 8 | HT_SINE_WAVE | HT_TREND;

/** TA-Lib's lookback of HT_DCPERIOD and HT_PHASOR. */
export const HT_SHORT_LOOKBACK = 32;
/** TA-Lib's lookback of HT_DCPHASE, HT_SINE, HT_TRENDLINE and HT_TRENDMODE. */
export const HT_LONG_LOOKBACK = 63;

/** Returns TA-Lib's lookback for an engine with the given features. */
export function hilbertLookback(features: number): number {
  return features === 0 ? HT_SHORT_LOOKBACK : HT_LONG_LOOKBACK;
}

// TA-Lib starts the transform after 3 bars seeding the price WMA plus 9 (short) or 34 (long)
// bars of WMA alone; the rest of the lookback lets the recursions settle.
export const SHORT_START = 12;
export const LONG_START = 37;

export const A = 0.0962;
export const B = 0.5769;
const QUARTER_PI = Math.atan(1);
export const RAD_TO_DEG = 45 / QUARTER_PI;
// Written as TA-Lib derives it (not π/180) so that the phase agrees to the last bit.
export const DEG_TO_RAD = 1 / RAD_TO_DEG;
const TWO_PI = QUARTER_PI * 8;

/** Longest period the discriminator reports, hence the longest DFT and trendline window. */
export const MAX_CYCLE = 50;
// Rings hold the last 64 raw and smoothed prices (enough for MAX_CYCLE and the WMA's tail).
// Each value is written twice, at slot j and j + RING, so that any window of up to RING
// values ending at the newest one lies contiguous and the summing loops need no wrap-around.
export const RING = 64;
export const MASK = RING - 1;

// The DFT takes sin/cos of 2π·i/n for n ≤ 50; tabulating them once (with the very argument
// the formula would compute) spares two trigonometric calls per term. The values are
// correctly rounded: on a flat series the DFT sums cancel to rounding noise and the phase
// follows the last bit of each term (see rounded-trig.ts).
export const DFT_SIN = new Float64Array((MAX_CYCLE + 1) * MAX_CYCLE);
export const DFT_COS = new Float64Array((MAX_CYCLE + 1) * MAX_CYCLE);
for (let n = 1; n <= MAX_CYCLE; n++) {
  for (let i = 0; i < n; i++) {
    const angle = (i * TWO_PI) / n;
    DFT_SIN[n * MAX_CYCLE + i] = roundedSin(angle);
    DFT_COS[n * MAX_CYCLE + i] = roundedCos(angle);
  }
}

// Layout of the Hilbert filter state. TA-Lib keeps separate filters for even and odd bars;
// each parity owns one contiguous half (so a step touches, and `save` copies, only that
// half) holding, for each filtered series (detrender, Q1, jI, jQ), a block of 3 delay slots,
// the previous scaled output and the previous input.
const BLOCK = 5;
export const DETRENDER = 0;
export const Q1 = BLOCK;
export const JI = 2 * BLOCK;
export const JQ = 3 * BLOCK;
export const PARITY_SIZE = 4 * BLOCK;
export const FILTER_SIZE = 2 * PARITY_SIZE;

// Ehlers' Hilbert-transform machinery shared by the six HT_* indicators, written as one
// incremental state machine so that the batch kernels and the streams run the very same
// floating-point operations in the same order (batch = streaming to the last bit).

import {
  A,
  B,
  DEG_TO_RAD,
  DETRENDER,
  DFT_COS,
  DFT_SIN,
  FILTER_SIZE,
  HT_MODE,
  HT_PHASE,
  HT_SINE_WAVE,
  HT_TREND,
  JI,
  JQ,
  LONG_START,
  MASK,
  MAX_CYCLE,
  PARITY_SIZE,
  Q1,
  RAD_TO_DEG,
  RING,
  SHORT_START,
} from './hilbert-constants.js';

// The feature flags and lookbacks are how callers configure an engine: exported from here too.
export {
  HT_LONG_LOOKBACK,
  HT_MODE,
  HT_PHASE,
  HT_SHORT_LOOKBACK,
  HT_SINE_WAVE,
  HT_TREND,
  hilbertLookback,
} from './hilbert-constants.js';

/**
 * The Hilbert-transform state machine: a 4-bar WMA of price, the detrender, in-phase and
 * quadrature components, the homodyne discriminator, the smoothed dominant-cycle period and,
 * on request, the dominant-cycle phase, sine wave, trendline and trend mode. One `step` per
 * bar, O(1), no allocation; `save`/`restore` undo the last step for a forming bar.
 */
export class HilbertEngine {
  /** Bars seen so far. */
  count = 0;
  /** Smoothed dominant-cycle period (HT_DCPERIOD). */
  smoothPeriod = 0;
  /** In-phase component of the last bar (HT_PHASOR). */
  inPhase = 0;
  /** Quadrature component of the last bar (HT_PHASOR). */
  quadrature = 0;
  /** Dominant-cycle phase in degrees (HT_DCPHASE). */
  dcPhase = 0;
  /** Sine of the phase (HT_SINE). */
  sine = 0;
  /** Sine of the phase advanced by 45° (HT_SINE). */
  leadSine = 0;
  /** Instantaneous trendline (HT_TRENDLINE). */
  trendline = 0;
  /** 1 in a trend, 0 in a cycle (HT_TRENDMODE). */
  trend = 0;

  readonly #features: number;
  readonly #start: number;
  readonly #raw = new Float64Array(2 * RING);
  readonly #smooth = new Float64Array(2 * RING);
  readonly #filter = new Float64Array(FILTER_SIZE);
  #head = 0;
  #wmaSub = 0;
  #wmaSum = 0;
  #period = 0;
  #hilbertIdx = 0;
  #prevQ2 = 0;
  #prevI2 = 0;
  #re = 0;
  #im = 0;
  #i1OddPrev2 = 0;
  #i1OddPrev3 = 0;
  #i1EvenPrev2 = 0;
  #i1EvenPrev3 = 0;
  #iTrend1 = 0;
  #iTrend2 = 0;
  #iTrend3 = 0;
  #daysInTrend = 0;
  #prevSine = 0;
  #prevLeadSine = 0;
  // Phase of the bar before; set by every phase update before it is read, so not saved.
  #previousPhase = 0;

  // Snapshot taken by `save`: every scalar, the filter state and the two ring slots the
  // next step overwrites.
  readonly #saved = new Float64Array(32);
  readonly #savedFilter = new Float64Array(FILTER_SIZE);

  /** Creates an engine computing the given features (a union of the HT_* flags, or 0). */
  constructor(features: number) {
    this.#features = features;
    this.#start = features === 0 ? SHORT_START : LONG_START;
  }

  /**
   * Advances by bar `index` of the price column `prices`. The price is read from the column
   * rather than passed as a number, which V8 would box when it does not inline this call.
   */
  step(prices: Float64Array, index: number): void {
    const x = prices[index] as number;
    const t = this.count++;
    const raw = this.#raw;
    raw[t & MASK] = x;
    raw[(t & MASK) + RING] = x;
    if (t < 3) {
      // Seeding of the 4-bar WMA (weights 1, 2, 3).
      if (t === 0) {
        this.#wmaSub = x;
        this.#wmaSum = x;
      } else {
        this.#wmaSub += x;
        this.#wmaSum += x * (t + 1);
      }
      return;
    }
    this.#wmaSub += x;
    if (t > 3) this.#wmaSub -= raw[(t - 4) & MASK] as number;
    this.#wmaSum += x * 4;
    const smoothed = this.#wmaSum * 0.1;
    this.#wmaSum -= this.#wmaSub;
    if (t < this.#start) return;

    const adjust = 0.075 * this.#period + 0.54;
    const head = this.#head;
    this.#smooth[head] = smoothed;
    this.#smooth[head + RING] = smoothed;
    // TA-Lib runs separate filters on even and odd bars; `block` selects this bar's set.
    const even = (t & 1) === 0;
    const block = even ? 0 : PARITY_SIZE;
    const detrender = this.#hilbert(DETRENDER + block, smoothed, adjust);
    const q1 = this.#hilbert(Q1 + block, detrender, adjust);
    // The in-phase component is the detrender of three bars of the same parity ago.
    const i1 = even ? this.#i1EvenPrev3 : this.#i1OddPrev3;
    this.inPhase = i1;
    this.quadrature = q1;
    const jI = this.#hilbert(JI + block, i1, adjust);
    const jQ = this.#hilbert(JQ + block, q1, adjust);
    const q2 = 0.2 * (q1 + jI) + 0.8 * this.#prevQ2;
    const i2 = 0.2 * (i1 - jQ) + 0.8 * this.#prevI2;
    if (even) {
      if (++this.#hilbertIdx === 3) this.#hilbertIdx = 0;
      this.#i1OddPrev3 = this.#i1OddPrev2;
      this.#i1OddPrev2 = detrender;
    } else {
      this.#i1EvenPrev3 = this.#i1EvenPrev2;
      this.#i1EvenPrev2 = detrender;
    }

    // Homodyne discriminator, then the period clamped and smoothed as TA-Lib does.
    const re = 0.2 * (i2 * this.#prevI2 + q2 * this.#prevQ2) + 0.8 * this.#re;
    const im = 0.2 * (i2 * this.#prevQ2 - q2 * this.#prevI2) + 0.8 * this.#im;
    this.#re = re;
    this.#im = im;
    this.#prevQ2 = q2;
    this.#prevI2 = i2;
    const previous = this.#period;
    let period = previous;
    if (im !== 0 && re !== 0) period = 360 / (Math.atan(im / re) * RAD_TO_DEG);
    if (period > 1.5 * previous) period = 1.5 * previous;
    if (period < 0.67 * previous) period = 0.67 * previous;
    if (period < 6) period = 6;
    else if (period > 50) period = 50;
    period = 0.2 * period + 0.8 * previous;
    this.#period = period;
    const smoothPeriod = 0.33 * period + 0.67 * this.smoothPeriod;
    this.smoothPeriod = smoothPeriod;

    const features = this.#features;
    if (features !== 0) {
      // Truncation as C's (int) cast; smoothPeriod lies in [0, 50].
      const cycle = (smoothPeriod + 0.5) | 0;
      // Only integers cross these calls: V8 boxes doubles passed to calls it does not inline.
      if ((features & HT_PHASE) !== 0) this.#updatePhase(cycle, head);
      if ((features & HT_TREND) !== 0) this.#updateTrendline(cycle, t);
      if ((features & HT_MODE) === HT_MODE) this.#updateMode(head);
    }
    this.#head = (head + 1) & MASK;
  }

  /** Remembers the whole state, so that {@link restore} can undo the next step. */
  save(): void {
    const s = this.#saved;
    s[0] = this.count;
    s[1] = this.smoothPeriod;
    s[2] = this.inPhase;
    s[3] = this.quadrature;
    s[4] = this.dcPhase;
    s[5] = this.sine;
    s[6] = this.leadSine;
    s[7] = this.trendline;
    s[8] = this.trend;
    s[9] = this.#head;
    s[10] = this.#wmaSub;
    s[11] = this.#wmaSum;
    s[12] = this.#period;
    s[13] = this.#hilbertIdx;
    s[14] = this.#prevQ2;
    s[15] = this.#prevI2;
    s[16] = this.#re;
    s[17] = this.#im;
    s[18] = this.#i1OddPrev2;
    s[19] = this.#i1OddPrev3;
    s[20] = this.#i1EvenPrev2;
    s[21] = this.#i1EvenPrev3;
    s[22] = this.#iTrend1;
    s[23] = this.#iTrend2;
    s[24] = this.#iTrend3;
    s[25] = this.#daysInTrend;
    s[26] = this.#prevSine;
    s[27] = this.#prevLeadSine;
    // The only ring slots a step writes: the raw price at `count` and the smoothed one at `head`.
    s[28] = this.#raw[this.count & MASK] as number;
    s[29] = this.#smooth[this.#head] as number;
    // Only the half of the filter state of this bar's parity changes. A plain loop: for 20
    // values it beats the call overhead of TypedArray#set.
    const filter = this.#filter;
    const savedFilter = this.#savedFilter;
    const from = (this.count & 1) * PARITY_SIZE;
    for (let i = from; i < from + PARITY_SIZE; i++) savedFilter[i] = filter[i] as number;
  }

  /** Returns to the state of the last {@link save}. */
  restore(): void {
    const s = this.#saved;
    this.count = s[0] as number;
    this.smoothPeriod = s[1] as number;
    this.inPhase = s[2] as number;
    this.quadrature = s[3] as number;
    this.dcPhase = s[4] as number;
    this.sine = s[5] as number;
    this.leadSine = s[6] as number;
    this.trendline = s[7] as number;
    this.trend = s[8] as number;
    this.#head = s[9] as number;
    this.#wmaSub = s[10] as number;
    this.#wmaSum = s[11] as number;
    this.#period = s[12] as number;
    this.#hilbertIdx = s[13] as number;
    this.#prevQ2 = s[14] as number;
    this.#prevI2 = s[15] as number;
    this.#re = s[16] as number;
    this.#im = s[17] as number;
    this.#i1OddPrev2 = s[18] as number;
    this.#i1OddPrev3 = s[19] as number;
    this.#i1EvenPrev2 = s[20] as number;
    this.#i1EvenPrev3 = s[21] as number;
    this.#iTrend1 = s[22] as number;
    this.#iTrend2 = s[23] as number;
    this.#iTrend3 = s[24] as number;
    this.#daysInTrend = s[25] as number;
    this.#prevSine = s[26] as number;
    this.#prevLeadSine = s[27] as number;
    this.#raw[this.count & MASK] = s[28] as number;
    this.#raw[(this.count & MASK) + RING] = s[28] as number;
    this.#smooth[this.#head] = s[29] as number;
    this.#smooth[this.#head + RING] = s[29] as number;
    const filter = this.#filter;
    const savedFilter = this.#savedFilter;
    const from = (this.count & 1) * PARITY_SIZE;
    for (let i = from; i < from + PARITY_SIZE; i++) filter[i] = savedFilter[i] as number;
  }

  /** Returns to the state of a new engine. */
  reset(): void {
    this.#raw.fill(0);
    this.#smooth.fill(0);
    // Every field starts at zero, so restoring an all-zero snapshot resets the scalars.
    this.#saved.fill(0);
    this.restore();
    this.#filter.fill(0);
  }

  /** One Hilbert FIR step of the series whose state block starts at `k`; returns its output. */
  #hilbert(k: number, input: number, adjust: number): number {
    const f = this.#filter;
    const slot = k + this.#hilbertIdx;
    const scaled = A * input;
    let out = -(f[slot] as number);
    f[slot] = scaled;
    out += scaled;
    out -= f[k + 3] as number;
    f[k + 3] = B * (f[k + 4] as number);
    out += f[k + 3] as number;
    f[k + 4] = input;
    return out * adjust;
  }

  #updatePhase(cycle: number, head: number): void {
    const smooth = this.#smooth;
    let realPart = 0;
    let imagPart = 0;
    const row = cycle * MAX_CYCLE;
    const newest = head + RING;
    // Unrolled by two, keeping the order of additions of the plain loop.
    let i = 0;
    for (; i + 2 <= cycle; i += 2) {
      const price0 = smooth[newest - i] as number;
      const price1 = smooth[newest - i - 1] as number;
      realPart += (DFT_SIN[row + i] as number) * price0;
      imagPart += (DFT_COS[row + i] as number) * price0;
      realPart += (DFT_SIN[row + i + 1] as number) * price1;
      imagPart += (DFT_COS[row + i + 1] as number) * price1;
    }
    if (i < cycle) {
      const price = smooth[newest - i] as number;
      realPart += (DFT_SIN[row + i] as number) * price;
      imagPart += (DFT_COS[row + i] as number) * price;
    }
    let phase = this.dcPhase;
    this.#previousPhase = phase;
    const magnitude = Math.abs(imagPart);
    if (magnitude > 0) phase = Math.atan(realPart / imagPart) * RAD_TO_DEG;
    else if (magnitude <= 0.01) {
      // The imaginary part is exactly zero (NaN skips both branches, as in TA-Lib): keep the
      // last phase, turned by ±90° toward the sign of the real part.
      if (realPart < 0) phase -= 90;
      else if (realPart > 0) phase += 90;
    }
    phase += 90;
    // Compensates the one-bar lag of the price WMA.
    phase += 360 / this.smoothPeriod;
    if (imagPart < 0) phase += 180;
    if (phase > 315) phase -= 360;
    this.dcPhase = phase;
    if ((this.#features & HT_SINE_WAVE) === HT_SINE_WAVE) {
      this.sine = Math.sin(phase * DEG_TO_RAD);
      this.leadSine = Math.sin((phase + 45) * DEG_TO_RAD);
    }
  }

  #updateTrendline(cycle: number, t: number): void {
    const raw = this.#raw;
    let average = 0;
    // Summed newest first, as TA-Lib does; unrolled (same order of additions) because V8's
    // per-iteration loop overhead otherwise dominates this short sum.
    let j = (t & MASK) + RING;
    const end = j - cycle;
    for (; j - 4 >= end; j -= 4) {
      average += raw[j] as number;
      average += raw[j - 1] as number;
      average += raw[j - 2] as number;
      average += raw[j - 3] as number;
    }
    for (; j > end; j--) average += raw[j] as number;
    if (cycle > 0) average = average / cycle;
    this.trendline = (4 * average + 3 * this.#iTrend1 + 2 * this.#iTrend2 + this.#iTrend3) / 10;
    this.#iTrend3 = this.#iTrend2;
    this.#iTrend2 = this.#iTrend1;
    this.#iTrend1 = average;
  }

  // Runs after this bar's phase, sine and trendline.
  #updateMode(head: number): void {
    const smoothed = this.#smooth[head] as number;
    const sine = this.sine;
    const leadSine = this.leadSine;
    const prevSine = this.#prevSine;
    const prevLeadSine = this.#prevLeadSine;
    this.#prevSine = sine;
    this.#prevLeadSine = leadSine;
    const smoothPeriod = this.smoothPeriod;
    let trend = 1;
    // A crossing of the sine and lead-sine lines starts a new cycle.
    if ((sine > leadSine && prevSine <= prevLeadSine) || (sine < leadSine && prevSine >= prevLeadSine)) {
      this.#daysInTrend = 0;
      trend = 0;
    }
    this.#daysInTrend++;
    if (this.#daysInTrend < 0.5 * smoothPeriod) trend = 0;
    const advance = this.dcPhase - this.#previousPhase;
    if (smoothPeriod !== 0 && advance > (0.67 * 360) / smoothPeriod && advance < (1.5 * 360) / smoothPeriod) {
      trend = 0;
    }
    const trendline = this.trendline;
    if (trendline !== 0 && Math.abs((smoothed - trendline) / trendline) >= 0.015) trend = 1;
    this.trend = trend;
  }
}

// Hikkake: an inside bar followed by a false breakout, signalled when it appears (±100) and
// again (±200) if price then closes back beyond the inside bar within three bars. The only
// patterns here with memory beyond the window, kept in a small state array so that batch
// and streaming step through exactly the same logic.
import { nearLimit } from './candle-geometry.js';
import {
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  runPatternBatch,
} from './candle-pattern.js';
import { NEAR } from './candle-settings.js';
import { averageOf, CandleTotals, highLowStep } from './candle-totals.js';

type Column = Float64Array;
type SetupRule = (o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array) => number;

// State slots: bar of the last setup, its signal, the inside bar's high and low, and the
// result of the last step (kept here rather than returned, so that no double is boxed).
const SETUP_BAR = 0;
const SIGNAL = 1;
const INSIDE_HIGH = 2;
const INSIDE_LOW = 3;
const RESULT = 4;
const STATE_SIZE = 5;

/** Bars before the lookback on which TA-Lib already looks for a setup. */
const PRIME = 3;

/** Moves the hikkake state on by one bar and writes the bar's signal into `state[RESULT]`. */
function hikkakeStep(
  state: Float64Array,
  setup: number,
  close: number,
  bar: number,
  insideHigh: number,
  insideLow: number,
): void {
  if (setup !== 0) {
    state[SETUP_BAR] = bar;
    state[SIGNAL] = setup;
    state[INSIDE_HIGH] = insideHigh;
    state[INSIDE_LOW] = insideLow;
    state[RESULT] = setup;
    return;
  }
  const signal = state[SIGNAL] as number;
  if (
    bar <= (state[SETUP_BAR] as number) + 3 &&
    ((signal > 0 && close > (state[INSIDE_HIGH] as number)) || (signal < 0 && close < (state[INSIDE_LOW] as number)))
  ) {
    // TA-Lib forgets the setup bar (but not its signal) once confirmed.
    state[SETUP_BAR] = 0;
    state[RESULT] = signal + (signal > 0 ? 100 : -100);
    return;
  }
  state[RESULT] = 0;
}

// Fills the lookback of `out` with NaN and returns the totals summed for the first primed bar,
// or undefined when no bar can be judged. Each kernel then writes its own loop: one loop shared
// by both setup rules would call them through a polymorphic site that V8 cannot inline.
function beginHikkake(spec: CandlePatternSpec, o: Column, h: Column, l: Column, c: Column, out: Column) {
  const n = o.length;
  const lookback = spec.lookback;
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  if (lookback >= n) return undefined;
  const totals = new CandleTotals(spec.averages);
  totals.begin(o, h, l, c, lookback - PRIME);
  return totals;
}

class HikkakeStream extends CandlePatternStream {
  readonly #setupAt: SetupRule;
  readonly #state = new Float64Array(STATE_SIZE);
  readonly #saved = new Float64Array(STATE_SIZE);

  constructor(spec: CandlePatternSpec, setupAt: SetupRule) {
    super(spec, () => 0);
    this.#setupAt = setupAt;
  }

  protected override evaluate(index: number, bar: number): void {
    const setup = this.#setupAt(this.open, this.high, this.low, this.close, index, this.totals.values);
    hikkakeStep(
      this.#state,
      setup,
      this.close[index] as number,
      bar,
      this.high[index - 1] as number,
      this.low[index - 1] as number,
    );
    this.outputs[0] = this.#state[RESULT] as number;
  }

  protected override saveState(): void {
    this.#saved.set(this.#state);
  }

  protected override restoreState(): void {
    this.#state.set(this.#saved);
  }

  protected override resetState(): void {
    this.#state.fill(0);
  }
}

const HIKKAKE_SPEC: CandlePatternSpec = { lookback: 5, averages: [], prime: PRIME };

function hikkakeSetupAt(_o: Column, h: Column, l: Column, _c: Column, i: number): number {
  return h[i - 1] < h[i - 2] &&
    l[i - 1] > l[i - 2] &&
    ((h[i] < h[i - 1] && l[i] < l[i - 1]) || (h[i] > h[i - 1] && l[i] > l[i - 1]))
    ? 100 * (h[i] < h[i - 1] ? 1 : -1)
    : 0;
}

/** Writes CDLHIKKAKE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHikkake(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  if (beginHikkake(HIKKAKE_SPEC, open, high, low, close, out) === undefined) return;
  const lookback = HIKKAKE_SPEC.lookback;
  const state = new Float64Array(STATE_SIZE);
  for (let i = lookback - PRIME; i < open.length; i++) {
    const setup = hikkakeSetupAt(open, high, low, close, i);
    hikkakeStep(state, setup, close[i] as number, i, high[i - 1] as number, low[i - 1] as number);
    if (i >= lookback) out[i] = state[RESULT] as number;
  }
}

/** Streaming hikkake: O(1) per bar, no allocation. */
export class CDLHIKKAKEStream extends HikkakeStream {
  constructor() {
    super(HIKKAKE_SPEC, hikkakeSetupAt);
  }
}

/** Registry entry for CDLHIKKAKE. */
export const CDLHIKKAKE_DEFINITION = candlePatternDefinition({
  name: 'CDLHIKKAKE',
  description: 'Hikkake: a breakout from an inside bar that fails, with a second signal when the failure is confirmed.',
  spec: HIKKAKE_SPEC,
  compute: computeCdlHikkake,
  createStream: () => new CDLHIKKAKEStream(),
});

/**
 * Hikkake, as TA-Lib's CDLHIKKAKE: ±100 on the bar that breaks out of an inside bar (100 for
 * a break down, which is bullish), ±200 on a later bar, within three, that closes back beyond
 * the inside bar's opposite extreme; else 0.
 *
 * @example
 * const hikkake = CDLHIKKAKE(open, high, low, close);
 */
export function CDLHIKKAKE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHIKKAKE_DEFINITION, open, high, low, close);
}

const HIKKAKE_MOD_SPEC: CandlePatternSpec = {
  lookback: Math.max(1, NEAR.period) + 5,
  averages: [averageOf(NEAR, 2)],
  prime: PRIME,
};

function modifiedSetupAt(_o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  if (!(h[i - 2] < h[i - 3] && l[i - 2] > l[i - 3] && h[i - 1] < h[i - 2] && l[i - 1] > l[i - 2])) return 0;
  const near = nearLimit(t[0]);
  return (h[i] < h[i - 1] && l[i] < l[i - 1] && c[i - 2] <= l[i - 2] + near) ||
    (h[i] > h[i - 1] && l[i] > l[i - 1] && c[i - 2] >= h[i - 2] - near)
    ? 100 * (h[i] < h[i - 1] ? 1 : -1)
    : 0;
}

/** Writes CDLHIKKAKEMOD's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHikkakeMod(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginHikkake(HIKKAKE_MOD_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  const lookback = HIKKAKE_MOD_SPEC.lookback;
  const state = new Float64Array(STATE_SIZE);
  for (let i = lookback - PRIME; i < open.length; i++) {
    hikkakeStep(state, modifiedSetupAt(open, high, low, close, i, t), close[i], i, high[i - 1], low[i - 1]);
    // The Near total advanced inline, as in every kernel (see bodyStep in candle-totals.ts).
    t[0] += highLowStep(high, low, i - 2, 5);
    if (i >= lookback) out[i] = state[RESULT] as number;
  }
}

/** Streaming modified hikkake: O(1) per bar, no allocation. */
export class CDLHIKKAKEMODStream extends HikkakeStream {
  constructor() {
    super(HIKKAKE_MOD_SPEC, modifiedSetupAt);
  }
}

/** Registry entry for CDLHIKKAKEMOD. */
export const CDLHIKKAKEMOD_DEFINITION = candlePatternDefinition({
  name: 'CDLHIKKAKEMOD',
  description: 'Modified hikkake: a hikkake after two nested inside bars, the second closing near its extreme.',
  spec: HIKKAKE_MOD_SPEC,
  compute: computeCdlHikkakeMod,
  createStream: () => new CDLHIKKAKEMODStream(),
});

/**
 * Modified hikkake, as TA-Lib's CDLHIKKAKEMOD: like {@link CDLHIKKAKE}, but the setup needs
 * two nested inside bars, the second closing near its low (for a bullish setup) or high (for
 * a bearish one).
 *
 * @example
 * const hikkake = CDLHIKKAKEMOD(open, high, low, close);
 */
export function CDLHIKKAKEMOD(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHIKKAKEMOD_DEFINITION, open, high, low, close);
}

import { StreamBase } from '../support/stream-base.js';

/*
 * The parabolic SAR machinery shared by SAR and SAREXT. Settings and state live in
 * Float64Arrays so that the batch loops and the streams run the very same step and a bar
 * can be undone by copying the state back.
 */

// Settings layout.
const INIT_LONG = 0;
const STEP_LONG = 1;
const MAX_LONG = 2;
const INIT_SHORT = 3;
const STEP_SHORT = 4;
const MAX_SHORT = 5;
const OFFSET = 6;
const SIGNED = 7;
const START = 8;
/** Number of settings. */
export const SAR_SETTINGS_SIZE = 9;

// State layout.
const COUNT = 0;
const LONG = 1;
const AF_LONG = 2;
const AF_SHORT = 3;
const EP = 4;
const SAR = 5;
const LAST_HIGH = 6;
const LAST_LOW = 7;
/** The SAR reported for the last bar (NaN after the first). */
const OUTPUT = 8;
/** Number of state slots. */
export const SAR_STATE_SIZE = 9;

/**
 * Returns SAREXT's settings, with accelerations capped at their maximum as TA-Lib caps them.
 * `signed` makes short positions report a negative SAR; `startvalue` 0 picks the first
 * direction from the first two bars, a positive value starts long there, a negative one short.
 */
export function sarSettings(
  startvalue: number,
  offsetonreverse: number,
  initLong: number,
  stepLong: number,
  maxLong: number,
  initShort: number,
  stepShort: number,
  maxShort: number,
  signed: boolean,
): Float64Array {
  const s = new Float64Array(SAR_SETTINGS_SIZE);
  s[INIT_LONG] = Math.min(initLong, maxLong);
  s[STEP_LONG] = Math.min(stepLong, maxLong);
  s[MAX_LONG] = maxLong;
  s[INIT_SHORT] = Math.min(initShort, maxShort);
  s[STEP_SHORT] = Math.min(stepShort, maxShort);
  s[MAX_SHORT] = maxShort;
  s[OFFSET] = offsetonreverse;
  s[SIGNED] = signed ? 1 : 0;
  s[START] = startvalue;
  return s;
}

/** Sets up the position on the second bar (`h`, `l`) from the first (`s[LAST_HIGH]`, `s[LAST_LOW]`). */
function start(c: Float64Array, s: Float64Array, h: number, l: number): void {
  const startvalue = c[START] as number;
  let long: boolean;
  if (startvalue === 0) {
    // Short when the bar shows a positive minus directional movement.
    const up = h - (s[LAST_HIGH] as number);
    const down = (s[LAST_LOW] as number) - l;
    long = !(down > 0 && up < down);
    s[SAR] = long ? (s[LAST_LOW] as number) : (s[LAST_HIGH] as number);
  } else {
    long = startvalue > 0;
    s[SAR] = Math.abs(startvalue);
  }
  s[LONG] = long ? 1 : 0;
  s[EP] = long ? h : l;
  s[AF_LONG] = c[INIT_LONG] as number;
  s[AF_SHORT] = c[INIT_SHORT] as number;
  // The first step compares the second bar with itself.
  s[LAST_HIGH] = h;
  s[LAST_LOW] = l;
}

/**
 * Advances the SAR by bar `i` of the `high` and `low` columns and leaves the SAR for that bar
 * (NaN on the first bar) in the state's output slot, negative while short when the settings
 * ask for it. The bar is read from the columns and nothing is returned, because a double
 * passed to or returned from a call V8 does not inline is boxed on the heap.
 */
export function sarStep(c: Float64Array, s: Float64Array, high: Float64Array, low: Float64Array, i: number): void {
  const h = high[i] as number;
  const l = low[i] as number;
  const bar = s[COUNT] as number;
  s[COUNT] = bar + 1;
  if (bar === 0) {
    s[LAST_HIGH] = h;
    s[LAST_LOW] = l;
    s[OUTPUT] = Number.NaN;
    return;
  }
  if (bar === 1) start(c, s, h, l);
  const prevHigh = s[LAST_HIGH] as number;
  const prevLow = s[LAST_LOW] as number;
  s[LAST_HIGH] = h;
  s[LAST_LOW] = l;
  let sar = s[SAR] as number;
  let ep = s[EP] as number;
  let out: number;
  if (s[LONG] === 1) {
    if (l <= sar) {
      s[LONG] = 0;
      sar = ep;
      if (sar < prevHigh) sar = prevHigh;
      if (sar < h) sar = h;
      if (c[OFFSET] !== 0) sar += sar * (c[OFFSET] as number);
      out = c[SIGNED] === 1 ? -sar : sar;
      const af = c[INIT_SHORT] as number;
      s[AF_SHORT] = af;
      ep = l;
      sar = sar + af * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < h) sar = h;
    } else {
      out = sar;
      let af = s[AF_LONG] as number;
      if (h > ep) {
        ep = h;
        af += c[STEP_LONG] as number;
        if (af > (c[MAX_LONG] as number)) af = c[MAX_LONG] as number;
        s[AF_LONG] = af;
      }
      sar = sar + af * (ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > l) sar = l;
    }
  } else if (h >= sar) {
    s[LONG] = 1;
    sar = ep;
    if (sar > prevLow) sar = prevLow;
    if (sar > l) sar = l;
    if (c[OFFSET] !== 0) sar -= sar * (c[OFFSET] as number);
    out = sar;
    const af = c[INIT_LONG] as number;
    s[AF_LONG] = af;
    ep = h;
    sar = sar + af * (ep - sar);
    if (sar > prevLow) sar = prevLow;
    if (sar > l) sar = l;
  } else {
    out = c[SIGNED] === 1 ? -sar : sar;
    let af = s[AF_SHORT] as number;
    if (l < ep) {
      ep = l;
      af += c[STEP_SHORT] as number;
      if (af > (c[MAX_SHORT] as number)) af = c[MAX_SHORT] as number;
      s[AF_SHORT] = af;
    }
    sar = sar + af * (ep - sar);
    if (sar < prevHigh) sar = prevHigh;
    if (sar < h) sar = h;
  }
  s[SAR] = sar;
  s[EP] = ep;
  s[OUTPUT] = out;
}

/** Fills `out` with the SAR of every bar (NaN on the first) for the given settings. */
export function computeSarWith(c: Float64Array, high: Float64Array, low: Float64Array, out: Float64Array): void {
  const n = high.length;
  const s = new Float64Array(SAR_STATE_SIZE);
  for (let i = 0; i < n; i++) {
    sarStep(c, s, high, low, i);
    out[i] = s[OUTPUT] as number;
  }
}

/** Streaming face shared by SAR and SAREXT: O(1) per bar, no allocation. */
export class SarStreamBase extends StreamBase {
  readonly #settings: Float64Array;
  readonly #state = new Float64Array(SAR_STATE_SIZE);
  readonly #saved = new Float64Array(SAR_STATE_SIZE);

  constructor(settings: Float64Array) {
    super(1, 2);
    this.#settings = settings;
  }

  push(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#saved.set(this.#state);
    this.#step(columns, index);
  }

  revise(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#state[COUNT] === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#state.set(this.#saved);
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    sarStep(this.#settings, this.#state, columns[0]!, columns[1]!, index);
    this.outputs[0] = this.#state[OUTPUT] as number;
  }

  get isReady(): boolean {
    return (this.#state[COUNT] as number) > 1;
  }

  reset(): void {
    this.#state.fill(0);
    this.outputs[0] = Number.NaN;
  }
}

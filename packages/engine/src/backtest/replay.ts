import { AlphintraError } from '@alphintra/core';
import type { Kernel } from '../kernel/kernel.js';
import type { KernelInstrument } from '../kernel/kernel-types.js';

/** Called with bars done and bars in all. */
export type Progress = ((barsDone: number, barsTotal: number) => void) | undefined;
/** Read between bars; when `aborted` is true the run stops. */
export type Signal = { readonly aborted: boolean } | undefined;

/**
 * Bars per call of the inner loops. V8 optimises a long loop entered once by on-stack
 * replacement, which runs the kernel about half as fast; a loop function called once per
 * block is optimised as a whole.
 */
const BLOCK = 4096;

function checkpoint(done: number, total: number, progress: Progress, signal: Signal): void {
  if (signal?.aborted === true)
    throw new AlphintraError('ABORTED', `backtest cancelled after ${done} of ${total} bars`);
  progress?.(done, total);
}

function stepBars(kernel: Kernel, from: number, to: number): void {
  for (let j = from; j < to; j++) kernel.stepBar(0, j);
}

/**
 * Replays the bars of the only instrument, one kernel call per bar. Progress and the cancel
 * signal are checked every `interval` bars.
 */
export function replayOne(kernel: Kernel, total: number, interval: number, progress: Progress, signal: Signal): number {
  const n = (kernel.instruments[0] as KernelInstrument).columns.time.length;
  let done = 0;
  let nextCheck = interval;
  while (done < n) {
    const to = Math.min(n, done + BLOCK, nextCheck);
    stepBars(kernel, done, to);
    done = to;
    if (done === nextCheck) {
      nextCheck += interval;
      checkpoint(done, total, progress, signal);
    }
  }
  return n;
}

/**
 * Where a replay of many instruments has got to: at each step the smallest next timestamp
 * across the instruments (ties in instrument order), every instrument with a bar at it then
 * matched, then delivered, then one slice ended. O(instruments) per timestamp.
 */
class Timeline {
  readonly #kernel: Kernel;
  readonly #cursor: Int32Array;
  readonly #due: Int32Array;
  readonly #times: Float64Array[];

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
    const n = kernel.instruments.length;
    this.#cursor = new Int32Array(n);
    this.#due = new Int32Array(n);
    this.#times = kernel.instruments.map((i) => i.columns.time);
  }

  /** Runs whole timestamps until at least `bars` bars are done or the data ends; returns the bars done. */
  step(bars: number): number {
    const kernel = this.#kernel;
    const cursor = this.#cursor;
    const due = this.#due;
    const times = this.#times;
    const n = times.length;
    let done = 0;
    while (done < bars) {
      let t = Number.POSITIVE_INFINITY;
      for (let k = 0; k < n; k++) {
        const c = cursor[k] as number;
        const column = times[k] as Float64Array;
        if (c < column.length && (column[c] as number) < t) t = column[c] as number;
      }
      if (t === Number.POSITIVE_INFINITY) break;
      let count = 0;
      for (let k = 0; k < n; k++) {
        const c = cursor[k] as number;
        const column = times[k] as Float64Array;
        if (c < column.length && column[c] === t) due[count++] = k;
      }
      const k0 = due[0] as number;
      const j0 = cursor[k0] as number;
      kernel.advanceToBar(k0, j0);
      for (let i = 0; i < count; i++) kernel.beginBar(due[i] as number, cursor[due[i] as number] as number);
      for (let i = 0; i < count; i++) kernel.deliverBar(due[i] as number, cursor[due[i] as number] as number);
      kernel.endSlice(k0, j0);
      for (let i = 0; i < count; i++) {
        const k = due[i] as number;
        cursor[k] = (cursor[k] as number) + 1;
      }
      done += count;
    }
    return done;
  }
}

/**
 * Replays many instruments on one timeline. Progress and the cancel signal are checked after
 * the timestamp that brings the bars done to the next multiple of `interval` or beyond.
 */
export function replayMany(
  kernel: Kernel,
  total: number,
  interval: number,
  progress: Progress,
  signal: Signal,
): number {
  const timeline = new Timeline(kernel);
  let done = 0;
  let nextCheck = interval;
  for (;;) {
    const stepped = timeline.step(Math.min(BLOCK, nextCheck - done));
    if (stepped === 0) break;
    done += stepped;
    if (done >= nextCheck) {
      nextCheck = done + interval;
      checkpoint(done, total, progress, signal);
    }
  }
  return done;
}

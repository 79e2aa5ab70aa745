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

export function checkpoint(done: number, total: number, progress: Progress, signal: Signal): void {
  if (signal?.aborted === true)
    throw new AlphintraError('ABORTED', `backtest cancelled after ${done} of ${total} bars`);
  progress?.(done, total);
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
    kernel.runBars(done, to);
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
  /**
   * Each instrument's next bar time (+Infinity once done), side by side, so finding the next
   * timestamp reads one small array instead of a column per instrument.
   */
  readonly #next: Float64Array;

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
    const n = kernel.instruments.length;
    this.#cursor = new Int32Array(n);
    this.#due = new Int32Array(n);
    this.#times = kernel.instruments.map((i) => i.columns.time);
    this.#next = Float64Array.from(this.#times, (column) =>
      column.length > 0 ? (column[0] as number) : Number.POSITIVE_INFINITY,
    );
  }

  /** Runs whole timestamps until at least `bars` bars are done or the data ends; returns the bars done. */
  step(bars: number): number {
    const kernel = this.#kernel;
    const cursor = this.#cursor;
    const due = this.#due;
    const next = this.#next;
    const n = next.length;
    let done = 0;
    while (done < bars) {
      let t = Number.POSITIVE_INFINITY;
      for (let k = 0; k < n; k++) if ((next[k] as number) < t) t = next[k] as number;
      if (t === Number.POSITIVE_INFINITY) break;
      let count = 0;
      for (let k = 0; k < n; k++) if (next[k] === t) due[count++] = k;
      kernel.runSlice(due, count, cursor);
      for (let i = 0; i < count; i++) {
        const k = due[i] as number;
        const c = (cursor[k] as number) + 1;
        cursor[k] = c;
        const column = this.#times[k] as Float64Array;
        next[k] = c < column.length ? (column[c] as number) : Number.POSITIVE_INFINITY;
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
  return driveTimeline(new Timeline(kernel), total, interval, progress, signal);
}

/**
 * Steps a timeline to its end in blocks, reporting progress and checking the signal each time
 * the count passes the next multiple of `interval`; returns the count stepped (bars or events).
 */
export function driveTimeline(
  timeline: { step(max: number): number },
  total: number,
  interval: number,
  progress: Progress,
  signal: Signal,
): number {
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

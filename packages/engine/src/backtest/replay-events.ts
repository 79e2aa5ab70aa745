import { STREAM_BARS, STREAM_QUOTES, STREAM_TRADES } from '../kernel/bar-matcher.js';
import type { Kernel } from '../kernel/kernel.js';
import type { KernelInstrument } from '../kernel/kernel-types.js';
import { driveTimeline, type Progress, type Signal } from './replay.js';

/**
 * Every market-data stream of a run on one timeline: each instrument's bars (an event at each
 * bar's close, when it becomes known), quotes and trades (at their times). A slice is every
 * event at one time; within it bars come first (a bar covers its interval up to, not including,
 * its close), then quotes, then trades, each in instrument order, and a stream's events that
 * share the time in their order. The equity curve gets one row per slice, stamped with its time.
 */
class EventTimeline {
  readonly #kernel: Kernel;
  /** Streams in priority order: every bar stream, then every quote stream, then every trade stream. */
  readonly #instrument: Int32Array;
  readonly #kind: Uint8Array;
  readonly #times: Float64Array[];
  readonly #offset: Float64Array;
  readonly #cursor: Int32Array;
  readonly #next: Float64Array;
  readonly #bars: number;

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
    const instrument: number[] = [];
    const kind: number[] = [];
    const times: Float64Array[] = [];
    const offset: number[] = [];
    const add = (k: number, stream: number, column: Float64Array, duration: number): void => {
      instrument.push(k);
      kind.push(stream);
      times.push(column);
      offset.push(duration);
    };
    const instruments = kernel.instruments as readonly KernelInstrument[];
    instruments.forEach((ins, k) => {
      if ((ins.feedFrom ?? 'bars') === 'bars') add(k, STREAM_BARS, ins.columns.time, ins.duration);
    });
    this.#bars = instrument.length;
    instruments.forEach((ins, k) => {
      if (ins.quotes !== undefined) add(k, STREAM_QUOTES, ins.quotes.time, 0);
    });
    instruments.forEach((ins, k) => {
      if (ins.trades !== undefined) add(k, STREAM_TRADES, ins.trades.time, 0);
    });
    this.#instrument = Int32Array.from(instrument);
    this.#kind = Uint8Array.from(kind);
    this.#times = times;
    this.#offset = Float64Array.from(offset);
    this.#cursor = new Int32Array(instrument.length);
    this.#next = Float64Array.from(times, (column, s) =>
      column.length > 0 ? (column[0] as number) + (offset[s] as number) : Number.POSITIVE_INFINITY,
    );
  }

  /** Events in all streams. */
  get total(): number {
    return this.#times.reduce((sum, column) => sum + column.length, 0);
  }

  /** Runs whole slices until at least `events` events are done or the data ends; returns the events done. */
  step(events: number): number {
    const kernel = this.#kernel;
    const next = this.#next;
    const cursor = this.#cursor;
    const n = next.length;
    let done = 0;
    while (done < events) {
      let t = Number.POSITIVE_INFINITY;
      for (let s = 0; s < n; s++) if ((next[s] as number) < t) t = next[s] as number;
      if (t === Number.POSITIVE_INFINITY) break;
      kernel.advanceTime(t);
      // Bars closing now: every one matched, then marked, then delivered (as in a bar-only slice).
      for (let s = 0; s < this.#bars; s++) {
        if (next[s] === t) kernel.beginBar(this.#instrument[s] as number, cursor[s] as number);
      }
      for (let s = 0; s < this.#bars; s++) {
        if (next[s] === t) kernel.markBar(this.#instrument[s] as number, cursor[s] as number);
      }
      for (let s = 0; s < this.#bars; s++) {
        if (next[s] !== t) continue;
        kernel.deliverBar(this.#instrument[s] as number, cursor[s] as number);
        this.#advance(s);
        done++;
      }
      for (let s = this.#bars; s < n; s++) {
        while (next[s] === t) {
          kernel.tickEvent(this.#instrument[s] as number, this.#kind[s] as number, cursor[s] as number);
          this.#advance(s);
          done++;
        }
      }
      kernel.endSliceAt(t);
    }
    return done;
  }

  #advance(s: number): void {
    const c = (this.#cursor[s] as number) + 1;
    this.#cursor[s] = c;
    const column = this.#times[s] as Float64Array;
    this.#next[s] = c < column.length ? (column[c] as number) + (this.#offset[s] as number) : Number.POSITIVE_INFINITY;
  }
}

/**
 * Replays a run with tick data on one event timeline (see
 * {@link EventTimeline}). Progress counts events; the signal is checked every `interval` events.
 */
export function replayEvents(kernel: Kernel, interval: number, progress: Progress, signal: Signal): number {
  const timeline = new EventTimeline(kernel);
  return driveTimeline(timeline, timeline.total, interval, progress, signal);
}

/** Whether a run needs the event timeline: tick data on any instrument. */
export function needsEventTimeline(instruments: readonly KernelInstrument[]): boolean {
  return instruments.some((i) => i.trades !== undefined || i.quotes !== undefined);
}

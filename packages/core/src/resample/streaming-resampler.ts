import { AlphintraError, InvariantError } from '../errors.js';
import { formatIsoMicros } from '../time.js';
import type { ResampleOptions } from './resample-options.js';
import { planResample, type ResamplePlan, straddleError, unsortedError } from './resample-plan.js';

/** A higher-timeframe bar as seen through a reused view: read its fields, do not keep it. */
export interface ResampledBar {
  /** Label: the bucket's open time, or its close time with `label: 'right'`. */
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  /** When the bucket closes (µs): the bar may be seen from this time on. */
  readonly closeTime: number;
}

class BarView implements ResampledBar {
  time = Number.NaN;
  open = Number.NaN;
  high = Number.NaN;
  low = Number.NaN;
  close = Number.NaN;
  volume = Number.NaN;
  closeTime = Number.NaN;
}

/**
 * Builds higher-timeframe bars from a live stream of lower-timeframe bars, with the same
 * rules and results as {@link resampleBars}, without allocating per bar.
 *
 * A bar is emitted only once its bucket has closed: either when a source bar from a later
 * bucket arrives ({@link update} returns true) or when the clock passes the bucket's end
 * ({@link advanceTo} returns true). The emitted bar is readable through {@link closed}
 * until the next call that returns true. An engine that delivers a source bar at its close
 * time `t + length` calls `update(...)` and then `advanceTo(t + length)`, so a bucket
 * completed by its last source bar is emitted at once.
 *
 * @example
 * const resampler = new StreamingResampler({ timeframe: parseTimeframe('5m'), sourceTimeframe: parseTimeframe('1m') });
 * if (resampler.update(t, o, h, l, c, v)) onBar(resampler.closed);
 * if (resampler.advanceTo(t + MICROS_PER_MINUTE)) onBar(resampler.closed);
 */
export class StreamingResampler {
  readonly #plan: ResamplePlan;
  readonly #closed = new BarView();
  readonly #forming = new BarView();
  #active = false;
  #from = Number.POSITIVE_INFINITY;
  #end = Number.NEGATIVE_INFINITY;
  #previous = Number.NEGATIVE_INFINITY;
  #closedUntil = Number.NEGATIVE_INFINITY;

  constructor(options: ResampleOptions) {
    this.#plan = planResample(options, options.sourceTimeframe);
  }

  /** The last bar emitted (a reused view; valid until the next call that returns true). */
  get closed(): ResampledBar {
    return this.#closed;
  }

  /** The bar still forming, or undefined when no bucket is open (a reused view). */
  get forming(): ResampledBar | undefined {
    return this.#active ? this.#forming : undefined;
  }

  /**
   * Adds one source bar, which must not be earlier than the previous one. Returns true when
   * it starts a new bucket and so closes the previous one, now readable through {@link closed}.
   */
  update(time: number, open: number, high: number, low: number, close: number, volume: number): boolean {
    if (!(time >= this.#previous)) throw unsortedError(undefined, time, this.#previous);
    if (time < this.#closedUntil) {
      throw new InvariantError(
        `bar at ${formatIsoMicros(time)} arrived after its bucket closed at ${formatIsoMicros(this.#closedUntil)}`,
      );
    }
    this.#previous = time;
    let emitted = false;
    if (this.#active && (time >= this.#end || time < this.#from)) {
      this.#emit();
      emitted = true;
    }
    const bar = this.#forming;
    if (!this.#active) {
      const calendar = this.#plan.calendar;
      calendar.locate(time);
      this.#from = calendar.from;
      this.#end = calendar.end;
      bar.time = this.#plan.labelRight ? calendar.end : calendar.start;
      bar.closeTime = calendar.end;
      bar.open = Number.NaN;
      bar.high = Number.NaN;
      bar.low = Number.NaN;
      bar.close = Number.NaN;
      bar.volume = Number.NaN;
      this.#active = true;
    }
    if (time + this.#plan.reach > this.#end) throw straddleError(undefined, time, this.#end);
    if (Number.isNaN(bar.open)) bar.open = open;
    if (high > bar.high || Number.isNaN(bar.high)) bar.high = high;
    if (low < bar.low || Number.isNaN(bar.low)) bar.low = low;
    if (!Number.isNaN(close)) bar.close = close;
    if (!Number.isNaN(volume)) bar.volume = !Number.isNaN(bar.volume) ? bar.volume + volume : volume;
    return emitted;
  }

  /**
   * Moves the clock to `time`. Returns true when this closes the forming bucket (its end is
   * at or before `time`); the bar is then readable through {@link closed}.
   */
  advanceTo(time: number): boolean {
    if (Number.isNaN(time)) throw new AlphintraError('INVALID_ARGUMENT', 'expected a clock time, got NaN');
    if (this.#active && time >= this.#end) {
      this.#emit();
      return true;
    }
    return false;
  }

  /** Forgets all state, as if newly constructed. */
  reset(): void {
    this.#active = false;
    this.#from = Number.POSITIVE_INFINITY;
    this.#end = Number.NEGATIVE_INFINITY;
    this.#previous = Number.NEGATIVE_INFINITY;
    this.#closedUntil = Number.NEGATIVE_INFINITY;
  }

  #emit(): void {
    const source = this.#forming;
    const target = this.#closed;
    target.time = source.time;
    target.open = source.open;
    target.high = source.high;
    target.low = source.low;
    target.close = source.close;
    target.volume = source.volume;
    target.closeTime = source.closeTime;
    this.#closedUntil = this.#end;
    this.#active = false;
  }
}

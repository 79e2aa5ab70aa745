import {
  AlphintraError,
  parseTimeframe,
  type ResampledBar,
  type SessionSpec,
  StreamingResampler,
  type Timeframe,
} from '@alphintra/core';
import { createStream, getIndicator, type IndicatorParams, type StreamingIndicator } from '@alphintra/indicators';
import type { FeedColumns } from './kernel-types.js';

type Field = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume';

/** Options of a higher timeframe built from an instrument's bars. */
export interface HigherTimeframeOptions {
  /** Instrument to follow; defaults to the only one (required with several). */
  readonly instrument?: string;
  /** Zone whose calendar sets day, week and month boundaries; default UTC. */
  readonly timeZone?: string;
  /** Trading session the buckets follow. */
  readonly session?: SessionSpec;
}

/**
 * Bars of a higher timeframe built live from an instrument's bars. A bar becomes visible only
 * once its bucket has closed — when the source bar that completes it has been delivered — so
 * a strategy never reads a weekly bar on Wednesday.
 */
export interface HigherTimeframeView {
  readonly timeframe: Timeframe;
  /** Closed bars so far. */
  readonly count: number;
  /** Whether a bar closed with the source bar being handled (read it in `onBar`). */
  readonly closedNow: boolean;
  /** The last closed bar (a reused view), or undefined before the first. */
  readonly last: ResampledBar | undefined;
  /** A streaming indicator fed with each closed bar of this timeframe. */
  indicator(name: string, params?: IndicatorParams, options?: { readonly source?: Field }): StreamingIndicator;
}

interface BarFeed {
  readonly stream: StreamingIndicator;
  readonly fields: readonly Field[];
  /** One-value columns the closed bar's fields are copied into, for `pushAt`. */
  readonly cells: readonly Float64Array[];
}

/** The kernel's {@link HigherTimeframeView}: a streaming resampler plus the indicators it feeds. */
export class HigherTimeframe implements HigherTimeframeView {
  readonly timeframe: Timeframe;
  count = 0;
  closedNow = false;
  readonly #resampler: StreamingResampler;
  readonly #feeds: BarFeed[] = [];

  constructor(timeframe: Timeframe | string, source: Timeframe | undefined, options: HigherTimeframeOptions = {}) {
    this.timeframe = typeof timeframe === 'string' ? parseTimeframe(timeframe) : timeframe;
    this.#resampler = new StreamingResampler({
      timeframe: this.timeframe,
      ...(source === undefined ? {} : { sourceTimeframe: source }),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      ...(options.session === undefined ? {} : { session: options.session }),
    });
  }

  get last(): ResampledBar | undefined {
    return this.count > 0 ? this.#resampler.closed : undefined;
  }

  indicator(name: string, params?: IndicatorParams, options?: { readonly source?: Field }): StreamingIndicator {
    const definition = getIndicator(name);
    const fields: Field[] = definition.inputs.map((input) => {
      if (input === 'real') return options?.source ?? 'close';
      if (
        input === 'time' ||
        input === 'open' ||
        input === 'high' ||
        input === 'low' ||
        input === 'close' ||
        input === 'volume'
      ) {
        return input;
      }
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${definition.name} takes input ${input}, which a higher-timeframe indicator cannot bind`,
      );
    });
    const stream = createStream(definition.name, params ?? {});
    this.#feeds.push({ stream, fields, cells: fields.map(() => new Float64Array(1)) });
    return stream;
  }

  /** Takes source bar `j` (delivered at `closeTime`); emits every bucket it closes. */
  onSourceBar(c: FeedColumns, j: number, closeTime: number): void {
    this.closedNow = false;
    const r = this.#resampler;
    if (
      r.update(
        c.time[j] as number,
        c.open[j] as number,
        c.high[j] as number,
        c.low[j] as number,
        c.close[j] as number,
        c.volume[j] as number,
      )
    ) {
      this.#closed();
    }
    if (r.advanceTo(closeTime)) this.#closed();
  }

  #closed(): void {
    this.count++;
    this.closedNow = true;
    const bar = this.#resampler.closed;
    for (const feed of this.#feeds) {
      for (let i = 0; i < feed.fields.length; i++) (feed.cells[i] as Float64Array)[0] = bar[feed.fields[i] as Field];
      feed.stream.pushAt(feed.cells, 0);
    }
  }
}

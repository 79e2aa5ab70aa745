import { AlphintraError } from '@alphintra/core';
import { createStream, getIndicator, type IndicatorParams, type StreamingIndicator } from '@alphintra/indicators';
import type { IndicatorOptions } from '../strategy/strategy.js';

/** Bar columns an indicator can read. */
export interface FeedColumns {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

interface Feed {
  readonly stream: StreamingIndicator;
  readonly arity: number;
  readonly fields: readonly (keyof FeedColumns)[];
}

/**
 * The streaming indicators of one instrument, updated from its columns before each bar is
 * handed to the strategy. Inputs are read from the bar columns by index, so nothing is
 * allocated per bar.
 */
export class IndicatorFeed {
  readonly #feeds: Feed[] = [];
  #columns: FeedColumns;

  constructor(columns: FeedColumns) {
    this.#columns = columns;
  }

  /** Points the feed at new column arrays (a live series that grew). */
  setColumns(columns: FeedColumns): void {
    this.#columns = columns;
  }

  get size(): number {
    return this.#feeds.length;
  }

  /** Creates a stream for indicator `name` and registers it. */
  add(name: string, params: IndicatorParams | undefined, options: IndicatorOptions | undefined): StreamingIndicator {
    const definition = getIndicator(name);
    const source = options?.source ?? 'close';
    const fields: (keyof FeedColumns)[] = [];
    for (const input of definition.inputs) {
      switch (input) {
        case 'time':
        case 'open':
        case 'high':
        case 'low':
        case 'close':
        case 'volume':
          fields.push(input);
          break;
        case 'real':
          fields.push(source);
          break;
        default:
          throw new AlphintraError(
            'INVALID_ARGUMENT',
            `${definition.name} takes input ${input}, which a strategy indicator cannot bind to one instrument's bars; create it with createStream and push values yourself`,
          );
      }
    }
    const stream = createStream(definition.name, params ?? {});
    this.#feeds.push({ stream, arity: fields.length, fields });
    return stream;
  }

  /** Pushes bar `index` into every registered stream. */
  update(index: number): void {
    const c = this.#columns;
    const feeds = this.#feeds;
    for (let f = 0; f < feeds.length; f++) {
      const feed = feeds[f] as Feed;
      const k = feed.fields;
      switch (feed.arity) {
        case 1:
          feed.stream.push(c[k[0] as keyof FeedColumns][index] as number);
          break;
        case 2:
          feed.stream.push(
            c[k[0] as keyof FeedColumns][index] as number,
            c[k[1] as keyof FeedColumns][index] as number,
          );
          break;
        case 3:
          feed.stream.push(
            c[k[0] as keyof FeedColumns][index] as number,
            c[k[1] as keyof FeedColumns][index] as number,
            c[k[2] as keyof FeedColumns][index] as number,
          );
          break;
        case 4:
          feed.stream.push(
            c[k[0] as keyof FeedColumns][index] as number,
            c[k[1] as keyof FeedColumns][index] as number,
            c[k[2] as keyof FeedColumns][index] as number,
            c[k[3] as keyof FeedColumns][index] as number,
          );
          break;
        default:
          feed.stream.push(
            c[k[0] as keyof FeedColumns][index] as number,
            c[k[1] as keyof FeedColumns][index] as number,
            c[k[2] as keyof FeedColumns][index] as number,
            c[k[3] as keyof FeedColumns][index] as number,
            c[k[4] as keyof FeedColumns][index] as number,
          );
      }
    }
  }
}

import { AlphintraError } from '@alphintra/core';
import { createStream, getIndicator, type IndicatorParams, type StreamingIndicator } from '@alphintra/indicators';
import type { IndicatorOptions } from '../strategy/strategy.js';
import type { FeedColumns } from './feed-columns.js';

export type { FeedColumns } from './feed-columns.js';

interface Feed {
  readonly stream: StreamingIndicator;
  readonly arity: number;
  readonly fields: readonly (keyof FeedColumns)[];
  /** The input columns, resolved once (a keyed load by field name per bar is slow). */
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  e: Float64Array;
}

const NONE = new Float64Array(0);

function bind(feed: Feed, columns: FeedColumns): void {
  const f = feed.fields;
  feed.a = f[0] === undefined ? NONE : columns[f[0]];
  feed.b = f[1] === undefined ? NONE : columns[f[1]];
  feed.c = f[2] === undefined ? NONE : columns[f[2]];
  feed.d = f[3] === undefined ? NONE : columns[f[3]];
  feed.e = f[4] === undefined ? NONE : columns[f[4]];
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
    for (const feed of this.#feeds) bind(feed, columns);
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
    const feed: Feed = { stream, arity: fields.length, fields, a: NONE, b: NONE, c: NONE, d: NONE, e: NONE };
    bind(feed, this.#columns);
    this.#feeds.push(feed);
    return stream;
  }

  /** Pushes bar `index` into every registered stream. */
  update(index: number): void {
    const feeds = this.#feeds;
    for (let f = 0; f < feeds.length; f++) {
      const feed = feeds[f] as Feed;
      const i = index;
      switch (feed.arity) {
        case 1:
          feed.stream.push(feed.a[i] as number);
          break;
        case 2:
          feed.stream.push(feed.a[i] as number, feed.b[i] as number);
          break;
        case 3:
          feed.stream.push(feed.a[i] as number, feed.b[i] as number, feed.c[i] as number);
          break;
        case 4:
          feed.stream.push(feed.a[i] as number, feed.b[i] as number, feed.c[i] as number, feed.d[i] as number);
          break;
        default:
          feed.stream.push(
            feed.a[i] as number,
            feed.b[i] as number,
            feed.c[i] as number,
            feed.d[i] as number,
            feed.e[i] as number,
          );
      }
    }
  }
}

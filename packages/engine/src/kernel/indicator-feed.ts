import { AlphintraError } from '@alphintra/core';
import { createStream, getIndicator, type IndicatorParams, type StreamingIndicator } from '@alphintra/indicators';
import type { IndicatorOptions } from '../strategy/strategy.js';
import type { FeedColumns } from './kernel-types.js';

export type { FeedColumns };

interface Feed {
  readonly stream: StreamingIndicator;
  readonly fields: readonly (keyof FeedColumns)[];
  /** The input columns in the definition's order, bound once (see `pushAt`). */
  columns: Float64Array[];
}

function bind(feed: Feed, columns: FeedColumns): void {
  feed.columns = feed.fields.map((field) => columns[field]);
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
    const feed: Feed = { stream, fields, columns: [] };
    bind(feed, this.#columns);
    this.#feeds.push(feed);
    return stream;
  }

  /** Pushes bar `index` into every registered stream (by column and index: nothing is boxed). */
  update(index: number): void {
    const feeds = this.#feeds;
    for (let f = 0; f < feeds.length; f++) {
      const feed = feeds[f] as Feed;
      feed.stream.pushAt(feed.columns, index);
    }
  }
}

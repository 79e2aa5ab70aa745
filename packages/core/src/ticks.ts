import type { BarSeries } from './bar-series.js';
import { AlphintraError } from './errors.js';

/**
 * Trade ticks of one instrument, in time order, as columns: print `i` was `size[i]` units at
 * `price[i]` at `time[i]` (epoch µs, UTC). Several prints may share a timestamp.
 */
export interface TradeTicks {
  readonly time: Float64Array;
  readonly price: Float64Array;
  /** Units traded; NaN where the source gives none. */
  readonly size: Float64Array;
}

/**
 * Quote ticks (top of book) of one instrument, in time order, as columns: from `time[i]` on the
 * best bid was `bid[i]` for `bidSize[i]` units and the best ask `ask[i]` for `askSize[i]`.
 */
export interface QuoteTicks {
  readonly time: Float64Array;
  readonly bid: Float64Array;
  readonly ask: Float64Array;
  /** Units bid; NaN where the source gives none. */
  readonly bidSize: Float64Array;
  /** Units offered; NaN where the source gives none. */
  readonly askSize: Float64Array;
}

function sameLength(id: string, what: string, columns: Record<string, Float64Array>): number {
  const lengths = Object.entries(columns);
  const n = (lengths[0] as [string, Float64Array])[1].length;
  for (const [name, column] of lengths) {
    if (column.length !== n) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${what} of ${id}: expected every column as long as time (${n}), got ${name} with ${column.length}`,
      );
    }
  }
  return n;
}

const BLOCK = 4096;

/**
 * Checks trade ticks for what a backtest cannot run on: times going backwards or not finite,
 * prices not finite and positive, negative sizes. Throws one clear error naming the tick.
 */
export function checkTradeTicks(ticks: TradeTicks, id: string): void {
  const n = sameLength(id, 'trade ticks', { time: ticks.time, price: ticks.price, size: ticks.size });
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    const { time, price, size } = ticks;
    for (let i = from; i < to; i++) {
      const t = time[i] as number;
      if (!Number.isFinite(t) || (i > 0 && t < (time[i - 1] as number))) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `trade tick ${i} of ${id} has a time that is not finite or goes back`,
        );
      }
      const p = price[i] as number;
      if (!(p > 0 && p < Number.POSITIVE_INFINITY)) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `trade tick ${i} of ${id}: expected a positive finite price, got ${p}`,
        );
      }
      if ((size[i] as number) < 0) {
        throw new AlphintraError('INVALID_ARGUMENT', `trade tick ${i} of ${id}: expected a size ≥ 0, got ${size[i]}`);
      }
    }
  }
}

/**
 * Checks quote ticks: times in order and finite, bid and ask positive and finite with the bid not
 * above the ask (a crossed book is an error; a locked one, bid = ask, is allowed), sizes ≥ 0.
 */
export function checkQuoteTicks(ticks: QuoteTicks, id: string): void {
  const n = sameLength(id, 'quote ticks', {
    time: ticks.time,
    bid: ticks.bid,
    ask: ticks.ask,
    bidSize: ticks.bidSize,
    askSize: ticks.askSize,
  });
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    const { time, bid, ask, bidSize, askSize } = ticks;
    for (let i = from; i < to; i++) {
      const t = time[i] as number;
      if (!Number.isFinite(t) || (i > 0 && t < (time[i - 1] as number))) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `quote tick ${i} of ${id} has a time that is not finite or goes back`,
        );
      }
      const b = bid[i] as number;
      const a = ask[i] as number;
      if (!(b > 0 && a > 0 && b < Number.POSITIVE_INFINITY && a < Number.POSITIVE_INFINITY)) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `quote tick ${i} of ${id}: expected positive finite bid and ask, got ${b} / ${a}`,
        );
      }
      if (b > a)
        throw new AlphintraError('INVALID_ARGUMENT', `quote tick ${i} of ${id} is crossed: bid ${b} above ask ${a}`);
      if ((bidSize[i] as number) < 0 || (askSize[i] as number) < 0) {
        throw new AlphintraError('INVALID_ARGUMENT', `quote tick ${i} of ${id}: expected sizes ≥ 0`);
      }
    }
  }
}

/**
 * Reads a series of one-print bars (each bar a trade: open = high = low = close, as tick files
 * from many vendors are laid out) as trade ticks: price from the close, size from the volume.
 * Zero-copy.
 *
 * @example
 * const trades = tradeTicksFromBars((await readBars('ticksample.csv')).series);
 */
export function tradeTicksFromBars(series: BarSeries): TradeTicks {
  return { time: series.time, price: series.close, size: series.volume };
}

/**
 * Reads quote ticks from a series whose extra columns hold them: `bid` and `ask` (required) and
 * `bid_size`/`ask_size` or `bidSize`/`askSize` (optional). Zero-copy where the columns exist.
 */
export function quoteTicksFromSeries(series: BarSeries, id: string): QuoteTicks {
  const extra = (...names: string[]): Float64Array | undefined => {
    for (const name of names) {
      const column = series.extra(name);
      if (column !== undefined) return column;
    }
    return undefined;
  };
  const bid = extra('bid', 'Bid', 'BID');
  const ask = extra('ask', 'Ask', 'ASK');
  if (bid === undefined || ask === undefined) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `quotes of ${id}: expected bid and ask columns, found ${series.extraNames.join(', ') || 'none'}`,
    );
  }
  const missing = (): Float64Array => new Float64Array(series.length).fill(Number.NaN);
  return {
    time: series.time,
    bid,
    ask,
    bidSize: extra('bid_size', 'bidSize', 'bidsize', 'BidSize') ?? missing(),
    askSize: extra('ask_size', 'askSize', 'asksize', 'AskSize') ?? missing(),
  };
}

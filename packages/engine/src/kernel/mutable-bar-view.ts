import type { BarView } from '../strategy/strategy.js';
import type { FeedColumns } from './kernel-types.js';

/**
 * The kernel's reusable {@link BarView}: one per instrument, pointed at the current bar before
 * each `onBar`. Fields read the instrument's columns on demand, so a bar costs nothing for the
 * fields a strategy does not read (with many instruments, every column touched is a cache miss).
 */
export class MutableBarView implements BarView {
  readonly instrument: string;
  readonly instrumentIndex: number;
  /** Position of the current bar in the instrument's series. */
  index = -1;
  #columns: FeedColumns;
  readonly #duration: number;

  constructor(instrument: string, instrumentIndex: number, columns: FeedColumns, duration: number) {
    this.instrument = instrument;
    this.instrumentIndex = instrumentIndex;
    this.#columns = columns;
    this.#duration = duration;
  }

  /** Points the view at new column arrays (a live series that grew). */
  setColumns(columns: FeedColumns): void {
    this.#columns = columns;
  }

  get time(): number {
    return this.#columns.time[this.index] as number;
  }
  get closeTime(): number {
    return (this.#columns.time[this.index] as number) + this.#duration;
  }
  get open(): number {
    return this.#columns.open[this.index] as number;
  }
  get high(): number {
    return this.#columns.high[this.index] as number;
  }
  get low(): number {
    return this.#columns.low[this.index] as number;
  }
  get close(): number {
    return this.#columns.close[this.index] as number;
  }
  get volume(): number {
    return this.#columns.volume[this.index] as number;
  }

  /** A plain snapshot of the current bar (for logging and `JSON.stringify`). */
  toJSON(): Record<string, unknown> {
    return {
      instrument: this.instrument,
      instrumentIndex: this.instrumentIndex,
      index: this.index,
      time: this.time,
      closeTime: this.closeTime,
      open: this.open,
      high: this.high,
      low: this.low,
      close: this.close,
      volume: this.volume,
    };
  }
}

import type { BarView } from '../strategy/strategy.js';

/** The kernel's reusable {@link BarView}: one per instrument, overwritten before each bar. */
export class MutableBarView implements BarView {
  readonly instrument: string;
  index = -1;
  time = Number.NaN;
  closeTime = Number.NaN;
  open = Number.NaN;
  high = Number.NaN;
  low = Number.NaN;
  close = Number.NaN;
  volume = Number.NaN;

  constructor(instrument: string) {
    this.instrument = instrument;
  }
}

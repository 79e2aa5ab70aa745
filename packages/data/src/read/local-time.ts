import { MICROS_PER_DAY, type TimeZone } from '@alphintra/core';

/**
 * Converts naive wall times to UTC in one zone, caching the offset per local day: a day
 * without a clock change (almost all of them) costs one comparison per timestamp.
 *
 * @example
 * const toUtc = new LocalTimeConverter(TimeZone.of('America/New_York'));
 * toUtc.convert(civilToMicros(2006, 1, 3, 9, 30)); // 2006-01-03T14:30:00Z
 */
export class LocalTimeConverter {
  /** The zone naive times are read in. */
  readonly zone: TimeZone;
  readonly #utc: boolean;
  #day = Number.NaN;
  // Local minus UTC for the cached day, or NaN when that day has a clock change.
  #offset = Number.NaN;

  constructor(zone: TimeZone) {
    this.zone = zone;
    this.#utc = zone.isUtc;
  }

  /** Returns the UTC instant of the wall time `local` (a civil time encoded as if it were UTC). */
  convert(local: number): number {
    if (this.#utc) return local;
    const day = Math.floor(local / MICROS_PER_DAY);
    if (day !== this.#day) {
      const startLocal = day * MICROS_PER_DAY;
      const endLocal = startLocal + MICROS_PER_DAY - 1;
      const startOffset = startLocal - this.zone.localToUtc(startLocal);
      const endOffset = endLocal - this.zone.localToUtc(endLocal);
      this.#day = day;
      this.#offset = startOffset === endOffset ? startOffset : Number.NaN;
    }
    const offset = this.#offset;
    return !Number.isNaN(offset) ? local - offset : this.zone.localToUtc(local);
  }
}

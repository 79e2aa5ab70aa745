import { MICROS_PER_DAY, MICROS_PER_HOUR } from '../time.js';
import type { TimeZone } from '../time-zone.js';

/**
 * The grid of intraday bucket boundaries in one zone: the instants whose local wall time is
 * a multiple of the bucket length counted from local midnight (each local day ends at
 * midnight even when the length does not divide a day; lengths over a day count from the
 * epoch). Across DST changes the grid stays on the wall clock: a wall time that occurs twice
 * is a boundary both times (so 1h buckets stay one hour long in the repeated hour), and a
 * boundary that is skipped moves to the instant of the change (so the 00:00–04:00 bucket
 * lasts 3 hours on the spring-forward day).
 */
export class WallClockGrid {
  readonly #zone: TimeZone;
  readonly #length: number;
  readonly #utc: boolean;
  /** Boundaries around the last located time, set by {@link locate}. */
  start = Number.NaN;
  end = Number.NaN;
  #spanFrom = Number.NaN;
  #spanTo = Number.NaN;
  #spanOffset = 0;

  constructor(zone: TimeZone, length: number) {
    this.#zone = zone;
    this.#length = length;
    this.#utc = zone.isUtc;
  }

  /** Sets `start` and `end` to the grid boundaries around `time` (`start <= time < end`). */
  locate(time: number): void {
    const zone = this.#zone;
    const offset = this.#utc ? 0 : this.#offsetAt(time);
    const local = time + offset;
    const localStart = this.#floor(local);
    this.start = localStart - offset;
    this.end = this.#next(localStart) - offset;
    if (this.#utc || (this.start >= this.#spanFrom && this.end < this.#spanTo)) return;
    const startOffset = zone.offsetAt(this.start);
    if (startOffset !== offset) {
      const change = this.#change(this.start, time, offset);
      this.start = this.#skipped(change, startOffset, offset)
        ? change
        : this.#floor(change + startOffset - 1) - startOffset;
    }
    const endOffset = zone.offsetAt(this.end);
    if (endOffset !== offset) {
      const change = this.#change(time, this.end, endOffset);
      this.end = this.#skipped(change, offset, endOffset) ? change : this.#ceil(change + endOffset) - endOffset;
    }
  }

  // The offset at `time`, from a cached span of constant offset (about a day long), so that
  // consecutive buckets need no zone look-ups. Offsets never change twice within a day.
  #offsetAt(time: number): number {
    if (time >= this.#spanFrom && time < this.#spanTo) return this.#spanOffset;
    const zone = this.#zone;
    const from = Math.floor(time / MICROS_PER_HOUR) * MICROS_PER_HOUR;
    const probe = from + MICROS_PER_DAY;
    const offset = zone.offsetAt(from);
    const later = zone.offsetAt(probe);
    this.#spanFrom = from;
    this.#spanTo = later === offset ? probe : this.#change(from, probe, later);
    this.#spanOffset = offset;
    return offset;
  }

  // Whether a boundary falls in the wall-clock gap that a forward change at `change` skips.
  #skipped(change: number, before: number, after: number): boolean {
    return after > before && this.#ceil(change + before) < change + after;
  }

  // The first instant in (from, to] whose offset is `offset`; offsets change on whole UTC hours.
  #change(from: number, to: number, offset: number): number {
    let lo = Math.floor(from / MICROS_PER_HOUR) + 1;
    let hi = Math.floor(to / MICROS_PER_HOUR);
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.#zone.offsetAt(mid * MICROS_PER_HOUR) === offset) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(lo * MICROS_PER_HOUR, from);
  }

  // The last grid wall time at or before `local`.
  #floor(local: number): number {
    const length = this.#length;
    if (length > MICROS_PER_DAY) return Math.floor(local / length) * length;
    const midnight = Math.floor(local / MICROS_PER_DAY) * MICROS_PER_DAY;
    return midnight + Math.floor((local - midnight) / length) * length;
  }

  // The grid wall time after the grid wall time `local`.
  #next(local: number): number {
    const length = this.#length;
    if (length > MICROS_PER_DAY) return local + length;
    const midnight = Math.floor(local / MICROS_PER_DAY) * MICROS_PER_DAY;
    return Math.min(local + length, midnight + MICROS_PER_DAY);
  }

  // The first grid wall time at or after `local`.
  #ceil(local: number): number {
    const floor = this.#floor(local);
    return floor === local ? local : this.#next(floor);
  }
}

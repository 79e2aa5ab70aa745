import { AlphintraError } from './errors.js';
import { civilToMicros, MICROS_PER_HOUR, MICROS_PER_MINUTE } from './time.js';

/**
 * Converts between UTC epoch microseconds and wall-clock time in one IANA zone
 * (`America/New_York`), a fixed offset (`+05:30`, `UTC-4`) or `UTC`.
 *
 * Offsets come from the runtime's time-zone database through `Intl.DateTimeFormat` and are
 * cached per hour, so converting millions of timestamps costs a map lookup each.
 *
 * Wall times that do not exist (the hour skipped when clocks go forward) are moved forward
 * by the gap; wall times that occur twice (the hour repeated when clocks go back) resolve to
 * the first occurrence, as most exchanges and data vendors do.
 *
 * @example
 * const ny = TimeZone.of('America/New_York');
 * ny.localToUtc(civilToMicros(2006, 1, 3, 9, 30)); // 2006-01-03T14:30:00Z
 */
export class TimeZone {
  /** The zone's name as given (`UTC`, `America/New_York`, `+05:30`). */
  readonly name: string;
  readonly #fixedOffset: number | undefined;
  readonly #format: Intl.DateTimeFormat | undefined;
  readonly #cache = new Map<number, number>();
  #lastHour = Number.NaN;
  #lastOffset = 0;

  private constructor(name: string, fixedOffset: number | undefined, format: Intl.DateTimeFormat | undefined) {
    this.name = name;
    this.#fixedOffset = fixedOffset;
    this.#format = format;
  }

  static readonly #zones = new Map<string, TimeZone>();

  /** The UTC zone. */
  static readonly UTC: TimeZone = new TimeZone('UTC', 0, undefined);

  /** Returns the zone named `name`, throwing a clear error for unknown names. */
  static of(name: string): TimeZone {
    const cached = TimeZone.#zones.get(name);
    if (cached !== undefined) return cached;
    const zone = TimeZone.#create(name);
    TimeZone.#zones.set(name, zone);
    return zone;
  }

  static #create(name: string): TimeZone {
    const trimmed = name.trim();
    if (/^(utc|gmt|z)$/i.test(trimmed)) return TimeZone.UTC;
    const fixed = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
    if (fixed !== null) {
      const sign = fixed[1] === '-' ? -1 : 1;
      const hours = Number(fixed[2]);
      const minutes = fixed[3] === undefined ? 0 : Number(fixed[3]);
      if (hours > 18 || minutes > 59) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected a UTC offset within ±18:00, got "${name}"`);
      }
      return new TimeZone(trimmed, sign * (hours * MICROS_PER_HOUR + minutes * MICROS_PER_MINUTE), undefined);
    }
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: trimmed,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `unknown time zone "${name}" (expected an IANA name such as America/New_York, or an offset such as +05:30)`,
      );
    }
    return new TimeZone(trimmed, undefined, format);
  }

  /** Whether this zone is UTC (offset always zero). */
  get isUtc(): boolean {
    return this.#fixedOffset === 0;
  }

  /** Returns the zone's offset from UTC, in microseconds, at the UTC instant `utcMicros`. */
  offsetAt(utcMicros: number): number {
    if (this.#fixedOffset !== undefined) return this.#fixedOffset;
    const hour = Math.floor(utcMicros / MICROS_PER_HOUR);
    if (hour === this.#lastHour) return this.#lastOffset;
    let offset = this.#cache.get(hour);
    if (offset === undefined) {
      offset = this.#computeOffset(hour * MICROS_PER_HOUR);
      if (this.#cache.size > 100_000) this.#cache.clear();
      this.#cache.set(hour, offset);
    }
    this.#lastHour = hour;
    this.#lastOffset = offset;
    return offset;
  }

  #computeOffset(utcMicros: number): number {
    const parts = (this.#format as Intl.DateTimeFormat).formatToParts(utcMicros / 1000);
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of parts) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
        default:
          break;
      }
    }
    if (bc) year = 1 - year;
    const local = civilToMicros(year, month, day, hour, minute, second);
    // Intl drops sub-second precision; the instant we asked about is whole-hour aligned.
    return local - utcMicros;
  }

  /** Returns the wall-clock time (as if it were UTC) of the UTC instant `utcMicros`. */
  utcToLocal(utcMicros: number): number {
    return utcMicros + this.offsetAt(utcMicros);
  }

  /**
   * Returns the UTC instant of the wall-clock time `localMicros` (a civil time encoded as if
   * it were UTC). Skipped wall times move forward by the gap; repeated ones take the first
   * occurrence.
   */
  localToUtc(localMicros: number): number {
    if (this.#fixedOffset !== undefined) return localMicros - this.#fixedOffset;
    const guess1 = localMicros - this.offsetAt(localMicros - this.offsetAt(localMicros));
    const o1 = this.offsetAt(guess1);
    if (guess1 + o1 === localMicros) {
      // Prefer the earlier instant when the wall time occurs twice.
      const earlier = localMicros - Math.max(o1, this.offsetAt(guess1 - MICROS_PER_HOUR));
      if (earlier < guess1 && earlier + this.offsetAt(earlier) === localMicros) return earlier;
      return guess1;
    }
    const guess2 = localMicros - o1;
    const o2 = this.offsetAt(guess2);
    if (guess2 + o2 === localMicros) return guess2;
    // The wall time falls in a gap: shift forward by the gap's length.
    const offsetBefore = Math.min(o1, o2);
    return localMicros - offsetBefore;
  }
}

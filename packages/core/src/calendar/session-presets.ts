import { AlphintraError } from '../errors.js';
import { MICROS_PER_HOUR } from '../time.js';
import { isNyseEarlyClose, isNyseHoliday } from './nyse-holidays.js';
import { SessionCalendar, type SessionCalendarSpec } from './session-calendar.js';

const NYSE_EARLY_CLOSE = 13 * MICROS_PER_HOUR;

/** NYSE and Nasdaq: 09:30–16:00 New York on weekdays, without NYSE holidays, 13:00 on early closes. */
const US_EQUITY = new SessionCalendar(
  { name: 'us-equity', timeZone: 'America/New_York', open: '09:30', close: '16:00' },
  { isHoliday: isNyseHoliday, earlyClose: (day) => (isNyseEarlyClose(day) ? NYSE_EARLY_CLOSE : Number.NaN) },
  true,
);

/** Around the clock every day; a session per UTC day (what the engine assumes without a calendar). */
const CRYPTO_24X7 = new SessionCalendar(
  { name: 'crypto-24x7', timeZone: 'UTC', open: '00:00', close: '24:00', weekdays: [0, 1, 2, 3, 4, 5, 6] },
  {},
  true,
);

/** FX: from Sunday 17:00 to Friday 17:00 New York, each trading day rolling at 17:00. */
const FX_24X5 = new SessionCalendar(
  { name: 'fx-24x5', timeZone: 'America/New_York', open: '17:00', close: '17:00' },
  {},
  true,
);

const PRESETS: ReadonlyMap<string, SessionCalendar> = new Map([
  ['us-equity', US_EQUITY],
  ['crypto-24x7', CRYPTO_24X7],
  ['fx-24x5', FX_24X5],
]);

/** Names of the built-in session calendars. */
export const SESSION_PRESETS: readonly string[] = [...PRESETS.keys()];

/** The calendar an instrument trades on when none is given: `crypto-24x7`. */
export const DEFAULT_SESSION_CALENDAR: SessionCalendar = CRYPTO_24X7;

/**
 * Returns a built-in session calendar by name (`us-equity`, `crypto-24x7`, `fx-24x5`), or a
 * custom one built from a spec. Throws INVALID_ARGUMENT for an unknown name or a bad spec.
 *
 * @example
 * sessionCalendar('us-equity');
 * sessionCalendar({ name: 'cme-es', timeZone: 'America/Chicago', open: '17:00', close: '16:00', holidays: ['2024-12-25'] });
 */
export function sessionCalendar(nameOrSpec: string | SessionCalendarSpec | SessionCalendar): SessionCalendar {
  if (nameOrSpec instanceof SessionCalendar) return nameOrSpec;
  if (typeof nameOrSpec === 'string') {
    const preset = PRESETS.get(nameOrSpec.trim().toLowerCase());
    if (preset === undefined) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected a session calendar among ${SESSION_PRESETS.join(', ')} (or a custom one), got "${nameOrSpec}"`,
      );
    }
    return preset;
  }
  if (nameOrSpec === null || typeof nameOrSpec !== 'object') {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a session calendar name or spec, got ${String(nameOrSpec)}`);
  }
  for (const key of ['timeZone', 'open', 'close'] as const) {
    if (typeof nameOrSpec[key] !== 'string') {
      throw new AlphintraError('INVALID_ARGUMENT', `expected ${key} in the session calendar "${nameOrSpec.name}"`);
    }
  }
  if (PRESETS.has(String(nameOrSpec.name).trim().toLowerCase())) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `a custom session calendar may not be called "${nameOrSpec.name}" (a built-in one is); choose another name`,
    );
  }
  return new SessionCalendar(nameOrSpec);
}

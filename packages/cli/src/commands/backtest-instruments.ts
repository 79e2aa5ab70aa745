import { readFile } from 'node:fs/promises';
import {
  AlphintraError,
  daysFromCivil,
  daysInMonth,
  defineInstrument,
  type Instrument,
  MICROS_PER_DAY,
  type SessionCalendarSpec,
  sessionCalendar,
} from '@alphintra/core';
import type { BacktestData } from '@alphintra/engine';
import { UsageError } from '../support/errors.js';

/** Instrument kinds a backtest can trade. */
const KINDS = ['equity', 'etf', 'index', 'fx', 'crypto', 'future', 'perpetual'] as const;
type TradableKind = (typeof KINDS)[number];

/** Keys of `--instrument SYMBOL:key=value,…` and of each entry of `--instruments file.json`. */
const KEYS = [
  'kind',
  'multiplier',
  'tick',
  'lot',
  'currency',
  'margin',
  'session',
  'base',
  'underlying',
  'expiry',
  'funding',
] as const;

/** Help text for `--instrument`. */
export const INSTRUMENT_HELP = [
  '--instrument SYMBOL:key=value,… (repeatable; SYMBOL is the symbol of a --data input):',
  `  kind=${KINDS.join('|')}   (default equity)`,
  '  multiplier=50 tick=0.25 lot=1 currency=USD',
  '  margin=0.1                              initial margin fraction (futures, perpetuals; default 0.1)',
  '  session=us-equity|crypto-24x7|fx-24x5   trading hours (default crypto-24x7: always open)',
  '  base=EUR                                base currency (fx, crypto, perpetual; default from the symbol)',
  '  underlying=ES expiry=2024-12-20         futures (defaults: the symbol, unknown)',
  '  funding=0.0001                          funding rate per 8 h (perpetuals; overrides --funding-rate)',
  '--instruments file.json: { "ES": { "kind": "future", "multiplier": 50, … }, … } with the same keys;',
  '  "session" may also be a custom calendar { "name", "timeZone", "open", "close", "weekdays",',
  '  "holidays", "earlyCloses" }.',
].join('\n');

/** The terms of one instrument, as given (values unchecked). */
export interface InstrumentTerms {
  readonly symbol: string;
  /** Where they were given, for messages (`--instrument ES`, `instruments.json: ES`). */
  readonly where: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Parses one `--instrument SYMBOL:key=value,…`. */
export function parseInstrumentOption(text: string): InstrumentTerms {
  const colon = text.indexOf(':');
  const symbol = colon < 0 ? '' : text.slice(0, colon).trim();
  if (symbol === '' || text.slice(colon + 1).trim() === '') {
    throw new UsageError(`expected --instrument SYMBOL:key=value,…, got "${text}"`);
  }
  const where = `--instrument ${symbol}`;
  const values: Record<string, unknown> = {};
  for (const part of text.slice(colon + 1).split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part.trim() : part.slice(0, eq).trim().toLowerCase();
    if (eq < 0 || key === '') throw new UsageError(`expected key=value in ${where}, got "${part.trim()}"`);
    if (Object.hasOwn(values, key)) throw new UsageError(`${key}= is given twice in ${where}`);
    values[key] = part.slice(eq + 1).trim();
  }
  return checkKeys({ symbol, where, values });
}

function checkKeys(terms: InstrumentTerms): InstrumentTerms {
  for (const key of Object.keys(terms.values)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`${terms.where} has no option ${key}= (options: ${KEYS.map((k) => `${k}=`).join(', ')})`);
    }
  }
  return terms;
}

/**
 * Reads `--instruments file.json`: an object keyed by symbol, or an array of objects with a
 * `symbol`, each with the keys of `--instrument`.
 */
export async function readInstrumentsFile(file: string): Promise<InstrumentTerms[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AlphintraError('FILE_NOT_FOUND', 'no such instruments file', { file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AlphintraError('PARSE_ERROR', `expected JSON: ${(error as Error).message}`, { file });
  }
  const entries: [string, unknown][] = Array.isArray(parsed)
    ? parsed.map((entry, i) => {
        const symbol = (entry as { symbol?: unknown } | null)?.symbol;
        if (typeof symbol !== 'string' || symbol.trim() === '') {
          throw new AlphintraError('INVALID_ARGUMENT', `expected entry ${i} to have a "symbol"`, { file });
        }
        return [symbol.trim(), entry];
      })
    : parsed !== null && typeof parsed === 'object'
      ? Object.entries(parsed)
      : [];
  if (entries.length === 0) {
    throw new AlphintraError('INVALID_ARGUMENT', 'expected an object keyed by symbol (or an array) of instruments', {
      file,
    });
  }
  return entries.map(([symbol, entry]) => {
    const where = `${file}: ${symbol}`;
    if (entry === null || typeof entry !== 'object') {
      throw new AlphintraError('INVALID_ARGUMENT', `expected ${where} to be an object of terms`);
    }
    const { symbol: _ignored, ...values } = entry as Record<string, unknown>;
    return checkKeys({ symbol, where, values });
  });
}

function text(terms: InstrumentTerms, key: string): string | undefined {
  const value = terms.values[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected ${key} as text in ${terms.where}, got ${JSON.stringify(value)}`,
    );
  }
  return value.trim();
}

function number(
  terms: InstrumentTerms,
  key: string,
  check: (x: number) => boolean,
  expected: string,
): number | undefined {
  const value = terms.values[key];
  if (value === undefined) return undefined;
  const x =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!(Number.isFinite(x) && check(x))) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected ${expected} for ${key} in ${terms.where}, got ${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)}`,
    );
  }
  return x;
}

const positive = (x: number): boolean => x > 0;

/** The base currency a pair's symbol names (`EUR/USD`, `BTC-USDT`, `EURUSD` → `EUR`), if it does. */
function baseOf(symbol: string): string | undefined {
  const parts = symbol.split(/[/\-_:]/);
  if (parts.length === 2 && parts[0] !== '') return parts[0];
  return /^[A-Z]{6}$/.test(symbol) ? symbol.slice(0, 3) : undefined;
}

/** What `--data` needs besides the bars: the instrument and its trading terms. */
export type InstrumentData = Pick<BacktestData, 'instrument' | 'marginRate' | 'fundingRate' | 'session'>;

/**
 * Builds the instrument of `symbol` from its terms (or an equity when there are none),
 * checking each value; `venue` and `currency` are the defaults of `--venue` and `--currency`.
 */
export function instrumentFrom(
  symbol: string,
  terms: InstrumentTerms | undefined,
  defaults: { readonly venue: string; readonly currency: string; readonly fundingRate?: number },
): InstrumentData {
  const t = terms ?? { symbol, where: symbol, values: {} };
  const kind = (text(t, 'kind') ?? 'equity').toLowerCase();
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected kind one of ${KINDS.join(', ')} in ${t.where}, got "${kind}"`,
    );
  }
  const k = kind as TradableKind;
  const margined = k === 'future' || k === 'perpetual';
  const only = (key: string, applies: boolean, what: string): void => {
    if (t.values[key] !== undefined && !applies) {
      throw new AlphintraError('INVALID_ARGUMENT', `${key}= applies to ${what} only (${t.where} is ${kind})`);
    }
  };
  only('margin', margined, 'futures and perpetuals');
  only('funding', k === 'perpetual', 'perpetuals');
  only('base', k === 'fx' || k === 'crypto' || k === 'perpetual', 'fx, crypto and perpetuals');
  only('underlying', k === 'future', 'futures');
  only('expiry', k === 'future', 'futures');
  const multiplier = number(t, 'multiplier', positive, 'a positive number');
  const tickSize = number(t, 'tick', positive, 'a positive number');
  const lotSize = number(t, 'lot', positive, 'a positive number');
  const marginRate = number(t, 'margin', (x) => x > 0 && x <= 1, 'a fraction in (0, 1]');
  const funding = number(t, 'funding', () => true, 'a number');
  const common = {
    symbol,
    venue: defaults.venue,
    currency: text(t, 'currency') ?? defaults.currency,
    ...(multiplier === undefined ? {} : { multiplier }),
    ...(tickSize === undefined ? {} : { tickSize }),
    ...(lotSize === undefined ? {} : { lotSize }),
  };
  let instrument: Instrument;
  try {
    instrument = build(k, common, t, symbol);
  } catch (error) {
    if (error instanceof AlphintraError) throw new AlphintraError(error.code, `${t.where}: ${error.message}`);
    throw error;
  }
  const session = sessionOf(t);
  const fundingRate = funding ?? (k === 'perpetual' ? defaults.fundingRate : undefined);
  return {
    instrument,
    ...(margined ? { marginRate: marginRate ?? 0.1 } : {}),
    ...(fundingRate === undefined ? {} : { fundingRate }),
    ...(session === undefined ? {} : { session }),
  };
}

/** Fields every kind shares. */
interface CommonTerms {
  readonly symbol: string;
  readonly venue: string;
  readonly currency: string;
  readonly multiplier?: number;
  readonly tickSize?: number;
  readonly lotSize?: number;
}

function build(kind: TradableKind, common: CommonTerms, t: InstrumentTerms, symbol: string): Instrument {
  switch (kind) {
    case 'equity':
    case 'etf':
    case 'index':
      return defineInstrument({ ...common, kind } as never);
    case 'fx':
    case 'crypto':
    case 'perpetual': {
      const baseCurrency = text(t, 'base') ?? baseOf(symbol);
      if (baseCurrency === undefined) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `expected base= (the base currency; "${symbol}" does not name one)`,
        );
      }
      return defineInstrument({ ...common, kind, baseCurrency } as never);
    }
    case 'future': {
      const expiryText = text(t, 'expiry');
      const expiry = expiryText === undefined ? Number.NaN : dateMicros(expiryText);
      return defineInstrument({ ...common, kind, underlying: text(t, 'underlying') ?? symbol, expiry } as never);
    }
  }
}

/** Midnight UTC of a `YYYY-MM-DD` date, in µs. */
function dateMicros(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, mo, d] = m === null ? [0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m === null || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected expiry as YYYY-MM-DD, got "${date}"`);
  }
  return daysFromCivil(y, mo, d) * MICROS_PER_DAY;
}

function sessionOf(t: InstrumentTerms): InstrumentData['session'] {
  const value = t.values.session;
  if (value === undefined) return undefined;
  try {
    if (typeof value === 'string') return sessionCalendar(value);
    if (value !== null && typeof value === 'object') return sessionCalendar(value as SessionCalendarSpec);
  } catch (error) {
    if (error instanceof AlphintraError) throw new AlphintraError(error.code, `${t.where}: ${error.message}`);
    throw error;
  }
  throw new AlphintraError(
    'INVALID_ARGUMENT',
    `expected session as a calendar name or a custom calendar in ${t.where}, got ${JSON.stringify(value)}`,
  );
}

/**
 * Header names: normalisation, the synonyms each bar field is known by, and the camelCase
 * names of extra columns.
 */

/** Returns `name` lower-cased, without `<>`, quotes or parenthesised notes, separators as single spaces. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[<>"'`]/g, '')
    .replace(/[_\-./:\s]+/g, ' ')
    .trim();
}

/** Normalised names of a full timestamp column, best first. */
export const TIME_NAMES = [
  'datetime',
  'date time',
  'timestamp',
  'time stamp',
  'open time',
  'opentime',
  'kline open time',
  'open timestamp',
  'ts',
  'unix',
  'unix time',
  'unixtime',
  'unix timestamp',
  'epoch',
  'start',
  'start time',
  'bar time',
  'gmt time',
  'local time',
  'utc time',
  'candle begin time',
  'period start',
  'time period start',
  't',
];
/** Normalised names of a date column (possibly holding a full timestamp). */
export const DATE_NAMES = ['date', 'day', 'trade date', 'trading day', 'd'];
/** Normalised names of a time-of-day column (or, alone, of the timestamp column). */
export const CLOCK_NAMES = ['time', 'hour', 'clock', 'time of day'];
export const OPEN_NAMES = ['open', 'o', 'open price', 'opening price', 'openprice', 'first', 'open bid', 'bid open'];
export const HIGH_NAMES = ['high', 'h', 'high price', 'highprice', 'max', 'highest', 'high bid', 'bid high'];
export const LOW_NAMES = ['low', 'l', 'low price', 'lowprice', 'min', 'lowest', 'low bid', 'bid low'];
export const CLOSE_NAMES = [
  'close',
  'c',
  'close price',
  'closeprice',
  'closing price',
  'close last',
  'last',
  'last price',
  'close bid',
  'bid close',
  'price',
];
export const VOLUME_NAMES = [
  'volume',
  'vol',
  'v',
  'base volume',
  'volume base',
  'tick volume',
  'tickvol',
  'qty',
  'quantity',
  'size',
];

/** Returns the index of the first name in `names` (normalised) that is in `synonyms`, best synonym first. */
export function findColumn(normalized: readonly string[], synonyms: readonly string[], taken: Set<number>): number {
  for (const synonym of synonyms) {
    const index = normalized.findIndex((n, i) => n === synonym && !taken.has(i));
    if (index >= 0) return index;
  }
  return -1;
}

/** Returns the index of a volume column named like `Volume USDT` or `Vol. BTC`. */
export function findVolumeLike(normalized: readonly string[], taken: Set<number>): number {
  return normalized.findIndex((n, i) => !taken.has(i) && /^(volume|vol) \S+$/.test(n) && !/quote/.test(n));
}

/** Returns `name` as a camelCase identifier: `Adj Close` → `adjClose`, `OpenInterest` → `openInterest`. */
export function camelCaseName(name: string): string {
  const words = name
    .replace(/[<>"'`]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return 'extra';
  const [first, ...rest] = words.map((w) => w.toLowerCase());
  const camel = first! + rest.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(camel) ? `column${camel}` : camel;
}

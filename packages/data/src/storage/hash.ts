import { createHash, type Hash } from 'node:crypto';
import { type BarSeries, formatTimeframe, InvariantError, parseTimeframe } from '@alphintra/core';
import { BASE_COLUMNS, HOST_LITTLE_ENDIAN, swapWords } from './format.js';

/** Tag that starts the canonical encoding; a new encoding gets a new tag. */
export const HASH_ENCODING_TAG = 'alphintra-bars-hash/1';

/** Returns the canonical text of a timeframe (`1day` → `1d`), or the text itself when it does not parse. */
export function canonicalTimeframe(text: string): string {
  try {
    return formatTimeframe(parseTimeframe(text));
  } catch {
    return text;
  }
}

/** Returns the little-endian bytes of a column: a view on little-endian hosts, a swapped copy otherwise. */
export function columnBytes(column: Float64Array): Uint8Array {
  const view = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  if (HOST_LITTLE_ENDIAN) return view;
  const copy = view.slice();
  swapWords(copy);
  return copy;
}

/** Returns the column order the hash uses: the base columns, then the extras sorted by name. */
export function hashColumnOrder(extraNames: readonly string[]): string[] {
  return [...BASE_COLUMNS, ...[...extraNames].sort()];
}

/**
 * Incremental content hash: feed each column's values in row order, in any number of
 * pieces, then `digest`. Equal data gives equal hashes however it was split into chunks.
 */
export class ContentHasher {
  readonly #columns: string[];
  readonly #hashers: Map<string, Hash>;
  #rows = 0;

  /** `columns` are the stored column names (base columns first). */
  constructor(columns: readonly string[]) {
    this.#columns = hashColumnOrder(columns.slice(BASE_COLUMNS.length));
    this.#hashers = new Map(this.#columns.map((name) => [name, createHash('sha256')]));
  }

  /** Adds `rows` rows; `values(name)` returns that column's next values. */
  update(rows: number, values: (name: string) => Float64Array): void {
    for (const [name, hasher] of this.#hashers) hasher.update(columnBytes(values(name)));
    this.#rows += rows;
  }

  /** Returns the content hash as lowercase hex. */
  digest(symbol: string | undefined, timeframe: string | undefined): string {
    const descriptor = JSON.stringify([
      HASH_ENCODING_TAG,
      symbol ?? null,
      timeframe ?? null,
      this.#rows,
      this.#columns,
    ]);
    const outer = createHash('sha256').update(Buffer.from(`${descriptor}\n`, 'utf8'));
    for (const name of this.#columns) outer.update((this.#hashers.get(name) as Hash).digest());
    return outer.digest('hex');
  }
}

/**
 * Returns the content hash of a series: SHA-256 over a descriptor line (tag, symbol,
 * timeframe, rows, column names) followed by the SHA-256 of each column's little-endian
 * bytes. Lineage, descriptions and file layout do not enter it, so the same bars hash the
 * same whether held in memory, written at once or streamed in chunks.
 *
 * `meta` overrides the series' own symbol and timeframe.
 *
 * @example
 * const id = hashSeries(series, { symbol: 'ORCL', timeframe: '1d' }); // 64 hex digits
 */
export function hashSeries(series: BarSeries, meta: { symbol?: string; timeframe?: string } = {}): string {
  const { symbol, timeframe } = identityOf(series, meta);
  const hasher = new ContentHasher([...BASE_COLUMNS, ...series.extraNames]);
  const columns = series.columns();
  hasher.update(series.length, (name) => baseOrExtra(columns, name));
  return hasher.digest(symbol, timeframe);
}

/** Returns the symbol and canonical timeframe that identify a series' content. */
export function identityOf(
  series: BarSeries,
  meta: { symbol?: string | undefined; timeframe?: string | undefined },
): { symbol: string | undefined; timeframe: string | undefined } {
  const symbol = meta.symbol ?? series.meta.symbol;
  const tf =
    meta.timeframe !== undefined
      ? canonicalTimeframe(meta.timeframe)
      : series.meta.timeframe !== undefined
        ? formatTimeframe(series.meta.timeframe)
        : undefined;
  return { symbol, timeframe: tf };
}

/** Returns the column `name` of `columns`, base or extra. */
export function baseOrExtra(columns: ReturnType<BarSeries['columns']>, name: string): Float64Array {
  switch (name) {
    case 'time':
      return columns.time;
    case 'open':
      return columns.open;
    case 'high':
      return columns.high;
    case 'low':
      return columns.low;
    case 'close':
      return columns.close;
    case 'volume':
      return columns.volume;
    default: {
      const extra = columns.extras?.[name];
      if (extra === undefined) throw new InvariantError(`expected a column named ${name}`);
      return extra;
    }
  }
}

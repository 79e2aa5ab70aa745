import { AlphintraError, type BarSeries, InvariantError } from '@alphintra/core';
import { AtomicFile, ioError, writeFully } from './atomic-file.js';
import { BASE_COLUMNS, CREATED_BY, type DatasetHeader, encodeHeader, PREAMBLE_BYTES } from './format.js';
import { baseOrExtra, ContentHasher, canonicalTimeframe, columnBytes, identityOf } from './hash.js';
import type { DatasetMetadata } from './metadata.js';

/** Options for {@link DatasetWriter.open}. */
export interface DatasetWriterOptions {
  /** Names of the extra columns every chunk carries (beyond time, open, high, low, close, volume). */
  readonly columns?: readonly string[];
  /** Metadata; symbol and timeframe default to those of the first chunk. */
  readonly metadata?: Partial<DatasetMetadata>;
  /** Rows per row group (default 262,144: 2 MB per column); bounds the writer's memory. */
  readonly rowGroupRows?: number;
}

/** Default rows per row group of streamed files. */
export const DEFAULT_ROW_GROUP_ROWS = 1 << 18;

// Worst-case values, so the final header fits in the space reserved before the data.
const PLACEHOLDER_TIME = -1.2345678901234567e300;

/**
 * Writes a dataset too large to hold in memory, chunk by chunk, in constant memory: rows are
 * buffered into fixed-size row groups and each full group goes straight to disk. The header
 * (row count, content hash, first and last time) is completed on `close`, and only then does
 * the file appear under its final name. The content hash equals that of the same bars written
 * at once by {@link writeDataset}.
 *
 * @example
 * const writer = await DatasetWriter.open('big.alph', { metadata: { symbol: 'SYN', timeframe: '1m' } });
 * for (const chunk of chunks) await writer.append(chunk);
 * const { hash, rows } = await writer.close();
 */
export class DatasetWriter {
  readonly #file: AtomicFile;
  readonly #columns: string[];
  readonly #metadata: Partial<DatasetMetadata>;
  readonly #groupRows: number;
  readonly #buffers: Float64Array[];
  readonly #hasher: ContentHasher;
  #resolved: DatasetMetadata | undefined;
  #dataOffset = 0;
  #position = 0;
  #filled = 0;
  #rows = 0;
  #start = Number.NaN;
  #end = Number.NaN;
  #done = false;

  private constructor(file: AtomicFile, columns: string[], metadata: Partial<DatasetMetadata>, groupRows: number) {
    this.#file = file;
    this.#columns = columns;
    this.#metadata = metadata;
    this.#groupRows = groupRows;
    this.#buffers = columns.map(() => new Float64Array(groupRows));
    this.#hasher = new ContentHasher(columns);
  }

  /** Creates the (temporary) file and returns a writer for it. */
  static async open(path: string, options: DatasetWriterOptions = {}): Promise<DatasetWriter> {
    const extras = [...(options.columns ?? [])];
    const columns = [...BASE_COLUMNS, ...extras];
    if (new Set(columns).size !== columns.length) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected distinct extra column names, got ${extras.join(',')}`);
    }
    const groupRows = options.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS;
    if (!Number.isSafeInteger(groupRows) || groupRows <= 0) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer rowGroupRows, got ${groupRows}`);
    }
    return new DatasetWriter(await AtomicFile.create(path), columns, options.metadata ?? {}, groupRows);
  }

  /** Rows appended so far. */
  get rows(): number {
    return this.#rows;
  }

  #header(rows: number, hash: string, start: number | null, end: number | null): DatasetHeader {
    return {
      columns: this.#columns,
      dtype: 'float64',
      byteOrder: 'little',
      rows,
      rowGroupRows: this.#groupRows,
      hash,
      start,
      end,
      metadata: this.#resolved as DatasetMetadata,
      createdBy: CREATED_BY,
    };
  }

  // Fixes symbol and timeframe (from the options or the first chunk) and reserves header space.
  #resolve(first: BarSeries | undefined): void {
    if (this.#resolved !== undefined) return;
    const { symbol, timeframe } = first === undefined ? this.#metadata : identityOf(first, this.#metadata);
    const resolved: Record<string, unknown> = { ...this.#metadata, lineage: this.#metadata.lineage ?? [] };
    delete resolved.symbol;
    delete resolved.timeframe;
    if (symbol !== undefined) resolved.symbol = symbol;
    if (timeframe !== undefined) resolved.timeframe = canonicalTimeframe(timeframe);
    this.#resolved = resolved as unknown as DatasetMetadata;
    const placeholder = encodeHeader(
      this.#header(Number.MAX_SAFE_INTEGER, '0'.repeat(64), PLACEHOLDER_TIME, PLACEHOLDER_TIME),
    );
    this.#dataOffset = placeholder.length;
    this.#position = this.#dataOffset;
  }

  #check(): void {
    if (this.#done) throw new AlphintraError('INVALID_ARGUMENT', `dataset writer for ${this.#file.path} is closed`);
  }

  async #writeGroup(arrays: Float64Array[], count: number): Promise<void> {
    this.#hasher.update(count, (name) => (arrays[this.#columns.indexOf(name)] as Float64Array).subarray(0, count));
    for (const array of arrays) {
      const bytes = columnBytes(array.subarray(0, count));
      await writeFully(this.#file.handle, bytes, this.#position);
      this.#position += bytes.length;
    }
  }

  /** Appends the bars of `chunk`, which must carry exactly the writer's extra columns and not go back in time. */
  async append(chunk: BarSeries): Promise<void> {
    this.#check();
    try {
      await this.#append(chunk);
    } catch (error) {
      await this.abort();
      throw ioError(this.#file.path, 'write', error);
    }
  }

  async #append(chunk: BarSeries): Promise<void> {
    const names = chunk.extraNames;
    const expected = this.#columns.slice(BASE_COLUMNS.length);
    if (names.length !== expected.length || !expected.every((name) => names.includes(name))) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected chunk columns ${expected.join(',') || '(no extras)'}, got ${names.join(',') || '(no extras)'}`,
      );
    }
    this.#resolve(chunk);
    const n = chunk.length;
    if (chunk.meta.symbol !== undefined && chunk.meta.symbol !== this.#resolved?.symbol) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected chunks of ${this.#resolved?.symbol ?? 'no symbol'}, got ${chunk.meta.symbol}`,
      );
    }
    if (n === 0) return;
    const first = chunk.start;
    if (first < this.#end) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected chunk times in order, got ${first} after ${this.#end}`);
    }
    if (this.#rows === 0) this.#start = first;
    this.#end = chunk.end;
    const data = chunk.columns();
    const columns = this.#columns.map((name) => baseOrExtra(data, name));
    let offset = 0;
    while (offset < n) {
      const take = Math.min(this.#groupRows - this.#filled, n - offset);
      if (this.#filled === 0 && take === this.#groupRows) {
        // A whole group is available in the chunk: write it without copying.
        await this.#writeGroup(
          columns.map((column) => column.subarray(offset, offset + take)),
          take,
        );
      } else {
        for (let c = 0; c < columns.length; c++) {
          (this.#buffers[c] as Float64Array).set(
            (columns[c] as Float64Array).subarray(offset, offset + take),
            this.#filled,
          );
        }
        this.#filled += take;
        if (this.#filled === this.#groupRows) {
          await this.#writeGroup(this.#buffers, this.#filled);
          this.#filled = 0;
        }
      }
      offset += take;
      this.#rows += take;
    }
  }

  /** Writes the last row group and the final header, renames the file into place and returns its hash, rows and size. */
  async close(): Promise<{ hash: string; rows: number; bytes: number }> {
    this.#check();
    try {
      this.#resolve(undefined);
      if (this.#filled > 0) await this.#writeGroup(this.#buffers, this.#filled);
      this.#filled = 0;
      const metadata = this.#resolved as DatasetMetadata;
      const hash = this.#hasher.digest(metadata.symbol, metadata.timeframe);
      const finite = (v: number): number | null => (this.#rows > 0 && Number.isFinite(v) ? v : null);
      const head = encodeHeader(
        this.#header(this.#rows, hash, finite(this.#start), finite(this.#end)),
        this.#dataOffset - PREAMBLE_BYTES,
      );
      if (head.length !== this.#dataOffset)
        throw new InvariantError('expected the final header to fit its reserved space');
      await writeFully(this.#file.handle, head, 0);
      this.#done = true;
      await this.#file.commit();
      return { hash, rows: this.#rows, bytes: this.#position };
    } catch (error) {
      await this.abort();
      throw ioError(this.#file.path, 'write', error);
    }
  }

  /** Discards everything written; no file appears under the final name. */
  async abort(): Promise<void> {
    this.#done = true;
    await this.#file.abort();
  }
}

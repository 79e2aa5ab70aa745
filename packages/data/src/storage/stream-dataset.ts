import { AlphintraError, type BarSeries } from '@alphintra/core';
import { ioError } from './atomic-file.js';
import { HOST_LITTLE_ENDIAN, PREAMBLE_BYTES, rowGroupCount, swapWords } from './format.js';
import { baseOrExtra, ContentHasher } from './hash.js';
import { openForRead, readOpenedHeader } from './read-dataset.js';
import { seriesFromArrays } from './read-plan.js';

/** Options for {@link streamDataset}. */
export interface StreamDatasetOptions {
  /** Hashes the groups as they pass and throws CORRUPT_DATASET after the last one if the hash differs. */
  readonly verify?: boolean;
}

/**
 * Yields a dataset's row groups in order, each as its own series (one read per group, columns
 * as views on that read), so files larger than memory can be processed in constant memory.
 * A file written at once by {@link writeDataset} yields a single series.
 *
 * @example
 * for await (const chunk of streamDataset('big.alph')) total += chunk.length;
 */
export async function* streamDataset(path: string, options: StreamDatasetOptions = {}): AsyncGenerator<BarSeries> {
  const handle = await openForRead(path);
  try {
    const { header, headerBytes } = await readOpenedHeader(handle, path).catch((error: unknown) => {
      throw ioError(path, 'read', error);
    });
    const width = header.columns.length;
    const hasher = options.verify === true ? new ContentHasher(header.columns) : undefined;
    let position = PREAMBLE_BYTES + headerBytes;
    const groups = rowGroupCount(header.rows, header.rowGroupRows);
    for (let g = 0; g < groups; g++) {
      const count = Math.min(header.rowGroupRows, header.rows - g * header.rowGroupRows);
      const bytes = new Uint8Array(count * width * 8);
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position + done);
        if (bytesRead === 0) {
          throw new AlphintraError(
            'CORRUPT_DATASET',
            `${path}: truncated: file ended before byte ${position + bytes.length}`,
            {
              file: path,
            },
          );
        }
        done += bytesRead;
      }
      position += bytes.length;
      if (!HOST_LITTLE_ENDIAN) swapWords(bytes);
      const arrays = header.columns.map((_, c) => new Float64Array(bytes.buffer, c * count * 8, count));
      const chunk = seriesFromArrays(header, arrays);
      if (hasher !== undefined) {
        const columns = chunk.columns();
        hasher.update(count, (name) => baseOrExtra(columns, name));
      }
      yield chunk;
    }
    if (hasher !== undefined) {
      const actual = hasher.digest(header.metadata.symbol, header.metadata.timeframe);
      if (actual !== header.hash) {
        throw new AlphintraError(
          'CORRUPT_DATASET',
          `${path}: content hash mismatch: header says ${header.hash}, data hashes to ${actual}`,
          { file: path },
        );
      }
    }
  } finally {
    await handle.close();
  }
}

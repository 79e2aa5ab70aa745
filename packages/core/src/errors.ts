/**
 * Alphintra's error vocabulary.
 *
 * Three kinds of failure exist (see docs/concepts/errors.md):
 * - a broken invariant throws {@link InvariantError} and stops the run;
 * - an expected outcome (an order denied by risk) is an event, never an error;
 * - an I/O or input failure is an {@link AlphintraError} whose `retryable` flag says whether
 *   trying again can help, with a stable `code` the API and CLI map in one place.
 */

/** Stable machine-readable error codes. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVARIANT_VIOLATED'
  | 'FX_RATE_MISSING'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_BINARY'
  | 'FILE_TOO_LARGE'
  | 'FILE_TRUNCATED'
  | 'PARSE_ERROR'
  | 'UNKNOWN_FORMAT'
  | 'MISSING_COLUMN'
  | 'BAD_TIMESTAMP'
  | 'BAD_NUMBER'
  | 'DATA_REJECTED'
  | 'DATASET_NOT_FOUND'
  | 'CORRUPT_DATASET'
  | 'UNSUPPORTED_VERSION'
  | 'ABORTED'
  | 'SWEEP_UNSUPPORTED'
  | 'IO_ERROR';

/** Optional details that locate an error in its input. */
export interface ErrorLocation {
  /** The file the problem was found in. */
  readonly file?: string | undefined;
  /** One-based line number within the file. */
  readonly line?: number | undefined;
  /** Column name or one-based index within the line. */
  readonly column?: string | number | undefined;
}

/** Options accepted by {@link AlphintraError}. */
export interface AlphintraErrorOptions extends ErrorLocation {
  /** Whether retrying the same operation can succeed (I/O hiccups, timeouts). */
  readonly retryable?: boolean;
  /** The underlying error, kept for `--verbose` output. */
  readonly cause?: unknown;
}

/**
 * Base class for every error Alphintra raises on purpose.
 *
 * The message reads as one line ("expected positive quantity, got -1"); the location, when
 * known, is kept in fields so that callers can format it (`file:line: message`).
 *
 * @example
 * throw new AlphintraError('BAD_NUMBER', 'expected a number in column close, got "abc"', { file, line: 12 });
 */
export class AlphintraError extends Error {
  /** Stable error code. */
  readonly code: ErrorCode;
  /** Whether retrying can help. */
  readonly retryable: boolean;
  /** File the error refers to, if any. */
  readonly file: string | undefined;
  /** One-based line the error refers to, if any. */
  readonly line: number | undefined;
  /** Column the error refers to, if any. */
  readonly column: string | number | undefined;

  constructor(code: ErrorCode, message: string, options: AlphintraErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AlphintraError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }

  /** Returns the message prefixed with its location, e.g. `data.csv:12: expected a number …`. */
  describe(): string {
    let where = '';
    if (this.file !== undefined) where = this.file;
    if (this.line !== undefined) where += `${where === '' ? 'line ' : ':'}${this.line}`;
    if (this.column !== undefined) where += ` (column ${this.column})`;
    return where === '' ? this.message : `${where}: ${this.message}`;
  }
}

/** Thrown when an internal invariant is broken; the run must stop. */
export class InvariantError extends AlphintraError {
  constructor(message: string) {
    super('INVARIANT_VIOLATED', message);
    this.name = 'InvariantError';
  }
}

/** Throws {@link InvariantError} with `message` unless `condition` holds. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** Marks a branch that exhaustive `switch` statements must never reach. */
export function assertNever(value: never, what = 'value'): never {
  throw new InvariantError(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Returns true when `error` is an {@link AlphintraError}. */
export function isAlphintraError(error: unknown): error is AlphintraError {
  return error instanceof AlphintraError;
}

import { isAlphintraError } from '@alphintra/core';

/** Exit code for a failed command (bad input, I/O). */
export const EXIT_FAILURE = 1;
/** Exit code for a usage error (unknown option, missing argument). */
export const EXIT_USAGE = 2;

/** A usage mistake the user can fix by changing the command line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A failure inside a user's strategy code. It prints as one line naming the strategy, the
 * handler and the clock time; `--verbose` adds the strategy's own stack (the cause).
 */
export class StrategyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StrategyError';
  }
}

/**
 * Returns the one-line message printed for an error: the location and message of an
 * Alphintra error, or the message of anything else. With `verbose`, the stack and causes
 * follow on further lines.
 */
export function formatError(error: unknown, verbose: boolean): string {
  let line: string;
  if (isAlphintraError(error)) {
    line = `error: ${error.describe()}${error.retryable ? ' (retrying may help)' : ''}`;
  } else if (error instanceof StrategyError) {
    // The user's own code failed: its message is the point, its stack only on request.
    line = `error: ${error.message}`;
    if (!verbose) line += ' (run with --verbose for the stack)';
  } else if (error instanceof UsageError) {
    line = `error: ${error.message} (see --help)`;
  } else if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    line = `error: ${code === undefined ? 'unexpected failure' : code}: ${error.message}`;
    if (!verbose) line += ' (run with --verbose for details)';
  } else {
    line = `error: ${String(error)}`;
  }
  if (!verbose) return line.replace(/\s*\n\s*/g, ' ');
  const details: string[] = [line];
  let current: unknown = error;
  while (current instanceof Error) {
    if (current.stack !== undefined) details.push(current.stack);
    current = current.cause;
    if (current !== undefined) details.push('caused by:');
  }
  return details.join('\n');
}

import { resolve } from 'node:path';
import { StrategyError as EngineStrategyError } from '@alphintra/engine';
import { StrategyError } from '../support/errors.js';

/**
 * Returns `file:line: ` for the deepest frame of `error`'s stack inside the strategy file
 * (stacks name the original lines because strategies compile with source maps).
 */
export function whereIn(error: unknown, file: string | undefined): string {
  if (file === undefined || !(error instanceof Error) || typeof error.stack !== 'string') return '';
  const path = resolve(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${path}:(\\d+):\\d+`).exec(error.stack);
  return match === null ? '' : `${file}:${match[1]}: `;
}

/**
 * Turns the engine's report of a failed strategy (which names the handler, the clock time and
 * the bar) into the CLI's one-line error, prefixed with the strategy file's line when the
 * original exception's stack names it; other errors pass through unchanged.
 */
export function describeStrategyFailure(error: unknown, file: string): unknown {
  if (!(error instanceof EngineStrategyError)) return error;
  return new StrategyError(`${whereIn(error.cause, file)}${error.message}`, {
    cause: error.cause === undefined ? error : error.cause,
  });
}

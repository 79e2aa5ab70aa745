import { AlphintraError } from '@alphintra/core';
import type { ParameterSpecs, ParameterValues } from '../strategy/parameters.js';
import type { StrategyContext, StrategyDefinition, StrategyHandlers } from '../strategy/strategy.js';
import type { StrategyGuard } from './strategy-guard.js';

/**
 * The ends of a run — creating the strategy's handlers and calling `onStart`, calling `onStop`
 * — and the lookup of an instrument by id, for the kernel.
 */

/**
 * Creates the strategy's handlers, hands them to `install`, then calls `onStart`. Throws the
 * strategy's failure when `create` or `onStart` throws, or `create` returns no handlers.
 */
export function startStrategy<P extends ParameterSpecs>(
  guard: StrategyGuard,
  strategy: StrategyDefinition<P>,
  context: StrategyContext,
  parameters: ParameterValues<P>,
  install: (handlers: StrategyHandlers) => void,
): void {
  guard.strategy = strategy.name;
  let created: unknown;
  try {
    created = strategy.create(context, parameters);
  } catch (error) {
    throw guard.fail(error, 'create', -1, -1);
  }
  const handlers = guard.handlersOf(created);
  install(handlers);
  if (handlers.onStart !== undefined) {
    try {
      handlers.onStart();
    } catch (error) {
      guard.fail(error, 'onStart', -1, -1);
    }
  }
  guard.check();
}

/** Calls `onStop`; throws the strategy's failure when it throws. */
export function stopStrategy(guard: StrategyGuard, handlers: StrategyHandlers): void {
  if (handlers.onStop === undefined) return;
  try {
    handlers.onStop();
  } catch (error) {
    throw guard.fail(error, 'onStop', -1, -1);
  }
  guard.check();
}

/**
 * Index of instrument `id` among `ids`; without an id, the instrument being handled
 * (`current`, −1: none) or the only one. Throws a clear error for an unknown or missing one.
 */
export function instrumentIndex(
  ids: readonly string[],
  byId: ReadonlyMap<string, number>,
  current: number,
  id: string | undefined,
): number {
  if (id === undefined) {
    if (current >= 0) return current;
    if (ids.length === 1) return 0;
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected an instrument (the run has ${ids.length}: ${ids.slice(0, 5).join(', ')}…)`,
    );
  }
  const index = byId.get(id);
  if (index === undefined)
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `unknown instrument ${id} (the run has ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? '…' : ''})`,
    );
  return index;
}

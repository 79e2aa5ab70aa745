import { formatIsoMicros } from '@alphintra/core';
import {
  type BarView,
  HANDLER_NAMES,
  type StrategyContext,
  type StrategyDefinition,
  type StrategyHandlers,
} from '@alphintra/engine';
import { StrategyError } from '../support/errors.js';
import { whereIn } from './backtest-failure.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function when(ctx: StrategyContext | undefined, handler: string, args: readonly unknown[]): string {
  let text = '';
  const time = ctx?.time;
  if (typeof time === 'number' && Number.isFinite(time)) text = ` at ${formatIsoMicros(time)}`;
  if (handler === 'onBar') {
    const bar = args[0] as BarView | undefined;
    if (bar !== undefined) text += ` (${bar.instrument} bar ${bar.index})`;
  }
  return text;
}

/**
 * Returns the definition with `create` and every handler wrapped so that an exception names
 * where it came from ("strategy "x" threw in onBar at …: message"). The wrapped handlers pass
 * their arguments and `this` through unchanged, so results do not change.
 */
export function guardStrategy(definition: StrategyDefinition, file?: string): StrategyDefinition {
  const label = `strategy "${definition.name}"`;
  return {
    ...definition,
    create(ctx, params) {
      let handlers: StrategyHandlers;
      try {
        handlers = definition.create(ctx, params);
      } catch (error) {
        throw new StrategyError(`${whereIn(error, file)}${label} threw in create: ${messageOf(error)}`, {
          cause: error,
        });
      }
      if (handlers === null || typeof handlers !== 'object') {
        throw new StrategyError(
          `${label}: expected create to return an object of handlers (onBar, onFill …), got ${handlers === null ? 'null' : typeof handlers}`,
        );
      }
      const guarded: Record<string, (...args: unknown[]) => unknown> = {};
      for (const name of HANDLER_NAMES) {
        const handler: unknown = handlers[name];
        if (handler === undefined) continue;
        if (typeof handler !== 'function') {
          throw new StrategyError(`${label}: expected ${name} to be a function, got ${typeof handler}`);
        }
        guarded[name] = (...args: unknown[]): unknown => {
          try {
            return (handler as (...a: unknown[]) => unknown).apply(handlers, args);
          } catch (error) {
            if (error instanceof StrategyError) throw error;
            const where = whereIn(error, file);
            throw new StrategyError(`${where}${label} threw in ${name}${when(ctx, name, args)}: ${messageOf(error)}`, {
              cause: error,
            });
          }
        };
      }
      return guarded as StrategyHandlers;
    },
  };
}

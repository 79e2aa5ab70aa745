import type { BarView, StrategyDefinition, StrategyHandlers } from '@alphintra/engine';

/**
 * Returns a strategy that sits out the warm-up before a window: the engine still feeds every
 * bar to its indicators, history and higher timeframes, but `onBar`, `onSlice` and `onTimer`
 * are not called for times before `start` (epoch µs, a bar open time). So the strategy starts
 * trading at the window's first bar with warm indicators and a flat book, as it would if it
 * were switched on there, and it never trades on the warm-up bars. `onStart` and `onStop` are
 * called as usual. Only bars before the window are involved: nothing after it is read.
 *
 * @example
 * runBacktest({ strategy: gateUntil(strategy, testStart), data: slicedFromWarmUp, … });
 */
export function gateUntil(definition: StrategyDefinition, start: number): StrategyDefinition {
  return {
    ...definition,
    create(ctx, params) {
      const inner: StrategyHandlers = definition.create(ctx, params);
      const handlers: StrategyHandlers = {};
      if (inner.onStart !== undefined) handlers.onStart = () => inner.onStart?.();
      if (inner.onStop !== undefined) handlers.onStop = () => inner.onStop?.();
      if (inner.onOrderUpdate !== undefined) handlers.onOrderUpdate = (order) => inner.onOrderUpdate?.(order);
      if (inner.onFill !== undefined) handlers.onFill = (fill, order) => inner.onFill?.(fill, order);
      if (inner.onBar !== undefined)
        handlers.onBar = (bar: BarView) => {
          if (bar.time >= start) inner.onBar?.(bar);
        };
      if (inner.onSlice !== undefined)
        handlers.onSlice = (time: number) => {
          if (time >= start) inner.onSlice?.(time);
        };
      if (inner.onTimer !== undefined)
        handlers.onTimer = (name: string, time: number) => {
          if (time >= start) inner.onTimer?.(name, time);
        };
      return handlers;
    },
  };
}

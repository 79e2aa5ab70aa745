import { type BarView, HOLD, type StrategyDefinition, type StrategyHandlers, type SweepFace } from '@alphintra/engine';

/** The sweep face of a gated strategy: no target before `start`, the face's own from there on. */
function gateFace(face: SweepFace, start: number): SweepFace {
  return {
    ...face,
    indicators: (params) => face.indicators(params),
    decide: (bar, values, position, params, bars) =>
      (bars.time[bar] as number) < start ? HOLD : face.decide(bar, values, position, params, bars),
  };
}

/**
 * Returns a strategy that sits out the warm-up before a window: the engine still feeds every
 * bar to its indicators, history and higher timeframes, but `onBar`, `onSlice` and `onTimer`
 * are not called for times before `start` (epoch µs, a bar open time). So the strategy starts
 * trading at the window's first bar with warm indicators and a flat book, as it would if it
 * were switched on there, and it never trades on the warm-up bars. `onStart` and `onStop` are
 * called as usual. Only bars before the window are involved: nothing after it is read. A sweep
 * face is gated the same way (it holds on bars before `start`), so `runSweep` and
 * `runBacktest` of the gated strategy still agree.
 *
 * @example
 * runBacktest({ strategy: gateUntil(strategy, testStart), data: slicedFromWarmUp, … });
 */
export function gateUntil(definition: StrategyDefinition, start: number): StrategyDefinition {
  return {
    ...definition,
    ...(definition.sweep === undefined ? {} : { sweep: gateFace(definition.sweep, start) }),
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

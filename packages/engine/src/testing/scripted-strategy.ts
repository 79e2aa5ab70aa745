import { defineStrategy, type StrategyDefinition } from '../strategy/strategy.js';
import type { SweepReversal } from '../sweep/sweep-face.js';

const SCRIPT_PARAMETERS = {
  scale: { type: 'number', default: 1, min: -10, max: 10, description: 'multiplies every scripted target' },
} as const;

/**
 * A strategy that follows a script of targets, one per bar (NaN: no order), scaled by its
 * `scale` parameter. Its `create` sends the orders the sweep face's documentation promises —
 * `closePosition()` for 0, `targetPercent(t)` otherwise, or with `close-then-open` and a
 * position of the other sign `closePosition()` then `buy`/`sell({ equityFraction })` — so
 * that any sequence of targets can be run through both paths.
 */
export function scriptedStrategy(
  targets: Float64Array,
  reversal: SweepReversal = 'direct',
): StrategyDefinition<typeof SCRIPT_PARAMETERS, never> {
  return defineStrategy({
    name: `scripted-${reversal}`,
    parameters: SCRIPT_PARAMETERS,
    create(ctx, p) {
      return {
        onBar(bar) {
          const t = (targets[bar.index] as number) * p.scale;
          if (!Number.isFinite(t)) return;
          const held = ctx.quantity();
          if (t === 0) {
            ctx.closePosition();
          } else if (reversal === 'close-then-open' && held !== 0 && held > 0 !== t > 0) {
            ctx.closePosition();
            if (t > 0) ctx.buy({ equityFraction: t });
            else ctx.sell({ equityFraction: -t });
          } else {
            ctx.targetPercent(t);
          }
        },
      };
    },
    sweep: {
      reversal,
      indicators: () => ({}),
      decide: (bar, _values, _held, p) => (targets[bar] as number) * p.scale,
    },
  });
}

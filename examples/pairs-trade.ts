/**
 * Pairs trade on two instruments: trade the z-score of the log price ratio over `lookback`
 * bars — short the rich leg and buy the cheap one beyond `entry` deviations, flatten inside
 * `exit`. Legs are equal notional.
 */
import { defineStrategy } from '@alphintra/engine';

export default defineStrategy({
  name: 'pairs-trade',
  description: 'Mean reversion of the log price ratio between two instruments.',
  version: '1',
  parameters: {
    lookback: { type: 'integer', default: 60, min: 10, max: 500 },
    entry: { type: 'number', default: 2, min: 0.5, max: 5 },
    exit: { type: 'number', default: 0.5, min: 0, max: 3 },
    leg: { type: 'number', default: 0.45, min: 0.05, max: 1, description: 'fraction of equity per leg' },
  },
  create(ctx, p) {
    const [a, b] = ctx.instruments;
    if (a === undefined || b === undefined || ctx.instruments.length !== 2) {
      throw new Error(`pairs-trade needs exactly two instruments, got ${ctx.instruments.length}`);
    }
    const ratios = new Float64Array(p.lookback);
    let count = 0;
    let lastTime = Number.NaN;
    return {
      onSlice(time) {
        const ta = ctx.value('time', 0, a);
        const tb = ctx.value('time', 0, b);
        // Trade only when both legs have a bar at this timestamp.
        if (ta !== time || tb !== time || time === lastTime) return;
        lastTime = time;
        const ratio = Math.log(ctx.value('close', 0, a) / ctx.value('close', 0, b));
        ratios[count % p.lookback] = ratio;
        count++;
        if (count < p.lookback) return;
        let mean = 0;
        for (const r of ratios) mean += r;
        mean /= p.lookback;
        let variance = 0;
        for (const r of ratios) variance += (r - mean) * (r - mean);
        const sd = Math.sqrt(variance / (p.lookback - 1));
        if (!(sd > 0)) return;
        const z = (ratio - mean) / sd;
        const side = Math.sign(ctx.quantity(a));
        if (side === 0 && Math.abs(z) > p.entry) {
          // a rich (z > 0): short a, long b.
          const sign = z > 0 ? -1 : 1;
          ctx.targetPercent(sign * p.leg, { instrument: a });
          ctx.targetPercent(-sign * p.leg, { instrument: b });
        } else if (side !== 0 && Math.abs(z) < p.exit) {
          ctx.closePosition(a);
          ctx.closePosition(b);
        }
      },
    };
  },
});

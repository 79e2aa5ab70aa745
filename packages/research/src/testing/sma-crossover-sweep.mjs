// The test strategy with a sweep face, as a worker imports it: the same rule for the engine
// (`create`) and for runSweep (`sweep`); `explode` makes both throw.
import base from './sma-crossover.mjs';

export default {
  ...base,
  name: 'research-test-sma-sweep',
  sweep: {
    indicators: (p) => ({
      fast: { name: 'SMA', params: { timeperiod: p.fast } },
      slow: { name: 'SMA', params: { timeperiod: p.slow } },
    }),
    decide(bar, { fast, slow }, held, p) {
      if (p.explode && bar > 50) throw new Error('boom');
      const s = slow[bar];
      if (Number.isNaN(s)) return Number.NaN;
      if (fast[bar] > s) return held <= 0 ? 1 : Number.NaN;
      return held > 0 ? 0 : Number.NaN;
    },
  },
};

// One contender per entry: each produces `symbols` × `bars` one-minute bars as fresh
// Float64Array columns (time, open, high, low, close, volume), `chunk` bars at a time, and
// returns the number of bars made and a checksum that keeps the work observable.

const SEED = 20260101;
const START = Date.UTC(2020, 0, 1) * 1000;
const MINUTE = 60_000_000;
// One-minute bars at 20 % annual volatility: the generator's defaults.
const BAR_SIGMA = 0.2 / Math.sqrt(365.25 * 1440);

function generator(core, { symbols, bars, chunk }) {
  if (symbols === 1 && chunk >= bars) {
    const series = core.generateBars({ seed: SEED, bars });
    return { bars: series.length, check: series.close[series.length - 1] };
  }
  const market = new core.SyntheticMarket({ seed: SEED, symbols, bars });
  let made = 0;
  let check = 0;
  for (let c = market.nextChunk(chunk); c !== null; c = market.nextChunk(chunk)) {
    for (const { series } of c) {
      made += series.length;
      check += series.close[series.length - 1];
    }
  }
  return { bars: made, check };
}

// The floor: a plain Gaussian random walk, each bar four sub-steps whose path gives the open,
// high, low and close, volume constant. It has none of the generator's model (drift
// correction, GARCH, jumps, bridge extremes, tick rounding, volume model) but writes the same
// columns in the same chunks.
function floor(core, { symbols, bars, chunk }, normal) {
  const rngs = Array.from({ length: symbols }, (_, k) => new core.SeededRng(SEED + k));
  const prices = new Float64Array(symbols).fill(100);
  const step = BAR_SIGMA / 2;
  let made = 0;
  let check = 0;
  for (let done = 0; done < bars; done += chunk) {
    const n = Math.min(chunk, bars - done);
    const time = new Float64Array(n);
    for (let j = 0; j < n; j++) time[j] = START + (done + j) * MINUTE;
    for (let s = 0; s < symbols; s++) {
      const columns = {
        time: s === 0 ? time : time.slice(),
        open: new Float64Array(n),
        high: new Float64Array(n),
        low: new Float64Array(n),
        close: new Float64Array(n),
        volume: new Float64Array(n),
      };
      const { open, high, low, close, volume } = columns;
      const rng = rngs[s];
      let p = prices[s];
      for (let j = 0; j < n; j++) {
        const o = p;
        let h = p;
        let l = p;
        for (let k = 0; k < 4; k++) {
          p += p * step * normal(rng);
          if (p > h) h = p;
          if (p < l) l = p;
        }
        open[j] = o;
        high[j] = h;
        low[j] = l;
        close[j] = p;
        volume[j] = 1000;
      }
      prices[s] = p;
      made += n;
      check += close[n - 1];
    }
  }
  return { bars: made, check };
}

/** name → function(core, { symbols, bars, chunk }) returning { bars, check }. */
export const contenders = {
  'alphintra generator': (core, size) => generator(core, size),
  'floor (SeededRng.nextNormal)': (core, size) => floor(core, size, (rng) => rng.nextNormal()),
  'floor (sampleNormal, ziggurat)': (core, size) => floor(core, size, core.sampleNormal),
};

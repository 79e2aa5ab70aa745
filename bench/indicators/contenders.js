// The eight indicators the benchmark compares, for each contender.
import { createRequire } from 'node:module';
import { getIndicator, inputColumns, resolveParams } from '@alphintra/indicators';
import * as ti from 'technicalindicators';
import * as ts from 'trading-signals';

/** Indicator name → TA-Lib parameters (TA-Lib's defaults, as the C harness uses). */
export const CASES = {
  SMA: { timeperiod: 30 },
  EMA: { timeperiod: 30 },
  RSI: { timeperiod: 14 },
  MACD: { fastperiod: 12, slowperiod: 26, signalperiod: 9 },
  BBANDS: { timeperiod: 5, nbdevup: 2, nbdevdn: 2, matype: 0 },
  ATR: { timeperiod: 14 },
  ADX: { timeperiod: 14 },
  STOCH: { fastk_period: 5, slowk_period: 3, slowk_matype: 0, slowd_period: 3, slowd_matype: 0 },
};

const column = (bars, name) => bars[name];

/** Returns a function that runs Alphintra's batch kernel into preallocated outputs, or undefined if not implemented. */
export function alphintraKernel(name, bars) {
  let definition;
  try {
    definition = getIndicator(name);
  } catch {
    return undefined;
  }
  const params = resolveParams(definition, CASES[name]);
  const inputs = definition.inputs.map((input) => column(bars, input === 'real' ? 'close' : input));
  const n = bars.close.length;
  const outputs = definition.outputs.map(() => new Float64Array(n));
  const run = () => definition.compute(inputs, params, outputs);
  // The checksum is taken outside the timed runs, as the C harness does.
  run.checksum = () => {
    let sum = 0;
    const first = outputs[0];
    for (let i = 0; i < n; i++) if (!Number.isNaN(first[i])) sum += first[i];
    return sum;
  };
  return run;
}

// A separate copy of the feeding loop per contender and indicator: each call site then sees
// one class only, so V8 can inline `update` as it would in a strategy holding that indicator.
// (Through one shared, megamorphic loop every returned double would be boxed on the heap.)
// The name goes into the source because V8 caches compilations by source text, and
// functions compiled from the same text share their type feedback: without it, ATR, ADX and
// STOCH would all be fed through one polymorphic call site.
function feedingLoop(name, arity) {
  const args = arity === 3 ? 'high[i], low[i], close[i]' : 'close[i]';
  return new Function(
    'stream',
    'high',
    'low',
    'close',
    `// ${name}\nconst n = close.length; for (let i = 0; i < n; i++) stream.push(${args}); return stream.outputs[0];`,
  );
}

// The same for pushAt: the stream reads bar i of its input columns, bound once.
function columnsLoop(name) {
  return new Function(
    'stream',
    'columns',
    `// ${name}\nconst n = columns[0].length; for (let i = 0; i < n; i++) stream.pushAt(columns, i); return stream.outputs[0];`,
  );
}

/**
 * Alphintra's streaming face: returns a function that feeds every bar through one stream,
 * with `push(high, low, close)` (face 'push') or `pushAt(columns, i)` (face 'pushAt').
 */
export function alphintraStream(name, bars, face = 'push') {
  let definition;
  try {
    definition = getIndicator(name);
  } catch {
    return undefined;
  }
  const params = resolveParams(definition, CASES[name]);
  const { high, low, close } = bars;
  // One stream, reset between runs, so the timed loop contains only updates.
  const stream = definition.createStream(params);
  if (face === 'pushAt') {
    const loop = columnsLoop(name);
    const columns = inputColumns(definition, bars);
    return () => {
      stream.reset();
      return loop(stream, columns);
    };
  }
  const loop = feedingLoop(name, definition.inputs.length);
  return () => {
    stream.reset();
    return loop(stream, high, low, close);
  };
}

/** The talib addon (TA-Lib's C code behind N-API), as users call it. */
export function talibAddon(name, bars, addonPackage) {
  const require = createRequire(import.meta.url);
  const talib = require(addonPackage);
  const p = CASES[name];
  const call = { name, startIdx: 0, endIdx: bars.close.length - 1 };
  const arrays = { close: Array.from(bars.close), high: Array.from(bars.high), low: Array.from(bars.low) };
  if (['ATR', 'ADX', 'STOCH'].includes(name))
    Object.assign(call, { high: arrays.high, low: arrays.low, close: arrays.close });
  else call.inReal = arrays.close;
  const optNames = {
    timeperiod: 'optInTimePeriod',
    fastperiod: 'optInFastPeriod',
    slowperiod: 'optInSlowPeriod',
    signalperiod: 'optInSignalPeriod',
    nbdevup: 'optInNbDevUp',
    nbdevdn: 'optInNbDevDn',
    matype: 'optInMAType',
    fastk_period: 'optInFastK_Period',
    slowk_period: 'optInSlowK_Period',
    slowk_matype: 'optInSlowK_MAType',
    slowd_period: 'optInSlowD_Period',
    slowd_matype: 'optInSlowD_MAType',
  };
  for (const [k, v] of Object.entries(p)) call[optNames[k]] = v;
  return () => {
    const r = talib.execute(call);
    const first = Object.values(r.result)[0];
    let sum = 0;
    for (const v of first) sum += v;
    return sum;
  };
}

/** technicalindicators' batch API (plain arrays in, arrays of numbers or objects out). */
export function technicalIndicators(name, bars) {
  const close = Array.from(bars.close);
  const high = Array.from(bars.high);
  const low = Array.from(bars.low);
  switch (name) {
    case 'SMA':
      return () => ti.SMA.calculate({ period: 30, values: close }).length;
    case 'EMA':
      return () => ti.EMA.calculate({ period: 30, values: close }).length;
    case 'RSI':
      return () => ti.RSI.calculate({ period: 14, values: close }).length;
    case 'MACD':
      return () =>
        ti.MACD.calculate({
          values: close,
          fastPeriod: 12,
          slowPeriod: 26,
          signalPeriod: 9,
          SimpleMAOscillator: false,
          SimpleMASignal: false,
        }).length;
    case 'BBANDS':
      return () => ti.BollingerBands.calculate({ period: 5, values: close, stdDev: 2 }).length;
    case 'ATR':
      return () => ti.ATR.calculate({ high, low, close, period: 14 }).length;
    case 'ADX':
      return () => ti.ADX.calculate({ high, low, close, period: 14 }).length;
    case 'STOCH':
      return () => ti.Stochastic.calculate({ high, low, close, period: 5, signalPeriod: 3 }).length;
  }
  return undefined;
}

/** trading-signals' streaming classes, fed bar by bar (its only face). */
export function tradingSignals(name, bars) {
  const { high, low, close } = bars;
  const make = {
    SMA: () => new ts.SMA(30),
    EMA: () => new ts.EMA(30),
    RSI: () => new ts.RSI(14),
    MACD: () => new ts.MACD(new ts.EMA(12), new ts.EMA(26), new ts.EMA(9)),
    BBANDS: () => new ts.BollingerBands(5, 2),
    ATR: () => new ts.ATR(14),
    ADX: () => new ts.ADX(14),
    STOCH: () => new ts.StochasticOscillator({ kPeriod: 5, kSlowingPeriod: 3, dPeriod: 3 }),
  }[name];
  if (make === undefined) return undefined;
  const candles = ['ATR', 'ADX', 'STOCH'].includes(name);
  const loop = candles
    ? new Function(
        'indicator',
        'high',
        'low',
        'close',
        `// ${name}\nlet last = null; const n = close.length; for (let i = 0; i < n; i++) last = indicator.update({ high: high[i], low: low[i], close: close[i] }, false); return last;`,
      )
    : new Function(
        'indicator',
        'high',
        'low',
        'close',
        `// ${name}\nlet last = null; const n = close.length; for (let i = 0; i < n; i++) last = indicator.update(close[i], false); return last;`,
      );
  return () => loop(make(), high, low, close);
}

import {
  AlphintraError,
  civilToMicros,
  daysInMonth,
  formatIsoMicros,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  microsToCivil,
} from '@alphintra/core';
import { lowerBound } from '../evaluate/measure-run.js';
import type { TrialWindow } from '../evaluate/trial-evaluator.js';

/** A length of a window: a number of bars, or a calendar span. */
export type Span =
  | { readonly kind: 'bars'; readonly bars: number }
  | { readonly kind: 'calendar'; readonly amount: number; readonly unit: 'hour' | 'day' | 'week' | 'month' | 'year' };

/** How a walk-forward analysis cuts the data. */
export interface WalkForwardSpec {
  /** Rolling: a training window of fixed length slides forward. Anchored: it starts at the first bar and grows. */
  readonly mode: 'rolling' | 'anchored';
  readonly train: Span;
  readonly test: Span;
  /** How far each fold moves on; the test length by default, so test windows tile the data. */
  readonly step: Span;
  /** Bars before each window fed to the strategy's indicators without trading; 'all' (the default) uses every earlier bar. */
  readonly warmup: number | 'all';
}

/** One fold: a training window the search runs on, and the test window its best parameters run on next. */
export interface Fold {
  readonly index: number;
  readonly train: TrialWindow;
  readonly test: TrialWindow;
  /** True when the test window is cut short by the end of the data. */
  readonly partial: boolean;
}

const UNITS: Readonly<Record<string, Extract<Span, { kind: 'calendar' }>['unit']>> = {
  h: 'hour',
  d: 'day',
  w: 'week',
  m: 'month',
  mo: 'month',
  y: 'year',
};

const usage =
  'expected --walk-forward rolling|anchored:train=…,test=…[,step=…][,warmup=N|all], e.g. rolling:train=2y,test=6m or anchored:train=504,test=126';

function parseSpan(key: string, text: string): Span {
  const bars = /^\d+$/.exec(text);
  if (bars !== null) {
    const n = Number(text);
    if (n < 1) throw new AlphintraError('INVALID_ARGUMENT', `expected a positive ${key} length, got ${text}`);
    return { kind: 'bars', bars: n };
  }
  const calendar = /^(\d+)(h|d|w|mo|m|y)$/.exec(text);
  if (calendar === null || Number(calendar[1]) < 1)
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected ${key} as a number of bars (504) or a span such as 90d, 26w, 6m, 2y (h, d, w, m, y), got "${text}"`,
    );
  return {
    kind: 'calendar',
    amount: Number(calendar[1]),
    unit: UNITS[calendar[2] as string] as Extract<Span, { kind: 'calendar' }>['unit'],
  };
}

/**
 * Parses a walk-forward specification: `rolling:train=2y,test=6m`, `anchored:train=504,test=126`,
 * optionally with `step=…` (default: the test length) and `warmup=N` bars or `warmup=all`
 * (the default). Lengths are all bars or all calendar spans (h, d, w, m = months, y).
 *
 * @example
 * parseWalkForward('rolling:train=2y,test=6m'); // { mode: 'rolling', train: { kind: 'calendar', amount: 2, unit: 'year' }, … }
 */
export function parseWalkForward(text: string): WalkForwardSpec {
  const colon = text.indexOf(':');
  const mode = (colon < 0 ? text : text.slice(0, colon)).trim();
  if (mode !== 'rolling' && mode !== 'anchored')
    throw new AlphintraError('INVALID_ARGUMENT', `${usage}; got "${text}"`);
  const fields: Record<string, string> = {};
  for (const part of colon < 0 ? [] : text.slice(colon + 1).split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !['train', 'test', 'step', 'warmup'].includes(key))
      throw new AlphintraError('INVALID_ARGUMENT', `${usage}; got "${part.trim()}"`);
    if (Object.hasOwn(fields, key)) throw new AlphintraError('INVALID_ARGUMENT', `${key} is given twice in "${text}"`);
    fields[key] = part.slice(eq + 1).trim();
  }
  if (fields.train === undefined || fields.test === undefined)
    throw new AlphintraError('INVALID_ARGUMENT', `${usage}; got "${text}"`);
  const train = parseSpan('train', fields.train);
  const test = parseSpan('test', fields.test);
  const step = fields.step === undefined ? test : parseSpan('step', fields.step);
  if (new Set([train.kind, test.kind, step.kind]).size > 1)
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected train, test and step all in bars or all as calendar spans, got "${text}"`,
    );
  if (approximateLength(step) < approximateLength(test))
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected step at least as long as test, so test windows do not overlap in the stitched curve, got "${text}"`,
    );
  const warmupText = fields.warmup ?? 'all';
  const warmup = warmupText === 'all' ? 'all' : Number(warmupText);
  if (warmup !== 'all' && !(Number.isInteger(warmup) && warmup >= 0))
    throw new AlphintraError('INVALID_ARGUMENT', `expected warmup=N bars or warmup=all, got "${warmupText}"`);
  return { mode, train, test, step, warmup };
}

/** Returns a span's length in bars, or in approximate days for calendar spans (to compare spans of one kind). */
function approximateLength(span: Span): number {
  if (span.kind === 'bars') return span.bars;
  const days = { hour: 1 / 24, day: 1, week: 7, month: 30.436875, year: 365.2425 }[span.unit];
  return span.amount * days;
}

/** Returns epoch µs moved on by `times` calendar spans (months clamp the day: Jan 31 + 1m = Feb 28/29). */
export function addSpan(micros: number, span: Extract<Span, { kind: 'calendar' }>, times = 1): number {
  const n = span.amount * times;
  switch (span.unit) {
    case 'hour':
      return micros + n * MICROS_PER_HOUR;
    case 'day':
      return micros + n * MICROS_PER_DAY;
    case 'week':
      return micros + 7 * n * MICROS_PER_DAY;
    case 'month':
    case 'year': {
      const c = microsToCivil(micros);
      const months = c.year * 12 + (c.month - 1) + (span.unit === 'year' ? 12 * n : n);
      const year = Math.floor(months / 12);
      const month = (months % 12) + 1;
      const day = Math.min(c.day, daysInMonth(year, month));
      return civilToMicros(year, month, day, c.hour, c.minute, c.second, c.microsecond);
    }
  }
}

/** Returns a span as text (`504 bars`, `2y`). */
export function describeSpan(span: Span): string {
  if (span.kind === 'bars') return `${span.bars} bars`;
  const short = { hour: 'h', day: 'd', week: 'w', month: 'm', year: 'y' }[span.unit];
  return `${span.amount}${short}`;
}

/**
 * Cuts a timeline into folds. Fold k's training window starts at k steps (rolling) or at the
 * first bar (anchored) and ends where its test window begins; the test window runs one test
 * length on. Calendar spans are measured from the first bar and converted to the first bar at
 * or after each boundary. A last test window cut by the end of the data is kept (marked
 * partial) when it holds at least half a test length; shorter tails are left out.
 * Warm-up: bars before each window, `warmup` of them or all.
 */
export function planFolds(timeline: Float64Array, spec: WalkForwardSpec): Fold[] {
  const n = timeline.length;
  const folds: Fold[] = [];
  const warm = (start: number): number => (spec.warmup === 'all' ? 0 : Math.max(0, start - spec.warmup));
  const first = timeline[0] as number;
  const last = timeline[n - 1] as number;
  for (let k = 0; ; k++) {
    let trainStart: number;
    let trainEnd: number;
    let testEnd: number;
    let partial: boolean;
    if (spec.train.kind === 'bars' && spec.test.kind === 'bars' && spec.step.kind === 'bars') {
      trainStart = spec.mode === 'rolling' ? k * spec.step.bars : 0;
      trainEnd = spec.mode === 'rolling' ? trainStart + spec.train.bars : spec.train.bars + k * spec.step.bars;
      if (trainEnd >= n) break;
      testEnd = Math.min(n, trainEnd + spec.test.bars);
      partial = trainEnd + spec.test.bars > n;
      if (partial && (testEnd - trainEnd) * 2 < spec.test.bars) break;
    } else if (spec.train.kind === 'calendar' && spec.test.kind === 'calendar' && spec.step.kind === 'calendar') {
      const startTime = spec.mode === 'rolling' ? addSpan(first, spec.step, k) : first;
      const endTime =
        spec.mode === 'rolling' ? addSpan(startTime, spec.train) : addSpan(addSpan(first, spec.train), spec.step, k);
      const testEndTime = addSpan(endTime, spec.test);
      trainStart = lowerBound(timeline, startTime);
      trainEnd = lowerBound(timeline, endTime);
      if (trainEnd >= n) break;
      testEnd = lowerBound(timeline, testEndTime);
      partial = testEndTime > last;
      if (partial && (last - endTime) * 2 < testEndTime - endTime) break;
    } else {
      throw new AlphintraError('INVALID_ARGUMENT', 'expected train, test and step in the same kind of unit');
    }
    if (testEnd <= trainEnd) break;
    if (trainEnd - trainStart < 2) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `fold ${k + 1}'s training window from ${formatIsoMicros(timeline[trainStart] as number)} holds ${trainEnd - trainStart} bar(s); make train longer`,
      );
    }
    folds.push({
      index: k,
      train: { warmupStart: warm(trainStart), start: trainStart, end: trainEnd },
      test: { warmupStart: warm(trainEnd), start: trainEnd, end: testEnd },
      partial,
    });
  }
  if (folds.length === 0) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `the data (${n} bars, ${formatIsoMicros(first)} to ${formatIsoMicros(last)}) is too short for one fold of train ${describeSpan(spec.train)} and test ${describeSpan(spec.test)}`,
    );
  }
  return folds;
}

import { AlphintraError } from '@alphintra/core';
import { createFeeModel, createSlippageModel, type FeeConfig, type SlippageConfig } from '@alphintra/engine';
import { UsageError } from '../support/errors.js';

/** Help text for `--fees`, shown by `alphintra backtest --help`. */
export const FEES_HELP = [
  '--fees (commission per fill):',
  '  none                                    no commission (default)',
  '  percent:0.001[,min=1]                   a fraction of notional (0.001 = 10 bp), optional minimum',
  '  per-share:0.005[,min=1][,max=50][,max-percent=0.01]',
  '                                          per unit, clamped to [min, max], capped at a fraction of notional',
  '  maker-taker:0.0002,0.0007               fractions of notional for maker and taker fills (negative maker = rebate)',
  '  {"kind":"tiered","tiers":[…]}           any fee configuration as JSON',
].join('\n');

/** Help text for `--slippage`. */
export const SLIPPAGE_HELP = [
  '--slippage (adverse price move of taker fills):',
  '  none                                    no slippage (default)',
  '  bps:5                                   a fixed 5 basis points of price',
  '  spread:10[,random]                      half of a 10 bp spread (random: uniform in [0, half])',
  '  spread-price:0.02[,random]              half of a spread given in price units',
  '  volume-share:0.1                        impact × (quantity / bar volume)² of price',
  '  sqrt:0.5                                coefficient × (range / close) × √(quantity / bar volume) of price',
  '  {"kind":"fixed-bps","bps":5}            any slippage configuration as JSON',
].join('\n');

interface Spec {
  readonly kind: string;
  readonly positional: string[];
  readonly named: Map<string, string>;
  readonly flags: Set<string>;
}

function split(option: string, text: string, example: string): Spec {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kind = (colon < 0 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  const rest = colon < 0 ? '' : trimmed.slice(colon + 1);
  const spec: Spec = { kind, positional: [], named: new Map(), flags: new Set() };
  if (rest.trim() === '') return spec;
  for (const part of rest.split(',').map((p) => p.trim())) {
    if (part === '') throw new UsageError(`expected ${option} like ${example}, got "${text}"`);
    const eq = part.indexOf('=');
    if (eq >= 0) spec.named.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    else if (part.toLowerCase() === 'random') spec.flags.add('random');
    else spec.positional.push(part);
  }
  return spec;
}

function number(option: string, name: string, text: string | undefined, original: string): number {
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new UsageError(
      `expected a number for ${name} in ${option}, got ${text === undefined ? 'nothing' : `"${text}"`} (in "${original}")`,
    );
  }
  return value;
}

function only(option: string, spec: Spec, original: string, positional: number, named: string[], flags: string[]) {
  if (spec.positional.length !== positional) {
    throw new UsageError(
      `expected ${positional} value${positional === 1 ? '' : 's'} after "${spec.kind}:" in ${option}, got ${spec.positional.length} (in "${original}")`,
    );
  }
  for (const key of spec.named.keys())
    if (!named.includes(key))
      throw new UsageError(
        `${option} ${spec.kind} has no option ${key}=${named.length > 0 ? ` (options: ${named.map((n) => `${n}=`).join(', ')})` : ''}`,
      );
  for (const flag of spec.flags)
    if (!flags.includes(flag)) throw new UsageError(`${option} ${spec.kind} has no option "${flag}"`);
}

function fromJson<T>(option: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UsageError(`expected ${option} as valid JSON, got "${text}" (${(error as Error).message})`);
  }
}

// The engine's own checks (ranges, exclusive fields) run here, before any data is read, and
// their message is prefixed with the option that caused it.
function checked<T>(option: string, config: T, build: (config: T) => unknown): T {
  try {
    build(config);
  } catch (error) {
    if (error instanceof AlphintraError) throw new AlphintraError(error.code, `${option}: ${error.message}`);
    throw error;
  }
  return config;
}

/**
 * Parses `--fees`: `none`, `percent:0.001[,min=1]`, `per-share:0.005[,min=1][,max=50][,max-percent=0.01]`,
 * `maker-taker:0.0002,0.0007`, or a JSON fee configuration.
 *
 * @example
 * parseFees('per-share:0.005,min=1'); // { kind: 'per-share', perShare: 0.005, minimum: 1 }
 */
export function parseFees(text: string): FeeConfig {
  const o = '--fees';
  if (text.trim().startsWith('{')) return checked(o, fromJson<FeeConfig>(o, text), createFeeModel);
  const spec = split(o, text, 'percent:0.001 or per-share:0.005,min=1');
  const num = (name: string, value: string | undefined): number => number(o, name, value, text);
  let config: FeeConfig;
  switch (spec.kind) {
    case 'none':
      only(o, spec, text, 0, [], []);
      config = { kind: 'none' };
      break;
    case 'percent': {
      only(o, spec, text, 1, ['min'], []);
      const min = spec.named.get('min');
      config = {
        kind: 'percent',
        rate: num('rate', spec.positional[0]),
        ...(min === undefined ? {} : { minimum: num('min', min) }),
      };
      break;
    }
    case 'per-share': {
      only(o, spec, text, 1, ['min', 'max', 'max-percent'], []);
      const optional = (key: string, field: string): Record<string, number> => {
        const value = spec.named.get(key);
        return value === undefined ? {} : { [field]: num(key, value) };
      };
      config = {
        kind: 'per-share',
        perShare: num('amount per share', spec.positional[0]),
        ...optional('min', 'minimum'),
        ...optional('max', 'maximum'),
        ...optional('max-percent', 'maximumPercent'),
      };
      break;
    }
    case 'maker-taker':
      only(o, spec, text, 2, [], []);
      config = {
        kind: 'maker-taker',
        maker: num('maker', spec.positional[0]),
        taker: num('taker', spec.positional[1]),
      };
      break;
    default:
      throw new UsageError(
        `unknown fee model "${spec.kind}" in --fees (use none, percent, per-share, maker-taker or JSON)`,
      );
  }
  return checked(o, config, createFeeModel);
}

/**
 * Parses `--slippage`: `none`, `bps:5`, `spread:10[,random]`, `spread-price:0.02[,random]`,
 * `volume-share:0.1`, `sqrt:0.5`, or a JSON slippage configuration.
 *
 * @example
 * parseSlippage('spread:10'); // { kind: 'spread', spreadBps: 10 }
 */
export function parseSlippage(text: string): SlippageConfig {
  const o = '--slippage';
  if (text.trim().startsWith('{')) return checked(o, fromJson<SlippageConfig>(o, text), createSlippageModel);
  const spec = split(o, text, 'bps:5 or spread:10');
  const num = (name: string, value: string | undefined): number => number(o, name, value, text);
  let config: SlippageConfig;
  switch (spec.kind) {
    case 'none':
      only(o, spec, text, 0, [], []);
      config = { kind: 'none' };
      break;
    case 'bps':
      only(o, spec, text, 1, [], []);
      config = { kind: 'fixed-bps', bps: num('bps', spec.positional[0]) };
      break;
    case 'spread':
    case 'spread-price': {
      only(o, spec, text, 1, [], ['random']);
      const value = num(spec.kind === 'spread' ? 'spread (bps)' : 'spread', spec.positional[0]);
      config = {
        kind: 'spread',
        ...(spec.kind === 'spread' ? { spreadBps: value } : { spread: value }),
        ...(spec.flags.has('random') ? { random: true } : {}),
      };
      break;
    }
    case 'volume-share':
      only(o, spec, text, 1, [], []);
      config = { kind: 'volume-share', impact: num('impact', spec.positional[0]) };
      break;
    case 'sqrt':
    case 'square-root':
      only(o, spec, text, 1, [], []);
      config = { kind: 'square-root', coefficient: num('coefficient', spec.positional[0]) };
      break;
    default:
      throw new UsageError(
        `unknown slippage model "${spec.kind}" in --slippage (use none, bps, spread, spread-price, volume-share, sqrt or JSON)`,
      );
  }
  return checked(o, config, createSlippageModel);
}

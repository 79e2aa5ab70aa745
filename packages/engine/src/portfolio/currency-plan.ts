import { AlphintraError, type Instrument } from '@alphintra/core';
import { checkFxRates, type FxRateInput, type FxRateTable, parsePair } from './fx-rate-input.js';

/** One pair a rate is read from: an FX instrument of the run, or an entry of `fxRates`. */
export interface RateEdge {
  /** Currency indexes (into {@link CurrencyPlan.currencies}): one `base` is `value` `quote`. */
  readonly base: number;
  readonly quote: number;
  readonly pair: string;
  /** Index of the FX instrument whose last close is the rate, or −1 for a configured rate. */
  readonly instrument: number;
  /** The configured rate (when `instrument` is −1). */
  readonly input?: FxRateInput;
}

/** One step of the way from a currency to the account currency, as the manifest records it. */
export interface RateStep {
  readonly pair: string;
  /** True when the step divides by the pair's rate (the currency converted is the pair's quote). */
  readonly inverse: boolean;
  /** `instrument` (the last close of an FX instrument of the run), `constant` or `series` (`fxRates`). */
  readonly source: 'instrument' | 'constant' | 'series';
  /** The instrument's id, for `instrument` steps. */
  readonly instrument?: string;
}

/** How one currency is converted into the account currency. */
export interface RateRoute {
  readonly currency: string;
  /** Steps from the currency to the account currency (two or more: a cross). */
  readonly steps: readonly RateStep[];
}

/**
 * Which currencies an account holds and where each one's rate into the account currency
 * comes from. Built once when a run starts; a currency with no way to the account currency
 * is an error then, not a surprise later.
 */
export interface CurrencyPlan {
  readonly account: string;
  /**
   * Every currency the plan knows: the account currency first, then the ones balances are
   * kept in (instrument quote currencies and FX bases, in instrument order), then currencies
   * only crossed through.
   */
  readonly currencies: readonly string[];
  /** How many of {@link currencies} hold balances (a prefix). */
  readonly held: number;
  /** Quote currency of each instrument. */
  readonly quote: Int32Array;
  /** Base currency of each FX instrument (it exchanges one currency for another), else −1. */
  readonly base: Int32Array;
  /** Pairs the rates are read from, in the order rates are computed (a parent before its children). */
  readonly edges: readonly RateEdge[];
  /** For each currency: the edge linking it to its parent on the way to the account currency, −1 for none. */
  readonly via: Int32Array;
  /** For each currency: the currency one step nearer the account currency, −1 for none. */
  readonly parent: Int32Array;
  /** Currencies other than the account's that have a rate, parents before children. */
  readonly order: Int32Array;
  /** The way each held currency other than the account's is converted (for the manifest). */
  readonly routes: readonly RateRoute[];
}

/**
 * Plans the currencies of an account: indexes every currency, picks for each a way to the
 * account currency — the fewest pairs, FX instruments of the run before configured rates,
 * then in instrument and sorted pair order — and throws `FX_RATE_MISSING` for a held
 * currency that has none.
 *
 * @example
 * const plan = planCurrencies('USD', [eurStock], { 'EUR/USD': 1.1 });
 * plan.currencies; // ['USD', 'EUR']
 */
export function planCurrencies(
  account: string,
  instruments: readonly Instrument[],
  fxRates: FxRateTable = {},
): CurrencyPlan {
  if (typeof account !== 'string' || account.trim() === '') {
    throw new AlphintraError('INVALID_ARGUMENT', `expected an account currency code, got "${String(account)}"`);
  }
  checkFxRates(fxRates);
  const currencies = [account];
  const indexOf = new Map([[account, 0]]);
  const intern = (code: string): number => {
    let c = indexOf.get(code);
    if (c === undefined) {
      c = currencies.length;
      currencies.push(code);
      indexOf.set(code, c);
    }
    return c;
  };
  const quote = new Int32Array(instruments.length);
  const base = new Int32Array(instruments.length).fill(-1);
  instruments.forEach((ins, k) => {
    quote[k] = intern(ins.currency);
    if (ins.kind === 'fx') {
      if (typeof ins.baseCurrency !== 'string' || ins.baseCurrency.trim() === '' || ins.baseCurrency === ins.currency) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `expected FX instrument ${ins.id} to exchange two currencies, got base "${String(ins.baseCurrency)}" and quote "${ins.currency}"`,
        );
      }
      base[k] = intern(ins.baseCurrency);
    }
  });
  const held = currencies.length;
  const candidates: RateEdge[] = [];
  instruments.forEach((ins, k) => {
    if (ins.kind === 'fx') {
      candidates.push({
        base: base[k] as number,
        quote: quote[k] as number,
        pair: `${ins.baseCurrency}/${ins.currency}`,
        instrument: k,
      });
    }
  });
  for (const pair of Object.keys(fxRates).sort()) {
    const { base: b, quote: q } = parsePair(pair);
    candidates.push({ base: intern(b), quote: intern(q), pair, instrument: -1, input: fxRates[pair] as FxRateInput });
  }

  // Breadth first from the account currency: the fewest pairs win, earlier candidates on ties.
  const n = currencies.length;
  const via = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const edges: RateEdge[] = [];
  const seen = new Uint8Array(n);
  seen[0] = 1;
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head] as number;
    for (const edge of candidates) {
      const to = edge.base === from ? edge.quote : edge.quote === from ? edge.base : -1;
      if (to < 0 || seen[to] === 1) continue;
      seen[to] = 1;
      via[to] = edges.length;
      parent[to] = from;
      edges.push(edge);
      order.push(to);
      queue.push(to);
    }
  }
  for (let c = 1; c < held; c++) {
    if (seen[c] === 1) continue;
    const code = currencies[c] as string;
    const known = Object.keys(fxRates);
    throw new AlphintraError(
      'FX_RATE_MISSING',
      `no rate converts ${code} into the account currency ${account}: add an FX instrument ${code}/${account} or ` +
        `${account}/${code}, or give fxRates['${code}/${account}'] (fxRates has ${known.length > 0 ? known.join(', ') : 'no pairs'})`,
    );
  }

  const routes: RateRoute[] = [];
  for (let c = 1; c < held; c++) {
    const steps: RateStep[] = [];
    for (let at = c; at !== 0; at = parent[at] as number) {
      const edge = edges[via[at] as number] as RateEdge;
      const source = edge.instrument >= 0 ? 'instrument' : typeof edge.input === 'number' ? 'constant' : 'series';
      steps.push({
        pair: edge.pair,
        inverse: edge.quote === at,
        source,
        ...(edge.instrument >= 0 ? { instrument: (instruments[edge.instrument] as Instrument).id } : {}),
      });
    }
    routes.push({ currency: currencies[c] as string, steps });
  }
  return { account, currencies, held, quote, base, edges, via, parent, order: Int32Array.from(order), routes };
}

import type { Instrument } from '@alphintra/core';
import type { Clock } from '../kernel/clock.js';
import { type CurrencyPlan, planCurrencies } from './currency-plan.js';
import { ExchangeRates, type RateFeed } from './exchange-rates.js';
import type { FxRateTable } from './fx-rate-input.js';
import { MultiCurrencyPortfolio } from './multi-currency-portfolio.js';
import { type AccountConfig, Portfolio, type PortfolioInstrument } from './portfolio.js';

/** What an account is built from. */
export interface AccountSetup {
  readonly instruments: readonly { readonly instrument: Instrument; readonly marginRate?: number }[];
  readonly account: AccountConfig;
  /** Configured rates, by pair (`'EUR/USD'`). */
  readonly fxRates?: FxRateTable;
  readonly clock: Clock;
  /** Where FX instruments' closes are read. */
  readonly feed: RateFeed;
}

/** An account and the currency plan behind it. */
export interface Account {
  readonly portfolio: Portfolio;
  readonly plan: CurrencyPlan;
}

/** Whether an instrument settles in cash and holds margin (futures and perpetuals). */
export function isMargined(instrument: Instrument): boolean {
  return instrument.kind === 'future' || instrument.kind === 'perpetual';
}

/**
 * Creates the portfolio of a run: the single-currency {@link Portfolio} when every instrument
 * is quoted in the account currency and none is an FX pair (so such runs convert nothing),
 * else a {@link MultiCurrencyPortfolio} with its rates. The account currency defaults to the
 * first instrument's quote currency. Throws `FX_RATE_MISSING` when a currency cannot be
 * converted.
 *
 * @example
 * const { portfolio } = createPortfolio({ instruments, account: { cash: 1e5, leverage: 1, allowShort: true, currency: 'USD' }, fxRates: { 'EUR/USD': 1.1 }, clock, feed });
 */
export function createPortfolio(setup: AccountSetup): Account {
  const instruments = setup.instruments.map((i) => i.instrument);
  const currency = setup.account.currency ?? instruments[0]?.currency ?? '';
  const plan = planCurrencies(currency, instruments, setup.fxRates);
  const account: AccountConfig = { ...setup.account, currency };
  const held: PortfolioInstrument[] = setup.instruments.map((i) => ({
    id: i.instrument.id,
    multiplier: i.instrument.multiplier,
    margined: isMargined(i.instrument),
    marginRate: i.marginRate ?? 0.1,
  }));
  if (plan.held === 1) return { portfolio: new Portfolio(held, account), plan };
  const rates = new ExchangeRates(plan, setup.clock, setup.feed);
  return { portfolio: new MultiCurrencyPortfolio(held, account, plan, rates), plan };
}

import { BuyingPower } from '../portfolio/buying-power.js';
import { createPortfolio } from '../portfolio/create-portfolio.js';
import type { CurrencyPlan } from '../portfolio/currency-plan.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import { TradeTracker } from '../portfolio/trade-tracker.js';
import { RiskEngine } from '../risk/risk-engine.js';
import type { Clock } from './clock.js';
import type { KernelConfig, KernelInstrument } from './kernel-types.js';

/** The account side of a kernel: the portfolio and its currencies, trades, risk limits and buying power. */
export interface KernelAccount {
  readonly portfolio: Portfolio;
  readonly currencyPlan: CurrencyPlan;
  readonly trades: TradeTracker;
  readonly risk: RiskEngine;
  readonly buyingPower: BuyingPower;
}

/**
 * Creates the account side of a kernel over `instruments`. The portfolio marks positions at
 * the close of each instrument's last bar handed to the strategy (`lastBar`, per instrument).
 */
export function createKernelAccount(
  instruments: readonly KernelInstrument[],
  ids: readonly string[],
  config: KernelConfig,
  clock: Clock,
  lastBar: Int32Array,
): KernelAccount {
  const account = createPortfolio({
    instruments,
    account: config.account,
    ...(config.fxRates === undefined ? {} : { fxRates: config.fxRates }),
    clock,
    feed: { close: instruments.map((i) => i.columns.close), lastBar },
  });
  const portfolio = account.portfolio;
  const trades = new TradeTracker(
    ids,
    instruments.map((i) => i.instrument.multiplier),
    portfolio.converts ? (k) => portfolio.rateOf(k) : undefined,
  );
  const risk = new RiskEngine(config.risk);
  const sized = instruments.map((i) => ({
    id: i.instrument.id,
    lotSize: i.instrument.lotSize,
    multiplier: i.instrument.multiplier,
    margined: i.instrument.kind === 'future' || i.instrument.kind === 'perpetual',
  }));
  const buyingPower = new BuyingPower(portfolio, sized, config.fees, config.account.allowShort);
  return { portfolio, currencyPlan: account.plan, trades, risk, buyingPower };
}

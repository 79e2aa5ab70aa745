import type { CurrencyPlan } from './currency-plan.js';
import type { ExchangeRates } from './exchange-rates.js';
import { type AccountConfig, Portfolio, type PortfolioInstrument } from './portfolio.js';

/**
 * An account with a cash balance per currency. A fill of an instrument quoted in currency Q
 * moves Q: cash instruments pay or receive their notional in Q, margined ones book realised
 * P&L in Q; fees and carry are in Q too. An FX spot instrument exchanges one currency for the
 * other (buying EUR/USD adds euros and removes dollars), so its position lives in the two
 * balances and adds nothing to equity by itself. Equity, cash, exposure and what buying
 * power reads are converted into the account currency at current rates; a negative balance
 * is a loan in that currency.
 */
export class MultiCurrencyPortfolio extends Portfolio {
  override readonly converts = true;
  /** Amount held in each currency of {@link currencies}, in that currency. */
  readonly balances: Float64Array;
  readonly #rates: ExchangeRates;
  readonly #quote: Int32Array;
  readonly #base: Int32Array;
  #equityVersion = -1;
  #ratesVersion = -1;
  #equity = 0;

  constructor(
    instruments: readonly PortfolioInstrument[],
    config: AccountConfig,
    plan: CurrencyPlan,
    rates: ExchangeRates,
  ) {
    super(instruments, config, plan.currencies.slice(0, plan.held));
    this.#rates = rates;
    this.#quote = plan.quote;
    this.#base = plan.base;
    this.balances = new Float64Array(plan.held);
    this.balances[0] = config.cash;
  }

  override get cash(): number {
    this.#rates.refresh();
    return this.#cashValue();
  }

  override balance(c: number): number {
    return c >= 0 && c < this.balances.length ? (this.balances[c] as number) : Number.NaN;
  }

  override rate(c: number): number {
    this.#rates.refresh();
    return c >= 0 && c < this.balances.length ? (this.#rates.rate[c] as number) : Number.NaN;
  }

  /**
   * Value of one unit of instrument `index`'s quote currency in the account currency; NaN
   * while the instrument cannot be valued — for an FX pair, also while its base currency's
   * rate is unknown (before the pair's first bar, when the pair itself gives that rate).
   */
  override rateOf(index: number): number {
    this.#rates.refresh();
    const rate = this.#rates.rate;
    const b = this.#base[index] as number;
    if (b !== -1 && Number.isNaN(rate[b] as number)) return Number.NaN;
    return rate[this.#quote[index] as number] as number;
  }

  override positionValue(index: number): number {
    if (this.#base[index] !== -1) return 0;
    const value = super.positionValue(index);
    return value === 0 ? 0 : value * (this.#rates.rate[this.#quote[index] as number] as number);
  }

  override notional(index: number): number {
    const value = super.notional(index);
    return value === 0 ? 0 : value * (this.#rates.rate[this.#quote[index] as number] as number);
  }

  override valueAt(index: number, price: number): number {
    if (this.#base[index] !== -1) return 0;
    return super.valueAt(index, price) * this.rateOf(index);
  }

  override equity(): number {
    const rates = this.#rates;
    rates.refresh();
    if (this.#equityVersion === this.version && this.#ratesVersion === rates.version) return this.#equity;
    let total = this.#cashValue();
    const open = this.open;
    for (let o = 0; o < this.openCount; o++) total += this.positionValue(open[o] as number);
    this.#equity = total;
    this.#equityVersion = this.version;
    this.#ratesVersion = rates.version;
    return total;
  }

  override grossExposure(): number {
    this.#rates.refresh();
    return super.grossExposure();
  }

  override requiredEquity(index: number, quantity: number, price: number): number {
    this.#rates.refresh();
    return super.requiredEquity(index, quantity, price);
  }

  override snapshot(out: Float64Array): void {
    this.#rates.refresh();
    super.snapshot(out);
  }

  override applyCarry(index: number, amount: number): void {
    this.version++;
    const c = this.#quote[index] as number;
    this.balances[c] = (this.balances[c] as number) + amount;
    this.carry[index] = (this.carry[index] as number) + amount;
  }

  protected override notionalAt(index: number, quantity: number, price: number): number {
    return super.notionalAt(index, quantity, price) * (this.#rates.rate[this.#quote[index] as number] as number);
  }

  protected override settle(index: number, signedQuantity: number, price: number, fee: number, realized: number): void {
    const ins = this.instruments[index] as PortfolioInstrument;
    const balances = this.balances;
    const q = this.#quote[index] as number;
    if (ins.margined) {
      balances[q] = (balances[q] as number) + (realized - fee);
    } else {
      balances[q] = (balances[q] as number) - (signedQuantity * price * ins.multiplier + fee);
      const b = this.#base[index] as number;
      if (b !== -1) balances[b] = (balances[b] as number) + signedQuantity * ins.multiplier;
    }
    this.#rates.refresh();
    this.totalFees += fee * (this.#rates.rate[q] as number);
  }

  /** Every balance in the account currency; balances of 0 count 0 even while their rate is unknown. */
  #cashValue(): number {
    const balances = this.balances;
    const rate = this.#rates.rate;
    let total = balances[0] as number;
    for (let c = 1; c < balances.length; c++) {
      const b = balances[c] as number;
      if (b !== 0) total += b * (rate[c] as number);
    }
    return total;
  }
}

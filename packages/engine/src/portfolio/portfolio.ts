import { InvariantError } from '@alphintra/core';

/** How the portfolio accounts for one instrument. */
export interface PortfolioInstrument {
  readonly id: string;
  readonly multiplier: number;
  /**
   * Margined instruments (futures, perpetuals) settle profit and loss in cash and hold only
   * margin; cash instruments (shares, spot crypto, FX) exchange their full notional.
   */
  readonly margined: boolean;
  /** Initial margin as a fraction of notional (margined instruments). */
  readonly marginRate: number;
}

/** Account rules. */
export interface AccountConfig {
  /** Starting cash, in the account currency. */
  readonly cash: number;
  /**
   * The account (base) currency: equity, exposure, buying power and results are in it.
   * Default: the quote currency of the first instrument.
   */
  readonly currency?: string;
  /** Largest gross exposure of cash instruments as a multiple of equity (1 = no borrowing). */
  readonly leverage: number;
  /** Whether cash instruments may be sold short. */
  readonly allowShort: boolean;
}

/**
 * Netting positions and cash for one account whose instruments are all quoted in the account
 * currency. Quantities are signed (negative = short); prices are the instrument's quote; money
 * is in the account currency. {@link MultiCurrencyPortfolio} extends it with a balance per
 * currency and conversion; this class stays free of both, so single-currency runs pay nothing.
 */
export class Portfolio {
  readonly instruments: readonly PortfolioInstrument[];
  readonly config: AccountConfig;
  /** Currencies the account holds, the account currency first. */
  readonly currencies: readonly string[];
  /** Whether amounts in instrument currencies are converted (false: all are in the account currency). */
  readonly converts: boolean = false;
  /** Fees paid, in the account currency (each converted at its fill). */
  totalFees = 0;
  #cash: number;
  /** Signed units held, by instrument index. */
  readonly quantity: Float64Array;
  /** Average entry price of the open position. */
  readonly averagePrice: Float64Array;
  /** Latest mark. */
  readonly lastPrice: Float64Array;
  /** Realised profit and loss before fees, by instrument. */
  readonly realized: Float64Array;
  /** Fees paid, by instrument. */
  readonly fees: Float64Array;
  /** Borrow costs, funding and dividends booked, by instrument (positive = received). */
  readonly carry: Float64Array;
  /**
   * Indexes of the instruments with a position, ascending: sums over positions visit only
   * these, in index order, so they equal a sum over every instrument to the last bit.
   */
  protected readonly open: Int32Array;
  protected openCount = 0;
  /** Bumped by every change that can move equity; {@link equity} is cached against it. */
  protected version = 0;
  #equityVersion = -1;
  #equity = 0;

  constructor(instruments: readonly PortfolioInstrument[], config: AccountConfig, currencies?: readonly string[]) {
    this.instruments = instruments;
    this.config = config;
    this.currencies = currencies ?? [config.currency ?? ''];
    this.#cash = config.cash;
    const n = instruments.length;
    this.quantity = new Float64Array(n);
    this.averagePrice = new Float64Array(n).fill(Number.NaN);
    this.lastPrice = new Float64Array(n).fill(Number.NaN);
    this.realized = new Float64Array(n);
    this.fees = new Float64Array(n);
    this.carry = new Float64Array(n);
    this.open = new Int32Array(n);
  }

  /** Cash in the account currency (every balance converted at current rates). */
  get cash(): number {
    return this.#cash;
  }

  /** Amount held in currency `c` (an index into {@link currencies}), in that currency. */
  balance(c: number): number {
    return c === 0 ? this.#cash : Number.NaN;
  }

  /** Value of one unit of currency `c` in the account currency now (NaN while unknown). */
  rate(c: number): number {
    return c === 0 ? 1 : Number.NaN;
  }

  /** Value of one unit of instrument `index`'s quote currency in the account currency now. */
  rateOf(_index: number): number {
    return 1;
  }

  /** Value the position contributes to equity: full market value, or open P&L when margined. */
  positionValue(index: number): number {
    const q = this.quantity[index] as number;
    if (q === 0) return 0;
    const ins = this.instruments[index] as PortfolioInstrument;
    const last = this.lastPrice[index] as number;
    const mark = Number.isNaN(last) ? (this.averagePrice[index] as number) : last;
    return ins.margined
      ? q * (mark - (this.averagePrice[index] as number)) * ins.multiplier
      : q * mark * ins.multiplier;
  }

  /**
   * Value position `index` would contribute to equity were it marked at `price` (what sizing
   * at a fill price reads).
   */
  valueAt(index: number, price: number): number {
    const q = this.quantity[index] as number;
    const ins = this.instruments[index] as PortfolioInstrument;
    return ins.margined
      ? q * (price - (this.averagePrice[index] as number)) * ins.multiplier
      : q * price * ins.multiplier;
  }

  /** Cash plus the value of every position at its latest mark. */
  equity(): number {
    if (this.#equityVersion === this.version) return this.#equity;
    let total = this.#cash;
    const open = this.open;
    for (let o = 0; o < this.openCount; o++) total += this.positionValue(open[o] as number);
    this.#equity = total;
    this.#equityVersion = this.version;
    return total;
  }

  /** Sum of absolute notional of all positions at their marks. */
  grossExposure(): number {
    let total = 0;
    const open = this.open;
    for (let o = 0; o < this.openCount; o++) total += Math.abs(this.notional(open[o] as number));
    return total;
  }

  /** Signed notional of one position at its mark. */
  notional(index: number): number {
    const q = this.quantity[index] as number;
    if (q === 0) return 0;
    const last = this.lastPrice[index] as number;
    const mark = Number.isNaN(last) ? (this.averagePrice[index] as number) : last;
    return q * mark * (this.instruments[index] as PortfolioInstrument).multiplier;
  }

  /**
   * Equity the account would need to hold every position (cash instruments at `1 / leverage`
   * of notional, margined ones at their margin rate), with instrument `index` revalued at
   * `price` and its quantity replaced by `quantity`.
   */
  requiredEquity(index: number, quantity: number, price: number): number {
    const open = this.open;
    const count = this.openCount;
    let total = 0;
    let o = 0;
    // Held instruments in index order, with `index` in its place whether held or not (the
    // flat ones would add exactly 0).
    for (; o < count && (open[o] as number) < index; o++) total += this.#required(open[o] as number);
    const ins = this.instruments[index] as PortfolioInstrument;
    const n = this.notionalAt(index, quantity, price);
    total += ins.margined ? Math.abs(n) * ins.marginRate : Math.abs(n) / this.config.leverage;
    if (o < count && open[o] === index) o++;
    for (; o < count; o++) total += this.#required(open[o] as number);
    return total;
  }

  /** Notional of `quantity` units of instrument `index` at `price`, in the account currency. */
  protected notionalAt(index: number, quantity: number, price: number): number {
    return quantity * price * (this.instruments[index] as PortfolioInstrument).multiplier;
  }

  /** Equity instrument `i`'s position needs at its mark. */
  #required(i: number): number {
    const ins = this.instruments[i] as PortfolioInstrument;
    const n = this.notional(i);
    return ins.margined ? Math.abs(n) * ins.marginRate : Math.abs(n) / this.config.leverage;
  }

  /**
   * Writes equity, net notional and gross notional into `out[0..2]`: results travel through
   * the array so the per-bar call returns no boxed number.
   */
  snapshot(out: Float64Array): void {
    let equity = this.cash;
    let net = 0;
    let gross = 0;
    const open = this.open;
    for (let o = 0; o < this.openCount; o++) {
      const i = open[o] as number;
      equity += this.positionValue(i);
      const n = this.notional(i);
      net += n;
      gross += n < 0 ? -n : n;
    }
    out[0] = equity;
    out[1] = net;
    out[2] = gross;
  }

  /** Records a new mark for an instrument. */
  mark(index: number, price: number): void {
    this.lastPrice[index] = price;
    if (this.quantity[index] !== 0) this.version++;
  }

  /**
   * Books a fill of `signedQuantity` units at `price` paying `fee`; returns the realised P&L
   * (before fees) of the part that closed an existing position.
   */
  applyFill(index: number, signedQuantity: number, price: number, fee: number): number {
    if (!(Number.isFinite(signedQuantity) && signedQuantity !== 0 && Number.isFinite(price) && Number.isFinite(fee))) {
      throw new InvariantError(`expected a finite non-zero fill, got ${signedQuantity} @ ${price} (fee ${fee})`);
    }
    const ins = this.instruments[index] as PortfolioInstrument;
    const m = ins.multiplier;
    const q = this.quantity[index] as number;
    const avg = this.averagePrice[index] as number;
    let realized = 0;
    const next = q + signedQuantity;
    if (q === 0 || Math.sign(q) === Math.sign(signedQuantity)) {
      this.averagePrice[index] =
        q === 0 ? price : (Math.abs(q) * avg + Math.abs(signedQuantity) * price) / Math.abs(next);
    } else {
      const closed = Math.min(Math.abs(q), Math.abs(signedQuantity));
      realized = closed * (price - avg) * Math.sign(q) * m;
      if (next === 0 || Math.abs(next) < 1e-12 * Math.abs(q)) {
        this.averagePrice[index] = Number.NaN;
      } else if (Math.sign(next) !== Math.sign(q)) {
        this.averagePrice[index] = price;
      }
    }
    const settled = Math.abs(next) < 1e-12 * Math.max(Math.abs(q), Math.abs(signedQuantity)) ? 0 : next;
    this.quantity[index] = settled;
    if (q === 0 && settled !== 0) this.#addOpen(index);
    else if (q !== 0 && settled === 0) this.#removeOpen(index);
    this.version++;
    if (settled === 0) this.averagePrice[index] = Number.NaN;
    this.settle(index, signedQuantity, price, fee, realized);
    this.realized[index] = (this.realized[index] as number) + realized;
    this.fees[index] = (this.fees[index] as number) + fee;
    if (Number.isNaN(this.lastPrice[index] as number)) this.lastPrice[index] = price;
    return realized;
  }

  /**
   * Moves the cash of a fill: margined instruments book realised P&L less the fee, cash
   * instruments pay or receive the notional and pay the fee.
   */
  protected settle(index: number, signedQuantity: number, price: number, fee: number, realized: number): void {
    const ins = this.instruments[index] as PortfolioInstrument;
    if (ins.margined) this.#cash += realized - fee;
    else this.#cash -= signedQuantity * price * ins.multiplier + fee;
    this.totalFees += fee;
  }

  /**
   * Books a cash flow tied to an instrument, in its currency: borrow cost, funding, dividend
   * (negative = paid).
   */
  applyCarry(index: number, amount: number): void {
    this.version++;
    this.#cash += amount;
    this.carry[index] = (this.carry[index] as number) + amount;
  }

  /** Applies a split of `ratio` new units per old unit: quantity × ratio, prices ÷ ratio. */
  applySplit(index: number, ratio: number): void {
    this.version++;
    this.quantity[index] = (this.quantity[index] as number) * ratio;
    this.averagePrice[index] = (this.averagePrice[index] as number) / ratio;
    this.lastPrice[index] = (this.lastPrice[index] as number) / ratio;
  }

  #addOpen(index: number): void {
    const open = this.open;
    let o = this.openCount;
    while (o > 0 && (open[o - 1] as number) > index) {
      open[o] = open[o - 1] as number;
      o--;
    }
    open[o] = index;
    this.openCount++;
  }

  #removeOpen(index: number): void {
    const open = this.open;
    let o = 0;
    while (open[o] !== index) o++;
    open.copyWithin(o, o + 1, this.openCount);
    this.openCount--;
  }
}

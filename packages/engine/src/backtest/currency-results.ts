import type { FxRateTable } from '../portfolio/fx-rate-input.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import { hashColumnList } from '../support/columns-hash.js';

/** Final cash held in one currency. */
export interface BalanceRecord {
  readonly currency: string;
  /** Amount, in the currency itself (negative: borrowed). */
  readonly amount: number;
  /** Value of one unit in the account currency at the end (null if never known). */
  readonly rate: number | null;
  /** `amount` in the account currency. */
  readonly value: number | null;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Final balances of an account, the account currency first. */
export function balanceRecords(portfolio: Portfolio): BalanceRecord[] {
  return portfolio.currencies.map((currency, c) => {
    const amount = portfolio.balance(c);
    const rate = portfolio.rate(c);
    return {
      currency,
      amount,
      rate: orNull(rate),
      value: amount === 0 ? 0 : orNull(amount * rate),
    };
  });
}

/** A rate table as the manifest records it: constants as they are, series by size, span and fingerprint. */
export function describeFxRates(table: FxRateTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of Object.keys(table).sort()) {
    const input = table[pair];
    if (typeof input === 'number' || input === undefined) out[pair] = input;
    else {
      out[pair] = {
        points: input.time.length,
        start: input.time[0],
        end: input.time[input.time.length - 1],
        hash: hashColumnList([input.time, input.rate]),
      };
    }
  }
  return out;
}

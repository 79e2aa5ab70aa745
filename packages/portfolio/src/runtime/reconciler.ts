import { InvariantError } from '@alphintra/core';
import type { Account, SleeveState } from './sleeve-state.js';

/**
 * Keeps the sleeve ledgers adding up to the account between fills. Fills are booked to the
 * sleeve that placed the order; what the account books outside fills is shared out here:
 *
 * - a split (the account's position in an instrument no longer equals the sum of the sleeves')
 *   is applied to every sleeve holding the instrument, by the same ratio;
 * - cash the account receives or pays on its positions (dividends, borrow costs, funding) shows
 *   as account equity the ledgers do not have. The engine does not say which position a flow
 *   came from, so it is booked by a rule: a cost to the short positions (borrow, dividends a
 *   short owes), an income to the long ones (dividends), each in proportion to its value at the
 *   mark (to every position when there is none on that side). That is exact when one position
 *   carries, or one sleeve holds all of them, and approximate otherwise (funding longs pay on
 *   perpetuals, say, while another sleeve is short).
 *
 * Differences below 1e-9 of equity are rounding and left alone (they are re-measured, never
 * lost).
 */
export class Reconciler {
  readonly #account: Account;
  readonly #sleeves: readonly SleeveState[];

  constructor(account: Account, sleeves: readonly SleeveState[]) {
    this.#account = account;
    this.#sleeves = sleeves;
  }

  /** Applies to the sleeves any split of instrument `k` (the account's position less `pendingUnits` not yet booked). */
  splits(k: number, pendingUnits = 0): void {
    const account = (this.#account.positions[k]?.quantity as number) - pendingUnits;
    let total = 0;
    for (const sleeve of this.#sleeves) total += sleeve.ledger.quantity(k);
    if (total === account) return;
    if (total === 0) {
      if (Math.abs(account) < 1e-9) return;
      throw new InvariantError(`the account holds ${account} of ${this.#account.ids[k]} that no sleeve holds`);
    }
    const ratio = account / total;
    if (Math.abs(ratio - 1) < 1e-9) return; // rounding of fractional lots
    for (const sleeve of this.#sleeves) if (sleeve.ledger.quantity(k) !== 0) sleeve.ledger.applySplit(k, ratio);
  }

  /**
   * Books to the sleeves the account equity their ledgers lack, less `expected`: the effect of a
   * fill the account has booked and the ledgers are about to.
   */
  cashFlows(expected = 0): void {
    const equity = this.#account.ctx.equity;
    let ledgers = 0;
    for (const sleeve of this.#sleeves) ledgers += sleeve.ledger.equity();
    const residual = equity - ledgers - expected;
    if (!(Math.abs(residual) > 1e-9 * Math.max(1, Math.abs(equity)))) return;
    // Costs fall on shorts (borrow, dividends owed) and income on longs (dividends): a negative
    // flow goes to the short positions, a positive one to the long ones, when there are any.
    const side = residual < 0 ? -1 : 1;
    let sided = 0;
    let gross = 0;
    for (const sleeve of this.#sleeves) {
      const ledger = sleeve.ledger;
      for (let i = 0; i < ledger.heldCount; i++) {
        const n = ledger.notional(ledger.heldAt(i));
        gross += Math.abs(n);
        if (Math.sign(n) === side) sided += Math.abs(n);
      }
    }
    if (!(gross > 0)) {
      // No position to tie it to: share it by capital.
      const capital = this.#sleeves.map((s) => s.ledger.equity());
      for (const [i, sleeve] of this.#sleeves.entries()) {
        const share = ledgers > 0 ? (capital[i] as number) / ledgers : 1 / this.#sleeves.length;
        sleeve.ledger.transfer(residual * share);
      }
      return;
    }
    const base = sided > 0 ? sided : gross;
    for (const sleeve of this.#sleeves) {
      const ledger = sleeve.ledger;
      for (let i = 0; i < ledger.heldCount; i++) {
        const k = ledger.heldAt(i);
        const n = ledger.notional(k);
        if (sided > 0 && Math.sign(n) !== side) continue;
        ledger.applyCarry(k, (residual * Math.abs(n)) / base);
      }
    }
  }
}

import type { Fill, Order } from '@alphintra/engine';

/** A fill and its order, as the engine reported them. */
export interface ReportedFill {
  readonly fill: Fill;
  readonly order: Readonly<Order>;
}

/**
 * Books fills into the ledgers in the order the account booked them, and hands the sleeves
 * their events in the order the engine raised them. The two orders differ in one case: when
 * an order fills, the engine places its bracket legs before it reports the fill, and a leg
 * that fills at once is reported first. Fill ids count up from 1 in booking order, so a fill
 * reported ahead of a missing id waits; events raised meanwhile (the leg's acceptance, its fill,
 * order updates) wait with it, and are handed out in their order once the missing fill arrives
 * and every waiting fill is booked — so when a sleeve hears of a fill, its ledger already
 * holds every fill the account holds, as a strategy run alone would find its account.
 */
export class FillSequencer {
  readonly #book: (batch: readonly ReportedFill[]) => void;
  readonly #arrived = new Map<number, ReportedFill>();
  readonly #waiting: (() => void)[] = [];
  #next = 1;

  /** @param book books a batch of consecutive fills into the ledgers */
  constructor(book: (batch: readonly ReportedFill[]) => void) {
    this.#book = book;
  }

  /** A fill reported by the engine, with the call that hands it to its sleeve. */
  fill(reported: ReportedFill, deliver: () => void): void {
    this.#arrived.set(reported.fill.id, reported);
    this.#waiting.push(deliver);
    if (reported.fill.id !== this.#next) return;
    const batch: ReportedFill[] = [];
    for (let next = this.#arrived.get(this.#next); next !== undefined; next = this.#arrived.get(this.#next)) {
      batch.push(next);
      this.#arrived.delete(this.#next);
      this.#next++;
    }
    this.#book(batch);
    if (this.#arrived.size > 0) return;
    const calls = this.#waiting.splice(0);
    for (const call of calls) call();
  }

  /** Any other event for a sleeve: handed over now, or queued behind a fill that waits. */
  event(deliver: () => void): void {
    if (this.#arrived.size > 0) this.#waiting.push(deliver);
    else deliver();
  }
}

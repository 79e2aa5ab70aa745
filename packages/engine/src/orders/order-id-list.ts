import { grow } from '../support/columns.js';
import { ACCEPTED, PARTIALLY_FILLED } from './order-codes.js';

/** A growable list of order ids (a venue's book, the kernel's working orders), in arrival order. */
export class OrderIdList {
  ids = new Int32Array(16);
  length = 0;

  /** Appends an id. */
  push(id: number): void {
    if (this.length === this.ids.length) this.ids = grow(this.ids, this.length * 2);
    this.ids[this.length++] = id;
  }

  /**
   * Appends an id, first dropping orders that are no longer working when the list is full
   * (so a long run's list stays as long as its working orders, not its order count).
   */
  pushWorking(id: number, status: Uint8Array): void {
    if (this.length === this.ids.length) this.keepWorking(status);
    this.push(id);
  }

  /** Drops every order that is no longer working (by the store's status column), keeping the order of the rest. */
  keepWorking(status: Uint8Array): void {
    const ids = this.ids;
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const id = ids[r] as number;
      const s = status[id];
      if (s === ACCEPTED || s === PARTIALLY_FILLED) ids[w++] = id;
    }
    this.length = w;
  }

  /** A copy of the ids, in order. */
  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.length));
  }
}

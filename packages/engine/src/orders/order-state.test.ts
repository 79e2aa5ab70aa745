import { InvariantError } from '@alphintra/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFinal, type OrderStatus } from './order.js';
import { canTransition, nextOrderStatus, ORDER_TRANSITIONS, type OrderTransition } from './order-state.js';

const STATUSES: readonly OrderStatus[] = [
  'submitted',
  'accepted',
  'rejected',
  'denied',
  'partially-filled',
  'filled',
  'cancelled',
  'expired',
];
const TRANSITIONS: readonly OrderTransition[] = [
  'accept',
  'reject',
  'deny',
  'fill-partially',
  'fill',
  'cancel',
  'expire',
  'modify',
  'trigger',
];

// The lifecycle written out by hand, independently of the table under test.
const LEGAL: readonly (readonly [OrderStatus, OrderTransition, OrderStatus])[] = [
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'deny', 'denied'],
  ['submitted', 'cancel', 'cancelled'],
  ['accepted', 'fill-partially', 'partially-filled'],
  ['accepted', 'fill', 'filled'],
  ['accepted', 'cancel', 'cancelled'],
  ['accepted', 'expire', 'expired'],
  ['accepted', 'modify', 'accepted'],
  ['accepted', 'trigger', 'accepted'],
  // A venue may still refuse a working order (post-only would take, no buying power at the fill).
  ['accepted', 'reject', 'rejected'],
  ['partially-filled', 'fill-partially', 'partially-filled'],
  ['partially-filled', 'fill', 'filled'],
  ['partially-filled', 'cancel', 'cancelled'],
  ['partially-filled', 'expire', 'expired'],
  ['partially-filled', 'modify', 'partially-filled'],
  ['partially-filled', 'trigger', 'partially-filled'],
];

const legalNext = (status: OrderStatus, transition: OrderTransition): OrderStatus | undefined =>
  LEGAL.find(([from, t]) => from === status && t === transition)?.[2];

describe('order lifecycle', () => {
  it.each(LEGAL)('moves an order from %s by %s to %s', (from, transition, to) => {
    expect(nextOrderStatus(from, transition)).toBe(to);
    expect(canTransition(from, transition)).toBe(true);
  });

  const illegal = STATUSES.flatMap((s) =>
    TRANSITIONS.filter((t) => legalNext(s, t) === undefined).map((t) => [s, t] as const),
  );

  it('has exactly the hand-written transitions, no more', () => {
    // 8 statuses × 9 transitions = 72 pairs, 17 legal, 55 illegal.
    expect(illegal).toHaveLength(72 - 17);
    let count = 0;
    for (const s of STATUSES) count += Object.keys(ORDER_TRANSITIONS[s]).length;
    expect(count).toBe(17);
  });

  it.each(illegal)('throws an InvariantError for %s by %s', (from, transition) => {
    expect(canTransition(from, transition)).toBe(false);
    expect(() => nextOrderStatus(from, transition)).toThrow(InvariantError);
    expect(() => nextOrderStatus(from, transition)).toThrow(`illegal order transition: ${transition} from ${from}`);
  });

  it('has no way out of a final status', () => {
    for (const s of STATUSES.filter(isFinal)) expect(ORDER_TRANSITIONS[s]).toEqual({});
    expect(STATUSES.filter(isFinal)).toEqual(['rejected', 'denied', 'filled', 'cancelled', 'expired']);
  });

  it('never leaves a final status and never skips submitted, for any sequence of transitions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRANSITIONS), { maxLength: 30 }), (sequence) => {
        let status: OrderStatus = 'submitted';
        const visited: OrderStatus[] = [status];
        for (const transition of sequence) {
          if (!canTransition(status, transition)) {
            expect(() => nextOrderStatus(status, transition)).toThrow(InvariantError);
            continue;
          }
          const wasFinal = isFinal(status);
          const next = nextOrderStatus(status, transition);
          // A final status has no legal transition at all.
          expect(wasFinal).toBe(false);
          // Only the first step leaves submitted, and nothing ever returns to it.
          expect(next).not.toBe('submitted');
          if (status === 'submitted') expect(['accepted', 'rejected', 'denied', 'cancelled']).toContain(next);
          // Fills only ever happen to an order the venue accepted.
          if (next === 'filled' || next === 'partially-filled') expect(visited).toContain('accepted');
          status = next;
          visited.push(status);
        }
        // Once final, the status stays put: every later transition was illegal.
        const firstFinal = visited.findIndex(isFinal);
        if (firstFinal >= 0) expect(visited.length).toBe(firstFinal + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

import type { Fill, Order } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { FillSequencer, type ReportedFill } from './fill-sequencer.js';

const reported = (id: number): ReportedFill => ({ fill: { id } as Fill, order: { id } as Order });

describe('FillSequencer', () => {
  it('books fills in id order and hands events out in the order they came', () => {
    const booked: number[][] = [];
    const told: string[] = [];
    const sequencer = new FillSequencer((batch) => booked.push(batch.map((r) => r.fill.id)));
    sequencer.fill(reported(1), () => told.push('fill 1'));
    expect(booked).toEqual([[1]]);
    // A bracket leg (fill 3) is reported before its parent's fill 2: it waits, and so does what follows it.
    sequencer.event(() => told.push('leg accepted'));
    sequencer.fill(reported(3), () => told.push('fill 3'));
    sequencer.event(() => told.push('leg filled'));
    expect(booked).toEqual([[1]]);
    expect(told).toEqual(['fill 1', 'leg accepted']);
    sequencer.fill(reported(2), () => told.push('fill 2'));
    expect(booked).toEqual([[1], [2, 3]]);
    expect(told).toEqual(['fill 1', 'leg accepted', 'fill 3', 'leg filled', 'fill 2']);
    sequencer.event(() => told.push('parent filled'));
    expect(told.at(-1)).toBe('parent filled');
  });
});

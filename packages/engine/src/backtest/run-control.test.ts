import { AlphintraError } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import { syntheticBars, TEST_EQUITY } from '../testing/fixtures.js';
import { runBacktest } from './run-backtest.js';

const idle = defineStrategy({ name: 'idle', parameters: {}, create: () => ({}) });

describe('runBacktest progress and cancellation', () => {
  it('reports progress every interval and once at the end', () => {
    const calls: [number, number][] = [];
    runBacktest({
      strategy: idle,
      data: [{ instrument: TEST_EQUITY, series: syntheticBars(1_000) }],
      progressInterval: 300,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [300, 1_000],
      [600, 1_000],
      [900, 1_000],
      [1_000, 1_000],
    ]);
  });

  it('stops between bars with an ABORTED error once the signal is raised', () => {
    const signal = { aborted: false };
    let seen = 0;
    const counting = defineStrategy({
      name: 'counting',
      parameters: {},
      create: () => ({
        onBar() {
          seen++;
          if (seen === 450) signal.aborted = true;
        },
      }),
    });
    let error: unknown;
    try {
      runBacktest({
        strategy: counting,
        data: [{ instrument: TEST_EQUITY, series: syntheticBars(1_000) }],
        progressInterval: 100,
        signal,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AlphintraError);
    expect((error as AlphintraError).code).toBe('ABORTED');
    expect((error as AlphintraError).message).toBe('backtest cancelled after 500 of 1000 bars');
    expect(seen).toBe(500);
  });
});

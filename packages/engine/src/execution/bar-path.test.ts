import { describe, expect, it } from 'vitest';
import { BAR_PATHS, highFirst } from './bar-path.js';

// open 100, high 104, low 98: the low (2 away) is nearer than the high (4 away).
const [O, H, L] = [100, 104, 98];

describe('highFirst', () => {
  it('lists every bar path', () => {
    expect(BAR_PATHS).toEqual(['pessimistic', 'optimistic', 'nearest-first', 'high-first', 'low-first']);
  });

  it('always visits the named extreme first for high-first and low-first', () => {
    for (const position of [-5, 0, 5]) {
      expect(highFirst('high-first', position, O, H, L)).toBe(true);
      expect(highFirst('low-first', position, O, H, L)).toBe(false);
    }
  });

  it('visits the extreme nearer the open first for nearest-first, whatever the position', () => {
    for (const position of [-5, 0, 5]) {
      expect(highFirst('nearest-first', position, O, H, L)).toBe(false);
      // open 100, high 101, low 95: the high is nearer.
      expect(highFirst('nearest-first', position, 100, 101, 95)).toBe(true);
    }
  });

  it('breaks a tie toward the low', () => {
    expect(highFirst('nearest-first', 0, 100, 102, 98)).toBe(false);
  });

  it('goes against the position first when pessimistic', () => {
    // Long: low first. Short: high first, even though the low is nearer.
    expect(highFirst('pessimistic', 10, 100, 101, 95)).toBe(false);
    expect(highFirst('pessimistic', -10, O, H, L)).toBe(true);
    // Flat: nearest first.
    expect(highFirst('pessimistic', 0, O, H, L)).toBe(false);
    expect(highFirst('pessimistic', 0, 100, 101, 95)).toBe(true);
  });

  it('goes with the position first when optimistic', () => {
    expect(highFirst('optimistic', 10, O, H, L)).toBe(true);
    expect(highFirst('optimistic', -10, 100, 101, 95)).toBe(false);
    expect(highFirst('optimistic', 0, O, H, L)).toBe(false);
    expect(highFirst('optimistic', 0, 100, 101, 95)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLEANING_POLICY,
  parseCleaningPolicy,
  resolvePolicy,
  STRICT_CLEANING_POLICY,
} from './cleaning-policy.js';

describe('parseCleaningPolicy', () => {
  it('parses kind=action entries', () => {
    expect(parseCleaningPolicy('duplicate_timestamp=drop, missing_price=forward_fill,gap=keep')).toEqual({
      duplicate_timestamp: 'drop',
      missing_price: 'forward_fill',
      gap: 'keep',
    });
  });

  it('expands presets and lets later entries override them', () => {
    expect(parseCleaningPolicy('default')).toEqual(DEFAULT_CLEANING_POLICY);
    expect(parseCleaningPolicy('strict')).toEqual(STRICT_CLEANING_POLICY);
    expect(parseCleaningPolicy('default,gap=interpolate')).toEqual({ ...DEFAULT_CLEANING_POLICY, gap: 'interpolate' });
  });

  it('accepts hyphenated actions', () => {
    expect(parseCleaningPolicy('gap=forward-fill')).toEqual({ gap: 'forward_fill' });
  });

  it('rejects unknown kinds, unknown actions, misfit actions and malformed entries', () => {
    expect(() => parseCleaningPolicy('dupes=drop')).toThrow(
      /unknown issue kind "dupes"; expected one of out_of_order,/,
    );
    expect(() => parseCleaningPolicy('gap=ignore')).toThrow(
      /unknown cleaning action "ignore"; expected one of reject,/,
    );
    expect(() => parseCleaningPolicy('missing_price=clamp')).toThrow(
      'action clamp does not apply to missing_price; expected one of drop, forward_fill, interpolate, keep, reject',
    );
    expect(() => parseCleaningPolicy('gap=drop')).toThrow(/does not apply to gap/);
    expect(() => parseCleaningPolicy('gap')).toThrow(/expected kind=action or a preset/);
    expect(() => parseCleaningPolicy(' , ')).toThrow(/expected a cleaning policy/);
    try {
      parseCleaningPolicy('gap=drop');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });
});

describe('resolvePolicy', () => {
  it('keeps every kind the policy leaves out', () => {
    const resolved = resolvePolicy({ gap: 'forward_fill' });
    expect(resolved.gap).toBe('forward_fill');
    expect(resolved.duplicate_timestamp).toBe('keep');
    expect(Object.keys(resolved)).toHaveLength(13);
  });

  it('refuses a programmatic policy with a misfit action', () => {
    expect(() => resolvePolicy({ probable_split: 'drop' })).toThrow(/does not apply to probable_split/);
  });
});

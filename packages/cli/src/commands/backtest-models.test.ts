import { describe, expect, it } from 'vitest';
import { parseFees, parseSlippage } from './backtest-models.js';

describe('parseFees', () => {
  it('reads every documented form', () => {
    expect(parseFees('none')).toEqual({ kind: 'none' });
    expect(parseFees('percent:0.001')).toEqual({ kind: 'percent', rate: 0.001 });
    expect(parseFees('percent:0.001,min=1')).toEqual({ kind: 'percent', rate: 0.001, minimum: 1 });
    expect(parseFees('per-share:0.005,min=1,max-percent=0.01')).toMatchObject({
      kind: 'per-share',
      perShare: 0.005,
      minimum: 1,
      maximumPercent: 0.01,
    });
    expect(parseFees('maker-taker:-0.0001,0.0007')).toEqual({ kind: 'maker-taker', maker: -0.0001, taker: 0.0007 });
    expect(parseFees('{"kind":"tiered","tiers":[{"upTo":1e6,"maker":0.001,"taker":0.002}]}')).toMatchObject({
      kind: 'tiered',
    });
  });

  it('names what is wrong', () => {
    expect(() => parseFees('percent')).toThrow('expected 1 value after "percent:"');
    expect(() => parseFees('percent:x')).toThrow('expected a number for rate in --fees, got "x"');
    expect(() => parseFees('percent:0.1,max=2')).toThrow('--fees percent has no option max=');
    expect(() => parseFees('maker-taker:0.1')).toThrow('expected 2 values');
    expect(() => parseFees('{nope')).toThrow('expected --fees as valid JSON');
    expect(() => parseFees('per-share:-1')).toThrow('--fees: expected perShare ≥ 0, got -1');
  });
});

describe('parseSlippage', () => {
  it('reads every documented form', () => {
    expect(parseSlippage('none')).toEqual({ kind: 'none' });
    expect(parseSlippage('bps:5')).toEqual({ kind: 'fixed-bps', bps: 5 });
    expect(parseSlippage('spread:10')).toEqual({ kind: 'spread', spreadBps: 10 });
    expect(parseSlippage('spread:10,random')).toEqual({ kind: 'spread', spreadBps: 10, random: true });
    expect(parseSlippage('spread-price:0.02')).toEqual({ kind: 'spread', spread: 0.02 });
    expect(parseSlippage('volume-share:0.1')).toEqual({ kind: 'volume-share', impact: 0.1 });
    expect(parseSlippage('sqrt:0.5')).toEqual({ kind: 'square-root', coefficient: 0.5 });
  });

  it('names what is wrong', () => {
    expect(() => parseSlippage('bps:')).toThrow('expected 1 value after "bps:"');
    expect(() => parseSlippage('bps:5,random')).toThrow('--slippage bps has no option "random"');
    expect(() => parseSlippage('sqrt:-2')).toThrow('--slippage: expected coefficient ≥ 0, got -2');
    expect(() => parseSlippage('fast')).toThrow('unknown slippage model "fast"');
  });
});

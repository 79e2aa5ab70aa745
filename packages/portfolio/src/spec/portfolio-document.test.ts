import { defineStrategy } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { portfolioFromDocument, readPortfolioDocument } from './portfolio-document.js';

const hold = defineStrategy({ name: 'hold', parameters: { n: { type: 'integer', default: 1 } }, create: () => ({}) });

describe('portfolio documents', () => {
  it('resolve strategy paths through the caller and keep strategies given in code', () => {
    const document = readPortfolioDocument({
      name: 'p',
      sleeves: [
        { name: 'a', strategy: 'hold.ts', parameters: { n: 3 } },
        { name: 'b', strategy: hold },
      ],
      allocation: { method: 'fixed', weights: [0.4, 0.6] },
    });
    const asked: string[] = [];
    const portfolio = portfolioFromDocument(document, (path) => {
      asked.push(path);
      return hold;
    });
    expect(asked).toEqual(['hold.ts']);
    expect(portfolio.parameters).toMatchObject({ 'a.n': { default: 3 }, 'b.n': { default: 1 } });
    expect(portfolio.portfolio.allocation).toEqual({ kind: 'fixed', weights: [0.4, 0.6] });
  });

  it.each([
    [[], 'expected a portfolio file to hold an object with sleeves'],
    [{ sleeves: [{ name: 'a', strategy: 'x.ts', weight: 1 }] }, 'unknown key weight in sleeve 1'],
    [{ sleeves: [{ name: 'a', strategy: 7 }] }, 'expected sleeve 1 to name its strategy file, got 7'],
    [
      { sleeves: [{ name: 'a', strategy: 'x.ts', parameters: 3 }] },
      'expected the parameters of sleeve 1 to be an object',
    ],
    [{ sleeves: [{ name: 'a', strategy: 'x.ts' }], name: 5 }, 'expected name to be a string'],
    [{ sleeves: [{ name: 'a', strategy: 'x.ts' }], risk: [] }, 'expected risk to be an object'],
  ])('reject %j', (value, message) => {
    expect(() => readPortfolioDocument(value)).toThrow(message);
  });
});

import { AlphintraError } from '@alphintra/core';
import { defineStrategy } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { parseObjective } from '../objectives/objective.js';
import { smaCrossover, syntheticData } from '../testing/fixtures.js';
import { chooseEvaluator } from './evaluator-choice.js';
import { SweepTrialEvaluator } from './sweep-evaluator.js';

const data = [syntheticData(300, 2)];
const sharpe = [parseObjective('sharpe')];
const { sweep: _face, ...faceless } = smaCrossover;
const noFace = defineStrategy({ ...faceless, name: 'no-face' });

describe('choosing the evaluator', () => {
  it('takes the sweep under auto when the strategy, data, rules and objectives allow it', () => {
    const choice = chooseEvaluator('auto', { strategy: smaCrossover, data }, [
      parseObjective('sharpe'),
      parseObjective('max-drawdown'),
      parseObjective('cagr'),
    ]);
    expect(choice.used).toBe('sweep');
    expect(choice.reason).toMatch(/sweep face/);
    expect(chooseEvaluator('engine', { strategy: smaCrossover, data }, sharpe)).toEqual({
      requested: 'engine',
      used: 'engine',
      reason: 'asked for',
    });
  });

  it('refuses an objective the sweep does not compute, naming it and the engine evaluator', () => {
    const objectives = [parseObjective('sharpe'), parseObjective('average-mae')];
    const refuse = () => chooseEvaluator('sweep', { strategy: smaCrossover, data }, objectives);
    expect(refuse).toThrow(AlphintraError);
    expect(refuse).toThrow(/cannot compute trades\.averageMae \(objective averageMae\).*--evaluator engine/);
    const auto = chooseEvaluator('auto', { strategy: smaCrossover, data }, objectives);
    expect(auto).toEqual({
      requested: 'auto',
      used: 'engine',
      reason: 'the sweep does not compute trades.averageMae',
    });
  });

  it('takes the sweep for trade-statistic objectives such as the profit factor and win rate', () => {
    const objectives = [parseObjective('profit-factor'), parseObjective('win-rate')];
    expect(chooseEvaluator('sweep', { strategy: smaCrossover, data }, objectives).used).toBe('sweep');
    expect(chooseEvaluator('auto', { strategy: smaCrossover, data }, objectives).used).toBe('sweep');
  });

  it('refuses a configuration the sweep cannot reproduce, and a strategy without a face', () => {
    const limited = { strategy: smaCrossover, data, config: { volumeLimit: 0.1 } };
    expect(() => chooseEvaluator('sweep', limited, sharpe)).toThrow(
      /the sweep evaluator cannot run this: a volume limit \(0\.1 of bar volume\); use the engine evaluator/,
    );
    expect(() => new SweepTrialEvaluator(limited)).toThrow(/a volume limit/);
    expect(chooseEvaluator('auto', limited, sharpe).used).toBe('engine');
    expect(() => chooseEvaluator('sweep', { strategy: noFace, data }, sharpe)).toThrow(
      /strategy no-face has no sweep face/,
    );
    const auto = chooseEvaluator('auto', { strategy: noFace, data }, sharpe);
    expect(auto.used).toBe('engine');
    expect(auto.reason).toBe('the sweep cannot run this: strategy no-face has no sweep face');
    const two = [syntheticData(300, 2), { ...syntheticData(300, 3), instrument: { ...data[0]!.instrument, id: 'B' } }];
    expect(chooseEvaluator('auto', { strategy: smaCrossover, data: two as typeof data }, sharpe).reason).toMatch(
      /several instruments \(2\)/,
    );
  });
});

import type { BuyingPower } from '../portfolio/buying-power.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { TradeTracker } from '../portfolio/trade-tracker.js';
import type { RiskEngine } from '../risk/risk-engine.js';
import type { Clock } from './clock.js';
import type { KernelInstrument, LogEntry } from './kernel-types.js';
import type { MessageBus } from './message-bus.js';
import type { StrategyGuard } from './strategy-guard.js';

/** What the execution engine shares with the kernel. */
export interface ExecutionEngineParts {
  readonly instruments: readonly KernelInstrument[];
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  readonly allowShort: boolean;
  readonly clock: Clock;
  readonly portfolio: Portfolio;
  readonly trades: TradeTracker;
  readonly risk: RiskEngine;
  readonly buyingPower: BuyingPower;
  readonly bus: MessageBus;
  /** Index of the last bar or tick matched and seen, per instrument, in the stream the venue matches on. */
  readonly lastMatched: Int32Array;
  /** Bar being matched by the venue, per instrument (−1 outside matching). */
  readonly matchingBar: Int32Array;
  /** Instrument whose bar is being handled (−1 when none). */
  current(): number;
  log(level: LogEntry['level'], message: string): void;
  /** Calls the strategy's handlers, and stops the run once one has thrown. */
  readonly guard: StrategyGuard;
}

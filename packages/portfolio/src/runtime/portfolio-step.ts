import { inferPeriodsPerYear, perPeriodRate } from '@alphintra/analytics';
import type { Allocation } from '../allocation/allocate.js';
import { allocate } from '../allocation/allocate.js';
import type { ResolvedPortfolio } from '../spec/check-spec.js';
import type { OrderDesk } from './order-desk.js';
import type { PortfolioRecorder, RebalanceReason, SleeveColumns } from './portfolio-recorder.js';
import { RebalanceTrigger, scalePositions, transferCapital } from './rebalancer.js';
import type { Account, SleeveState } from './sleeve-state.js';

/** What the step reads of the running portfolio. */
export interface StepHost {
  readonly spec: ResolvedPortfolio;
  readonly account: Account;
  readonly sleeves: readonly SleeveState[];
  readonly recorder: PortfolioRecorder;
  readonly desk: OrderDesk;
}

/**
 * The portfolio's work at the start and at the end of every slice (after the sleeves' own
 * handlers): the sleeves' rows (capital, flow-free return, time-weighted value, weight), the
 * drawdown limit, and rebalancing when the schedule, drift or the weight cap calls for it —
 * allocated from the sleeves' returns up to this slice only.
 */
export class PortfolioStep {
  readonly #host: StepHost;
  readonly #startEquity: number;
  readonly #trigger: RebalanceTrigger;
  #targets: readonly number[];
  readonly #start: Allocation;
  #capital: number[] = [];
  #peak = Number.NEGATIVE_INFINITY;
  /** Scratch rows of the sleeves' equities and weights (reused every slice). */
  readonly #equities: Float64Array;
  readonly #weights: Float64Array;
  /** Whether the drawdown limit has halted new exposure (for the rest of the run). */
  halted = false;

  constructor(host: StepHost, startEquity: number) {
    this.#host = host;
    this.#startEquity = startEquity;
    const spec = host.spec;
    this.#trigger = new RebalanceTrigger(spec.rebalance, spec.risk.maxWeight);
    this.#start = allocate(
      spec.allocation,
      spec.sleeves.map(() => new Float64Array(0)),
      spec.risk.maxWeight,
    );
    this.#targets = this.#start.weights;
    this.#equities = new Float64Array(spec.sleeves.length);
    this.#weights = new Float64Array(spec.sleeves.length);
  }

  /** Each sleeve's starting capital: its starting weight of the account's equity (they sum to it exactly). */
  startingCapital(): number[] {
    const weights = this.#targets;
    let largest = 0;
    for (let i = 1; i < weights.length; i++) if ((weights[i] as number) > (weights[largest] as number)) largest = i;
    const capital = weights.map((w, i) => (i === largest ? 0 : w * this.#startEquity));
    capital[largest] = this.#startEquity - capital.reduce((a, b) => a + b, 0);
    this.#capital = capital;
    return capital;
  }

  /** Records the starting allocation. */
  recordStart(): void {
    this.#host.recorder.rebalances.push({
      time: this.#host.account.ctx.time,
      reason: 'start',
      before: null,
      after: [...this.#targets],
      transfers: [...this.#capital],
      fallback: this.#start.fallback,
      orders: 0,
    });
  }

  /** The end of a slice at `time`: rows, limits and any rebalance. */
  endSlice(time: number): void {
    const { sleeves, recorder } = this.#host;
    const row = recorder.time.length;
    const n = sleeves.length;
    const equities = this.#equities;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const equity = (sleeves[i] as SleeveState).ledger.equity();
      equities[i] = equity;
      total += equity;
      const columns = recorder.sleeves[i] as SleeveColumns;
      const previous = row === 0 ? (this.#capital[i] as number) : columns.equity.last();
      const r = previous > 0 ? equity / previous - 1 : 0;
      columns.returns.push(r);
      columns.value.push((row === 0 ? this.#startEquity : columns.value.last()) * (1 + r));
    }
    this.#checkDrawdown(time);
    const weights = this.#weights;
    for (let i = 0; i < n; i++) weights[i] = (equities[i] as number) / total;
    const reason = this.#trigger.check(row, time, weights, this.#targets);
    if (reason !== null && total > 0) this.#rebalance(time, reason);
    for (let i = 0; i < n; i++) {
      const columns = recorder.sleeves[i] as SleeveColumns;
      const equity = reason === null ? (equities[i] as number) : (sleeves[i] as SleeveState).ledger.equity();
      columns.equity.push(equity);
      columns.weight.push(equity / total);
      columns.target.push(this.#targets[i] as number);
    }
    recorder.time.push(time);
  }

  /** Reallocates from the sleeves' returns so far, moves the capital and, if asked, scales the positions. */
  #rebalance(time: number, reason: RebalanceReason): void {
    const { sleeves, recorder, spec } = this.#host;
    const before = [...this.#equities];
    const allocation = allocate(spec.allocation, recorder.returnHistory(), spec.risk.maxWeight, this.#riskFree(time));
    const transfers = transferCapital(sleeves, before, allocation.weights);
    const after = sleeves.map((s) => s.ledger.equity());
    const orders =
      spec.rebalance.scalePositions && !this.halted ? scalePositions(sleeves, before, after, this.#host.desk) : 0;
    recorder.rebalances.push({
      time,
      reason,
      before: Array.from(this.#weights),
      after: [...allocation.weights],
      transfers,
      fallback: allocation.fallback,
      orders,
    });
    this.#targets = allocation.weights;
  }

  #checkDrawdown(time: number): void {
    const limit = this.#host.spec.risk.maxDrawdown;
    const equity = this.#host.account.ctx.equity;
    if (equity > this.#peak) this.#peak = equity;
    if (this.halted || limit === Number.POSITIVE_INFINITY || !(this.#peak > 0)) return;
    const drawdown = (this.#peak - equity) / this.#peak;
    if (drawdown >= limit) {
      this.halted = true;
      this.#host.recorder.riskEvents.push({ kind: 'drawdown-halt', time, drawdown, equity });
    }
  }

  /** The per-period risk-free rate of `max-sharpe`, at the rows' frequency (0 until it can be inferred). */
  #riskFree(time: number): number {
    const allocation = this.#host.spec.allocation;
    if (allocation.kind !== 'max-sharpe' || allocation.riskFreeRate === 0) return 0;
    const times = Float64Array.from([...this.#host.recorder.time.view(), time]);
    const periods = inferPeriodsPerYear(times);
    return Number.isFinite(periods) ? perPeriodRate(allocation.riskFreeRate, periods) : 0;
  }
}

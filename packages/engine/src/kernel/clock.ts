/** The time port. Backtests advance a simulated clock; live trading reads the wall clock. */
export interface Clock {
  /** Current time, epoch µs (UTC). */
  now(): number;
}

/** A clock the engine moves by hand: to each event's time during a backtest or replay. */
export class SimulatedClock implements Clock {
  #time: number;

  constructor(start = Number.NEGATIVE_INFINITY) {
    this.#time = start;
  }

  now(): number {
    return this.#time;
  }

  /** Moves the clock; time never runs backwards. */
  advanceTo(time: number): void {
    if (time > this.#time) this.#time = time;
  }
}

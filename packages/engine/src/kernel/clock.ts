/** The time port. Backtests advance a simulated clock; live trading reads the wall clock. */
export interface Clock {
  /** Current time, epoch µs (UTC). */
  now(): number;
}

/** A clock the engine moves by hand: to each event's time during a backtest or replay. */
export class SimulatedClock implements Clock {
  /**
   * The current time, in a typed array so the kernel's loop can move it without passing a
   * double through a call (which would box it on the heap).
   */
  readonly cell: Float64Array;

  constructor(start = Number.NEGATIVE_INFINITY) {
    this.cell = new Float64Array(1);
    this.cell[0] = start;
  }

  now(): number {
    return this.cell[0] as number;
  }

  /** Moves the clock; time never runs backwards. */
  advanceTo(time: number): void {
    if (time > (this.cell[0] as number)) this.cell[0] = time;
  }
}

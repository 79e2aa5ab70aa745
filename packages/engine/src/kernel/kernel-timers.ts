import { AlphintraError } from '@alphintra/core';
import type { StrategyHandlers } from '../strategy/strategy.js';
import type { Clock } from './clock.js';
import type { StrategyGuard } from './strategy-guard.js';

/**
 * The strategy's timers, kept by the kernel as a plain list (its replay loops only ask whether
 * it is empty) and handled here: set, cancelled and fired in time order.
 */

/** A named timer: due at `time`, then every `interval` µs after (0: once). */
export interface Timer {
  name: string;
  time: number;
  interval: number;
}

/** What firing timers needs of the kernel. */
export interface TimerHost {
  readonly clock: Clock;
  /** Instrument whose bar is being handled: none while a timer fires. */
  current: number;
}

/** Moves a simulated clock's cell (null: a clock the kernel does not move) forward to `time`. */
export function advanceClockCell(cell: Float64Array | null, time: number): void {
  if (cell !== null && time > (cell[0] as number)) cell[0] = time;
}

/** Sets timer `name` (replacing one of that name); throws for a time or interval that cannot be. */
export function setTimer(timers: Timer[], name: string, time: number, interval: number): void {
  if (!Number.isFinite(time)) throw new AlphintraError('INVALID_ARGUMENT', `expected a finite timer time, got ${time}`);
  if (!(interval >= 0 && Number.isFinite(interval)))
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive timer interval, got ${interval}`);
  cancelTimer(timers, name);
  timers.push({ name, time, interval });
}

/** Removes timer `name`, if set. */
export function cancelTimer(timers: Timer[], name: string): void {
  const i = timers.findIndex((t) => t.name === name);
  if (i >= 0) timers.splice(i, 1);
}

/**
 * Fires every timer due by `time`, in time order: the clock moves to each timer's time before
 * `onTimer` sees it, a repeating timer is due again an interval later, a one-off one is removed.
 * Throws the strategy's failure when `onTimer` throws.
 */
export function fireTimers(
  timers: Timer[],
  time: number,
  host: TimerHost,
  cell: Float64Array | null,
  handlers: StrategyHandlers,
  guard: StrategyGuard,
): void {
  while (timers.length > 0) {
    let first = 0;
    for (let i = 1; i < timers.length; i++) {
      if ((timers[i]?.time as number) < (timers[first]?.time as number)) first = i;
    }
    const timer = timers[first] as Timer;
    if (timer.time > time) break;
    advanceClockCell(cell, timer.time);
    if (timer.interval > 0) timer.time += timer.interval;
    else timers.splice(first, 1);
    host.current = -1;
    if (handlers.onTimer === undefined) continue;
    try {
      handlers.onTimer(timer.name, host.clock.now());
    } catch (error) {
      throw guard.fail(error, 'onTimer', -1, -1);
    }
    guard.check();
  }
}

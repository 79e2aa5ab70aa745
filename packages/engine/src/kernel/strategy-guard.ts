import type { StrategyHandlers } from '../strategy/strategy.js';
import type { Clock } from './clock.js';
import { StrategyError } from './strategy-error.js';

const HANDLERS = [
  'onStart',
  'onBar',
  'onQuote',
  'onTrade',
  'onSlice',
  'onOrderUpdate',
  'onFill',
  'onTimer',
  'onStop',
] as const;

/**
 * Keeps the first exception a strategy handler threw. Handlers are called through it; once a
 * handler has failed no other is called, the kernel finishes the event it was booking, and
 * the next way out to the driver (or back to the strategy) throws the {@link StrategyError}.
 */
export class StrategyGuard {
  /** The strategy's name, for messages. */
  strategy = '';
  /** The first failure, once a handler has thrown. */
  failure: StrategyError | undefined = undefined;
  readonly #clock: Clock;
  readonly #ids: readonly string[];

  constructor(clock: Clock, instrumentIds: readonly string[]) {
    this.#clock = clock;
    this.#ids = instrumentIds;
  }

  /** Whether a handler has failed. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /**
   * Records that `handler` threw `error` while handling instrument index `k` (−1: none) at its
   * bar `bar`; only the first failure is kept. Returns the error to throw.
   */
  fail(error: unknown, handler: string, k: number, bar: number): StrategyError {
    if (this.failure === undefined) {
      this.failure = new StrategyError(
        {
          strategy: this.strategy,
          handler,
          time: this.#clock.now(),
          instrument: k >= 0 ? this.#ids[k] : undefined,
          bar: k >= 0 ? bar : -1,
        },
        error,
      );
    }
    return this.failure;
  }

  /** Throws the failure, if any. */
  check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * Checks what a strategy's `create` returned and binds each handler to it (so `this` works
   * inside handlers); throws a {@link StrategyError} naming what is wrong.
   */
  bind(created: unknown): StrategyHandlers {
    const fail = (detail: string): StrategyError => {
      const at = {
        strategy: this.strategy,
        handler: 'create',
        time: this.#clock.now(),
        instrument: undefined,
        bar: -1,
      };
      this.failure = new StrategyError(at, undefined, detail);
      return this.failure;
    };
    if (created === null || typeof created !== 'object') {
      throw fail(
        `expected create to return an object of handlers (onBar, onFill …), got ${created === null ? 'null' : typeof created}`,
      );
    }
    const handlers = created as Record<string, unknown>;
    const bound: Record<string, unknown> = {};
    for (const key of HANDLERS) {
      const handler = handlers[key];
      if (handler === undefined) continue;
      if (typeof handler !== 'function') throw fail(`expected ${key} to be a function, got ${typeof handler}`);
      bound[key] = handler.bind(handlers);
    }
    return bound as StrategyHandlers;
  }
}

import { HANDLER_NAMES, type StrategyHandlers } from '../strategy/strategy.js';
import type { Clock } from './clock.js';
import { StrategyError } from './strategy-error.js';

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
  readonly #halt: () => void;

  /** `halt` clears what the kernel was doing (matching, handling a bar) when the failure is thrown. */
  constructor(clock: Clock, instrumentIds: readonly string[], halt: () => void = () => {}) {
    this.#clock = clock;
    this.#ids = instrumentIds;
    this.#halt = halt;
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

  /** Throws the failure, if any (after clearing the kernel's work under way). */
  check(): void {
    if (this.failure !== undefined) this.#throw(this.failure);
  }

  #throw(failure: StrategyError): never {
    this.#halt();
    throw failure;
  }

  /**
   * Checks what a strategy's `create` returned: an object whose handlers are functions (the
   * kernel calls them as its methods, so `this` works inside them); throws a
   * {@link StrategyError} naming what is wrong.
   */
  handlersOf(created: unknown): StrategyHandlers {
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
    for (const key of HANDLER_NAMES) {
      const handler = handlers[key];
      if (handler !== undefined && typeof handler !== 'function') {
        throw fail(`expected ${key} to be a function, got ${typeof handler}`);
      }
    }
    return created as StrategyHandlers;
  }
}

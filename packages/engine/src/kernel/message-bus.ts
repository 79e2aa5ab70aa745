import type { Order } from '../orders/order.js';
import type { Fill } from '../strategy/strategy.js';
import type { LogEntry, OrderEvent } from './kernel-types.js';

/** What the kernel publishes, by topic. */
export interface KernelMessages {
  /** Every order status change (accepted, denied, filled, cancelled …). */
  readonly order: { readonly event: OrderEvent; readonly order: Readonly<Order> };
  /** Every execution. */
  readonly fill: Fill;
  /** Every strategy log entry. */
  readonly log: LogEntry;
  /** A bar handed to the strategy: instrument index and bar index. */
  readonly bar: { readonly instrument: string; readonly index: number; readonly time: number };
}

/** A topic of {@link KernelMessages}. */
export type Topic = keyof KernelMessages;

type Handler<T extends Topic> = (message: KernelMessages[T]) => void;

/**
 * Publish/subscribe between the kernel and what watches it (monitoring, persistence, the
 * live dashboard). Handlers run synchronously, in subscription order, so what they see is
 * deterministic. Publishing to a topic nobody subscribed to costs one check: the kernel
 * builds no message unless `has(topic)`.
 *
 * @example
 * const stop = kernel.bus.subscribe('fill', (fill) => console.log(fill.price));
 * stop(); // unsubscribes
 */
export class MessageBus {
  readonly #handlers: { [T in Topic]: Handler<T>[] } = { order: [], fill: [], log: [], bar: [] };

  /** Whether anyone listens to `topic`. */
  has(topic: Topic): boolean {
    return this.#handlers[topic].length > 0;
  }

  /** Adds a handler; returns a function that removes it. */
  subscribe<T extends Topic>(topic: T, handler: Handler<T>): () => void {
    const list = this.#handlers[topic] as Handler<T>[];
    list.push(handler);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Delivers a message to every handler of its topic. */
  publish<T extends Topic>(topic: T, message: KernelMessages[T]): void {
    const list = this.#handlers[topic] as Handler<T>[];
    for (let i = 0; i < list.length; i++) (list[i] as Handler<T>)(message);
  }
}

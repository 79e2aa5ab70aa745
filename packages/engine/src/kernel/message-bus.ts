import { AlphintraError } from '@alphintra/core';
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
  // One list per topic in its own field: `has` is called on every bar and order, and a field
  // read is a fixed-offset load where a lookup by topic name would be a keyed one.
  readonly #order: Handler<'order'>[] = [];
  readonly #fill: Handler<'fill'>[] = [];
  readonly #log: Handler<'log'>[] = [];
  readonly #bar: Handler<'bar'>[] = [];

  /** Whether anyone listens to `topic`. */
  has(topic: Topic): boolean {
    switch (topic) {
      case 'order':
        return this.#order.length > 0;
      case 'fill':
        return this.#fill.length > 0;
      case 'log':
        return this.#log.length > 0;
      case 'bar':
        return this.#bar.length > 0;
    }
  }

  /** Adds a handler; returns a function that removes it. */
  subscribe<T extends Topic>(topic: T, handler: Handler<T>): () => void {
    const list = this.#list(topic);
    list.push(handler);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Delivers a message to every handler of its topic. */
  publish<T extends Topic>(topic: T, message: KernelMessages[T]): void {
    const list = this.#list(topic);
    for (let i = 0; i < list.length; i++) (list[i] as Handler<T>)(message);
  }

  #list<T extends Topic>(topic: T): Handler<T>[] {
    switch (topic) {
      case 'order':
        return this.#order as unknown as Handler<T>[];
      case 'fill':
        return this.#fill as unknown as Handler<T>[];
      case 'log':
        return this.#log as unknown as Handler<T>[];
      case 'bar':
        return this.#bar as unknown as Handler<T>[];
      default:
        throw new AlphintraError('INVALID_ARGUMENT', `unknown topic ${String(topic)}`);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { runBacktest } from '../backtest/run-backtest.js';
import { defineStrategy } from '../strategy/strategy.js';
import { dailyBars, TEST_EQUITY } from '../testing/fixtures.js';
import { MessageBus } from './message-bus.js';

describe('MessageBus', () => {
  it('delivers messages to handlers in subscription order and stops after unsubscribe', () => {
    const bus = new MessageBus();
    const seen: string[] = [];
    const stopA = bus.subscribe('log', (e) => seen.push(`a:${e.message}`));
    bus.subscribe('log', (e) => seen.push(`b:${e.message}`));
    expect(bus.has('log')).toBe(true);
    expect(bus.has('fill')).toBe(false);
    bus.publish('log', { time: 0, level: 'info', message: 'one' });
    stopA();
    bus.publish('log', { time: 0, level: 'info', message: 'two' });
    expect(seen).toEqual(['a:one', 'b:one', 'b:two']);
  });

  it('publishes every order event, fill, log entry and bar of a run as it happens', () => {
    const strategy = defineStrategy({
      name: 'bus-watch',
      parameters: {},
      create(ctx) {
        return {
          onBar(bar) {
            if (bar.index === 0) ctx.buy(10);
            if (bar.index === 1) ctx.log.info('bought');
          },
        };
      },
    });
    const orders: string[] = [];
    const fills: number[] = [];
    const logs: string[] = [];
    const bars: number[] = [];
    const result = runBacktest({
      strategy,
      data: [
        {
          instrument: TEST_EQUITY,
          series: dailyBars([
            [100, 101, 99, 100],
            [101, 102, 100, 101],
            [102, 103, 101, 102],
          ]),
        },
      ],
      subscribe(bus) {
        bus.subscribe('order', (m) => orders.push(`${m.event.orderId}:${m.event.transition}:${m.event.status}`));
        bus.subscribe('fill', (f) => fills.push(f.price));
        bus.subscribe('log', (e) => logs.push(e.message));
        bus.subscribe('bar', (b) => bars.push(b.index));
      },
    });
    expect(orders).toEqual(['1:accept:accepted', '1:fill:filled']);
    expect(orders).toEqual(result.events.map((e) => `${e.orderId}:${e.transition}:${e.status}`));
    expect(fills).toEqual([101]);
    expect(logs).toEqual(['bought']);
    expect(bars).toEqual([0, 1, 2]);
  });
});

// Cheapest first: a cheap request overtakes costly ones queued beside it, but none waits
// behind cheaper ones for longer than MAX_HOLD_MS; a pass answers for up to PASS_MS.
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_MS, PASS_MS, schedulePlugin } from '../../src/api/schedule.js';

type Done = { onExecuteDone?: () => void } | void;
type Hook = (p: { args: { contextValue: { cost?: number } } }) => Promise<Done>;

function lane(clock: { t: number }) {
  const onExecute = schedulePlugin(() => clock.t).onExecute as unknown as Hook;
  const order: string[] = [];
  const ask = (name: string, cost?: number) => onExecute({ args: { contextValue: { cost } } }).then((d) => { order.push(name); return d; });
  return { ask, order };
}
const nextPass = () => new Promise((r) => setImmediate(r));
/** What follows within the same pass (the request's continuation is a few promise jobs away). */
const sameTurn = async () => { for (let i = 0; i < 10; i++) await null; };

describe('the order requests are answered in', () => {
  it('answers the cheapest of those waiting together first, equal costs in arrival order', async () => {
    const { ask, order } = lane({ t: 0 });
    await Promise.all([ask('path', 81), ask('search', 60), ask('stats', 20), ask('search 2', 60), ask('no cost', undefined)]);
    expect(order).toEqual(['no cost', 'stats', 'search', 'search 2', 'path']);
  });

  it('answers a cheaper request before costlier ones that arrived well before it', async () => {
    // The bench's costs: a two-hop neighbourhood 27, stats 21. Queued 50 ms apart, stats still goes first.
    const clock = { t: 0 };
    const { ask, order } = lane(clock);
    const walks = [ask('neighbors', 27), ask('neighbors 2', 27)];
    clock.t = MAX_HOLD_MS / 2;
    await Promise.all([...walks, ask('stats', 21)]);
    expect(order).toEqual(['stats', 'neighbors', 'neighbors 2']);
  });

  it('holds a costly request back for at most MAX_HOLD_MS', async () => {
    const clock = { t: 0 };
    const { ask, order } = lane(clock);
    const costly = ask('costly', 10_000);
    clock.t = MAX_HOLD_MS - 1;
    const early = ask('cheap, just before', 1);
    await nextPass();
    expect(order).toEqual(['cheap, just before']);
    clock.t = MAX_HOLD_MS;
    const late = ask('cheap, after', 1);
    await Promise.all([costly, early, late]);
    expect(order).toEqual(['cheap, just before', 'costly', 'cheap, after']);
  });

  it('answers one after another within a pass, lets the loop read new requests after PASS_MS, and never waits on a request still running', async () => {
    const clock = { t: 0 };
    const { ask, order } = lane(clock);
    const a = ask('a', 50);
    const rest = [ask('b', 50), ask('c', 50), ask('d', 50)];
    await nextPass(); // a's turn; it is answered at once, so b's turn follows in the same pass
    expect(order).toEqual(['a']);
    (await a)?.onExecuteDone?.();
    await sameTurn();
    expect(order).toEqual(['a', 'b']);
    clock.t = PASS_MS; // b ends after the pass's time: c waits for the next pass, and a request arriving meanwhile is read first
    const e = ask('e', 1);
    (await rest[0])?.onExecuteDone?.();
    await sameTurn();
    expect(order).toEqual(['a', 'b']);
    await nextPass();
    expect(order).toEqual(['a', 'b', 'e']);
    await nextPass(); // e has not ended (it waits on the store): the next pass starts c all the same
    expect(order).toEqual(['a', 'b', 'e', 'c']);
    await Promise.all([...rest, e]);
    expect(order).toEqual(['a', 'b', 'e', 'c', 'd']);
  });
});

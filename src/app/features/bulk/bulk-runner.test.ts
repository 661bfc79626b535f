import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error';
import { type ItemState, runBulk, tally } from './bulk-runner';

/** A clock the runner's sleeps move forward, so waits cost no real time and can be read back. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runBulk', () => {
  it('never has more than `concurrency` tasks in flight, and reports every item in order', async () => {
    let active = 0;
    let peak = 0;
    const states = await runBulk({
      items: Array.from({ length: 12 }, (_, i) => i),
      concurrency: 3,
      task: async (i) => {
        active++;
        peak = Math.max(peak, active);
        // Uneven durations: workers pick up the next item as soon as theirs ends.
        for (let t = 0; t < (i % 4) + 1; t++) await tick();
        active--;
        return i % 5 === 0 ? { status: 'skipped', message: 'Already so.' } : undefined;
      },
    });
    expect(peak).toBe(3);
    expect(states.map((s) => s.status)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i % 5 === 0 ? 'skipped' : 'done')),
    );
    expect(tally(states)).toMatchObject({ done: 9, skipped: 3, failed: 0, settled: 12, total: 12 });
  });

  it('a 429 pauses every worker for its Retry-After, then repeats that item; other failures say why', async () => {
    const clock = fakeClock();
    const started: { item: string; at: number }[] = [];
    let limited = false;
    let startsBeforeLimit = 0;
    const states = await runBulk({
      items: ['a', 'b', 'c', 'd', 'e'],
      concurrency: 2,
      now: clock.now,
      sleep: clock.sleep,
      task: async (item) => {
        started.push({ item, at: clock.now() });
        await tick();
        if (item === 'b' && !limited) {
          limited = true;
          startsBeforeLimit = started.length;
          throw new ApiError({ status: 429, message: 'Slow down', retryAfter: 7 });
        }
        if (item === 'd')
          throw new ApiError({
            status: 400,
            message: 'Bad',
            body: { errorCode: 'INVALID_INPUT', context: { passName: 'Taken' } },
          });
      },
    });
    expect(states.map((s) => s.status)).toEqual(['done', 'done', 'done', 'failed', 'done']);
    expect((states[3] as Extract<ItemState, { status: 'failed' }>).message).toBe('Taken (passName).');
    // Everything that started after the 429 started once its 7 seconds were over.
    const after = started.slice(startsBeforeLimit);
    expect(after.length).toBeGreaterThan(1);
    for (const start of after) expect(start.at).toBeGreaterThanOrEqual(7_000);
    expect(started.filter((s) => s.item === 'b')).toHaveLength(2);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(7_000);
  });

  it('an item that keeps meeting 429 fails after its allowance, with the reason', async () => {
    const clock = fakeClock();
    const states = await runBulk({
      items: [1],
      maxRateLimitWaits: 2,
      now: clock.now,
      sleep: clock.sleep,
      task: () => Promise.reject(new ApiError({ status: 429, message: 'Slow down' })),
    });
    expect(states[0]).toMatchObject({ status: 'failed', message: 'The Passport API kept rate limiting this pass.' });
    // No Retry-After: two default waits of 2 s.
    expect(clock.sleeps).toEqual([2_000, 2_000]);
  });

  it('cancel starts nothing new: items in flight finish, the rest are untouched', async () => {
    const controller = new AbortController();
    const touched: number[] = [];
    const states = await runBulk({
      items: Array.from({ length: 10 }, (_, i) => i),
      concurrency: 2,
      signal: controller.signal,
      task: async (i) => {
        touched.push(i);
        if (i === 3) controller.abort();
        await tick();
      },
    });
    // 0..3 started (3 cancels while 2 is in flight); both in flight finish, nothing after starts.
    expect(touched).toEqual([0, 1, 2, 3]);
    expect(states.slice(0, 4).map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(states.slice(4).every((s) => s.status === 'cancelled')).toBe(true);
    expect(tally(states)).toMatchObject({ done: 4, cancelled: 6 });
  });

  it('cancel during a rate-limit pause leaves the waiting item untouched', async () => {
    const controller = new AbortController();
    let calls = 0;
    const states = await runBulk({
      items: ['only'],
      signal: controller.signal,
      sleep: async () => {
        controller.abort();
        await Promise.resolve();
      },
      task: () => {
        calls++;
        return Promise.reject(new ApiError({ status: 429, message: 'Slow down', retryAfter: 30 }));
      },
    });
    expect(calls).toBe(1);
    expect(states[0]).toEqual({ status: 'cancelled' });
  });
});

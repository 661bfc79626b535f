import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { withRetry } from './retry';

const noSleep = vi.fn(() => Promise.resolve());

describe('withRetry', () => {
  it('retries 5xx, 429 and dropped connections, then succeeds', async () => {
    const failures = [
      new ApiError({ status: 503, message: 'down' }),
      new ApiError({ status: 429, message: 'slow down', retryAfter: 2 }),
      new ApiError({ kind: 'network', message: 'dropped' }),
    ];
    const task = vi.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'saved';
    });
    const onRetry = vi.fn();
    await expect(withRetry(task, { attempts: 5, onRetry, sleep: noSleep })).resolves.toBe('saved');
    expect(task).toHaveBeenCalledTimes(4);
    // Retry-After is honoured exactly; the others back off with jitter.
    expect(onRetry.mock.calls[1]?.[0]).toMatchObject({ attempt: 2, delayMs: 2000 });
  });

  it('gives up after the bound with the last error', async () => {
    const error = new ApiError({ status: 502, message: 'bad gateway' });
    const task = vi.fn(() => Promise.reject(error));
    await expect(withRetry(task, { attempts: 3, sleep: noSleep })).rejects.toBe(error);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('never retries a refusal (4xx other than 429)', async () => {
    const task = vi.fn(() => Promise.reject(new ApiError({ status: 400, message: 'bad' })));
    await expect(withRetry(task, { sleep: noSleep })).rejects.toBeInstanceOf(ApiError);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const delays: number[] = [];
    const task = () => Promise.reject(new ApiError({ status: 500, message: 'x' }));
    await withRetry(task, { attempts: 5, sleep: noSleep, onRetry: ({ delayMs }) => delays.push(delayMs) }).catch(
      () => undefined,
    );
    expect(delays).toHaveLength(4);
    delays.forEach((delay, i) => {
      const ceiling = Math.min(30_000, 1000 * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    });
  });
});

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

describe('withRetry and writes that may have been applied', () => {
  const maybeApplied = () =>
    new ApiError({
      status: 504,
      message: 'late',
      method: 'POST',
      body: { errorCode: 'GATEWAY_TIMEOUT', context: { mayHaveBeenApplied: true } },
    });

  it('never sends a POST again blindly after a 504 that may have been applied, or a dropped connection', async () => {
    for (const error of [maybeApplied(), new ApiError({ kind: 'network', message: 'dropped', method: 'POST' })]) {
      const task = vi.fn(() => Promise.reject(error));
      await expect(withRetry(task, { sleep: noSleep })).rejects.toBe(error);
      expect(task).toHaveBeenCalledTimes(1);
    }
  });

  it('reads first: a write that went through is returned, not repeated', async () => {
    const task = vi.fn(() => Promise.reject(maybeApplied()));
    const reread = vi.fn(() => Promise.resolve({ id: 'loc-1' }));
    await expect(withRetry(task, { sleep: noSleep, reread })).resolves.toEqual({ id: 'loc-1' });
    expect(task).toHaveBeenCalledTimes(1);
    expect(reread).toHaveBeenCalledTimes(1);
  });

  it('reads first: a write that did not go through is retried', async () => {
    let calls = 0;
    const task = vi.fn(() => (++calls === 1 ? Promise.reject(maybeApplied()) : Promise.resolve({ id: 'loc-2' })));
    const reread = vi.fn(() => Promise.resolve(undefined));
    await expect(withRetry(task, { sleep: noSleep, reread })).resolves.toEqual({ id: 'loc-2' });
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('retries a POST that did nothing (429, refused connection behind the proxy) and any PATCH as before', async () => {
    const failures = [
      new ApiError({ status: 429, message: 'slow', method: 'POST', retryAfter: 0 }),
      new ApiError({
        status: 502,
        message: 'unreachable',
        method: 'POST',
        body: { errorCode: 'BAD_GATEWAY', context: {} },
      }),
    ];
    const task = vi.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'created';
    });
    await expect(withRetry(task, { sleep: noSleep })).resolves.toBe('created');
    const patch = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError({
          status: 504,
          message: 'late',
          method: 'PATCH',
          body: { errorCode: 'GATEWAY_TIMEOUT', context: { mayHaveBeenApplied: true } },
        }),
      )
      .mockResolvedValueOnce('saved');
    await expect(withRetry(patch, { sleep: noSleep })).resolves.toBe('saved');
  });
});

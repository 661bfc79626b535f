/**
 * A body over the limit gets a 413 the client can read: the server reads (and discards) the rest
 * of the body before answering, so Node's fetch never sees its upload cut off (EPIPE). Through
 * the proxy the same limits apply at the proxy, which answers 413 itself and never 502.
 * Repeated, because a server that closes early fails only some of the time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../contract/schemas';
import { createApp } from './app';
import { KEY_ALL, listen, makePng, passBody, pngForm, runMain, seedTestData, tempDir } from './server.test-utils';
import type { Listening, MainProcess } from './server.test-utils';

const ROUNDS = 20;

// The sandbox runs in its own process, as in production: in the test's own process the client
// and the server share one event loop, which hides the race between the answer and the upload.
let sandbox: MainProcess;
let proxy: Listening;

beforeAll(async () => {
  const dataDir = tempDir();
  await seedTestData(dataDir);
  sandbox = await runMain(dataDir);
  proxy = await listen(
    createApp({ mode: 'proxy', upstreamUrl: `${sandbox.url}/v1`, timeoutMs: 10_000, workspaces: [] }),
  );
});
afterAll(async () => {
  await proxy.close();
  sandbox.process.kill('SIGKILL');
});

function oversizedUpload(): FormData {
  const big = new Uint8Array(5 * 1024 * 1024 + 200 * 1024);
  big.set(makePng());
  return pngForm(big);
}

/** A syntactically valid 10 MB pass body. */
function hugeJson(): string {
  return JSON.stringify(passBody({ padding: 'x'.repeat(10 * 1024 * 1024) }));
}

async function expect413(send: () => Promise<Response>, what: string): Promise<void> {
  let res: Response;
  try {
    res = await send();
  } catch (error) {
    throw new Error(
      `${what}: the request failed instead of reading a 413 (${String((error as Error).cause ?? error)})`,
    );
  }
  expect(res.status, what).toBe(413);
  const body = ApiErrorBodySchema.parse(await res.json());
  expect(body.errorCode).toBe('PAYLOAD_TOO_LARGE');
}

/** Sends a body of `size` bytes as a stream: no Content-Length, chunked transfer. */
function streamed(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, size - sent)).fill(0x20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

for (const [name, base] of [
  ['directly', () => sandbox.url],
  ['through the proxy', () => proxy.url],
] as const) {
  describe(`413 over the limit, ${name}`, () => {
    it(`uploads over 5 MB: ${ROUNDS} in a row, each a readable 413`, async () => {
      for (let i = 0; i < ROUNDS; i++) {
        await expect413(
          () =>
            fetch(`${base()}/v1/uploads`, { method: 'POST', headers: { 'api-key': KEY_ALL }, body: oversizedUpload() }),
          `upload ${i}`,
        );
      }
      const ok = await fetch(`${base()}/v1/uploads`, {
        method: 'POST',
        headers: { 'api-key': KEY_ALL },
        body: pngForm(makePng()),
      });
      expect(ok.status).toBe(200);
    });

    it(`JSON bodies of 10 MB: ${ROUNDS} in a row, each a readable 413`, async () => {
      const body = hugeJson();
      for (let i = 0; i < ROUNDS; i++) {
        await expect413(
          () =>
            fetch(`${base()}/v1/wallet-pass`, {
              method: 'POST',
              headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
              body,
            }),
          `json ${i}`,
        );
      }
    });

    it('a streamed body without Content-Length that runs over the limit', async () => {
      for (let i = 0; i < 5; i++) {
        await expect413(
          () =>
            fetch(`${base()}/v1/wallet-pass`, {
              method: 'POST',
              headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
              body: streamed(3 * 1024 * 1024),
              duplex: 'half',
            } as RequestInit),
          `streamed ${i}`,
        );
      }
      // And a body under the limit still goes through whole.
      const created = await fetch(`${base()}/v1/wallet-pass`, {
        method: 'POST',
        headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
        body: JSON.stringify(passBody()),
      });
      expect(created.status).toBe(201);
    });
  });
}

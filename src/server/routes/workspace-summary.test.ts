import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, WalletPassPageSchema } from '../../contract/schemas';
import { WorkspaceSummarySchema } from '../../contract/workspace-summary';
import type { WorkspaceSummary } from '../../contract/workspace-summary';
import { createApp } from '../app';
import type { AppEnv } from '../app-env';
import type { SeedData, SeedPass } from '../seed/seed-types';
import { KEY_A, KEY_ALL, KEY_B, WS_A, WS_B, listen, passBody, startSandbox, testSeed } from '../server.test-utils';
import type { Listening, TestSandbox } from '../server.test-utils';

/** A seeded pass with the given status and counts (drafts need no images). */
function seededPass(i: number, status: 'Draft' | 'Published', counts: SeedPass['counts']): SeedPass {
  const time = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
  return {
    id: `seeded-${i}`,
    passName: `Seeded ${i}`,
    status,
    notificationHeader: '',
    passLinkSlug: `seeded-${i}`,
    passMetadata: { description: 'Seeded', organizationName: 'Test Co' },
    images: [],
    locations: [],
    counts,
    createdTime: time,
    updatedTime: time,
    createdBy: 'seed-user',
  };
}

/** 45 passes in Alpha (more than two pages of 20), with counts and both statuses; 3 in Beta. */
function summarySeed(): SeedData {
  const seed = testSeed();
  seed.workspaces[0]!.passes = Array.from({ length: 45 }, (_, i) =>
    seededPass(i, i % 3 === 0 ? 'Published' : 'Draft', {
      appleIssued: 10 * i,
      googleIssued: 7 * i,
      appleActive: 5 * i,
      googleActive: 3 * i,
    }),
  );
  seed.workspaces[1]!.passes = [0, 1, 2].map((i) =>
    seededPass(100 + i, 'Draft', { appleIssued: 1, googleIssued: 2, appleActive: 1, googleActive: 0 }),
  );
  return seed;
}

// Sums of 0…44: 990. Published: every third pass (15 of 45).
const ALPHA = {
  workspaceId: WS_A,
  passes: 45,
  published: 15,
  drafts: 30,
  appleIssued: 9900,
  googleIssued: 6930,
  totalIssued: 16830,
  appleActive: 4950,
  googleActive: 2970,
  totalActive: 7920,
};

async function summary(base: string, workspace: string, key: string | null = KEY_ALL) {
  return fetch(`${base}/studio/workspaces/${encodeURIComponent(workspace)}/summary`, {
    headers: key === null ? {} : { 'api-key': key },
  });
}

async function totals(base: string, workspace: string, key = KEY_ALL): Promise<WorkspaceSummary> {
  const response = await summary(base, workspace, key);
  expect(response.status).toBe(200);
  return WorkspaceSummarySchema.parse(await response.json());
}

async function expectRefused(response: Response, status: number) {
  expect(response.status).toBe(status);
  const body = ApiErrorBodySchema.parse(await response.json());
  // Nothing of the workspace's totals in a refusal.
  expect(JSON.stringify(body)).not.toMatch(/totalIssued|16830/);
  return body;
}

let sandbox: TestSandbox;
let proxy: Listening;
/** Requests the proxy sent upstream, by path and query. */
const upstreamRequests: string[] = [];
let counter: Listening;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: summarySeed });
  // Counts what the proxy asks the sandbox, then forwards it unchanged.
  const forward = new Hono<AppEnv>();
  forward.all('*', async (c) => {
    const url = new URL(c.req.url);
    upstreamRequests.push(`${url.pathname}${url.search}`);
    const answer = await fetch(`${sandbox.url}${url.pathname}${url.search}`, { headers: c.req.raw.headers });
    // fetch has decoded the body: pass it on without the encoding headers.
    const headers = new Headers(answer.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(await answer.arrayBuffer(), { status: answer.status, headers });
  });
  counter = await listen(forward);
  proxy = await listen(
    createApp({
      mode: 'proxy',
      upstreamUrl: `${counter.url}/v1/`,
      timeoutMs: 5000,
      workspaces: [],
      summaryCacheMs: 1500,
    }),
  );
});
afterAll(async () => {
  await proxy.close();
  await counter.close();
  await sandbox.stop();
});

describe('GET /studio/workspaces/{id}/summary in sandbox mode', () => {
  it('totals every pass of the workspace, not one page', async () => {
    const alpha = await totals(sandbox.url, WS_A);
    expect(alpha).toMatchObject(ALPHA);
    expect(Date.now() - Date.parse(alpha.asOf)).toBeLessThan(5_000);
    expect(await totals(sandbox.url, WS_B)).toMatchObject({ passes: 3, published: 0, totalIssued: 9, totalActive: 3 });

    // The same figures as adding up every page of the API's own list.
    let cursor: string | undefined;
    let passes = 0;
    let issued = 0;
    do {
      const page = WalletPassPageSchema.parse(
        await (
          await sandbox.api('GET', `/v1/wallet-pass?limit=20${cursor ? `&cursor=${cursor}` : ''}`, { workspace: WS_A })
        ).json(),
      );
      passes += page.items.length;
      issued += page.items.reduce((sum, p) => sum + (p.totalIssuedCount ?? 0), 0);
      cursor = page.hasMore && page.cursor ? page.cursor : undefined;
    } while (cursor);
    expect({ passes, issued }).toEqual({ passes: alpha.passes, issued: alpha.totalIssued });
  });

  it('follows changes at once', async () => {
    const created = await sandbox.api('POST', '/v1/wallet-pass', { workspace: WS_B, json: passBody() });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await totals(sandbox.url, WS_B)).passes).toBe(4);
    expect((await sandbox.api('DELETE', `/v1/wallet-pass/${id}`, { workspace: WS_B })).status).toBe(204);
    expect((await totals(sandbox.url, WS_B)).passes).toBe(3);
  });

  it('refuses as /v1 does: 401 without a key, 403 for an unknown key or a workspace the key lacks', async () => {
    expect((await expectRefused(await summary(sandbox.url, WS_A, null), 401)).errorCode).toBe('UNAUTHORIZED');
    await expectRefused(await summary(sandbox.url, WS_A, 'ub_test_not_a_key'), 403);
    await expectRefused(await summary(sandbox.url, WS_A, KEY_B), 403);
    await expectRefused(await summary(sandbox.url, 'no-such-workspace', KEY_A), 403);
    expect((await totals(sandbox.url, WS_A, KEY_A)).passes).toBe(45);
  });
});

describe('GET /studio/workspaces/{id}/summary in proxy mode', () => {
  it('pages the upstream list with the caller’s key and gives the same totals', async () => {
    upstreamRequests.length = 0;
    const alpha = await totals(proxy.url, WS_A);
    expect(alpha).toMatchObject(ALPHA);
    // One access check, then three pages of 20.
    const pages = upstreamRequests.filter((r) => r.includes('limit=20'));
    expect(pages).toHaveLength(3);
    expect(upstreamRequests.filter((r) => r.includes('limit=1&'))).toHaveLength(1);
  });

  it('shares one computation among concurrent callers and caches it for the workspace', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1600)); // past the cache of the test above
    upstreamRequests.length = 0;
    const answers = await Promise.all(Array.from({ length: 6 }, () => totals(proxy.url, WS_A)));
    expect(new Set(answers.map((a) => a.asOf)).size).toBe(1);
    for (const answer of answers) expect(answer).toMatchObject(ALPHA);
    expect(upstreamRequests.filter((r) => r.includes('limit=20'))).toHaveLength(3);

    // Within the cache time a new caller gets the same totals without any page being read again.
    upstreamRequests.length = 0;
    expect((await totals(proxy.url, WS_A, KEY_A)).asOf).toBe(answers[0]!.asOf);
    expect(upstreamRequests.filter((r) => r.includes('limit=20'))).toHaveLength(0);
  });

  it('counts anew once the cache time has passed', async () => {
    const before = await totals(proxy.url, WS_B);
    const created = await sandbox.api('POST', '/v1/wallet-pass', { workspace: WS_B, json: passBody() });
    const { id } = (await created.json()) as { id: string };
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const after = await totals(proxy.url, WS_B);
    expect(after.passes).toBe(before.passes + 1);
    expect(Date.parse(after.asOf)).toBeGreaterThan(Date.parse(before.asOf));
    await sandbox.api('DELETE', `/v1/wallet-pass/${id}`, { workspace: WS_B });
  });

  it('never serves cached totals to a key that cannot read the workspace', async () => {
    // Alpha's totals are cached by now (the tests above).
    expect((await totals(proxy.url, WS_A)).passes).toBe(45);
    expect((await expectRefused(await summary(proxy.url, WS_A, null), 401)).errorCode).toBe('UNAUTHORIZED');
    await expectRefused(await summary(proxy.url, WS_A, KEY_B), 403);
    await expectRefused(await summary(proxy.url, WS_A, 'ub_test_not_a_key'), 403);
  });
});

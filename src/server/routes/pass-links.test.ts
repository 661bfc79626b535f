/**
 * Pass links are global (one link domain for every workspace), so a slug names one pass in the
 * whole sandbox, and only a Published pass has a public page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, WalletPassSchema } from '../../contract/schemas';
import { KEY_A, KEY_B, WS_A, WS_B, passBody, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

async function publishedPass(key: string, workspace: string, slug: string) {
  const res = await sandbox.api('POST', '/v1/wallet-pass', {
    key,
    json: passBody({ passLinkSlug: slug, status: 'Published', uploadInfoList: await sandbox.images(workspace) }),
  });
  expect(res.status).toBe(201);
  return WalletPassSchema.parse(await res.json());
}

describe('pass link slugs are unique across the whole sandbox', () => {
  it('refuses another workspace’s slug on create and on PATCH, without naming that workspace', async () => {
    const bPass = await publishedPass(KEY_B, WS_B, 'harbor-card');
    const page = await fetch(`${sandbox.url}/p/harbor-card`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(bPass.passName);

    const created = await sandbox.api('POST', '/v1/wallet-pass', {
      key: KEY_A,
      json: passBody({ passLinkSlug: 'harbor-card' }),
    });
    expect(created.status).toBe(400);
    const createError = ApiErrorBodySchema.parse(await created.json());
    expect(Object.keys(createError.context ?? {})).toEqual(['passLinkSlug']);

    const aPass = await publishedPass(KEY_A, WS_A, 'alpha-card');
    const patched = await sandbox.api('PATCH', `/v1/wallet-pass/${aPass.id}`, {
      key: KEY_A,
      json: { passLinkSlug: 'harbor-card' },
    });
    expect(patched.status).toBe(400);
    const text = await patched.text();
    const patchError = ApiErrorBodySchema.parse(JSON.parse(text));
    expect(Object.keys(patchError.context ?? {})).toEqual(['passLinkSlug']);
    // Nothing tells the caller which workspace (or which pass) holds the slug.
    for (const secret of [WS_B, 'Beta', bPass.id, bPass.passName]) expect(text).not.toContain(secret);

    // B's link still shows B's pass; A's pass kept its own slug.
    const after = await fetch(`${sandbox.url}/p/harbor-card`);
    expect(await after.text()).toContain(bPass.passName);
    const aNow = await sandbox.api('GET', `/v1/wallet-pass/${aPass.id}`, { key: KEY_A });
    expect(((await aNow.json()) as { passLinkSlug: string }[])[0]?.passLinkSlug).toBe('alpha-card');
  });

  it('lets a pass keep its own slug and take a slug another pass gave up', async () => {
    const pass = await publishedPass(KEY_A, WS_A, 'kept-slug');
    const same = await sandbox.api('PATCH', `/v1/wallet-pass/${pass.id}`, {
      key: KEY_A,
      json: { passLinkSlug: 'kept-slug', passName: `${pass.passName} renamed` },
    });
    expect(same.status).toBe(200);
    const other = await publishedPass(KEY_B, WS_B, 'given-up');
    expect(
      (await sandbox.api('PATCH', `/v1/wallet-pass/${other.id}`, { key: KEY_B, json: { passLinkSlug: 'moved-on' } }))
        .status,
    ).toBe(200);
    const taken = await sandbox.api('PATCH', `/v1/wallet-pass/${pass.id}`, {
      key: KEY_A,
      json: { passLinkSlug: 'given-up' },
    });
    expect(taken.status).toBe(200);
  });
});

describe('GET /p/{slug}', () => {
  it('answers 404 for a Draft pass and shows it once Published', async () => {
    const res = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody({ passLinkSlug: 'not-yet' }) });
    const draft = WalletPassSchema.parse(await res.json());
    expect(draft.status).toBe('Draft');
    const hidden = await fetch(`${sandbox.url}/p/not-yet`);
    expect(hidden.status).toBe(404);
    const html = await hidden.text();
    // Nothing to add to a wallet: no save link, no images, only word that it is not published.
    expect(html).not.toContain(draft.googlePassLink ?? 'pay.google.com');
    expect(html).not.toContain('/files/');
    expect(html).toContain('not published yet');

    const published = await sandbox.api('PATCH', `/v1/wallet-pass/${draft.id}`, {
      json: { status: 'Published', uploadInfoList: await sandbox.images() },
    });
    expect(published.status).toBe(200);
    const shown = await fetch(`${sandbox.url}/p/not-yet`);
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toContain(draft.passName);
    expect(page).toContain('Add to Google Wallet');
    expect(page).toContain('/files/');
  });
});

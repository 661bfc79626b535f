import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WalletPassDetailResponseSchema, WalletPassPageSchema, WalletPassSchema } from '../../contract/schemas';
import { KEY_A, KEY_B, WS_A, WS_B, locationBody, passBody, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';
import { passTestHelpers } from './passes.test-utils';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

const { create, expectError, upload } = passTestHelpers(() => sandbox);

describe('POST /v1/wallet-pass', () => {
  it('creates a Draft pass with server-populated fields, ignoring read-only input', async () => {
    const res = await sandbox.api('POST', '/v1/wallet-pass', {
      json: passBody({
        passName: 'Coffee Card',
        id: 'chosen-by-client',
        createdTime: '2000-01-01T00:00:00.000Z',
        workspaceId: 'elsewhere',
        appleIssuedCount: 999,
        totalActiveCount: 5,
        passLink: 'https://evil.example/p/x',
        googlePassLink: 'https://evil.example',
        somethingNew: { nested: [1, 2, 3] },
      }),
    });
    expect(res.status).toBe(201);
    const pass = WalletPassSchema.parse(await res.json());
    expect(pass.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pass.status).toBe('Draft');
    expect(pass.workspaceId).toBe(WS_A);
    expect(pass.accountId).toBeTruthy();
    expect(pass.createdBy).toBeTruthy();
    expect(pass.updatedBy).toBe(pass.createdBy);
    expect(pass.createdTime).toBe(pass.updatedTime);
    expect(Date.now() - Date.parse(pass.createdTime ?? '')).toBeLessThan(60_000);
    for (const count of [
      'appleIssuedCount',
      'googleIssuedCount',
      'totalIssuedCount',
      'appleActiveCount',
      'googleActiveCount',
      'totalActiveCount',
    ] as const) {
      expect(pass[count]).toBe(0);
    }
    expect(pass.passLinkSlug).toMatch(/^[a-z0-9]+$/);
    expect(pass.passLink).toBe(`${sandbox.url}/p/${pass.passLinkSlug}`);
    expect(pass.googlePassLink).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\/[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(pass.somethingNew).toEqual({ nested: [1, 2, 3] });
    expect(pass.passMetadata?.locations).toEqual([]);
  });

  it('uses the given slug and status, and the workspace from x-workspace-id', async () => {
    const pass = await create(
      passBody({ passLinkSlug: 'summer-deal', status: 'Published', uploadInfoList: await sandbox.images(WS_B) }),
      { workspace: WS_B },
    );
    expect(pass.passLinkSlug).toBe('summer-deal');
    expect(pass.status).toBe('Published');
    expect(pass.workspaceId).toBe(WS_B);
  });

  it('refuses a duplicate name in the workspace (case and spaces ignored) and a slug taken anywhere', async () => {
    await create(passBody({ passName: 'Loyalty Gold', passLinkSlug: 'loyalty-gold' }));
    const dupName = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass', { json: passBody({ passName: '  loyalty GOLD ' }) }),
      400,
      'INVALID_INPUT',
    );
    expect(dupName.context).toEqual({ passName: 'A pass named "loyalty GOLD" already exists in this workspace' });
    const dupSlug = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass', { json: passBody({ passLinkSlug: 'loyalty-gold' }) }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(dupSlug.context ?? {})).toEqual(['passLinkSlug']);
    // Another workspace may use the name; pass links are global, so not the slug.
    await create(passBody({ passName: 'Loyalty Gold', passLinkSlug: 'loyalty-gold-b' }), { workspace: WS_B });
    await expectError(
      await sandbox.api('POST', '/v1/wallet-pass', {
        workspace: WS_B,
        json: passBody({ passLinkSlug: 'loyalty-gold' }),
      }),
      400,
      'INVALID_INPUT',
    );
  });

  it('answers 400 with one context entry per invalid field path', async () => {
    const body = passBody();
    const res = await sandbox.api('POST', '/v1/wallet-pass', {
      json: {
        ...body,
        passName: '',
        status: 'Archived',
        passMetadata: {
          backgroundColor: 'red',
          backFields: [
            {
              key: 'k',
              label: 'L',
              value: [
                { text: 'ok', link: 'https://a.example' },
                { text: 'bad', link: 'javascript:alert(1)' },
              ],
            },
          ],
        },
      },
    });
    const error = await expectError(res, 400, 'INVALID_INPUT');
    expect(error.context).toMatchObject({
      passName: 'Pass name is required',
      status: 'Status is Draft or Published',
      'passMetadata.backgroundColor': expect.any(String),
      'passMetadata.backFields.0.value.1.link': expect.any(String),
    });
  });

  it('refuses malformed JSON, non-object bodies and a missing body with 400', async () => {
    const malformed = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass', {
        body: '{"passName": ',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(malformed.context ?? {})).toEqual(['body']);
    for (const json of [[1, 2], 'text', null, 42]) {
      const error = await expectError(await sandbox.api('POST', '/v1/wallet-pass', { json }), 400, 'INVALID_INPUT');
      expect(Object.keys(error.context ?? {})).toEqual(['body']);
    }
    await expectError(await sandbox.api('POST', '/v1/wallet-pass', {}), 400, 'INVALID_INPUT');
  });

  it('requires upload keys of the same workspace', async () => {
    const keyA = await upload();
    const keyB = await upload(WS_B);
    const ok = await create(passBody({ uploadInfoList: [{ fileName: 'logo.png', uploadKey: keyA }] }));
    expect(ok.uploadInfoList?.[0]?.url).toBe(`${sandbox.url}/files/${keyA}.png`);
    const image = await fetch(ok.uploadInfoList?.[0]?.url ?? '');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');

    const error = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass', {
        json: passBody({
          uploadInfoList: [
            { fileName: 'logo.png', uploadKey: keyA },
            { fileName: 'icon.png', uploadKey: keyB },
            { fileName: 'strip.png', uploadKey: 'no-such-key' },
          ],
        }),
      }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(error.context ?? {}).sort()).toEqual([
      'uploadInfoList.1.uploadKey',
      'uploadInfoList.2.uploadKey',
    ]);
  });

  it('answers 413 for a JSON body over 1 MB', async () => {
    const res = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody({ padding: 'x'.repeat(1_100_000) }) });
    await expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('GET /v1/wallet-pass/{id}', () => {
  it('answers a one-element array with locations and image URLs', async () => {
    const key = await upload();
    const pass = await create(passBody({ uploadInfoList: [{ fileName: 'logo.png', uploadKey: key }] }));
    for (const name of ['First', 'Second']) {
      const res = await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(pass.id, { name }) });
      expect(res.status).toBe(201);
    }
    const res = await sandbox.api('GET', `/v1/wallet-pass/${pass.id}`);
    expect(res.status).toBe(200);
    const list = WalletPassDetailResponseSchema.parse(await res.json());
    expect(list).toHaveLength(1);
    const [read] = list;
    expect(read?.id).toBe(pass.id);
    expect(read?.passMetadata?.locations?.map((l) => l.name)).toEqual(['First', 'Second']);
    expect(read?.passMetadata?.locations?.[0]).toMatchObject({
      walletPass: { id: pass.id },
      passSerialNumber: pass.id,
      enabled: true,
    });
    expect(read?.uploadInfoList?.[0]).toEqual({
      fileName: 'logo.png',
      uploadKey: key,
      url: `${sandbox.url}/files/${key}.png`,
    });
  });

  it('answers 404 NOT_FOUND with context.id, also for a pass of another workspace', async () => {
    const missing = await expectError(await sandbox.api('GET', '/v1/wallet-pass/does-not-exist'), 404, 'NOT_FOUND');
    expect(missing.context).toEqual({ id: 'does-not-exist' });
    const other = await create(passBody(), { workspace: WS_B });
    const hidden = await expectError(
      await sandbox.api('GET', `/v1/wallet-pass/${other.id}`, { key: KEY_A }),
      404,
      'NOT_FOUND',
    );
    expect(JSON.stringify(hidden)).not.toContain(other.passName ?? '');
    expect((await sandbox.api('GET', `/v1/wallet-pass/${other.id}`, { key: KEY_B })).status).toBe(200);
  });
});

describe('PATCH /v1/wallet-pass/{id}', () => {
  it('replaces the keys present, keeps the rest and unknown keys, ignores read-only keys and locations', async () => {
    const pass = await create(passBody({ extra: 'kept', uploadInfoList: await sandbox.images() }));
    await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(pass.id) });
    await new Promise((r) => setTimeout(r, 5));
    const res = await sandbox.api('PATCH', `/v1/wallet-pass/${pass.id}`, {
      key: KEY_A,
      json: {
        notificationHeader: 'NEW',
        status: 'Published',
        passMetadata: { ...(pass.passMetadata ?? {}), description: 'Changed', locations: [{ name: 'ignored' }] },
        id: 'other',
        createdTime: '2000-01-01T00:00:00.000Z',
        totalIssuedCount: 77,
        another: 1,
      },
    });
    expect(res.status).toBe(200);
    const updated = WalletPassSchema.parse(await res.json());
    expect(Array.isArray(updated)).toBe(false);
    expect(updated.id).toBe(pass.id);
    expect(updated.passName).toBe(pass.passName);
    expect(updated.notificationHeader).toBe('NEW');
    expect(updated.status).toBe('Published');
    expect(updated.passMetadata?.description).toBe('Changed');
    expect(updated.passMetadata?.locations?.map((l) => l.name)).toEqual(['Main street shop']);
    expect(updated.extra).toBe('kept');
    expect(updated.another).toBe(1);
    expect(updated.createdTime).toBe(pass.createdTime);
    expect(updated.totalIssuedCount).toBe(0);
    expect(Date.parse(updated.updatedTime ?? '')).toBeGreaterThan(Date.parse(pass.updatedTime ?? ''));
    expect(updated.updatedBy).not.toBe(pass.createdBy);
  });

  it('answers 404 for an unknown pass and 400 for a duplicate name or invalid field', async () => {
    await expectError(
      await sandbox.api('PATCH', '/v1/wallet-pass/nope', { json: { notificationHeader: 'x' } }),
      404,
      'NOT_FOUND',
    );
    const a = await create();
    const b = await create();
    const dup = await expectError(
      await sandbox.api('PATCH', `/v1/wallet-pass/${b.id}`, { json: { passName: a.passName } }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(dup.context ?? {})).toEqual(['passName']);
    // Renaming to its own name in another case is fine.
    const self = await sandbox.api('PATCH', `/v1/wallet-pass/${b.id}`, {
      json: { passName: (b.passName ?? '').toUpperCase() },
    });
    expect(self.status).toBe(200);
    const invalid = await expectError(
      await sandbox.api('PATCH', `/v1/wallet-pass/${b.id}`, { json: { passMetadata: { displayTextColor: 'blue' } } }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(invalid.context ?? {})).toEqual(['passMetadata.displayTextColor']);
  });
});

describe('DELETE /v1/wallet-pass/{id}', () => {
  it('answers 204, removes the pass and its locations; then 404', async () => {
    const pass = await create();
    const loc = await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(pass.id) });
    const locationId = ((await loc.json()) as { id: string }).id;
    const res = await sandbox.api('DELETE', `/v1/wallet-pass/${pass.id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectError(await sandbox.api('GET', `/v1/wallet-pass/${pass.id}`), 404, 'NOT_FOUND');
    await expectError(await sandbox.api('GET', `/v1/wallet-pass-location/${locationId}`), 404, 'NOT_FOUND');
    await expectError(await sandbox.api('DELETE', `/v1/wallet-pass/${pass.id}`), 404, 'NOT_FOUND');
  });
});

describe('publishing', () => {
  it('refuses a Published pass without logo.png, icon.png and strip.png, on create and on update', async () => {
    const created = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody({ status: 'Published' }) });
    expect(created.status).toBe(400);
    expect(await created.json()).toMatchObject({
      errorCode: 'INVALID_INPUT',
      context: { uploadInfoList: expect.stringContaining('logo.png, icon.png, strip.png') },
    });

    const draft = await create(passBody());
    const publish = await sandbox.api('PATCH', `/v1/wallet-pass/${draft.id}`, { json: { status: 'Published' } });
    expect(publish.status).toBe(400);
    const images = await sandbox.images();
    const withImages = await sandbox.api('PATCH', `/v1/wallet-pass/${draft.id}`, {
      json: { status: 'Published', uploadInfoList: images },
    });
    expect(withImages.status).toBe(200);
    // Removing a required image from a published pass is refused too.
    const removing = await sandbox.api('PATCH', `/v1/wallet-pass/${draft.id}`, {
      json: { uploadInfoList: images.slice(1) },
    });
    expect(removing.status).toBe(400);
  });
});

describe('serialised pass cache', () => {
  it('never serves a stale pass: edits, locations, counts and deletes show on the next read', async () => {
    const pass = await create(passBody({ status: 'Published', uploadInfoList: await sandbox.images() }));
    const readOne = async (base = sandbox.url) => {
      const res = await fetch(`${base}/v1/wallet-pass/${pass.id}`, { headers: { 'api-key': 'ub_test_all' } });
      return WalletPassDetailResponseSchema.parse(await res.json())[0];
    };
    const readListed = async () => {
      const res = await sandbox.api('GET', `/v1/wallet-pass?id=${pass.id}`);
      return WalletPassPageSchema.parse(await res.json()).items[0];
    };
    // Fill the cache through both read paths.
    expect((await readOne())?.notificationHeader).toBe('TEST');
    expect((await readListed())?.notificationHeader).toBe('TEST');

    await sandbox.api('PATCH', `/v1/wallet-pass/${pass.id}`, { json: { notificationHeader: 'EDITED' } });
    expect((await readOne())?.notificationHeader).toBe('EDITED');
    expect((await readListed())?.notificationHeader).toBe('EDITED');

    const loc = await sandbox.api('POST', '/v1/wallet-pass-location', {
      json: locationBody(pass.id, { name: 'Cached?' }),
    });
    const locationId = ((await loc.json()) as { id: string }).id;
    expect((await readListed())?.passMetadata?.locations?.map((l) => l.name)).toEqual(['Cached?']);
    await sandbox.api('PUT', `/v1/wallet-pass-location/${locationId}`, {
      json: locationBody(pass.id, { name: 'Renamed' }),
    });
    expect((await readOne())?.passMetadata?.locations?.map((l) => l.name)).toEqual(['Renamed']);
    await sandbox.api('DELETE', `/v1/wallet-pass-location/${locationId}`);
    expect((await readOne())?.passMetadata?.locations).toEqual([]);

    let ticks = 0;
    while ((await readOne())?.totalIssuedCount === 0 && ticks < 50) {
      sandbox.store.tickInstalls();
      ticks += 1;
    }
    expect((await readListed())?.totalIssuedCount).toBeGreaterThan(0);
    expect((await readListed())?.totalIssuedCount).toBe((await readOne())?.totalIssuedCount);

    // Links follow the origin the request used, cached or not.
    const viaLocalhost = await readOne(sandbox.url.replace('127.0.0.1', 'localhost'));
    expect(viaLocalhost?.passLink?.startsWith('http://localhost:')).toBe(true);
    expect((await readOne())?.passLink?.startsWith('http://127.0.0.1:')).toBe(true);

    // Another workspace's key never gets the cached copy.
    expect((await sandbox.api('GET', `/v1/wallet-pass/${pass.id}`, { key: KEY_B })).status).toBe(404);

    await sandbox.api('DELETE', `/v1/wallet-pass/${pass.id}`);
    expect((await sandbox.api('GET', `/v1/wallet-pass/${pass.id}`)).status).toBe(404);
    expect(await readListed()).toBeUndefined();
  });
});

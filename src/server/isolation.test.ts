/**
 * Workspace isolation: the key limited to workspace A is walked over every endpoint against
 * workspace B's pass, location and upload. Naming B in x-workspace-id is a 403; naming A (or
 * nothing, which means A) makes B's objects simply not exist: 404 for one object, an empty
 * page for a search, 400 for a reference to B's upload. No answer carries B's data, and B's
 * data is unchanged afterwards. Ids and upload keys are random, not a guessable sequence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema,
  LocationSchema,
  UploadResponseSchema,
  WalletPassDetailResponseSchema,
  WalletPassSchema,
} from '../contract/schemas';
import type { Location, WalletPass } from '../contract/schemas';
import {
  KEY_A,
  KEY_ALL,
  KEY_B,
  WS_A,
  WS_B,
  locationBody,
  makePng,
  passBody,
  pngForm,
  startSandbox,
} from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

const B_PASS_NAME = 'Beta secret pass 7f3k';
const B_LOCATION_NAME = 'Beta secret shop 9q2m';
const B_NOTIFICATION = 'Beta secret header';

let sandbox: TestSandbox;
let bPass: WalletPass;
let bLocation: Location;
let bUploadKey: string;
let aPass: WalletPass;
let aUploadKey: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const upload = async (key: string) =>
    UploadResponseSchema.parse(
      await (await sandbox.api('POST', '/v1/uploads', { key, body: pngForm(makePng(), 'logo.png') })).json(),
    ).key;
  bUploadKey = await upload(KEY_B);
  aUploadKey = await upload(KEY_A);
  const bPassRes = await sandbox.api('POST', '/v1/wallet-pass', {
    key: KEY_B,
    json: passBody({
      passName: B_PASS_NAME,
      notificationHeader: B_NOTIFICATION,
      uploadInfoList: [{ fileName: 'logo.png', uploadKey: bUploadKey }],
    }),
  });
  expect(bPassRes.status).toBe(201);
  bPass = WalletPassSchema.parse(await bPassRes.json());
  expect(bPass.workspaceId).toBe(WS_B);
  const bLocRes = await sandbox.api('POST', '/v1/wallet-pass-location', {
    key: KEY_B,
    json: locationBody(bPass.id, { name: B_LOCATION_NAME }),
  });
  expect(bLocRes.status).toBe(201);
  bLocation = LocationSchema.parse(await bLocRes.json());
  const aPassRes = await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_A, json: passBody() });
  aPass = WalletPassSchema.parse(await aPassRes.json());
  expect(aPass.workspaceId).toBe(WS_A);
  // B's pass is read once by its owner first, so it sits in the server's serialised-pass cache.
  expect((await sandbox.api('GET', `/v1/wallet-pass/${bPass.id}`, { key: KEY_B })).status).toBe(200);
  expect((await sandbox.api('GET', '/v1/wallet-pass', { key: KEY_B })).status).toBe(200);
});
afterAll(async () => {
  await sandbox.stop();
});

interface Probe {
  name: string;
  method: string;
  path: string;
  json?: unknown;
  /** What the probe answers when it does not name workspace B (404 for one object by default). */
  expected: 404 | 400 | 'empty-page';
}

function probes(): Probe[] {
  const b = bPass.id;
  const loc = bLocation.id ?? '';
  return [
    { name: 'GET pass', method: 'GET', path: `/v1/wallet-pass/${b}`, expected: 404 },
    {
      name: 'PATCH pass',
      method: 'PATCH',
      path: `/v1/wallet-pass/${b}`,
      json: { passName: 'Taken over' },
      expected: 404,
    },
    {
      name: 'PATCH pass to Published',
      method: 'PATCH',
      path: `/v1/wallet-pass/${b}`,
      json: { status: 'Draft', notificationHeader: 'x' },
      expected: 404,
    },
    { name: 'DELETE pass', method: 'DELETE', path: `/v1/wallet-pass/${b}`, expected: 404 },
    { name: 'GET location', method: 'GET', path: `/v1/wallet-pass-location/${loc}`, expected: 404 },
    {
      name: 'PUT location',
      method: 'PUT',
      path: `/v1/wallet-pass-location/${loc}`,
      json: locationBody(b, { name: 'Moved' }),
      expected: 404,
    },
    { name: 'DELETE location', method: 'DELETE', path: `/v1/wallet-pass-location/${loc}`, expected: 404 },
    {
      name: 'POST location on B’s pass (walletPass.id)',
      method: 'POST',
      path: '/v1/wallet-pass-location',
      json: locationBody(b),
      expected: 404,
    },
    {
      name: 'POST location on B’s pass (passSerialNumber)',
      method: 'POST',
      path: '/v1/wallet-pass-location',
      json: { ...locationBody(b), walletPass: undefined, passSerialNumber: b },
      expected: 404,
    },
    {
      name: 'PATCH own pass with B’s upload (uploadKey)',
      method: 'PATCH',
      path: `/v1/wallet-pass/${aPass.id}`,
      json: { uploadInfoList: [{ fileName: 'logo.png', uploadKey: bUploadKey }] },
      expected: 400,
    },
    {
      name: 'PATCH own pass with B’s upload (fileKey)',
      method: 'PATCH',
      path: `/v1/wallet-pass/${aPass.id}`,
      json: { uploadInfoList: [{ fileName: 'icon.png', fileKey: bUploadKey }] },
      expected: 400,
    },
    {
      name: 'POST pass with B’s upload',
      method: 'POST',
      path: '/v1/wallet-pass',
      json: passBody({ uploadInfoList: [{ fileName: 'logo.png', uploadKey: bUploadKey }] }),
      expected: 400,
    },
    { name: 'list passes by id', method: 'GET', path: `/v1/wallet-pass?id=${b}`, expected: 'empty-page' },
    { name: 'list passes by ids', method: 'GET', path: `/v1/wallet-pass?ids=${b},${b}`, expected: 'empty-page' },
    {
      name: 'list passes by repeated ids',
      method: 'GET',
      path: `/v1/wallet-pass?ids=${b}&ids=${b}`,
      expected: 'empty-page',
    },
    {
      name: 'list passes by name',
      method: 'GET',
      path: `/v1/wallet-pass?passName=${encodeURIComponent(B_PASS_NAME)}`,
      expected: 'empty-page',
    },
    { name: 'search passes', method: 'GET', path: '/v1/wallet-pass?query=beta%20secret', expected: 'empty-page' },
    {
      name: 'list passes without assets',
      method: 'GET',
      path: `/v1/wallet-pass?ids=${b}&includePassAssets=false`,
      expected: 'empty-page',
    },
    { name: 'list locations by id', method: 'GET', path: `/v1/wallet-pass-location?id=${loc}`, expected: 'empty-page' },
    {
      name: 'list locations by ids',
      method: 'GET',
      path: `/v1/wallet-pass-location?ids=${loc}`,
      expected: 'empty-page',
    },
    {
      name: 'list locations by pass',
      method: 'GET',
      path: `/v1/wallet-pass-location?passSerialNumbers=${b}`,
      expected: 'empty-page',
    },
    {
      name: 'search locations',
      method: 'GET',
      path: `/v1/wallet-pass-location?query=secret%20shop`,
      expected: 'empty-page',
    },
    {
      name: 'list locations by name',
      method: 'GET',
      path: `/v1/wallet-pass-location?name=${encodeURIComponent(B_LOCATION_NAME)}`,
      expected: 'empty-page',
    },
  ];
}

/** Nothing of B may show in any answer A gets. */
function expectNoDataOfB(text: string, where: string): void {
  for (const secret of [B_PASS_NAME, B_LOCATION_NAME, B_NOTIFICATION, bPass.passLinkSlug ?? '-', bUploadKey]) {
    expect(text, `${where} leaks ${secret}`).not.toContain(secret);
  }
  // The ids of B's objects may only come back as the id the request itself named (404 context).
  expect(text.split(bLocation.id ?? '-').length - 1, `${where} repeats the location id`).toBeLessThanOrEqual(1);
}

async function expectErrorBody(res: Response, status: number, errorCode: string, where: string) {
  const text = await res.text();
  expect(res.status, `${where}: ${text}`).toBe(status);
  expect(res.headers.get('content-type'), where).toContain('application/json');
  const body = ApiErrorBodySchema.parse(JSON.parse(text));
  expect(body.errorCode, where).toBe(errorCode);
  expect(Object.keys(body).sort(), where).toEqual(['context', 'errorCode', 'errorMessage', 'timestamp', 'txId']);
  expectNoDataOfB(text, where);
  return body;
}

describe('workspace isolation for the key limited to workspace A', () => {
  it('answers 403 FORBIDDEN, with no data, to every endpoint when it names workspace B', async () => {
    const all = [
      ...probes(),
      { name: 'list passes', method: 'GET', path: '/v1/wallet-pass' },
      { name: 'list locations', method: 'GET', path: '/v1/wallet-pass-location' },
      { name: 'create pass', method: 'POST', path: '/v1/wallet-pass', json: passBody() },
    ];
    for (const probe of all) {
      const res = await sandbox.api(probe.method, probe.path, { key: KEY_A, workspace: WS_B, json: probe.json });
      const body = await expectErrorBody(res, 403, 'FORBIDDEN', `${probe.name} naming B`);
      expect(body.context).toEqual({ workspaceId: WS_B });
    }
    const upload = await sandbox.api('POST', '/v1/uploads', { key: KEY_A, workspace: WS_B, body: pngForm(makePng()) });
    await expectErrorBody(upload, 403, 'FORBIDDEN', 'upload naming B');
  });

  for (const workspace of [undefined, WS_A] as const) {
    it(`finds none of B's objects ${workspace ? 'naming workspace A' : 'without x-workspace-id'}`, async () => {
      for (const probe of probes()) {
        const where = `${probe.name} (${workspace ?? 'default workspace'})`;
        const res = await sandbox.api(probe.method, probe.path, {
          key: KEY_A,
          ...(workspace ? { workspace } : {}),
          json: probe.json,
        });
        if (probe.expected === 'empty-page') {
          const text = await res.text();
          expect(res.status, `${where}: ${text}`).toBe(200);
          expect(JSON.parse(text), where).toEqual({ items: [], hasMore: false });
        } else if (probe.expected === 404) {
          await expectErrorBody(res, 404, 'NOT_FOUND', where);
        } else {
          const body = await expectErrorBody(res, 400, 'INVALID_INPUT', where);
          expect(Object.keys(body.context ?? {})[0], where).toMatch(/^uploadInfoList\.0\.(uploadKey|fileKey)$/);
        }
      }
    });
  }

  it('the key reaching both workspaces also finds none of B’s objects while it works in A', async () => {
    for (const probe of probes()) {
      const res = await sandbox.api(probe.method, probe.path, { key: KEY_ALL, workspace: WS_A, json: probe.json });
      expect(res.status, probe.name).toBe(probe.expected === 'empty-page' ? 200 : probe.expected);
      expectNoDataOfB(await res.text(), probe.name);
    }
  });

  it('leaves B’s pass, location and upload untouched', async () => {
    const pass = WalletPassDetailResponseSchema.parse(
      await (await sandbox.api('GET', `/v1/wallet-pass/${bPass.id}`, { key: KEY_B })).json(),
    )[0];
    expect(pass?.passName).toBe(B_PASS_NAME);
    expect(pass?.notificationHeader).toBe(B_NOTIFICATION);
    expect(pass?.updatedTime).toBe(bPass.updatedTime);
    expect(pass?.passMetadata?.locations?.map((l) => l.name)).toEqual([B_LOCATION_NAME]);
    const location = LocationSchema.parse(
      await (await sandbox.api('GET', `/v1/wallet-pass-location/${bLocation.id}`, { key: KEY_B })).json(),
    );
    expect(location).toEqual(bLocation);
    // A's pass kept its own images: B's upload never got attached.
    const own = WalletPassDetailResponseSchema.parse(
      await (await sandbox.api('GET', `/v1/wallet-pass/${aPass.id}`, { key: KEY_A })).json(),
    )[0];
    expect(JSON.stringify(own)).not.toContain(bUploadKey);
    // A can still attach its own upload: the 400s above were about B's key, not the request shape.
    const attach = await sandbox.api('PATCH', `/v1/wallet-pass/${aPass.id}`, {
      key: KEY_A,
      json: { uploadInfoList: [{ fileName: 'logo.png', uploadKey: aUploadKey }] },
    });
    expect(attach.status).toBe(200);
  });

  it('serves /files/{key}.png without a key: the upload key is the secret, 122 random bits', async () => {
    // By design (an <img> cannot send headers): whoever holds the URL gets the image, from any
    // workspace or none. What protects it is that the key cannot be guessed.
    expect(bUploadKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await fetch(`${sandbox.url}/files/${bUploadKey}.png`)).status).toBe(200);
    // A near miss of a real key finds nothing.
    const near = bUploadKey.slice(0, -1) + (bUploadKey.endsWith('0') ? '1' : '0');
    expect((await fetch(`${sandbox.url}/files/${near}.png`)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 62 random bits at the end of a UUID (`rand_b` of v7; v4 is random throughout). */
function randomTail(id: string): bigint {
  const hex = id.replace(/-/g, '');
  return BigInt(`0x${hex.slice(16)}`) & ((1n << 62n) - 1n);
}

function bitsDiffering(a: bigint, b: bigint): number {
  let x = a ^ b;
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

function expectRandomSequence(ids: string[], shape: RegExp, what: string): void {
  expect(new Set(ids).size, what).toBe(ids.length);
  for (const id of ids) expect(id, what).toMatch(shape);
  const tails = ids.map(randomTail);
  for (let i = 1; i < tails.length; i++) {
    const [prev, cur] = [tails[i - 1] ?? 0n, tails[i] ?? 0n];
    // Independent random 62-bit values differ in ~31 bits; a counter differs in a handful.
    expect(bitsDiffering(prev, cur), `${what}: ${ids[i - 1]} → ${ids[i]}`).toBeGreaterThanOrEqual(8);
  }
  // Not an arithmetic progression either.
  const steps = new Set(tails.slice(1).map((t, i) => t - (tails[i] ?? 0n)));
  expect(steps.size, what).toBe(tails.length - 1);
}

describe('ids are random, not a guessable sequence', () => {
  it('passes and locations get UUIDv7 ids (time, then random bits); uploads get UUIDv4 keys', async () => {
    const passIds: string[] = [];
    const locationIds: string[] = [];
    const uploadKeys: string[] = [];
    for (let i = 0; i < 8; i++) {
      const pass = WalletPassSchema.parse(
        await (await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_A, json: passBody() })).json(),
      );
      passIds.push(pass.id);
      expect(pass.passLinkSlug).toMatch(/^[a-z0-9]{12}$/);
    }
    for (let i = 0; i < 8; i++) {
      const location = LocationSchema.parse(
        await (
          await sandbox.api('POST', '/v1/wallet-pass-location', {
            key: KEY_A,
            json: locationBody(passIds[i] ?? ''),
          })
        ).json(),
      );
      locationIds.push(location.id ?? '');
      const upload = UploadResponseSchema.parse(
        await (await sandbox.api('POST', '/v1/uploads', { key: KEY_A, body: pngForm(makePng()) })).json(),
      );
      uploadKeys.push(upload.key);
    }
    expectRandomSequence(passIds, UUID_V7, 'pass ids');
    expectRandomSequence(locationIds, UUID_V7, 'location ids');
    expectRandomSequence(uploadKeys, UUID_V4, 'upload keys');
    // Slugs (the public pass page's address) are random too.
    const slugs = await Promise.all(
      passIds.map(
        async (id) =>
          WalletPassDetailResponseSchema.parse(await (await sandbox.api('GET', `/v1/wallet-pass/${id}`)).json())[0]
            ?.passLinkSlug,
      ),
    );
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

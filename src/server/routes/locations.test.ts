import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, LocationPageSchema, LocationSchema, WalletPassSchema } from '../../contract/schemas';
import { KEY_A, KEY_B, WS_B, locationBody, passBody, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

let sandbox: TestSandbox;
let passId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const res = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody() });
  passId = WalletPassSchema.parse(await res.json()).id;
});
afterAll(async () => {
  await sandbox.stop();
});

async function expectError(res: Response, status: number, errorCode: string) {
  expect(res.status).toBe(status);
  const body = ApiErrorBodySchema.parse(await res.json());
  expect(body.errorCode).toBe(errorCode);
  return body;
}

async function newPassId(workspace?: string): Promise<string> {
  const res = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody(), ...(workspace ? { workspace } : {}) });
  return WalletPassSchema.parse(await res.json()).id;
}

describe('/v1/wallet-pass-location', () => {
  it('creates a location (walletPass.id or passSerialNumber) with entity fields and both pass references', async () => {
    const res = await sandbox.api('POST', '/v1/wallet-pass-location', {
      json: locationBody(passId, { altitude: 12.5, custom: 'kept', id: 'ignored', createdBy: 'ignored' }),
    });
    expect(res.status).toBe(201);
    const location = LocationSchema.parse(await res.json());
    expect(location).toMatchObject({
      name: 'Main street shop',
      latitude: 45.52,
      longitude: -122.68,
      altitude: 12.5,
      relevantText: 'Your pass works here',
      enabled: true,
      walletPass: { id: passId },
      passSerialNumber: passId,
      custom: 'kept',
    });
    expect(location.id).not.toBe('ignored');
    expect(location.createdBy).not.toBe('ignored');
    expect(location.workspaceId).toBeTruthy();
    expect(location.createdTime).toBeTruthy();

    const gen1 = await sandbox.api('POST', '/v1/wallet-pass-location', {
      json: {
        name: 'Gen 1 style',
        latitude: 1,
        longitude: 2,
        relevantText: 'x',
        passSerialNumber: passId,
        enabled: false,
      },
    });
    expect(gen1.status).toBe(201);
    expect(LocationSchema.parse(await gen1.json())).toMatchObject({ walletPass: { id: passId }, enabled: false });
  });

  it('answers 404 with context.id for a pass that is missing or in another workspace', async () => {
    const missing = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody('no-such-pass') }),
      404,
      'NOT_FOUND',
    );
    expect(missing.context).toEqual({ id: 'no-such-pass' });
    const otherPass = await newPassId(WS_B);
    const hidden = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass-location', { key: KEY_A, json: locationBody(otherPass) }),
      404,
      'NOT_FOUND',
    );
    expect(hidden.context).toEqual({ id: otherPass });
  });

  it('answers 400 per invalid field, and when no pass is named', async () => {
    const error = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass-location', {
        json: { name: '', latitude: 91, longitude: 'east', relevantText: 'x', walletPass: { id: passId } },
      }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(error.context ?? {}).sort()).toEqual(['latitude', 'longitude', 'name']);
    const noPass = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass-location', {
        json: { name: 'a', latitude: 1, longitude: 1, relevantText: 'x' },
      }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(noPass.context ?? {})).toEqual(['walletPass']);
  });

  it('allows at most 10 locations per pass', async () => {
    const id = await newPassId();
    for (let i = 0; i < 10; i++) {
      const res = await sandbox.api('POST', '/v1/wallet-pass-location', {
        json: locationBody(id, { name: `Spot ${i}` }),
      });
      expect(res.status).toBe(201);
    }
    const error = await expectError(
      await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(id, { name: 'Eleventh' }) }),
      400,
      'INVALID_INPUT',
    );
    expect(error.context).toEqual({ walletPass: "A pass has at most 10 locations (Apple Wallet's limit)" });
  });

  it('reads, replaces (keeping the pass link) and deletes a location', async () => {
    const otherPass = await newPassId();
    const created = LocationSchema.parse(
      await (
        await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(passId, { custom: 'old' }) })
      ).json(),
    );
    const read = await sandbox.api('GET', `/v1/wallet-pass-location/${created.id}`);
    expect(read.status).toBe(200);
    expect(LocationSchema.parse(await read.json())).toEqual(created);

    const put = await sandbox.api('PUT', `/v1/wallet-pass-location/${created.id}`, {
      json: { name: 'Renamed', latitude: 10, longitude: 20, relevantText: 'New text', walletPass: { id: otherPass } },
    });
    expect(put.status).toBe(200);
    const replaced = LocationSchema.parse(await put.json());
    expect(replaced).toMatchObject({
      id: created.id,
      name: 'Renamed',
      latitude: 10,
      enabled: true,
      walletPass: { id: passId },
    });
    expect(replaced.custom).toBeUndefined();
    expect(replaced.altitude).toBeUndefined();
    expect(replaced.createdTime).toBe(created.createdTime);

    const invalid = await expectError(
      await sandbox.api('PUT', `/v1/wallet-pass-location/${created.id}`, {
        json: { name: 'No coordinates', relevantText: 'x' },
      }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(invalid.context ?? {}).sort()).toEqual(['latitude', 'longitude']);

    await expectError(
      await sandbox.api('GET', `/v1/wallet-pass-location/${created.id}`, { key: KEY_B }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await sandbox.api('PUT', `/v1/wallet-pass-location/${created.id}`, { key: KEY_B, json: locationBody(passId) }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await sandbox.api('DELETE', `/v1/wallet-pass-location/${created.id}`, { key: KEY_B }),
      404,
      'NOT_FOUND',
    );

    expect((await sandbox.api('DELETE', `/v1/wallet-pass-location/${created.id}`)).status).toBe(204);
    const gone = await expectError(
      await sandbox.api('GET', `/v1/wallet-pass-location/${created.id}`),
      404,
      'NOT_FOUND',
    );
    expect(gone.context).toEqual({ id: created.id });
    await expectError(await sandbox.api('DELETE', `/v1/wallet-pass-location/${created.id}`), 404, 'NOT_FOUND');
  });

  it('searches by query, name, passSerialNumbers, ids and id, newest first, with a cursor', async () => {
    const id = await newPassId();
    const made: string[] = [];
    for (const name of ['Harbor Kiosk', 'Airport Gate 4', 'Harbor_Pier 50%']) {
      const res = await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(id, { name }) });
      made.push(LocationSchema.parse(await res.json()).id ?? '');
    }
    const list = async (query: string) => {
      const res = await sandbox.api('GET', `/v1/wallet-pass-location?${query}`);
      expect(res.status).toBe(200);
      return LocationPageSchema.parse(await res.json());
    };
    expect((await list(`passSerialNumbers=${id}`)).items.map((l) => l.id)).toEqual([...made].reverse());
    expect((await list(`passSerialNumbers=${id}&query=harbor`)).items.map((l) => l.name)).toEqual([
      'Harbor_Pier 50%',
      'Harbor Kiosk',
    ]);
    expect((await list(`passSerialNumbers=${id}&query=${encodeURIComponent('r_p')}`)).items).toHaveLength(1);
    expect((await list(`name=${encodeURIComponent('Airport Gate 4')}`)).items.map((l) => l.id)).toEqual([made[1]]);
    expect((await list(`id=${made[0]}`)).items.map((l) => l.id)).toEqual([made[0]]);
    expect((await list(`ids=${made[0]},${made[2]}`)).items.map((l) => l.id)).toEqual([made[2], made[0]]);
    const first = await list(`passSerialNumbers=${id}&limit=2`);
    expect(first.hasMore).toBe(true);
    const second = await list(`passSerialNumbers=${id}&limit=2&cursor=${first.cursor}`);
    expect(second.items.map((l) => l.id)).toEqual([made[0]]);
    expect(second.hasMore).toBe(false);
    expect((await sandbox.api('GET', '/v1/wallet-pass-location?limit=50')).status).toBe(400);
    expect((await sandbox.api('GET', `/v1/wallet-pass-location?passSerialNumbers=${id}`, { key: KEY_B })).status).toBe(
      200,
    );
    const other = LocationPageSchema.parse(
      await (await sandbox.api('GET', `/v1/wallet-pass-location?passSerialNumbers=${id}`, { key: KEY_B })).json(),
    );
    expect(other.items).toHaveLength(0);
  });
});

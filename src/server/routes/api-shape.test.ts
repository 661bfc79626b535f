/**
 * Answers match the vendor's own types and HTTP's: an empty page has no null cursor, nulls for
 * array/string/object fields are dropped on write (never stored, never echoed), and a path that
 * exists answers 405 with `Allow` for a method it does not support.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, WalletPassSchema } from '../../contract/schemas';
import { KEY_ALL, locationBody, passBody, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('paged lists', () => {
  it('an empty page has no cursor at all (the spec types it as a string)', async () => {
    for (const path of ['/v1/wallet-pass?passName=nothing-like-this', '/v1/wallet-pass-location?name=nowhere-at-all']) {
      const res = await sandbox.api('GET', path);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({ items: [], hasMore: false });
    }
    // A page with items still carries a string cursor.
    await sandbox.api('POST', '/v1/wallet-pass', { json: passBody({ passName: 'Cursor check' }) });
    const page = (await (await sandbox.api('GET', '/v1/wallet-pass?passName=Cursor%20check')).json()) as {
      cursor?: unknown;
    };
    expect(typeof page.cursor).toBe('string');
  });
});

describe('nulls for typed fields are dropped on write', () => {
  it('POST: null uploadInfoList, notificationHeader, account and topField are not stored or echoed', async () => {
    const body = passBody({ uploadInfoList: null, notificationHeader: null, account: null });
    (body.passMetadata as Record<string, unknown>).topField = null;
    const res = await sandbox.api('POST', '/v1/wallet-pass', { json: body });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created.uploadInfoList).toEqual([]);
    expect('notificationHeader' in created).toBe(false);
    expect('account' in created).toBe(false);
    expect('topField' in (created.passMetadata as Record<string, unknown>)).toBe(false);
    WalletPassSchema.parse(created);

    const read = (await (await sandbox.api('GET', `/v1/wallet-pass/${String(created.id)}`)).json()) as Record<
      string,
      unknown
    >[];
    expect(read[0]?.uploadInfoList).toEqual([]);
    expect(read[0] && 'notificationHeader' in read[0]).toBe(false);
    expect(read[0] && 'account' in read[0]).toBe(false);
  });

  it('PATCH: null clears the field (the key is left out from then on)', async () => {
    const res = await sandbox.api('POST', '/v1/wallet-pass', {
      json: passBody({ notificationHeader: 'HELLO', account: { id: 'acc-1' } }),
    });
    const pass = WalletPassSchema.parse(await res.json());
    expect(pass.notificationHeader).toBe('HELLO');
    const meta = { ...(pass.passMetadata as Record<string, unknown>), topField: null };
    delete (meta as Record<string, unknown>).locations;
    const patched = await sandbox.api('PATCH', `/v1/wallet-pass/${pass.id}`, {
      json: { notificationHeader: null, account: null, uploadInfoList: null, passMetadata: meta },
    });
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as Record<string, unknown>;
    expect('notificationHeader' in after).toBe(false);
    expect('account' in after).toBe(false);
    expect(after.uploadInfoList).toEqual([]);
    expect('topField' in (after.passMetadata as Record<string, unknown>)).toBe(false);
  });
});

describe('405 Method Not Allowed with Allow', () => {
  it('answers 405 and lists the methods a path supports; unknown paths stay 404', async () => {
    const created = WalletPassSchema.parse(
      await (await sandbox.api('POST', '/v1/wallet-pass', { json: passBody() })).json(),
    );
    const location = (await (
      await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(created.id) })
    ).json()) as { id: string };
    const cases: [string, string[], string][] = [
      ['/v1/wallet-pass', ['PUT', 'PATCH', 'DELETE'], 'GET, HEAD, POST'],
      [`/v1/wallet-pass/${created.id}`, ['POST', 'PUT'], 'GET, HEAD, PATCH, DELETE'],
      ['/v1/wallet-pass-location', ['PUT', 'PATCH', 'DELETE'], 'GET, HEAD, POST'],
      [`/v1/wallet-pass-location/${location.id}`, ['POST', 'PATCH'], 'GET, HEAD, PUT, DELETE'],
      ['/v1/uploads', ['GET', 'PUT', 'DELETE'], 'POST'],
      ['/files/x.png', ['POST', 'DELETE'], 'GET, HEAD'],
      ['/p/some-slug', ['POST', 'PUT'], 'GET, HEAD'],
    ];
    for (const [path, methods, allow] of cases) {
      for (const method of methods) {
        const res = await fetch(`${sandbox.url}${path}`, {
          method,
          headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
        const body = ApiErrorBodySchema.parse(await res.json());
        expect(body.errorCode).toBe('INVALID_OPERATION');
      }
    }
    expect((await sandbox.api('PUT', '/v1/nowhere')).status).toBe(404);
    expect((await sandbox.api('GET', '/v1/wallet-pass/a/b')).status).toBe(404);
  });
});

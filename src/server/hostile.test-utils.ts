/**
 * The target of the hostile-input tests (fuzz.test.ts, attacks.test.ts): a sandbox with one pass,
 * one location and one upload, a valid body touching every part of a pass, and the checks every
 * answer must pass (never a 5xx, a 4xx carries the documented error body, the server keeps
 * serving, no prototype is polluted).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { ERROR_CODES, LocationSchema, UploadResponseSchema, WalletPassSchema } from '../contract/schemas';
import type { WalletPass } from '../contract/schemas';
import { KEY_ALL, locationBody, makePng, passBody, pngForm, startSandbox } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

/** Set by `useHostileTarget` before the first test of the file. */
export const target = {} as { sandbox: TestSandbox; pass: WalletPass; locationId: string; uploadKey: string };

/** Starts the target sandbox before the file's tests and stops it after them. */
export function useHostileTarget(): void {
  beforeAll(async () => {
    target.sandbox = await startSandbox();
    target.uploadKey = UploadResponseSchema.parse(
      await (await target.sandbox.api('POST', '/v1/uploads', { body: pngForm(makePng()) })).json(),
    ).key;
    target.pass = WalletPassSchema.parse(
      await (await target.sandbox.api('POST', '/v1/wallet-pass', { json: validPass() })).json(),
    );
    const location = LocationSchema.parse(
      await (
        await target.sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(target.pass.id) })
      ).json(),
    );
    target.locationId = location.id ?? '';
  });
  afterAll(async () => {
    await target.sandbox.stop();
  });
}

// ---------------------------------------------------------------------------------------------
// Inputs

let serial = 0;
/** A valid create body touching every part of a pass, with a fresh name. */
export function validPass(): Record<string, unknown> {
  serial += 1;
  return passBody({
    passName: `Fuzz ${serial} ${Math.random().toString(36).slice(2, 7)}`,
    passMetadata: {
      description: 'Fuzzed',
      organizationName: 'Org',
      backgroundColor: '#102030',
      displayTextColor: '#FFFFFF',
      topField: { key: 'top', label: 'TOP', value: '1' },
      secondaryFields: [{ key: 'sec', label: 'Sec', value: 'v' }],
      backFields: [{ key: 'back', label: 'Links', value: [{ text: 'Site', link: 'https://example.com' }] }],
      qrUrl: 'https://example.com/qr',
      qrText: 'Scan',
      appDeepLinks: {
        appleDeepLinkData: { appStoreId: '123', launchUrl: 'app://open' },
        googleDeepLinkData: { androidPackageName: 'com.example.app', webAppUrl: 'https://example.com/app' },
      },
      userDeepLink: { appType: 'Website', inputLink: 'https://example.com/in' },
    },
    uploadInfoList: target.uploadKey ? [{ fileName: 'logo.png', uploadKey: target.uploadKey }] : [],
    status: 'Draft',
  });
}

const ERROR_KEYS = new Set(['txId', 'timestamp', 'errorCode', 'errorMessage', 'context']);
const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

/** The answer is not a 5xx and, when a 4xx, carries the documented error body. Returns the body text. */
export async function expectWellFormed(res: Response, method: string, where: string): Promise<string> {
  const text = method === 'HEAD' ? '' : await res.text();
  expect(res.status, `${where} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
  if (res.status >= 400 && method !== 'HEAD') {
    const type = res.headers.get('content-type') ?? '';
    if (where.includes(' /p/') && type.includes('text/html')) return text; // the pass page's human 404
    expect(type, where).toContain('application/json');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body !== null && typeof body === 'object' && !Array.isArray(body), where).toBe(true);
    for (const key of Object.keys(body)) expect(ERROR_KEYS.has(key), `${where}: unexpected key ${key}`).toBe(true);
    expect(body.txId, where).toBeTypeOf('string');
    expect(body.timestamp, where).toBeTypeOf('string');
    expect(KNOWN_CODES.has(String(body.errorCode)), `${where}: errorCode ${String(body.errorCode)}`).toBe(true);
    if (body.errorMessage !== undefined) expect(body.errorMessage, where).toBeTypeOf('string');
    if (body.context !== undefined) {
      expect(body.context !== null && typeof body.context === 'object' && !Array.isArray(body.context), where).toBe(
        true,
      );
    }
  }
  return text;
}

export async function expectStillServing(): Promise<void> {
  const res = await target.sandbox.api('GET', `/v1/wallet-pass?ids=${target.pass.id}`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([target.pass.id]);
}

export function expectPrototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'x', 'id', 'extra', 'passName']) expect(probe[key], key).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    Object.getOwnPropertyNames(Object.getPrototypeOf({}) as object).sort(),
  );
}

/** The pass and location `{pass}` / `{location}` stand for; random DELETEs may remove them. */
export const scratch = { pass: '', location: '' };

export function fill(path: string, id: string): string {
  const real = id.replace('{pass}', scratch.pass).replace('{location}', scratch.location);
  return path.replace(':id', real);
}

export async function send(
  method: string,
  path: string,
  body: BodyInit | undefined,
  headers: { key: string | null; workspace: string | undefined; contentType: string | undefined },
): Promise<Response> {
  const h: Record<string, string> = {};
  if (headers.key !== null) h['api-key'] = headers.key;
  if (headers.workspace !== undefined) h['x-workspace-id'] = headers.workspace;
  if (headers.contentType !== undefined) h['content-type'] = headers.contentType;
  const withBody = method !== 'GET' && method !== 'HEAD';
  return fetch(`${target.sandbox.url}${path}`, { method, headers: h, body: withBody ? (body ?? null) : null });
}

// ---------------------------------------------------------------------------------------------

/** A JSON body sent with the all-workspaces key. */
export async function sendJson(method: string, path: string, text: string): Promise<Response> {
  return send(method, path, text, { key: KEY_ALL, workspace: undefined, contentType: 'application/json' });
}

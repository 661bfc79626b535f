/** Helpers of the pass route tests: create a pass, upload an image, check an error answer. */
import { expect } from 'vitest';
import { ApiErrorBodySchema, WalletPassSchema } from '../../contract/schemas';
import { makePng, passBody, pngForm } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

/** `sandbox` is read when a helper runs, so a file can pass its sandbox before `beforeAll` set it. */
export function passTestHelpers(sandbox: () => TestSandbox) {
  async function create(body: Record<string, unknown> = passBody(), init: { key?: string; workspace?: string } = {}) {
    const res = await sandbox().api('POST', '/v1/wallet-pass', { ...init, json: body });
    expect(res.status).toBe(201);
    return WalletPassSchema.parse(await res.json());
  }

  async function expectError(res: Response, status: number, errorCode: string) {
    expect(res.status).toBe(status);
    const body = ApiErrorBodySchema.parse(await res.json());
    expect(body.errorCode).toBe(errorCode);
    expect(body.txId).toBeTruthy();
    expect(new Date(body.timestamp ?? '').toISOString()).toBe(body.timestamp);
    expect(typeof body.errorMessage).toBe('string');
    expect(body.context).toBeTypeOf('object');
    return body;
  }

  async function upload(workspace?: string): Promise<string> {
    const res = await sandbox().api('POST', '/v1/uploads', {
      body: pngForm(makePng()),
      ...(workspace ? { workspace } : {}),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { key: string }).key;
  }

  return { create, expectError, upload };
}

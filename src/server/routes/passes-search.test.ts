/** `GET /v1/wallet-pass`: order, paging, filters, assets and workspace isolation of the search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WalletPassPageSchema } from '../../contract/schemas';
import type { WalletPass } from '../../contract/schemas';
import { KEY_B, passBody, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';
import { passTestHelpers } from './passes.test-utils';

let sandbox: TestSandbox;
const { create, expectError, upload } = passTestHelpers(() => sandbox);

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('GET /v1/wallet-pass (search)', () => {
  let made: WalletPass[];
  const tag = `srch${Date.now().toString(36)}`;

  beforeAll(async () => {
    made = [];
    const names = [
      `${tag} Alpha Draft`,
      `${tag} Beta 100% Off`,
      `${tag} Gamma_Under`,
      `${tag} Delta Published`,
      `${tag} Ünïcode Café`,
    ];
    for (const [i, passName] of names.entries()) {
      made.push(
        await create(
          passBody({ passName, status: i % 2 === 0 ? 'Draft' : 'Published', uploadInfoList: await sandbox.images() }),
        ),
      );
    }
  });

  const list = async (query: string, key?: string) => {
    const res = await sandbox.api('GET', `/v1/wallet-pass?${query}`, key ? { key } : {});
    expect(res.status).toBe(200);
    return WalletPassPageSchema.parse(await res.json());
  };

  it('lists newest first and pages with a stable cursor', async () => {
    const all = await list(`query=${tag}`);
    expect(all.items.map((p) => p.id)).toEqual([...made].reverse().map((p) => p.id));
    expect(all.hasMore).toBe(false);
    expect(all.cursor).toBeTruthy();

    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await list(`query=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.hasMore ? page.cursor : null;
      pages += 1;
      // A pass created meanwhile is newer than the cursor: it does not shift later pages.
      if (pages === 1) await create(passBody({ passName: `${tag} Late Arrival` }));
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse().map((p) => p.id));
  });

  it('filters by query (case-insensitive, wildcards literal), passName (exact), id, ids and status', async () => {
    expect((await list(`query=${encodeURIComponent(`${tag} ALPHA`)}`)).items.map((p) => p.passName)).toEqual([
      `${tag} Alpha Draft`,
    ]);
    expect((await list(`query=${encodeURIComponent('100%')}`)).items.map((p) => p.passName)).toEqual([
      `${tag} Beta 100% Off`,
    ]);
    expect((await list(`query=${encodeURIComponent(`${tag} %`)}`)).items).toHaveLength(0);
    expect((await list(`query=${encodeURIComponent('a_u')}`)).items.map((p) => p.passName)).toEqual([
      `${tag} Gamma_Under`,
    ]);
    expect((await list(`query=${encodeURIComponent('ÜNÏCODE')}`)).items).toHaveLength(1);
    expect((await list(`passName=${encodeURIComponent(`${tag} alpha draft`)}`)).items).toHaveLength(0);
    expect((await list(`passName=${encodeURIComponent(`${tag} Alpha Draft`)}`)).items).toHaveLength(1);
    const [first, second, third] = made;
    expect((await list(`id=${first?.id}`)).items.map((p) => p.id)).toEqual([first?.id]);
    const ids = (await list(`ids=${first?.id},${second?.id}&ids=${third?.id}`)).items.map((p) => p.id);
    expect(ids.sort()).toEqual([first?.id, second?.id, third?.id].sort());
    const published = await list(`query=${tag}&status=Published`);
    expect(published.items.every((p) => p.status === 'Published')).toBe(true);
    expect(published.items.length).toBeGreaterThanOrEqual(2);
    const both = await list(`query=${tag}&status=Published,Draft`);
    const repeated = await list(`query=${tag}&status=Published&status=Draft`);
    expect(both.items.map((p) => p.id)).toEqual(repeated.items.map((p) => p.id));
    expect(both.items.length).toBeGreaterThan(published.items.length);
  });

  it('leaves out image URLs with includePassAssets=false', async () => {
    const key = await upload();
    const pass = await create(
      passBody({ passName: `${tag} With Image`, uploadInfoList: [{ fileName: 'logo.png', uploadKey: key }] }),
    );
    const withAssets = await list(`id=${pass.id}`);
    expect(withAssets.items[0]?.uploadInfoList?.[0]?.url).toBe(`${sandbox.url}/files/${key}.png`);
    const without = await list(`id=${pass.id}&includePassAssets=false`);
    expect(without.items[0]?.uploadInfoList?.[0]).toEqual({ fileName: 'logo.png', uploadKey: key });
    await sandbox.api('DELETE', `/v1/wallet-pass/${pass.id}`);
  });

  it('never lists passes of another workspace', async () => {
    const page = await list(`query=${tag}`, KEY_B);
    expect(page.items).toHaveLength(0);
    // An empty page has no cursor (the spec types it as a string, never null).
    expect(page.cursor).toBeUndefined();
  });

  it('answers 400 for a bad limit, status or cursor', async () => {
    for (const limit of ['0', '21', '1.5', 'abc', '-1']) {
      const error = await expectError(await sandbox.api('GET', `/v1/wallet-pass?limit=${limit}`), 400, 'INVALID_INPUT');
      expect(error.context).toEqual({ limit: 'must be between 1 and 20' });
    }
    await expectError(await sandbox.api('GET', '/v1/wallet-pass?status=Archived'), 400, 'INVALID_INPUT');
    const cursor = await expectError(await sandbox.api('GET', '/v1/wallet-pass?cursor=garbage!'), 400, 'INVALID_INPUT');
    expect(Object.keys(cursor.context ?? {})).toEqual(['cursor']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioConfigSchema } from '../../contract/queries';
import { WalletPassPageSchema } from '../../contract/schemas';
import { startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';
import { DEMO_KEY_ALL_WORKSPACES, buildSeed } from './seed-data';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every id a client sees of the seeded data: workspaces, passes, their creator, short links. */
async function seededIds(sandbox: TestSandbox): Promise<string[]> {
  const config = StudioConfigSchema.parse(await (await fetch(`${sandbox.url}/studio/config`)).json());
  const ids = config.workspaces.map((w) => w.id);
  for (const workspace of config.workspaces) {
    let cursor: string | undefined;
    do {
      const response = await sandbox.api('GET', `/v1/wallet-pass?limit=20${cursor ? `&cursor=${cursor}` : ''}`, {
        key: DEMO_KEY_ALL_WORKSPACES,
        workspace: workspace.id,
      });
      const page = WalletPassPageSchema.parse(await response.json());
      for (const pass of page.items) {
        ids.push(pass.id, pass.createdBy ?? '');
        for (const field of pass.passMetadata?.backFields ?? [])
          for (const link of field.value ?? []) if (link.shortLinkId) ids.push(link.shortLinkId);
      }
      cursor = page.hasMore && page.cursor ? page.cursor : undefined;
    } while (cursor);
  }
  return ids;
}

let first: TestSandbox;
let second: TestSandbox;
beforeAll(async () => {
  // Two installs: each a new DATA_DIR seeded with the demo data.
  [first, second] = await Promise.all([startSandbox({ seed: buildSeed }), startSandbox({ seed: buildSeed })]);
});
afterAll(async () => {
  await Promise.all([first.stop(), second.stop()]);
});

describe('seeded ids', () => {
  it('are random version 4 UUIDs, different on every install', async () => {
    const [a, b] = await Promise.all([seededIds(first), seededIds(second)]);
    expect(a.length).toBeGreaterThan(20);
    for (const id of [...a, ...b]) expect(id).toMatch(UUID_V4);
    const shared = a.filter((id) => b.includes(id));
    expect(shared).toEqual([]);
  });
});

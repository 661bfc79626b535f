import { LIMITED_PORT } from '../playwright.config';
import { PassportApi, expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('unsaved edits survive a reload and a closed window, and a save clears them', async ({
  page,
  context,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `Draft ${unique()}` });
  const url = `/w/${workspace.id}/passes/${pass.id}`;
  page.on('dialog', (dialog) => void dialog.accept());

  await page.goto(url);
  await page.getByLabel('Description').fill('Typed, never saved');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pass-studio.draft.')).length))
    .toBe(1);

  // A reload offers the edit back and says what differs.
  await page.reload();
  const offer = page.getByRole('status').filter({ hasText: 'You have unsaved changes' });
  await expect(offer).toContainText('Description');
  await expect(page.getByLabel('Description')).not.toHaveValue('Typed, never saved');
  await offer.getByRole('button', { name: 'Restore changes' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('Typed, never saved');
  await expect(page.getByText(/Unsaved changes in/)).toBeVisible();

  // The window closes; a new one finds the edit still kept.
  await page.close();
  const again = await context.newPage();
  again.on('dialog', (dialog) => void dialog.accept());
  await again.goto(url);
  await again.getByRole('button', { name: 'Restore changes' }).click();
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(again.getByText('All changes saved')).toBeVisible();
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.description).toBe('Typed, never saved');

  await again.reload();
  await expect(again.getByLabel('Description')).toHaveValue('Typed, never saved');
  await expect(again.getByRole('button', { name: 'Restore changes' })).toHaveCount(0);
});

test('a colleague saving meanwhile is never overwritten silently: merge field by field', async ({
  browser,
  api,
  workspaces,
}) => {
  const workspace = workspaces[1]!;
  const pass = await api.createPass(workspace.id, { passName: `Shared ${unique()}` });
  const url = `/w/${workspace.id}/passes/${pass.id}`;
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await alice.goto(url);
  await bob.goto(url);
  await expect(alice.getByLabel('Pass name')).toHaveValue(pass.passName!);
  await expect(bob.getByLabel('Pass name')).toHaveValue(pass.passName!);

  await bob.getByLabel('Description').fill('Bob wrote this');
  await bob.getByLabel('QR caption').fill('Bob caption');
  await bob.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(bob.getByText('All changes saved')).toBeVisible();

  await alice.getByLabel('Description').fill('Alice wrote this');
  await alice.getByRole('region', { name: 'Top field' }).getByLabel('Value').fill('500');
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = alice.getByRole('dialog', { name: 'This pass was changed while you were editing' });
  await expect(dialog).toContainText('Changed by both of you');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Description' })).toBeVisible();
  await expect(dialog).toContainText('QR caption');
  // Nothing was written yet.
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.description).toBe('Bob wrote this');

  await dialog.getByRole('button', { name: 'Merge field by field' }).click();
  await dialog.getByRole('radiogroup', { name: 'Description' }).getByLabel('Theirs').check();
  await dialog.getByRole('button', { name: 'Save merged version' }).click();
  await expect(alice.getByText('All changes saved')).toBeVisible();

  const stored = await api.getPass(workspace.id, pass.id);
  expect(stored.passMetadata?.description).toBe('Bob wrote this');
  expect(stored.passMetadata?.qrText).toBe('Bob caption');
  expect(stored.passMetadata?.topField?.value).toBe('500');
  await expect(alice.getByLabel('Description')).toHaveValue('Bob wrote this');
});

test('keep mine and take theirs resolve a conflict as they say', async ({ browser, api, workspaces }) => {
  const workspace = workspaces[1]!;
  const pass = await api.createPass(workspace.id, { passName: `Conflict ${unique()}` });
  const url = `/w/${workspace.id}/passes/${pass.id}`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  // The editor has loaded the pass before anyone else saves it.
  await expect(page.getByLabel('QR caption')).toHaveValue(pass.passMetadata?.qrText ?? '');

  await api.patchPass(workspace.id, pass.id, {
    passMetadata: { ...pass.passMetadata, locations: undefined, qrText: 'Theirs 1' },
  });
  await page.getByLabel('QR caption').fill('Mine 1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.qrText).toBe('Mine 1');

  const latest = await api.getPass(workspace.id, pass.id);
  await api.patchPass(workspace.id, pass.id, {
    passMetadata: { ...latest.passMetadata, locations: undefined, qrText: 'Theirs 2' },
  });
  await page.getByLabel('QR caption').fill('Mine 2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Take theirs' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByLabel('QR caption')).toHaveValue('Theirs 2');
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.qrText).toBe('Theirs 2');
});

test('offline: a banner shows, the edit stays, and the save goes out when the connection returns', async ({
  page,
  context,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `Offline ${unique()}` });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await expect(page.getByLabel('Description')).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await page.getByLabel('Description').fill('Written on the train');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Offline: the save starts when the connection returns.')).toBeVisible();
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.description).not.toBe('Written on the train');

  await context.setOffline(false);
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveCount(0);
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.description).toBe('Written on the train');
});

test.describe('against a sandbox with a tight rate limit', () => {
  test.use({ baseURL: `http://127.0.0.1:${LIMITED_PORT}` });

  test('a 429 during a save waits for Retry-After, retries, and saves; the list stays usable', async ({
    page,
    request,
  }) => {
    const config = (await (await request.get('/studio/config')).json()) as {
      demoKeys: { apiKey: string }[];
      workspaces: { id: string }[];
    };
    const api = new PassportApi(request, config.demoKeys[0]!.apiKey);
    const workspace = config.workspaces[0]!.id;
    const pass = await api.createPass(workspace, { passName: `Limited ${unique()}` });

    await page.goto(`/w/${workspace}/passes/${pass.id}`);
    await expect(page.getByLabel('Description')).toBeVisible();
    await page.getByLabel('Description').fill('Saved despite the rate limit');

    // Keep the key's allowance used up for a moment, so the save meets 429s first.
    const key = config.demoKeys[0]!.apiKey;
    const statuses: number[] = [];
    const retryAfter: string[] = [];
    // Until the save has met a 429 (at most 15 s): a fixed spell could end before the click on a busy machine.
    let hammering = true;
    const hammer = (async () => {
      const end = Date.now() + 15_000;
      while (hammering && Date.now() < end) {
        const response = await request.get('/v1/wallet-pass?limit=1', { headers: { 'api-key': key } });
        statuses.push(response.status());
        if (response.status() === 429) retryAfter.push(response.headers()['retry-after'] ?? '');
      }
    })();
    await expect.poll(() => statuses.includes(429)).toBe(true);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/Trying again in \d+ s/)).toBeVisible();
    hammering = false;
    await hammer;
    expect(retryAfter.every((value) => /^\d+$/.test(value))).toBe(true);
    await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 20_000 });
    // This check shares the key's allowance too: a 429 here just means "ask again".
    await expect
      .poll(
        async () => {
          const response = await request.get(`/v1/wallet-pass/${pass.id}`, { headers: { 'api-key': key } });
          if (response.status() === 429) return undefined;
          const [stored] = (await response.json()) as { passMetadata?: { description?: string } }[];
          return stored?.passMetadata?.description;
        },
        { timeout: 15_000 },
      )
      .toBe('Saved despite the rate limit');

    await page.getByRole('link', { name: '← All passes' }).click();
    await expect(page.getByRole('table')).toBeVisible();
  });
});

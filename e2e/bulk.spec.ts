import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { LIMITED_PORT } from '../playwright.config';
import { StudioConfigSchema } from '../src/contract/queries';
import { WalletPassSchema } from '../src/contract/schemas';
import { buildCreatePass } from '../src/testing/factories';
import { expect, test } from './fixtures';

/** Sends until the answer is not a 429, waiting out each Retry-After. */
async function sendPastRateLimit(
  http: APIRequestContext,
  method: 'post' | 'get',
  url: string,
  options: { headers: Record<string, string>; data?: unknown },
) {
  for (;;) {
    const response = await http[method](url, options);
    if (response.status() !== 429) return response;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers()['retry-after'] ?? 1)));
  }
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Screenshots of the bulk screens at desktop and phone width, for looking at them. */
async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: test.info().outputPath(`bulk-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('select 25 passes (all matching the search) → unpublish with progress → all Draft', async ({
  page,
  api,
  workspaces,
}) => {
  test.setTimeout(180_000);
  const workspace = workspaces[1]!;
  const prefix = `Bulk unpublish ${unique()}`;
  const images = await api.requiredImages(workspace.id);
  const created = [];
  for (let i = 1; i <= 25; i++) {
    created.push(
      await api.createPass(workspace.id, {
        passName: `${prefix} ${String(i).padStart(2, '0')}`,
        status: 'Published',
        uploadInfoList: images as never,
      }),
    );
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(prefix)}`);
  const table = page.getByRole('table', { name: 'Passes with their status and install counts' });
  await expect(table).toHaveAttribute('aria-rowcount', '21', { timeout: 30_000 });

  // One row by its labelled checkbox, then every loaded row, then every match of the search.
  await page.getByRole('checkbox', { name: `Select ${prefix} 25` }).check();
  const bar = page.getByRole('region', { name: 'Selected passes' });
  await expect(bar.getByRole('status')).toHaveText('1 selected');
  await page.getByRole('checkbox', { name: 'Select all loaded passes' }).check();
  await expect(bar.getByRole('status')).toHaveText('20 selected');
  await bar.getByRole('button', { name: 'Select all passes matching this search' }).click();
  await expect(bar.getByRole('status')).toContainText('25 selected');
  await shoot(page, 'selection-bar');

  await bar.getByRole('button', { name: 'Unpublish' }).click();
  const confirm = page.getByRole('dialog', { name: 'Unpublish 25 passes?' });
  await expect(confirm).toContainText('25 published passes become drafts');
  await expect(confirm).toContainText('Apple Wallet');
  await expect(confirm).toContainText('Google Wallet');
  await shoot(page, 'confirm');
  await confirm.getByRole('button', { name: 'Unpublish 25 passes' }).click();

  const progress = page.getByRole('progressbar', { name: 'Unpublishing passes' });
  await expect(progress).toHaveAttribute('aria-valuemax', '25');
  const done = page.getByRole('dialog', { name: 'Unpublish: 25 done' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '25');
  await expect(done.getByRole('list', { name: 'Result per pass' }).getByText('Done')).toHaveCount(25);
  await shoot(page, 'progress-done');

  for (const pass of created) expect((await api.getPass(workspace.id, pass.id)).status).toBe('Draft');
  await done.getByRole('button', { name: 'Close' }).click();
  // The list shows them as drafts after the run's refresh.
  await expect(page.getByRole('switch', { name: `${prefix} 25 published` })).toHaveAttribute('aria-checked', 'false');
});

test('bulk add a back field to 10 passes with a review; one changed meanwhile is skipped, not overwritten', async ({
  page,
  api,
  workspaces,
}) => {
  test.setTimeout(180_000);
  const workspace = workspaces[0]!;
  const prefix = `Bulk back field ${unique()}`;
  const passes = [];
  for (let i = 1; i <= 10; i++)
    passes.push(await api.createPass(workspace.id, { passName: `${prefix} ${String(i).padStart(2, '0')}` }));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByRole('table', { name: 'Passes with their status and install counts' })).toHaveAttribute(
    'aria-rowcount',
    '11',
    {
      timeout: 30_000,
    },
  );
  await page.getByRole('checkbox', { name: 'Select all loaded passes' }).check();
  const bar = page.getByRole('region', { name: 'Selected passes' });
  await expect(bar.getByRole('status')).toHaveText('10 selected');
  await bar.getByRole('button', { name: 'Edit fields' }).click();

  const editor = page.getByRole('dialog', { name: 'Edit 10 passes' });
  await expect(editor.getByRole('radio', { name: /Back field/ })).toBeChecked();
  // A bad link is refused at its field before anything is read.
  await editor.getByRole('textbox', { name: 'Key', exact: true }).fill('hours');
  await editor.getByRole('textbox', { name: 'Label', exact: true }).fill('Opening hours');
  await editor.getByRole('textbox', { name: 'Link 1 text' }).fill('See our hours');
  await editor.getByRole('textbox', { name: 'Link 1 URL' }).fill('javascript:alert(1)');
  await editor.getByRole('button', { name: 'Review changes' }).click();
  await expect(editor.getByRole('textbox', { name: 'Link 1 URL' })).toHaveAttribute('aria-invalid', 'true');
  await editor.getByRole('textbox', { name: 'Link 1 URL' }).fill('https://example.com/hours');
  await shoot(page, 'field-edit');
  await editor.getByRole('button', { name: 'Review changes' }).click();

  const review = page.getByRole('dialog', { name: 'Review before saving' });
  await expect(review).toContainText('10 passes change');
  const perPass = review.getByRole('list', { name: 'Changes per pass' });
  await expect(perPass.getByText('Adds back field “Opening hours”.')).toHaveCount(10);
  // The first pass's changes are open: the change review's own list, the back field as added.
  await expect(perPass.getByText('Back field “Opening hours”', { exact: true })).toBeVisible();
  await expect(perPass.getByText('Added as 2')).toBeVisible();
  await shoot(page, 'review');

  // Someone changes one of them through the API after the review read it.
  const changed = passes[3]!;
  await api.patchPass(workspace.id, changed.id, { notificationHeader: 'CHANGED ELSEWHERE' });

  await review.getByRole('button', { name: 'Save 10 passes' }).click();
  const result = page.getByRole('dialog', { name: 'Saved: 9 done, 1 skipped' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText('after the review: not overwritten');
  await shoot(page, 'field-edit-result');

  const stored = new Map(
    await Promise.all(passes.map(async (pass) => [pass.id, await api.getPass(workspace.id, pass.id)] as const)),
  );
  const hoursOf = (id: string) => stored.get(id)?.passMetadata?.backFields?.find((f) => f.key === 'hours');
  expect(hoursOf(changed.id)).toBeUndefined();
  expect(stored.get(changed.id)?.notificationHeader).toBe('CHANGED ELSEWHERE');
  for (const pass of passes.filter((p) => p.id !== changed.id)) {
    expect(hoursOf(pass.id)).toMatchObject({
      label: 'Opening hours',
      value: [{ text: 'See our hours', link: 'https://example.com/hours' }],
    });
    // Everything else is as it was.
    expect(stored.get(pass.id)?.passMetadata?.backFields?.slice(0, -1)).toEqual(pass.passMetadata?.backFields);
    expect(stored.get(pass.id)?.notificationHeader).toBe(pass.notificationHeader);
  }
});

test('a rate-limited run can be cancelled: what was done stays done, the rest untouched', async ({ page }) => {
  test.setTimeout(180_000);
  // The third server allows 4 requests a second per key: the run meets 429s and goes slowly.
  const base = `http://127.0.0.1:${LIMITED_PORT}`;
  const http = await playwrightRequest.newContext({ baseURL: base });
  const config = StudioConfigSchema.parse(await (await http.get('/studio/config')).json());
  const key = config.demoKeys?.[0]?.apiKey ?? '';
  const workspace = config.workspaces[0]!;
  const headers = { 'api-key': key, 'x-workspace-id': workspace.id };
  const send = (method: 'post' | 'get', url: string, data?: unknown) =>
    sendPastRateLimit(http, method, url, { headers, ...(data ? { data } : {}) });
  const prefix = `Bulk cancel ${unique()}`;
  const ids = new Map<string, string>();
  for (let i = 1; i <= 24; i++) {
    const passName = `${prefix} ${String(i).padStart(2, '0')}`;
    const response = await send('post', '/v1/wallet-pass', buildCreatePass({ passName }));
    expect(response.status()).toBe(201);
    ids.set(passName, WalletPassSchema.parse(await response.json()).id);
  }

  await page.goto(`${base}/w/${workspace.id}/passes?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByRole('table', { name: 'Passes with their status and install counts' })).toHaveAttribute(
    'aria-rowcount',
    '21',
    {
      timeout: 20_000,
    },
  );
  await page.getByRole('checkbox', { name: 'Select all loaded passes' }).check();
  await page.getByRole('region', { name: 'Selected passes' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 20 passes?' });
  await expect(confirm).toContainText('None of them is published');
  // Another client keeps spending the key's allowance: the run meets 429s, waits out their
  // Retry-After and crawls, so Cancel lands mid-run however slow the machine is.
  let busy = true;
  const rival = (async () => {
    while (busy) {
      await http.get('/v1/wallet-pass?limit=1', { headers });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await confirm.getByRole('button', { name: 'Delete 20 passes' }).click();

  // Cancelled at once: the few passes already in flight finish, the others never start.
  await expect(page.getByRole('progressbar', { name: 'Deleting passes' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel run' }).click();
  const finished = page.getByRole('dialog', { name: /^Delete: .*not started/ });
  await expect(finished).toBeVisible({ timeout: 30_000 });
  busy = false;
  await rival;
  const results = finished.getByRole('list', { name: 'Result per pass' }).getByRole('listitem');
  const notStarted: string[] = [];
  const deleted: string[] = [];
  await expect(results).toHaveCount(20);
  for (let i = 0; i < 20; i++) {
    const text = (await results.nth(i).textContent()) ?? '';
    const name = [...ids.keys()].find((n) => text.includes(n));
    expect(name, text).toBeDefined();
    (text.includes('Not started') ? notStarted : deleted).push(ids.get(name!)!);
    expect(text).toMatch(/Done|Not started/);
  }
  expect(notStarted.length).toBeGreaterThan(0);
  expect(deleted.length).toBeGreaterThan(0);
  for (const id of deleted) expect((await send('get', `/v1/wallet-pass/${id}`)).status()).toBe(404);
  for (const id of notStarted) expect((await send('get', `/v1/wallet-pass/${id}`)).status()).toBe(200);

  // Resume goes on with the passes not started.
  await finished.getByRole('button', { name: `Resume (${notStarted.length} not started)` }).click();
  await expect(page.getByRole('dialog', { name: 'Delete: 20 done' })).toBeVisible({ timeout: 60_000 });
  await http.dispose();
});

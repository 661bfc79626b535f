import type { Page } from '@playwright/test';
import { WorkspaceSummarySchema } from '../src/contract/workspace-summary';
import type { WorkspaceSummary } from '../src/contract/workspace-summary';
import { expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** The newest totals the page received from the studio server (read, not altered). */
function watchSummaries(page: Page): () => WorkspaceSummary | undefined {
  let latest: WorkspaceSummary | undefined;
  page.on('response', async (response) => {
    if (!/\/studio\/workspaces\/[^/]+\/summary$/.test(new URL(response.url()).pathname) || !response.ok()) return;
    const parsed = WorkspaceSummarySchema.safeParse(await response.json().catch(() => null));
    if (parsed.success && (!latest || parsed.data.asOf >= latest.asOf)) latest = parsed.data;
  });
  return () => latest;
}

/** The big number of a summary card. */
const cardValue = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Workspace totals' })
    .getByRole('group', { name: label, exact: true })
    .locator('p')
    .nth(1)
    .innerText()
    .then((text) => text.trim());

/** 'matches' when the four cards show `summary`, else what they show instead. */
async function cardsAgainst(page: Page, summary: WorkspaceSummary): Promise<string> {
  const shown = await Promise.all(['Passes', 'Published', 'Issued', 'Active'].map((label) => cardValue(page, label)));
  const expected = [summary.passes, summary.published, summary.totalIssued, summary.totalActive].map(count);
  return shown.join(' ') === expected.join(' ') ? 'matches' : `${shown.join(' ')} ≠ ${expected.join(' ')}`;
}

test('summary cards count the whole workspace whatever is loaded, searched or filtered, and follow changes', async ({
  page,
  api,
  workspaces,
}) => {
  test.setTimeout(90_000);
  const workspace = workspaces[1]!;
  const prefix = `Totals ${unique()}`;
  for (let i = 1; i <= 23; i++) {
    await api.createPass(workspace.id, {
      passName: `${prefix} ${String(i).padStart(2, '0')}`,
      status: 'Draft',
    });
  }
  // Every pass of the workspace, read through the API page by page (other tests add passes too).
  const everyPass = async () => (await api.listPasses(workspace.id)).length;

  const latest = watchSummaries(page);
  await page.goto(`/w/${workspace.id}/passes`);
  const totals = page.getByRole('region', { name: 'Workspace totals' });
  await expect(totals).toBeVisible();
  await expect.poll(() => latest()?.passes).toBeGreaterThanOrEqual(23 + 3);
  // The endpoint's totals are the API's own, counted over every page.
  await expect.poll(async () => (await everyPass()) === latest()?.passes, { timeout: 20_000 }).toBe(true);

  // The cards show those totals, not the 20 passes of the first page.
  const shows = () => cardsAgainst(page, latest()!);
  await expect.poll(shows).toBe('matches');
  await expect(totals.getByText(/^as of /)).toBeVisible();
  await expect(totals.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  const table = page.getByRole('table', { name: 'Passes with their status and install counts' });
  await expect(table).toHaveAttribute('aria-rowcount', '21');

  // A search that matches 23 passes and a status filter that matches none of them: same totals.
  await page.getByRole('searchbox', { name: 'Search passes' }).fill(prefix);
  await expect(page).toHaveURL(/[?&]q=Totals/);
  await expect.poll(shows).toBe('matches');
  expect(Number((await cardValue(page, 'Passes')).replace(/,/g, ''))).toBeGreaterThan(23);
  await page.getByRole('radio', { name: 'Published' }).check();
  await expect(page.getByRole('heading', { name: 'No passes match this search' })).toBeVisible();
  await expect.poll(shows).toBe('matches');
  expect(Number((await cardValue(page, 'Passes')).replace(/,/g, ''))).toBeGreaterThan(23);

  // A pass created elsewhere shows up in the totals on the next refresh, without a reload.
  const before = latest()!.passes;
  await api.createPass(workspace.id, { passName: `${prefix} later`, status: 'Draft' });
  await expect
    .poll(async () => Number((await cardValue(page, 'Passes')).replace(/,/g, '')), { timeout: 15_000 })
    .toBeGreaterThan(before);
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Anything created before yesterday comes from the seed, not from a test run. */
const seedCutoff = Date.now() - 24 * 3600_000;

/** Loads every page of the list, so passes other tests created meanwhile cannot push any out. */
async function showAll(page: Page) {
  const more = page.getByRole('button', { name: 'Load more passes' });
  const end = page.getByText(/passes are shown|only pass/);
  await expect(more.or(end)).toBeVisible();
  while (await more.isVisible()) {
    await more.click();
    await expect(more.or(end)).toBeVisible();
  }
}

test('the first run lands on the seeded passes of the first workspace, and a switch shows the second', async ({
  page,
  api,
  workspaces,
}) => {
  expect(workspaces).toHaveLength(2);
  const [first, second] = workspaces as [(typeof workspaces)[number], (typeof workspaces)[number]];
  // The seeded passes carry fixed creation times in the past; other tests add passes in parallel.
  const seeded = async (workspaceId: string) =>
    (await api.listPasses(workspaceId)).filter((p) => Date.parse(p.createdTime ?? '') < seedCutoff);
  const firstPasses = await seeded(first.id);
  const secondPasses = await seeded(second.id);
  expect(firstPasses.length).toBeGreaterThanOrEqual(6);
  expect(secondPasses.length).toBeGreaterThanOrEqual(6);

  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/w/${first.id}/passes`));
  await expect(page.getByRole('heading', { name: 'Passes', level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  await showAll(page);
  for (const pass of firstPasses) {
    // The list draws only the rows on screen: find each seeded pass by its name.
    await page.getByRole('searchbox', { name: 'Search passes' }).fill(pass.passName ?? '');
    await expect(table.getByRole('link', { name: pass.passName ?? '', exact: true })).toBeVisible();
  }

  await page.getByRole('searchbox', { name: 'Search passes' }).fill('');
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: second.name });
  await expect(page).toHaveURL(new RegExp(`/w/${second.id}/passes`));
  await showAll(page);
  for (const pass of secondPasses) {
    // The list draws only the rows on screen: find each seeded pass by its name.
    await page.getByRole('searchbox', { name: 'Search passes' }).fill(pass.passName ?? '');
    await expect(table.getByRole('link', { name: pass.passName ?? '', exact: true })).toBeVisible();
  }
  await page.getByRole('searchbox', { name: 'Search passes' }).fill('');
  await showAll(page);
  for (const pass of firstPasses) {
    await expect(table.getByRole('link', { name: pass.passName ?? '', exact: true })).toHaveCount(0);
  }

  // The workspace is part of the URL: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(second.id);
});

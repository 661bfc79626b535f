import { expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('an empty search offers only the actions that apply, and each one does what it says', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Lonely draft ${unique()}`;
  await api.createPass(workspace.id, { passName: name, status: 'Draft' });
  const empty = page.getByRole('region', { name: 'Pass list' });
  const clearSearch = empty.getByRole('button', { name: 'Clear search' });
  const allStatuses = empty.getByRole('button', { name: 'Show all statuses' });
  const box = page.getByRole('searchbox', { name: 'Search passes' });

  // A search alone: only Clear search, which empties the box too.
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(`${name} nothing`)}`);
  await expect(empty.getByRole('heading', { name: 'No passes match this search' })).toBeVisible({ timeout: 30_000 });
  await expect(clearSearch).toBeVisible();
  await expect(allStatuses).toHaveCount(0);
  await clearSearch.click();
  await expect(box).toHaveValue('');
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.getByRole('table')).toBeVisible();

  // A search and a status: both; Show all statuses lifts the status and keeps the search.
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}&status=Published`);
  await expect(empty.getByRole('heading', { name: 'No passes match this search' })).toBeVisible({ timeout: 30_000 });
  await expect(clearSearch).toBeVisible();
  await expect(allStatuses).toBeVisible();
  await allStatuses.click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(box).toHaveValue(name);
});

import { expect, test } from './fixtures';

test('the first run lands on the seeded passes of the first workspace, and a switch shows the second', async ({
  page,
  api,
  workspaces,
}) => {
  expect(workspaces).toHaveLength(2);
  const [first, second] = workspaces as [(typeof workspaces)[number], (typeof workspaces)[number]];
  const firstPasses = (await api.listPasses(first.id)).slice(0, 20);
  const secondPasses = (await api.listPasses(second.id)).slice(0, 20);

  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/w/${first.id}/passes`));
  await expect(page.getByRole('heading', { name: 'Passes', level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  for (const pass of firstPasses) {
    await expect(table.getByRole('link', { name: pass.passName ?? '', exact: true })).toBeVisible();
  }

  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: second.name });
  await expect(page).toHaveURL(new RegExp(`/w/${second.id}/passes`));
  for (const pass of secondPasses) {
    await expect(table.getByRole('link', { name: pass.passName ?? '', exact: true })).toBeVisible();
  }
  for (const pass of firstPasses) {
    await expect(table.getByRole('link', { name: pass.passName ?? '', exact: true })).toHaveCount(0);
  }

  // The workspace is part of the URL: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(second.id);
});

import { expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('search, status filter and paging past the first 20 passes, all kept in the URL', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[1]!;
  const prefix = `Paging ${unique()}`;
  for (let i = 1; i <= 23; i++) {
    await api.createPass(workspace.id, {
      passName: `${prefix} ${String(i).padStart(2, '0')}`,
      status: i <= 4 ? 'Published' : 'Draft',
    });
  }

  await page.goto(`/w/${workspace.id}/passes`);
  await page.getByRole('searchbox', { name: 'Search passes' }).fill(prefix);
  await expect(page).toHaveURL(/[?&]q=Paging/);
  // The table renders the rows on screen; aria-rowcount counts every loaded row and the header.
  const table = page.getByRole('table', { name: 'Passes with their status and install counts' });
  const loaded = (n: number) => expect(table).toHaveAttribute('aria-rowcount', String(n + 1));
  await loaded(20);
  await expect(table.getByRole('link', { name: new RegExp(prefix) }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Load more passes' }).click();
  await loaded(23);
  await expect(page.getByText('All 23 passes are shown for this search.')).toBeVisible();

  await page.getByRole('radio', { name: 'Published' }).check();
  await expect(page).toHaveURL(/status=Published/);
  await loaded(4);
  await expect(table.getByRole('link', { name: new RegExp(prefix) })).toHaveCount(4);

  // Search and filter survive a reload.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search passes' })).toHaveValue(prefix);
  await expect(page.getByRole('radio', { name: 'Published' })).toBeChecked();
  await loaded(4);

  await page.getByRole('searchbox', { name: 'Search passes' }).fill(`${prefix} nothing like this`);
  await expect(page.getByRole('heading', { name: 'No passes match this search' })).toBeVisible();
  // The empty search offers what applies: clearing the search, and showing every status.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search passes' })).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'Published' })).toBeChecked();
  await page.getByRole('searchbox', { name: 'Search passes' }).fill(`${prefix} nothing like this`);
  await page.getByRole('button', { name: 'Show all statuses' }).click();
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
});

test('publishing asks first and sticks after a reload; a refused toggle rolls back with the reason', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Toggle ${unique()}`;
  const pass = await api.createPass(workspace.id, {
    passName: name,
    status: 'Draft',
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  const bare = await api.createPass(workspace.id, { passName: `${name} without images`, status: 'Draft' });

  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  const toggle = page.getByRole('switch', { name: `${name} published` });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');

  await toggle.click();
  const dialog = page.getByRole('dialog', { name: `Publish “${name}”?` });
  await expect(dialog).toContainText('active holders');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('status').filter({ hasText: `“${name}” is published` })).toBeVisible();

  await page.reload();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect((await api.getPass(workspace.id, pass.id)).status).toBe('Published');

  // The API refuses to publish a pass without its images: the dialog says so and offers no Publish.
  const bareToggle = page.getByRole('switch', { name: `${bare.passName} published` });
  await bareToggle.click();
  const refused = page.getByRole('dialog', { name: `“${bare.passName}” cannot be published yet` });
  await expect(refused.getByRole('list', { name: 'Missing images' })).toContainText('logo.png');
  await expect(refused.getByRole('button', { name: /^Publish/ })).toHaveCount(0);
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(bareToggle).toHaveAttribute('aria-checked', 'false');
  expect((await api.getPass(workspace.id, bare.id)).status).toBe('Draft');
});

test('counts move while the list is watched', async ({ page, workspaces }) => {
  await page.goto(`/w/${workspaces[0]!.id}/passes`);
  const issued = page.getByRole('region', { name: 'Workspace totals' }).getByRole('group', { name: 'Issued' });
  await expect(issued).toHaveText(/\d/);
  const before = await issued.textContent();
  await expect(issued).not.toHaveText(before ?? '', { timeout: 30_000 });
});

test('a new pass opens its editor, and a duplicate name is refused at the name field', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const taken = await api.createPass(workspace.id, { passName: `Taken ${unique()}` });

  await page.goto(`/w/${workspace.id}/passes`);
  await page.getByRole('button', { name: 'New pass' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pass' });
  await dialog.getByLabel('Pass name').fill(taken.passName!);
  await dialog.getByRole('button', { name: 'Create pass' }).click();
  await expect(dialog.getByLabel('Pass name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('already exists');

  const name = `Fresh ${unique()}`;
  await dialog.getByLabel('Pass name').fill(name);
  await dialog.getByRole('radio', { name: 'A pass in this workspace' }).check();
  await dialog.getByLabel('Search passes in this workspace').fill(taken.passName!);
  await dialog.getByRole('radio', { name: taken.passName! }).check();
  await dialog.getByLabel('Pass name').fill(name);
  await dialog.getByRole('button', { name: 'Create pass' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/passes/[0-9a-f-]+$`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  const created = (await api.listPasses(workspace.id, { passName: name }))[0]!;
  expect(created.passMetadata?.topField).toEqual(taken.passMetadata?.topField);
  expect(created.status).toBe('Draft');
});

test('the limited demo key reaches only the first workspace', async ({ page, studioConfig, workspaces }) => {
  const limited = studioConfig.demoKeys?.[1];
  expect(limited?.workspaceIds).toEqual([workspaces[0]!.id]);

  await page.goto('/');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByRole('button', { name: limited!.label! }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaces[0]!.id}/passes`));
  const switcher = page.getByRole('combobox', { name: 'Workspace' });
  await expect(switcher.getByRole('option')).toHaveText([workspaces[0]!.name]);

  await page.goto(`/w/${workspaces[1]!.id}/passes`);
  await expect(page.getByRole('alert').filter({ hasText: 'This API key cannot open that workspace' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('a read-only preview opens from the list and leads to the editor', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `Preview ${unique()}`, status: 'Published' });
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(pass.passName!)}`);
  await page.getByRole('button', { name: `Preview ${pass.passName}`, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: pass.passName! });
  await expect(drawer.getByRole('region', { name: 'Apple Wallet preview' })).toContainText(
    pass.passMetadata!.topField!.value!,
  );
  await expect(drawer.getByRole('region', { name: 'Google Wallet preview' })).toBeVisible();
  // Read-only: no edit shortcuts inside the preview.
  await expect(drawer.getByRole('button', { name: /^Edit top field/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await page.getByRole('button', { name: `Preview ${pass.passName}`, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Edit pass' }).click();
  await expect(page).toHaveURL(new RegExp(`/passes/${pass.id}$`));
});

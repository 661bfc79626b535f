import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { PassportApi } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Screenshots at 1440 and 390 wide, into the test's output folder (looked at before closing). */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
  if (size) await page.setViewportSize(size);
}

async function publishedWithHolders(api: PassportApi, workspaceId: string, passName: string) {
  const pass = await api.createPass(workspaceId, { passName, status: 'Published' });
  // The sandbox's install simulation brings holders within a few seconds.
  await expect.poll(async () => (await api.getPass(workspaceId, pass.id)).totalActiveCount ?? 0).toBeGreaterThan(0);
  return pass;
}

const activeFigures = /reaches ([\d,]+) active holders: ([\d,]+) on Apple Wallet and ([\d,]+) on Google Wallet/;

test.describe.configure({ timeout: 150_000 });

test('unpublishing asks first with the holders it affects, in the list and the editor; Undo flips it back', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Unpublish ${unique()}`;
  const pass = await publishedWithHolders(api, workspace.id, name);

  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  const toggle = page.getByRole('switch', { name: `${name} published` });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  const dialog = page.getByRole('dialog', { name: `Unpublish “${name}”?` });
  await expect(dialog).toContainText(activeFigures);
  const [, total, apple, google] = activeFigures.exec((await dialog.textContent()) ?? '')!;
  const n = (s: string | undefined) => Number(s?.replace(/,/g, ''));
  expect(n(total)).toBeGreaterThan(0);
  expect(n(apple) + n(google)).toBe(n(total));
  await shoot(page, 'unpublish-confirm-list');

  // Keeping it published changes nothing.
  await dialog.getByRole('button', { name: 'Keep published' }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect((await api.getPass(workspace.id, pass.id)).status).toBe('Published');

  await toggle.click();
  await page
    .getByRole('dialog', { name: `Unpublish “${name}”?` })
    .getByRole('button', { name: 'Unpublish' })
    .click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  const toast = page.getByRole('status').filter({ hasText: `“${name}” is back to draft` });
  await expect(toast).toBeVisible();
  await expect.poll(async () => (await api.getPass(workspace.id, pass.id)).status).toBe('Draft');
  await shoot(page, 'status-undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await api.getPass(workspace.id, pass.id)).status).toBe('Published');

  // The editor's switch asks the same way; its Undo works too.
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const editorToggle = page.getByRole('switch', { name: `${name} published` });
  await editorToggle.click();
  const editorDialog = page.getByRole('dialog', { name: `Unpublish “${name}”?` });
  await expect(editorDialog).toContainText(activeFigures);
  await editorDialog.getByRole('button', { name: 'Unpublish' }).click();
  await expect(editorToggle).toHaveAttribute('aria-checked', 'false');
  await page
    .getByRole('status')
    .filter({ hasText: `“${name}” is back to draft` })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(editorToggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await api.getPass(workspace.id, pass.id)).status).toBe('Published');

  // Publishing again asks too, and its toast offers Undo as well.
  await editorToggle.click();
  await page
    .getByRole('dialog', { name: `Unpublish “${name}”?` })
    .getByRole('button', { name: 'Unpublish' })
    .click();
  await expect(editorToggle).toHaveAttribute('aria-checked', 'false');
  await editorToggle.click();
  await page
    .getByRole('dialog', { name: `Publish “${name}”?` })
    .getByRole('button', { name: 'Publish' })
    .click();
  await expect(editorToggle).toHaveAttribute('aria-checked', 'true');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `“${name}” is published` })
      .getByRole('button', { name: 'Undo' }),
  ).toBeVisible();
});

test('a pass without its images says what is missing before publishing and leads to Images', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `No images ${unique()}`;
  const pass = await api.createPass(workspace.id, { passName: name, status: 'Draft', uploadInfoList: [] });

  // The list: no Publish offered; the action opens the editor at Images.
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  await page.getByRole('switch', { name: `${name} published` }).click();
  const dialog = page.getByRole('dialog', { name: `“${name}” cannot be published yet` });
  await expect(dialog.getByRole('list', { name: 'Missing images' }).getByRole('listitem')).toHaveText([
    'logo.png',
    'icon.png',
    'strip.png',
  ]);
  await expect(dialog.getByRole('button', { name: /Publish/ })).toHaveCount(0);
  await shoot(page, 'publish-missing-images-list');
  await dialog.getByRole('button', { name: 'Open Images in the editor' }).click();
  await expect(page).toHaveURL(new RegExp(`/passes/${pass.id}`));
  const images = page.getByRole('region', { name: 'Images' });
  await expect(images).toBeFocused();
  await expect(images).toBeInViewport();

  // The editor: the same, and its action goes to the section on the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('switch', { name: `${name} published` }).click();
  const editorDialog = page.getByRole('dialog', { name: `“${name}” cannot be published yet` });
  await expect(editorDialog).toContainText('logo.png');
  await expect(editorDialog.getByRole('button', { name: /Publish/ })).toHaveCount(0);
  await editorDialog.getByRole('button', { name: 'Go to Images' }).click();
  await expect(editorDialog).toBeHidden();
  await expect(images).toBeFocused();
  await expect(images).toBeInViewport();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await api.getPass(workspace.id, pass.id)).status).toBe('Draft');
});

test('Discard: a few changes go at once with Undo (edits and browser copy back); many changes ask first', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[1]!;
  const pass = await api.createPass(workspace.id, { passName: `Discard ${unique()}` });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const look = page.getByRole('region', { name: 'Look' });
  const top = page.getByRole('region', { name: 'Top field' });
  const organisation = look.getByLabel('Organisation name');
  const description = look.getByLabel('Description');
  const before = { organisation: await organisation.inputValue(), description: await description.inputValue() };
  const draftKey = `pass-studio.draft.${workspace.id}.${pass.id}`;
  const storedDraft = () => page.evaluate((key) => window.localStorage.getItem(key), draftKey);

  await organisation.fill('Gone Co.');
  await description.fill('A description that goes');
  // The browser copy is written as the user types.
  await expect.poll(storedDraft).toContain('Gone Co.');
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(organisation).toHaveValue(before.organisation);
  await expect(description).toHaveValue(before.description);
  expect(await storedDraft()).toBeNull();
  const toast = page.getByRole('status').filter({ hasText: 'Unsaved changes discarded' });
  await shoot(page, 'discard-undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(organisation).toHaveValue('Gone Co.');
  await expect(description).toHaveValue('A description that goes');
  await expect(page.getByText(/Unsaved changes in 2 fields/)).toBeVisible();
  expect(await storedDraft()).toContain('Gone Co.');

  // Six changed fields: Discard asks first; keeping them changes nothing.
  await top.getByLabel('Label', { exact: true }).fill('STAMPS');
  await top.getByLabel('Value', { exact: true }).fill('7');
  await top.getByLabel('Change message').fill('Now %@ stamps');
  await page.getByRole('region', { name: 'Pass' }).getByLabel('Notification header').fill('HELLO');
  await expect(page.getByText(/Unsaved changes in 6 fields/)).toBeVisible();
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Discard changes in 6 fields?' });
  await shoot(page, 'discard-confirm');
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(organisation).toHaveValue('Gone Co.');
  await expect(top.getByLabel('Value', { exact: true })).toHaveValue('7');
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Discard changes in 6 fields?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(organisation).toHaveValue(before.organisation);
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page
    .getByRole('status')
    .filter({ hasText: 'Unsaved changes discarded' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(top.getByLabel('Value', { exact: true })).toHaveValue('7');
  await expect(page.getByText(/Unsaved changes in 6 fields/)).toBeVisible();
});

test('Duplicate copies every location, image and field', async ({ page, api, workspaces }) => {
  const workspace = workspaces[1]!;
  const name = `Dup ${unique()}`;
  const source = await api.createPass(workspace.id, {
    passName: name,
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await api.createLocation(workspace.id, source.id, { name: 'Pier', latitude: 40.7, longitude: -74 });
  await api.createLocation(workspace.id, source.id, { name: 'Station', latitude: 52.5, longitude: 13.4 });

  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Duplicate ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Duplicate pass' });
  await dialog.getByLabel('Pass name').fill(`${name} twin`);
  await dialog.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} twin` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);

  const copy = (await api.listPasses(workspace.id, { query: `${name} twin` })).find(
    (p) => p.passName === `${name} twin`,
  )!;
  const stored = await api.getPass(workspace.id, copy.id);
  const original = await api.getPass(workspace.id, source.id);
  expect((stored.passMetadata?.locations ?? []).map((l) => l.name).sort()).toEqual(['Pier', 'Station']);
  expect((stored.uploadInfoList ?? []).map((i) => i.fileName).sort()).toEqual(['icon.png', 'logo.png', 'strip.png']);
  const { locations: _a, ...copiedMeta } = stored.passMetadata ?? {};
  const { locations: _b, ...sourceMeta } = original.passMetadata ?? {};
  expect(copiedMeta).toEqual(sourceMeta);
  // The copy's editor lists both locations.
  await expect(page.getByRole('region', { name: 'Locations' }).getByLabel('Name', { exact: true })).toHaveCount(2);
});

test("the editor's counts move without a reload, and the status dialog reaches the current figure", async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Live ${unique()}`;
  const pass = await publishedWithHolders(api, workspace.id, name);
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const facts = page.getByRole('region', { name: 'Links and activity' });
  const totalActive = page.locator('dt', { hasText: /^Total active$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(totalActive).toHaveText(/\d/, { timeout: 30_000 });
  const first = await totalActive.textContent();
  // The sandbox moves a Published pass's counts every 1.5 s; the editor shows them within seconds.
  await expect(totalActive).not.toHaveText(first ?? '', { timeout: 30_000 });
  await expect(facts).toBeVisible();

  // The dialog's figure is the one the editor shows now.
  await page.getByRole('switch', { name: `${name} published` }).click();
  const dialog = page.getByRole('dialog', { name: `Unpublish “${name}”?` });
  const shown = (await totalActive.textContent()) ?? '';
  await expect(dialog).toContainText(/reaches [\d,]+ active holders/);
  const [, inDialog] = /reaches ([\d,]+) active holders/.exec((await dialog.textContent()) ?? '')!;
  // Both refresh every few seconds: the dialog's figure is the editor's, or the next one.
  expect(Math.abs(Number(inDialog?.replace(/,/g, '')) - Number(shown.replace(/,/g, '')))).toBeLessThan(1000);
  expect(inDialog).not.toBe(first);
  await dialog.getByRole('button', { name: 'Keep published' }).click();
});

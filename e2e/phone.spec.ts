import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe.configure({ timeout: 180_000 });

/** The page never scrolls sideways: its scroll width is the viewport's. */
async function expectNoSideScroll(page: Page, where: string) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBe(width);
}

/** A dialog fits the screen: wholly inside the viewport, the page still not scrolling sideways. */
async function expectDialogFits(page: Page, dialog: Locator, where: string) {
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const box = (await dialog.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, where).toBeLessThanOrEqual(width);
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, where).toBeLessThanOrEqual(height);
  // Nothing inside is wider than the dialog (it scrolls up and down only).
  expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth), where).toBe(true);
  await expectNoSideScroll(page, where);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}-${page.viewportSize()!.width}.png`) });
}

/** Wholly within the screen's width (what scrolls up and down is not judged here). */
async function expectInWidth(page: Page, control: Locator) {
  await control.scrollIntoViewIfNeeded();
  const box = (await control.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await expect(control).toBeVisible();
}

async function searchFor(page: Page, name: string) {
  await page.getByRole('searchbox', { name: 'Search passes' }).fill(name);
  await expect(page.getByText('That is the only pass for this search.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible({ timeout: 30_000 });
  return page.getByRole('row', { name: new RegExp(name) });
}

test('at 390 px the list is cards, with no sideways scroll, and its dialogs fit', async ({
  page,
  api,
  workspaces,
}, testInfo) => {
  const workspace = workspaces[0]!;
  const name = `Phone ${unique()}`;
  await api.createPass(workspace.id, {
    passName: name,
    status: 'Draft',
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await page.setViewportSize(PHONE);
  await page.goto(`/w/${workspace.id}/passes`);
  await expect(page.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await expectNoSideScroll(page, 'list');
  await shot(page, testInfo, 'list');

  // Each pass is a card: name, status switch, issued, active and every action in view.
  const row = await searchFor(page, name);
  await expectNoSideScroll(page, 'list after a search');
  for (const control of [
    row.getByRole('link', { name }),
    row.getByRole('switch', { name: `${name} published` }),
    row.getByRole('cell', { name: /Issued total/ }),
    row.getByRole('cell', { name: /Active total/ }),
    row.getByRole('button', { name: `Preview ${name}` }),
    row.getByRole('button', { name: `Notify holders of ${name}` }),
    row.getByRole('button', { name: `Duplicate ${name}` }),
    row.getByRole('button', { name: `Delete ${name}` }),
  ]) {
    await expectInWidth(page, control);
  }
  expect(await row.evaluate((tr) => getComputedStyle(tr, null).display)).toBe('grid');
  await shot(page, testInfo, 'list-card');

  // New pass
  await page.getByRole('button', { name: 'New pass' }).click();
  await expectDialogFits(page, page.getByRole('dialog', { name: /New pass/ }), 'new pass dialog');
  await shot(page, testInfo, 'dialog-new-pass');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Add workspace
  await page.getByRole('button', { name: 'Add a workspace by id' }).click();
  await expectDialogFits(page, page.getByRole('dialog'), 'add workspace dialog');
  await shot(page, testInfo, 'dialog-add-workspace');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Publish confirmation
  await row.getByRole('switch', { name: `${name} published` }).click();
  await expectDialogFits(page, page.getByRole('dialog'), 'publish confirmation');
  await shot(page, testInfo, 'dialog-publish');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Delete
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expectDialogFits(page, page.getByRole('dialog'), 'delete dialog');
  await shot(page, testInfo, 'dialog-delete');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('at 390 px the editor switches between Form and Preview, and its dialogs and the composer fit', async ({
  page,
  api,
  workspaces,
}, testInfo) => {
  const workspace = workspaces[0]!;
  const name = `Phone editor ${unique()}`;
  const pass = await api.createPass(workspace.id, { passName: name, status: 'Published' });
  await page.setViewportSize(PHONE);
  // The notification composer
  await page.goto(`/w/${workspace.id}/passes/${pass.id}/notify`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 30_000 });
  await expectNoSideScroll(page, 'notification composer');
  await shot(page, testInfo, 'composer');

  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
  await expectNoSideScroll(page, 'editor');
  await shot(page, testInfo, 'editor-form');

  const views = page.getByRole('group', { name: 'Show' });
  const formView = views.getByRole('radio', { name: 'Form' });
  const previewView = views.getByRole('radio', { name: 'Preview' });
  const preview = page.getByRole('complementary', { name: 'Preview and pass facts' });
  await expect(formView).toBeChecked();
  await expect(preview).toBeHidden();

  // Typing, then a look at the pass with the keyboard alone (arrow keys move the radio).
  await page.getByLabel('Organisation name').fill('Phone Bakery');
  await formView.focus();
  await page.keyboard.press('ArrowRight');
  await expect(previewView).toBeChecked();
  await expect(preview).toBeVisible();
  await expect(preview.getByText('Phone Bakery').first()).toBeVisible();
  await expect(page.getByLabel('Organisation name')).toBeHidden();
  await expectNoSideScroll(page, 'editor preview');
  await shot(page, testInfo, 'editor-preview');
  await page.keyboard.press('ArrowLeft');
  await expect(formView).toBeChecked();
  // The edit is still there.
  await expect(page.getByLabel('Organisation name')).toHaveValue('Phone Bakery');

  // The save review (the pass is Published, so Save stops at it)
  await page.getByRole('button', { name: /Review/ }).click();
  await expectDialogFits(page, page.getByRole('dialog'), 'review dialog');
  await shot(page, testInfo, 'dialog-review');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // History
  await page.getByRole('button', { name: 'History' }).click();
  await expectDialogFits(page, page.getByRole('dialog'), 'history dialog');
  await shot(page, testInfo, 'dialog-history');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('at 1440 px nothing in the list is cut off, and the editor shows form and preview side by side', async ({
  page,
  workspaces,
  api,
}, testInfo) => {
  const workspace = workspaces[0]!;
  const name = `Desktop ${unique()} with a rather long pass name for the column`;
  const pass = await api.createPass(workspace.id, { passName: name, status: 'Draft' });
  await page.setViewportSize(DESKTOP);
  await page.goto(`/w/${workspace.id}/passes`);
  await expect(page.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await expectNoSideScroll(page, 'list at 1440');
  const table = page.getByRole('table');
  // The table fits its box: no sideways scroll inside it either.
  expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
  const box = (await table.boundingBox())!;
  for (const action of await table
    .getByRole('button', { name: /^(Preview|Notify holders of|Duplicate|Delete) / })
    .all()) {
    const b = (await action.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await shot(page, testInfo, 'list');
  const row = await searchFor(page, name);
  await expectInWidth(page, row.getByRole('button', { name: `Duplicate ${name}` }));

  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'Show' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Preview and pass facts' })).toBeVisible();
  await expect(page.getByLabel('Organisation name')).toBeVisible();
  await expectNoSideScroll(page, 'editor at 1440');
  await shot(page, testInfo, 'editor');
});

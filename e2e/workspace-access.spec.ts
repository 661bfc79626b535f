import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe.configure({ timeout: 120_000 });

/** The browser's own prompt must not appear for a move inside the app. */
function failOnNativeDialogs(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

test('a limited key on another workspace’s address gets one clear state and a way back', async ({
  page,
  studioConfig,
  workspaces,
}) => {
  const limited = studioConfig.demoKeys?.[1];
  const [first, second] = workspaces as [(typeof workspaces)[number], (typeof workspaces)[number]];
  expect(limited?.workspaceIds).toEqual([first.id]);

  await page.goto('/');
  await expect(page.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Disconnect' }).click();
  // Disconnect leaves for the Connect screen, in the address too.
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
  await page.getByRole('button', { name: limited!.label! }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${first.id}/passes`));

  await page.goto(`/w/${second.id}/passes`);
  const refusal = page.getByRole('alert').filter({ hasText: 'This API key cannot open that workspace' });
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toHaveCount(1);
  // Nothing of a workspace page: no passes, no New pass, no placeholders waiting forever.
  await expect(page.getByRole('button', { name: 'New pass' })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.locator('.animate-pulse')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Passes', level: 1 })).toHaveCount(0);
  // The switcher does not list the refused workspace by its raw id.
  const switcher = page.getByRole('combobox', { name: 'Workspace' });
  await expect(switcher.getByRole('option', { name: second.id })).toHaveCount(0);
  await expect(switcher.getByRole('option', { name: first.name })).toHaveCount(1);

  // The way back: the key's own workspace.
  await page.getByRole('link', { name: `Open ${first.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${first.id}/passes$`));
  await expect(page.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toHaveCount(0);

  // A workspace id the key does not know at all gets the same state (after one read).
  await page.goto(`/w/00000000-0000-4000-8000-000000000000/passes`);
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'New pass' })).toHaveCount(0);
});

test('leaving unsaved edits asks in the app’s own dialog; Disconnect too, then shows the Connect screen', async ({
  page,
  api,
  workspaces,
}) => {
  const native = failOnNativeDialogs(page);
  const workspace = workspaces[0]!;
  const name = `Leave ${unique()}`;
  const pass = await api.createPass(workspace.id, { passName: name, status: 'Draft' });
  // Into the editor inside the app, so Back is the app's own history.
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Description').fill('Not saved yet');

  // A link inside the app: the app's dialog; Stay keeps everything.
  await page.getByRole('link', { name: '← All passes' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on this pass' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/passes/${pass.id}$`));
  await expect(page.getByLabel('Description')).toHaveValue('Not saved yet');

  // The browser's Back button: the same dialog.
  await page.goBack();
  await expect(ask).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/passes/${pass.id}$`));
  await ask.getByRole('button', { name: 'Stay on this pass' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('Not saved yet');

  // Disconnect asks first; Stay keeps the key and the edits.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on this pass' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('Not saved yet');
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeVisible();

  // Leave: the key is forgotten and the address is the Connect screen's.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
  await expect(page).toHaveURL(/\/connect$/);
  expect(native).toEqual([]);
});

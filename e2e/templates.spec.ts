import type { StarterTemplate } from '../src/app/features/templates/starter-templates';
import templates from '../src/app/features/templates/starter-templates.json' with { type: 'json' };
import { expect, test } from './fixtures';

const STARTER_TEMPLATES = templates as StarterTemplate[];
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// Six passes created, checked and published one after another: minutes on a busy machine.
test.describe.configure({ timeout: 600_000 });

test('each starter template creates a pass that passes every check and publishes', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  for (const template of STARTER_TEMPLATES) {
    const name = `${template.title} ${unique()}`;
    await page.goto(`/w/${workspace.id}/passes`);
    await page.getByRole('button', { name: 'New pass' }).click();
    const dialog = page.getByRole('dialog', { name: 'New pass' });
    // Its code (and the previews it draws) may take a while on a busy machine.
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('radio', { name: 'Template' })).toBeChecked();
    await dialog.getByRole('radio', { name: new RegExp(`^${template.title}`) }).check();
    // The name follows the template until one is typed.
    await expect(dialog.getByLabel('Pass name')).toHaveValue(template.title);
    await dialog.getByLabel('Pass name').fill(name);
    await dialog.getByRole('button', { name: 'Create pass' }).click();

    await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/passes/[0-9a-f-]+$`), { timeout: 30_000 });
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const checks = page.getByRole('region', { name: /Pass checks/ });
    await expect(checks).toContainText('No problems found', { timeout: 20_000 });

    const created = (await api.listPasses(workspace.id, { query: name })).find((p) => p.passName === name)!;
    expect(created.status).toBe('Draft');
    expect(created.passMetadata?.topField).toEqual(template.pass.passMetadata.topField);
    expect(created.passMetadata?.backFields).toEqual(template.pass.passMetadata.backFields);
    expect(created.uploadInfoList?.map((i) => i.fileName).sort()).toEqual(['icon.png', 'logo.png', 'strip.png']);

    const toggle = page.getByRole('switch', { name: `${name} published` });
    await toggle.click();
    const confirm = page.getByRole('dialog', { name: `Publish “${name}”?` });
    await expect(confirm).not.toContainText('problems');
    await confirm.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect.poll(async () => (await api.getPass(workspace.id, created.id)).status).toBe('Published');
  }
});

test('Start from finds a pass beyond the first 20 through a server-side search', async ({ page, api, workspaces }) => {
  const workspace = workspaces[1]!;
  const prefix = `Origin ${unique()}`;
  const oldest = await api.createPass(workspace.id, {
    passName: `${prefix} oldest`,
    passMetadata: {
      organizationName: 'Far Back Co',
      description: 'The oldest pass',
      topField: { key: 'visits', label: 'VISITS', value: '7', changeMessage: 'You have %@ visits' },
    },
  });
  // Twenty-one newer passes push it off the list's first page.
  for (let i = 0; i < 21; i++) await api.createPass(workspace.id, { passName: `Newer ${unique()} ${i}` });

  await page.goto(`/w/${workspace.id}/passes`);
  await expect(page.getByRole('link', { name: oldest.passName! })).toHaveCount(0);
  await page.getByRole('button', { name: 'New pass' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pass' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('radio', { name: 'A pass in this workspace' }).check();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/v1/wallet-pass?')) requests.push(request.url());
  });
  await dialog.getByLabel('Search passes in this workspace').fill(prefix);
  await dialog.getByRole('radio', { name: oldest.passName! }).check();
  // The search went to the server, once the typing paused.
  expect(requests.some((url) => new URL(url).searchParams.get('query') === prefix)).toBe(true);
  await expect(dialog.getByLabel('Pass name')).toHaveValue(`Copy of ${oldest.passName}`);
  await dialog.getByRole('button', { name: 'Create pass' }).click();
  await expect(page.getByRole('heading', { name: `Copy of ${oldest.passName}`, level: 1 })).toBeVisible();
  const copy = (await api.listPasses(workspace.id, { query: `Copy of ${prefix}` }))[0]!;
  expect(copy.passMetadata?.topField).toEqual(oldest.passMetadata?.topField);
  expect(copy.passMetadata?.organizationName).toBe('Far Back Co');
});

for (const width of [1440, 390]) {
  test(`the gallery and the import dialog fit at ${width} px`, async ({ page, workspaces }, testInfo) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.goto(`/w/${workspaces[0]!.id}/passes`);
    await page.getByRole('button', { name: 'New pass' }).click();
    const gallery = page.getByRole('dialog', { name: 'New pass' });
    await expect(gallery.getByRole('radio', { name: /^Coffee stamp card/ })).toBeChecked({ timeout: 30_000 });
    await expect(gallery.locator('img').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await page.screenshot({ path: testInfo.outputPath(`gallery-${width}.png`) });
    await gallery.getByRole('radio', { name: 'A pass in this workspace' }).check();
    await expect(gallery.getByRole('radio').nth(3)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`start-from-${width}.png`) });
    await gallery.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import passes' });
    await importDialog.getByLabel('File to import').setInputFiles({
      name: 'passes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ passName: '', passMetadata: { backgroundColor: 'blue' } }])),
    });
    await expect(importDialog.getByRole('alert')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await page.screenshot({ path: testInfo.outputPath(`import-refused-${width}.png`) });
  });
}

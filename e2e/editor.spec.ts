import type { Page } from '@playwright/test';
import { expect, solidPng, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pass saved' })).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
}

test('every section of a pass is edited, saved and still there after a reload and through the API', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[1]!;
  const name = `Editor ${unique()}`;
  const pass = await api.createPass(workspace.id, {
    passName: name,
    status: 'Draft',
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await api.createLocation(workspace.id, pass.id, { name: 'Old shop', relevantText: 'Old text' });
  await api.createLocation(workspace.id, pass.id, { name: 'Closed shop', relevantText: 'Going away' });

  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  // Pass
  const newName = `${name} renamed`;
  await page.getByLabel('Pass name').fill(newName);
  await page.getByLabel('Notification header').fill('HELLO HOLDERS');
  await page.getByLabel('Pass link slug').fill(`slug-${unique()}`);
  // Look
  await page.getByLabel('Organisation name').fill('Renamed Org');
  await page.getByLabel('Description').fill('A brand new description.');
  await page.getByLabel('Background colour', { exact: true }).fill('#0a3d2e');
  await page.getByLabel('Background colour', { exact: true }).blur();
  await expect(page.getByLabel('Background colour', { exact: true })).toHaveValue('#0A3D2E');
  // Top field
  const top = page.getByRole('region', { name: 'Top field' });
  await top.getByLabel('Value').fill('999');
  // Secondary fields: add one, edit it, move it to the top
  const secondary = page.getByRole('region', { name: 'Secondary fields' });
  await secondary.getByRole('button', { name: 'Add secondary field' }).click();
  const added = secondary.getByRole('group', { name: 'Secondary field 3' });
  await added.getByLabel('Label').fill('Level');
  await added.getByLabel('Value').fill('Platinum');
  await secondary.getByRole('button', { name: 'Move secondary field 3 up' }).click();
  await expect(secondary.getByRole('group', { name: 'Secondary field 2' }).getByLabel('Value')).toHaveValue('Platinum');
  // Back fields: a second link in the first back field
  const backFields = page.getByRole('region', { name: 'Back fields' });
  await backFields.getByRole('button', { name: '+ Add link to back field 1' }).click();
  const link = backFields.getByRole('group', { name: 'Back field 1 link 2' });
  await link.getByLabel('Link text').fill('Call us');
  await link.getByLabel('Link', { exact: true }).fill('tel:+15035550100');
  // QR code
  await page.getByLabel('QR code content').fill('https://example.com/scan/42');
  // Images: replace the strip with a real PNG
  await page.getByLabel('Replace strip.png').setInputFiles({
    name: 'strip.png',
    mimeType: 'image/png',
    // Already the store-card strip's size (1125×432): uploaded as it is, no crop step.
    buffer: solidPng(1125, 432, '#C0392B'),
  });
  await expect(page.getByRole('region', { name: 'Images' }).getByRole('button', { name: 'Undo' })).toBeVisible();
  // Locations: edit one, remove one, add one
  const locations = page.getByRole('region', { name: 'Locations' });
  await locations.getByRole('group', { name: 'Location 1' }).getByLabel('Relevant text').fill('New text nearby');
  await locations.getByRole('button', { name: 'Remove location 2' }).click();
  await locations.getByRole('button', { name: 'Add location' }).click();
  const fresh = locations.getByRole('group', { name: 'Location 2' });
  await fresh.getByLabel('Name').fill('New shop');
  await fresh.getByLabel('Latitude').fill('51.5072');
  await fresh.getByLabel('Longitude').fill('-0.1276');
  await fresh.getByLabel('Relevant text').fill('London calling');
  // App links
  await page.getByLabel('App Store id').fill('123456789');
  await page.getByLabel('Launch URL').fill('renamed://open');
  await page.getByLabel('Android package name').fill('com.renamed.app');
  await page.getByLabel('Button text').fill('Open the app');
  await page.getByLabel('Opens').selectOption('Website');
  await page.getByLabel('Link', { exact: true }).last().fill('https://renamed.example');

  await expect(page.getByText(/Unsaved changes in \d+ fields/)).toBeVisible();
  await save(page);

  const stored = await api.getPass(workspace.id, pass.id);
  expect(stored.passName).toBe(newName);
  expect(stored.notificationHeader).toBe('HELLO HOLDERS');
  const meta = stored.passMetadata!;
  expect(meta.organizationName).toBe('Renamed Org');
  expect(meta.description).toBe('A brand new description.');
  expect(meta.backgroundColor).toBe('#0A3D2E');
  expect(meta.topField?.value).toBe('999');
  expect(meta.secondaryFields?.map((f) => f.value)).toContain('Platinum');
  expect(meta.secondaryFields?.[1]?.value).toBe('Platinum');
  expect(meta.backFields?.[0]?.value?.[1]).toMatchObject({ text: 'Call us', link: 'tel:+15035550100' });
  expect(meta.qrUrl).toBe('https://example.com/scan/42');
  expect(meta.appDeepLinks?.appleDeepLinkData).toMatchObject({ appStoreId: '123456789', launchUrl: 'renamed://open' });
  expect(meta.appDeepLinks?.googleDeepLinkData).toMatchObject({
    androidPackageName: 'com.renamed.app',
    displayText: 'Open the app',
  });
  expect(meta.userDeepLink).toMatchObject({ appType: 'Website', inputLink: 'https://renamed.example' });
  expect(meta.locations?.map((l) => [l.name, l.relevantText])).toEqual([
    ['Old shop', 'New text nearby'],
    ['New shop', 'London calling'],
  ]);
  const strip = stored.uploadInfoList?.find((i) => i.fileName === 'strip.png');
  expect(strip?.uploadKey).not.toBe(pass.uploadInfoList?.find((i) => i.fileName === 'strip.png')?.uploadKey);
  const image = await page.request.get(strip!.url!);
  expect(image.headers()['content-type']).toBe('image/png');

  await page.reload();
  await expect(page.getByLabel('Pass name')).toHaveValue(newName);
  await expect(page.getByRole('region', { name: 'Top field' }).getByLabel('Value')).toHaveValue('999');
  await expect(
    page
      .getByRole('region', { name: 'Secondary fields' })
      .getByRole('group', { name: 'Secondary field 2' })
      .getByLabel('Value'),
  ).toHaveValue('Platinum');
  await expect(page.getByRole('group', { name: 'Location 2' }).getByLabel('Relevant text')).toHaveValue(
    'London calling',
  );
  await expect(page.getByLabel('App Store id')).toHaveValue('123456789');
  await expect(page.getByText('All changes saved')).toBeVisible();
});

test('a duplicate name and a javascript: link are refused at their fields; leaving with changes asks', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const other = await api.createPass(workspace.id, { passName: `Taken ${unique()}` });
  const pass = await api.createPass(workspace.id, { passName: `Mine ${unique()}` });

  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const link = page.getByRole('group', { name: 'Back field 1 link 1' }).getByLabel('Link', { exact: true });
  await link.fill('javascript:alert(document.cookie)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await expect(link).toHaveAccessibleDescription(/Use an https:, http:, mailto: or tel: link/);
  await expect(page.getByRole('alert').filter({ hasText: 'One problem stops the save' })).toBeVisible();
  await expect(link).toBeFocused();

  await link.fill('https://example.com/safe');
  await page.getByLabel('Pass name').fill(other.passName!);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const nameInput = page.getByLabel('Pass name');
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true');
  await expect(nameInput).toHaveAccessibleDescription(/already exists/);
  // Nothing the user typed is lost.
  await expect(link).toHaveValue('https://example.com/safe');
  expect((await api.getPass(workspace.id, pass.id)).passName).toBe(pass.passName);

  // Leaving with unsaved changes asks first, in the app's own dialog; staying keeps the edits.
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await page.getByRole('link', { name: '← All passes' }).click();
  await expect(leave).toContainText('unsaved changes');
  await leave.getByRole('button', { name: 'Stay on this pass' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/passes/${pass.id}$`));
  await expect(nameInput).toHaveValue(other.passName!);

  await page.getByRole('link', { name: '← All passes' }).click();
  await leave.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/passes$`));
});

test('keys the editor does not know survive an edit and a save', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const base = await api.createPass(workspace.id, { passName: `Unknown ${unique()}` });
  // The API never sends derived locations back; everything else the editor does not know, it must keep.
  const updated = await api.patchPass(workspace.id, base.id, {
    passName: base.passName,
    futureTopLevel: { nested: [1, 'two'] },
    passMetadata: {
      ...base.passMetadata,
      locations: undefined,
      futureMeta: 'meta',
      topField: { ...base.passMetadata?.topField, futureField: true },
      backFields: [
        {
          key: 'links',
          label: 'Links',
          value: [{ text: 'Site', link: 'https://example.com', slug: 'site', futureLink: { deep: 1 } }],
        },
      ],
    },
  });
  expect(updated.futureTopLevel).toEqual({ nested: [1, 'two'] });

  await page.goto(`/w/${workspace.id}/passes/${base.id}`);
  await page.getByRole('region', { name: 'Top field' }).getByLabel('Value').fill('42');
  await save(page);

  const stored = await api.getPass(workspace.id, base.id);
  expect(stored.passMetadata?.topField?.value).toBe('42');
  expect(stored.futureTopLevel).toEqual({ nested: [1, 'two'] });
  expect(stored.passMetadata?.futureMeta).toBe('meta');
  expect(stored.passMetadata?.topField?.futureField).toBe(true);
  expect(stored.passMetadata?.backFields?.[0]?.value?.[0]).toEqual({
    text: 'Site',
    link: 'https://example.com',
    slug: 'site',
    futureLink: { deep: 1 },
  });
});

import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { WalletPass } from '../src/contract/schemas';
import { expect, solidPng, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe.configure({ timeout: 240_000 });

/** What must survive an export and an import: the pass as a marketer edits it. */
function designOf(pass: WalletPass) {
  const { locations, ...metadata } = pass.passMetadata ?? {};
  return {
    passName: pass.passName,
    notificationHeader: pass.notificationHeader,
    campaign: pass['x-campaign'],
    metadata,
    locations: (locations ?? [])
      .map(({ name, latitude, longitude, relevantText, enabled }) => ({
        name,
        latitude,
        longitude,
        relevantText,
        enabled,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    images: (pass.uploadInfoList ?? []).map((i) => i.fileName).sort(),
  };
}

test('three passes exported as a zip import into the other workspace field for field, images and locations included; the list exports as CSV', async ({
  page,
  request,
  api,
  workspaces,
}) => {
  const [from, to] = [workspaces[0]!, workspaces[1]!];
  const prefix = `Transfer ${unique()}`;
  const originals: WalletPass[] = [];
  for (const [i, color] of ['#7A1F3D', '#1F5A3D', '#2A4BCB'].entries()) {
    const images = [];
    for (const [fileName, w, h] of [
      ['logo.png', 660, 660],
      ['icon.png', 114, 114],
      ['strip.png', 1125, 432],
    ] as const) {
      const { key } = await api.upload(from.id, solidPng(w, h, color), fileName);
      images.push({ fileName, uploadKey: key });
    }
    const pass = await api.createPass(from.id, {
      passName: `${prefix} ${i + 1}`,
      notificationHeader: `Header ${i + 1}`,
      'x-campaign': { code: `spring-${i}`, channels: ['email', 'store'] },
      passMetadata: {
        organizationName: `Brand ${i + 1}`,
        description: `Card ${i + 1}`,
        backgroundColor: color,
        displayTextColor: '#FFFFFF',
        topField: { key: 'points', label: 'POINTS', value: String(100 * (i + 1)), changeMessage: 'Now %@ points' },
        secondaryFields: [{ key: 'tier', label: 'TIER', value: 'Gold' }],
        backFields: [{ key: 'web', label: 'Web', value: [{ text: 'Site', link: `https://example.com/${i}` }] }],
        qrUrl: `https://example.com/qr/${i}`,
      },
      uploadInfoList: images as never,
    });
    await api.createLocation(from.id, pass.id, { name: `Shop ${i}`, latitude: 40 + i, longitude: -70 - i });
    originals.push(await api.getPass(from.id, pass.id));
  }
  // The first pass also has a disabled location.
  await api.createLocation(from.id, originals[0]!.id, { name: 'Kiosk 0', enabled: false, relevantText: 'Kiosk' });
  originals[0] = await api.getPass(from.id, originals[0]!.id);

  // Select the three in the list and export them.
  await page.goto(`/w/${from.id}/passes?q=${encodeURIComponent(prefix)}`);
  for (const pass of originals) await page.getByRole('checkbox', { name: `Select ${pass.passName}` }).check();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export 3 passes?' });
  const zipDownload = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export 3 passes' }).click();
  const zipPath = await (await zipDownload).path();
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const document = JSON.parse(new TextDecoder().decode(entries['passes.json'])) as {
    passes: Record<string, unknown>[];
  };
  expect(document.passes).toHaveLength(3);
  expect(Object.keys(entries).filter((name) => name.endsWith('.png'))).toHaveLength(9);
  // Read-only keys stay out of the file.
  expect(document.passes[0]).not.toHaveProperty('id');
  expect(document.passes[0]).not.toHaveProperty('totalIssuedCount');

  await page.getByRole('dialog', { name: 'Exported 3 passes' }).getByRole('button', { name: 'Close' }).click();

  // The list with its counts as CSV.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe(
    'Pass name,Pass id,Status,Apple issued,Google issued,Total issued,Apple active,Google active,Total active,Updated',
  );
  expect(csv).toHaveLength(4);
  for (const pass of originals) {
    const row = csv.find((line) => line.split(',')[1] === pass.id)!.split(',');
    expect(row[0]).toBe(pass.passName);
    const fresh = await api.getPass(from.id, pass.id);
    expect(row.slice(3, 9).map(Number)).toEqual([
      fresh.appleIssuedCount ?? 0,
      fresh.googleIssuedCount ?? 0,
      fresh.totalIssuedCount ?? 0,
      fresh.appleActiveCount ?? 0,
      fresh.googleActiveCount ?? 0,
      fresh.totalActiveCount ?? 0,
    ]);
  }

  // Import into the other workspace.
  await page.goto(`/w/${to.id}/passes`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import passes' });
  await expect(importDialog).toBeVisible({ timeout: 30_000 });
  await importDialog.getByLabel('File to import').setInputFiles(zipPath);
  await expect(importDialog).toContainText('3 passes ready to import');
  await importDialog.getByRole('button', { name: 'Import 3 passes' }).click();
  await expect(importDialog.getByRole('status')).toHaveText('3 passes imported.', { timeout: 60_000 });
  await expect(importDialog.getByRole('list', { name: 'Import results' }).getByRole('listitem')).toHaveCount(3);

  const imported = await api.listPasses(to.id, { query: prefix });
  expect(imported).toHaveLength(3);
  for (const original of originals) {
    const copy = imported.find((p) => p.passName === original.passName)!;
    expect(copy.status).toBe('Draft');
    expect(designOf(copy)).toEqual(designOf(original));
    for (const fileName of ['logo.png', 'icon.png', 'strip.png']) {
      const url = (p: WalletPass) => p.uploadInfoList!.find((i) => i.fileName === fileName)!.url!;
      expect(url(copy)).not.toBe(url(original));
      const [a, b] = await Promise.all([request.get(url(original)), request.get(url(copy))]);
      expect(Buffer.compare(await a.body(), await b.body())).toBe(0);
    }
  }

  // Imported again, the names are made unique.
  await importDialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await importDialog.getByLabel('File to import').setInputFiles(zipPath);
  await importDialog.getByRole('button', { name: 'Import 3 passes' }).click();
  await expect(importDialog.getByRole('status')).toHaveText('3 passes imported.', { timeout: 60_000 });
  await expect(importDialog).toContainText(`Named “${originals[0]!.passName} (2)”: the name was taken.`);
});

test('a file with a bad pass is refused with a message per pass and creates nothing', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[1]!;
  const prefix = `Refused ${unique()}`;
  const file = {
    format: 'pass-studio.passes',
    version: 1,
    passes: [
      { passName: `${prefix} good`, passMetadata: { organizationName: 'Fine' } },
      { passName: `${prefix} bad`, passMetadata: { backgroundColor: 'red' } },
    ],
  };
  await page.goto(`/w/${workspace.id}/passes`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import passes' });
  await dialog.getByLabel('File to import').setInputFiles({
    name: 'passes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(dialog.getByRole('alert')).toContainText('nothing was created');
  await expect(dialog.getByRole('alert')).toContainText(`${prefix} bad`);
  await expect(dialog.getByRole('alert')).toContainText('passMetadata.backgroundColor');
  await expect(dialog.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  expect(await api.listPasses(workspace.id, { query: prefix })).toHaveLength(0);
});

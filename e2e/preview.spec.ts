import jsQR from 'jsqr';
import { expect, noisePng, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('typing shows at once in both previews, and clicking the preview focuses the field', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, {
    passName: `Preview ${unique()}`,
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const apple = page.getByRole('region', { name: 'Apple Wallet preview' });
  const google = page.getByRole('region', { name: 'Google Wallet preview' });

  await page.getByRole('region', { name: 'Top field' }).getByLabel('Value').fill('7,777 pts');
  await page.getByRole('group', { name: 'Secondary field 1' }).getByLabel('Value').fill('Diamond tier');
  await expect(apple).toContainText('7,777 pts');
  await expect(google).toContainText('7,777 pts');
  await expect(apple).toContainText('Diamond tier');
  await expect(google).toContainText('Diamond tier');

  await page.getByRole('group', { name: 'Back field 1 link 1' }).getByLabel('Link text').fill('Members lounge');
  await page
    .getByRole('group', { name: 'Back field 1 link 1' })
    .getByLabel('Link', { exact: true })
    .fill('https://example.com/lounge');
  await apple.getByRole('button', { name: 'Back' }).click();
  await google.getByRole('button', { name: 'Details' }).click();
  await expect(apple.getByRole('link', { name: 'Members lounge' })).toHaveAttribute(
    'href',
    'https://example.com/lounge',
  );
  await expect(google.getByRole('link', { name: 'Members lounge' })).toHaveAttribute(
    'href',
    'https://example.com/lounge',
  );
  // Nothing was saved: the preview follows the form.
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.topField?.value).not.toBe('7,777 pts');

  await apple.getByRole('button', { name: 'Front' }).click();
  await apple.getByRole('button', { name: /Edit top field/ }).click();
  await expect(page.getByRole('region', { name: 'Top field' }).getByLabel('Value')).toBeFocused();
});

test('the QR code on screen decodes to the current QR content', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `QR ${unique()}` });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const content = `https://example.com/member/${unique()}`;
  await page.getByLabel('QR code content').fill(content);

  const svg = page.getByRole('region', { name: 'Apple Wallet preview' }).getByRole('img', { name: /QR code/ });
  await expect(svg).toBeVisible();
  await expect
    .poll(
      async () => {
        // Rasterise the SVG the page drew and read it like a phone camera would.
        const pixels = await svg.evaluate(async (node) => {
          const markup = new XMLSerializer().serializeToString(node);
          const image = new Image();
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = 400;
          canvas.height = 400;
          const context = canvas.getContext('2d')!;
          context.fillStyle = '#fff';
          context.fillRect(0, 0, 400, 400);
          context.drawImage(image, 0, 0, 400, 400);
          return Array.from(context.getImageData(0, 0, 400, 400).data);
        });
        return jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data;
      },
      { timeout: 20_000 },
    )
    .toBe(content);
});

test('a picked PNG shows in the preview before its upload finishes', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `Upload ${unique()}` });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);

  // A slow uplink (real network emulation, no mocks) keeps the upload in flight for a while.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: 10_000_000,
    uploadThroughput: 60_000,
  });
  await page.getByLabel('Choose strip.png').setInputFiles({
    name: 'strip.png',
    mimeType: 'image/png',
    buffer: noisePng(420, 240),
  });
  // Not the strip's size, so the crop step opens; the original PNG is kept as it is.
  await page.getByRole('dialog', { name: 'Crop strip.png' }).getByRole('button', { name: 'Use uncropped' }).click();
  const progress = page.getByRole('progressbar', { name: 'Uploading strip.png' });
  await expect(progress).toBeVisible();
  const strip = page.getByRole('region', { name: 'Apple Wallet preview' }).locator('img[src^="blob:"]');
  await expect(strip).toBeVisible();
  await expect(progress).toBeVisible();
  await expect(progress).toBeHidden({ timeout: 40_000 });
  await expect(page.getByRole('region', { name: 'Images' }).getByRole('button', { name: 'Undo' })).toBeVisible();
});

test('publishing a pass with check errors lists them and asks first', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const name = `Checks ${unique()}`;
  const pass = await api.createPass(workspace.id, {
    passName: name,
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const changeMessage = page.getByRole('region', { name: 'Top field' }).getByLabel('Change message');
  await changeMessage.fill('Your points changed');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();

  const checks = page.getByRole('region', { name: /Pass checks/ });
  await expect(checks).toContainText('%@');
  await checks.getByRole('button', { name: /%@/ }).first().click();
  await expect(changeMessage).toBeFocused();

  await page.getByRole('switch', { name: `${name} published` }).click();
  const dialog = page.getByRole('dialog', { name: `Publish “${name}”?` });
  await expect(dialog).toContainText('problems');
  await expect(dialog).toContainText('%@');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('switch', { name: `${name} published` })).toHaveAttribute('aria-checked', 'false');

  await page.getByRole('switch', { name: `${name} published` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish anyway' }).click();
  await expect(page.getByRole('switch', { name: `${name} published` })).toHaveAttribute('aria-checked', 'true');
});

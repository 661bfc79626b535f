import { expect, test } from './fixtures';

// Each test crops, uploads and saves through the real server: give a busy machine room.
test.describe.configure({ timeout: 120_000 });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('a large JPEG dropped on the strip is cropped to 1125×432, shown in both previews, and its colours offered', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, {
    passName: `Fit ${unique()}`,
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  // The editor's code and the pass load first (slow on a busy machine).
  await expect(page.getByLabel('Pass name')).toBeVisible({ timeout: 30_000 });
  const images = page.getByRole('region', { name: 'Images' });
  const stripSlot = images.getByRole('group', { name: /^Strip / });
  await expect(stripSlot).toBeVisible();

  // A 3000×2000 photo-like JPEG, made by the browser, dropped on the strip slot.
  const dataTransfer = await page.evaluateHandle(async () => {
    const canvas = new OffscreenCanvas(3000, 2000);
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 3000, 2000);
    gradient.addColorStop(0, '#0B3D5C');
    gradient.addColorStop(1, '#12618F');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 3000, 2000);
    context.fillStyle = '#F4D03F';
    context.fillRect(1300, 850, 400, 300);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'harbour-photo.jpg', { type: 'image/jpeg' }));
    return transfer;
  });
  await stripSlot.dispatchEvent('dragover', { dataTransfer });
  await stripSlot.dispatchEvent('drop', { dataTransfer });

  const dialog = page.getByRole('dialog', { name: 'Crop strip.png' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Apple Wallet · 1125×432 px PNG')).toBeVisible();
  await expect(dialog.getByText('Google Wallet hero (3:1)')).toBeVisible();
  const area = dialog.getByRole('slider', { name: 'Crop area of strip.png' });
  await area.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowUp');
  await expect(area).toHaveAttribute('aria-valuenow', '1.25');
  await dialog.getByRole('button', { name: 'Crop and use' }).click();
  await expect(dialog).toBeHidden();
  await expect(images.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(stripSlot.getByRole('progressbar')).toBeHidden();

  // Both previews draw the new strip: Apple behind the fields, Google as the 3:1 hero.
  const apple = page.getByRole('region', { name: 'Apple Wallet preview' });
  const google = page.getByRole('region', { name: 'Google Wallet preview' });
  for (const preview of [apple, google]) {
    const strip = preview.locator('img[src^="blob:"]').first();
    await expect(strip).toBeVisible();
    expect(await strip.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1125, 432]);
  }

  // Colours from the artwork: offered, applied only with a click.
  const look = page.getByRole('region', { name: 'Look' });
  const background = look.getByRole('textbox', { name: 'Background colour', exact: true });
  const before = await background.inputValue();
  const useColours = look.getByRole('button', { name: 'Use these colours' });
  await expect(useColours).toBeVisible();
  await expect(background).toHaveValue(before);
  await useColours.click();
  await expect(background).not.toHaveValue(before);
  const suggested = await background.inputValue();
  expect(suggested).toMatch(/^#[0-9A-F]{6}$/);
  await expect(look.getByRole('textbox', { name: 'Text colour', exact: true })).toHaveValue('#FFFFFF');
  await expect(useColours).toBeHidden();
  await expect(look.getByRole('status')).toContainText('readable (4.5:1 or more)');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 30_000 });

  // What was uploaded is a PNG of exactly 1125×432.
  const stored = await api.getPass(workspace.id, pass.id);
  const strip = stored.uploadInfoList?.find((info) => info.fileName === 'strip.png');
  expect(strip?.uploadKey).not.toBe(pass.uploadInfoList?.find((info) => info.fileName === 'strip.png')?.uploadKey);
  const file = await page.request.get(strip!.url!);
  expect(file.headers()['content-type']).toBe('image/png');
  expect(pngSize(await file.body())).toEqual({ width: 1125, height: 432 });
  expect(stored.passMetadata?.backgroundColor?.toUpperCase()).toBe(suggested);
});

test('a maps link pasted into a coordinate fills both and shows the point on the locator', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `Maps ${unique()}` });
  await api.createLocation(workspace.id, pass.id, { name: 'Portland shop', latitude: 45.5231, longitude: -122.6765 });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await expect(page.getByLabel('Pass name')).toBeVisible({ timeout: 30_000 });
  const locations = page.getByRole('region', { name: 'Locations' });
  await locations.getByRole('button', { name: 'Add location' }).click();
  const fresh = locations.getByRole('group', { name: 'Location 2' });
  await fresh.getByLabel('Name').fill('London pop-up');
  await fresh.getByLabel('Latitude').fill('https://www.google.com/maps/@51.5072,-0.1276,15z');
  await expect(fresh.getByLabel('Latitude')).toHaveValue('51.5072');
  await expect(fresh.getByLabel('Longitude')).toHaveValue('-0.1276');
  const locator = fresh.getByRole('img', { name: /^London pop-up at 51\.5072° N, 0\.1276° W/ });
  await expect(locator).toBeVisible();
  await expect(locator).toHaveAccessibleName(/7,9\d\d km from Portland shop$/);

  // An Apple Maps link pasted into the longitude works the same way.
  await fresh.getByLabel('Longitude').focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'https://maps.apple.com/?ll=48.8584,2.2945&q=Tour%20Eiffel');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(fresh.getByLabel('Latitude')).toHaveValue('48.8584');
  await expect(fresh.getByLabel('Longitude')).toHaveValue('2.2945');
  await fresh.getByLabel('Relevant text').fill('Paris calling');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible({ timeout: 30_000 });
  const stored = await api.getPass(workspace.id, pass.id);
  expect(stored.passMetadata?.locations?.map((l) => [l.name, l.latitude, l.longitude])).toEqual(
    expect.arrayContaining([['London pop-up', 48.8584, 2.2945]]),
  );
});

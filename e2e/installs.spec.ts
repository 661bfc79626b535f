import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { InstallSeriesSchema } from '../src/contract/installs';
import type { InstallSeries } from '../src/contract/installs';
import { expect, test } from './fixtures';

/** The studio's own answer for the same series, with the demo key, for comparing figures. */
async function studioSeries(page: Page, apiKey: string, path: string, workspaceId: string): Promise<InstallSeries> {
  const response = await page.request.get(`/studio/installs${path}`, {
    headers: { 'api-key': apiKey, 'x-workspace-id': workspaceId },
  });
  expect(response.status()).toBe(200);
  return InstallSeriesSchema.parse(await response.json());
}

const HOUR = 3_600_000;

test('the workspace chart shows 30 days of seeded history, its table has the same figures, and its CSV downloads', async ({
  page,
  api,
  workspaces,
}) => {
  // Reads hundreds of table rows and downloads a file on a shared, busy machine.
  test.setTimeout(150_000);
  const workspace = workspaces[0]!;
  await page.goto(`/w/${workspace.id}/passes`);
  const card = page.getByRole('region', { name: 'Installs in this workspace' });
  // The first start seeds the demo (images and history) while other tests run: allow for it.
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.getByRole('group', { name: 'Period' }).getByRole('button', { name: '30 d' }).click();
  await expect(card.getByRole('button', { name: '30 d' })).toHaveAttribute('aria-pressed', 'true');
  const chart = card.getByRole('slider', { name: /point in time/ });
  await expect(chart).toBeVisible();
  // Hourly points over 30 days of seeded history: hundreds of them.
  await expect.poll(async () => Number(await chart.getAttribute('aria-valuemax'))).toBeGreaterThan(600);
  await expect(card.getByTestId('installs-readout')).toContainText(
    /Latest: .* Issued [\d,]+ \(Apple [\d,]+, Google [\d,]+\)/,
  );
  await expect(card).toContainText(/[+−±][\d,]+ issued · [+−±][\d,]+ active in 30 d/);

  // Every row of a list page shows its change over the same period, with a trend line.
  await expect(page.getByTestId('install-change').first()).toContainText(/[+−±][\d,]+ issued, 30 d/);

  // The keyboard reads points too.
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(card.getByTestId('installs-readout')).not.toContainText('Latest');

  await card.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  const table = card.getByRole('table', { name: /Issued and active passes of .*, 30 d/ });
  await expect(table).toBeVisible();
  const series = await studioSeries(page, api.apiKey, '/workspace?range=30d', workspace.id);
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      time: tr.querySelector('time')?.getAttribute('datetime') ?? '',
      // The six counts; the last cell lists the point's markers.
      figures: [...tr.querySelectorAll('td')].slice(0, 6).map((td) => Number((td.textContent ?? '').replace(/,/g, ''))),
    })),
  );
  const byTime = new Map(rows.map((row) => [row.time, row.figures]));
  let compared = 0;
  series.t.forEach((t, i) => {
    // Past hours are settled; the current one moves with the simulation.
    if (t > Date.now() - 2 * HOUR) return;
    const figures = [
      series.appleIssued[i],
      series.googleIssued[i],
      series.totalIssued[i],
      series.appleActive[i],
      series.googleActive[i],
      series.totalActive[i],
    ];
    expect(byTime.get(new Date(t).toISOString()), new Date(t).toISOString()).toEqual(figures);
    compared++;
  });
  expect(compared).toBeGreaterThan(600);

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-installs-30d\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
  expect(csv[0]).toBe('time,Apple issued,Google issued,Total issued,Apple active,Google active,Total active');
  expect(csv.length - 1).toBeGreaterThanOrEqual(series.t.length - 1);
  const first = csv[1]!.split(',');
  expect(first[0]).toBe(new Date(series.t[0]!).toISOString());
  expect(first.slice(1).map(Number)).toEqual([
    series.appleIssued[0],
    series.googleIssued[0],
    series.totalIssued[0],
    series.appleActive[0],
    series.googleActive[0],
    series.totalActive[0],
  ]);
});

test('a seeded Published pass shows its 30-day chart in the editor, and new samples appear without a reload', async ({
  page,
  api,
  workspaces,
}, testInfo) => {
  // Waits for live samples and takes four screenshots: longer than the default minute.
  test.setTimeout(180_000);
  const workspace = workspaces[0]!;
  const published = (await api.listPasses(workspace.id, { status: 'Published' })).sort((a, b) =>
    String(a.createdTime).localeCompare(String(b.createdTime)),
  );
  const pass = published[0]!;
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const card = page.getByRole('region', { name: 'Installs', exact: true });
  // The editor mounts its lower sections (and this card) in a transition after the form.
  await expect(card).toBeVisible({ timeout: 45_000 });
  // The card's code (and its chart's) loads when its place comes near the screen.
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('button', { name: '30 d' })).toHaveAttribute('aria-pressed', 'true');
  const chart = card.getByRole('slider', { name: /point in time/ });
  await expect.poll(async () => Number(await chart.getAttribute('aria-valuemax'))).toBeGreaterThan(600);

  // The page is not reloaded: a marker on the window survives while the chart takes new samples.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const readout = card.getByTestId('installs-readout');
  await expect(readout).toContainText('Latest:');
  const before = await readout.textContent();
  const latestBefore = (await studioSeries(page, api.apiKey, `/passes/${pass.id}?range=24h`, workspace.id)).t.at(-1)!;
  await expect.poll(() => readout.textContent(), { timeout: 30_000 }).not.toBe(before);
  const after = await studioSeries(page, api.apiKey, `/passes/${pass.id}?range=24h`, workspace.id);
  expect(after.t.at(-1)!).toBeGreaterThan(latestBefore);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // Apple and Google apart: four lines in the legend.
  await card.getByRole('checkbox', { name: 'Apple and Google apart' }).check();
  await expect(card.getByRole('list', { name: 'Legend' })).toContainText('Google active');

  const shootCard = async (width: number) => {
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`installs-editor-${width}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  };
  await page.setViewportSize({ width: 1440, height: 900 });
  await shootCard(1440);
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the editor shows the form or the preview side (where this card is), not both.
  await page.getByRole('group', { name: 'Show' }).getByRole('radio', { name: 'Preview' }).check();
  await shootCard(390);
  await page.goto(`/w/${workspace.id}/passes`);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expect(page.getByTestId('installs-readout')).toContainText('Latest:');
    await page.screenshot({ path: testInfo.outputPath(`installs-list-${width}.png`), fullPage: width === 1440 });
    // The card fits the screen (the pass table scrolls inside its own box).
    const box = await page.getByRole('region', { name: 'Installs in this workspace' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
});

test('a notification that goes out is marked on the pass chart: in the hover read-out and in the table', async ({
  page,
  api,
  workspaces,
}, testInfo) => {
  test.setTimeout(150_000);
  const workspace = workspaces[0]!;
  const [pass] = await api.listPasses(workspace.id, { status: 'Published' });
  const name = `Marker ${Date.now().toString(36)}`;
  // Sent at once (no status): Processing, then Published a few seconds later.
  const sent = await page.request.post('/v1/wallet-pass/notifications', {
    headers: { 'api-key': api.apiKey, 'x-workspace-id': workspace.id },
    data: { passSerialNumber: pass!.id, notificationName: name, notificationMessage: 'Double points all weekend' },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  await expect
    .poll(async () => (await studioSeries(page, api.apiKey, `/passes/${pass!.id}?range=24h`, workspace.id)).events, {
      timeout: 30_000,
    })
    .toContainEqual(expect.objectContaining({ kind: 'notification', label: name }));

  await page.goto(`/w/${workspace.id}/passes/${pass!.id}`);
  const card = page.getByRole('region', { name: 'Installs', exact: true });
  await expect(card).toBeVisible({ timeout: 45_000 });
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('group', { name: 'Period' }).getByRole('button', { name: '24 h' }).click();
  await expect(card.getByRole('list', { name: 'Legend' })).toContainText('Notification');
  // The read-out of the point the send falls in names it: walk back from the latest point.
  const chart = card.getByRole('slider', { name: /point in time/ });
  const readout = card.getByTestId('installs-readout');
  await chart.focus();
  await page.keyboard.press('End');
  await expect(async () => {
    const text = await readout.textContent();
    await page.keyboard.press('ArrowLeft');
    expect(text).toContain(`Notification sent: ${name}`);
  }).toPass({ timeout: 30_000 });
  // Back to the point that named it, for the screenshot.
  await page.keyboard.press('ArrowRight');
  await expect(readout).toContainText(`Notification sent: ${name}`);
  await page.screenshot({ path: testInfo.outputPath('installs-notification-marker.png') });

  await card.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  const table = card.getByRole('table', { name: /Issued and active passes of .*, 24 h/ });
  await expect(table.getByRole('columnheader', { name: 'Markers' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: `Notification sent: ${name}` })).toHaveCount(1);
});

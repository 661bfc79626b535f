/**
 * The list at 1,000 passes, on a sandbox of its own (a fresh DATA_DIR, so the other specs' data
 * and this one's never meet): only a screenful of rows is in the DOM however many are loaded,
 * focus survives scrolling, and the live count refresh asks only for the rows on screen.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { REQUIRED_PASS_IMAGES } from '../src/contract/rules';
import { appleImageSize, imageSlotOf } from '../src/contract/wallet-rules';
import { buildCreatePass } from '../src/testing/factories';
import { expect, solidPng, test } from './fixtures';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSES = 1000;
const VIEWPORT = { width: 1280, height: 800 };
/** Rows of 65 px on an 800 px screen, 4 more either side, and one kept for focus. */
const SCREENFUL = Math.ceil(VIEWPORT.height / 65) + 1 + 2 * 4 + 1;

let server: ChildProcess | undefined;
let dataDir: string;
let apiKey: string;
let workspaceId: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(join(tmpdir(), 'pass-studio-e2e-scale-'));
  // Node itself (with tsx's loader), not npx: stopping it then stops the server.
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
      SANDBOX_SIMULATE_INSTALLS: '1',
      SANDBOX_SIMULATE_INTERVAL_MS: '3000',
      SANDBOX_RATE_LIMIT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  let config: { demoKeys?: { apiKey: string; workspaceIds: string[] }[] } | undefined;
  for (let i = 0; i < 240 && !config; i++) {
    config = await fetch(`${BASE}/studio/config`)
      .then((r) => (r.ok ? r.json() : undefined))
      .catch(() => undefined);
    if (!config) await new Promise((r) => setTimeout(r, 500));
  }
  const key = config?.demoKeys?.[0];
  if (!key?.workspaceIds[0]) throw new Error('the scale sandbox did not start');
  apiKey = key.apiKey;
  workspaceId = key.workspaceIds[0];

  const headers = { 'api-key': apiKey, 'x-workspace-id': workspaceId };
  // Every tenth pass is Published (with the images that needs), so the sandbox moves its counts;
  // not all of them, so the simulation's ticks stay light.
  const uploadInfoList: { fileName: string; uploadKey: string }[] = [];
  for (const fileName of REQUIRED_PASS_IMAGES) {
    const { width, height } = appleImageSize(imageSlotOf(fileName));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(solidPng(width, height))], { type: 'image/png' }), fileName);
    const uploaded = await fetch(`${BASE}/v1/uploads`, { method: 'POST', headers, body: form });
    uploadInfoList.push({ fileName, uploadKey: ((await uploaded.json()) as { key: string }).key });
  }
  const create = (i: number) =>
    fetch(`${BASE}/v1/wallet-pass`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(
        buildCreatePass({
          passName: `Scale pass ${String(i).padStart(4, '0')}`,
          ...(i % 10 === 0 ? { status: 'Published', uploadInfoList: uploadInfoList as never } : {}),
        }),
      ),
    }).then(async (r) => {
      if (r.status !== 201) throw new Error(`creating pass ${i} answered ${r.status}: ${await r.text()}`);
    });
  for (let i = 0; i < PASSES; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, PASSES - i) }, (_, j) => create(i + j)));
  }
});

test.afterAll(async () => {
  if (server?.pid) {
    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Requests to the list endpoint made during `ms` milliseconds. */
async function listRequestsDuring(page: Page, ms: number): Promise<Request[]> {
  const requests: Request[] = [];
  const record = (request: Request) => {
    if (new URL(request.url()).pathname === '/v1/wallet-pass') requests.push(request);
  };
  page.on('request', record);
  // Watching the traffic over a span of time is the point here, not waiting for an event.
  // eslint-disable-next-line playwright/no-wait-for-timeout
  await page.waitForTimeout(ms);
  page.off('request', record);
  return requests;
}

const renderedRows = (page: Page) => page.locator('table tbody tr[data-index]');

async function loadEverything(page: Page) {
  const more = page.getByRole('button', { name: 'Load more passes' });
  const end = page.getByText(/passes are shown/);
  await expect(more.or(end)).toBeVisible();
  while (await more.isVisible()) {
    await more.click();
    await expect(more.or(end)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Loading more…' })).toHaveCount(0);
  }
}

test('1,000 loaded passes keep a screenful of rows in the DOM, focus survives scrolling, and the count refresh asks only for the rows on screen', async ({
  page,
}) => {
  // Fifty "Load more" clicks: about a second each on an idle machine, several on a busy one.
  test.setTimeout(480_000);
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${BASE}/w/${workspaceId}/passes`);
  const table = page.getByRole('table', { name: 'Passes with their status and install counts' });
  await expect(table).toHaveAttribute('aria-rowcount', '21');
  expect(await renderedRows(page).count()).toBeLessThanOrEqual(SCREENFUL);

  await loadEverything(page);
  const total = Number(await table.getAttribute('aria-rowcount')) - 1;
  expect(total).toBeGreaterThanOrEqual(PASSES);
  await expect(page.getByRole('status').filter({ hasText: `${total} passes loaded` })).toBeAttached();
  // The whole list's height is there (spacers), but only the rows around the screen are.
  expect(await renderedRows(page).count()).toBeLessThanOrEqual(SCREENFUL);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(total * 65);
  expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(2500);

  // Scrolling to the middle renders the middle: rows carry their place in the whole list.
  await page.evaluate(() => {
    const body = document.querySelector('table tbody')!;
    window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY + 500 * 65);
  });
  await expect(table.locator('tr[aria-rowindex="502"]')).toBeVisible();
  await expect(table.locator('tr[aria-rowindex="2"]')).toHaveCount(0);
  expect(await renderedRows(page).count()).toBeLessThanOrEqual(SCREENFUL);

  // A focused row stays in the DOM, and focused, when it scrolls far away.
  const row = table.locator('tr[aria-rowindex="503"]');
  const link = row.getByRole('link');
  const name = await link.textContent();
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeVisible();
  await expect(page.getByRole('link', { name: name ?? '', exact: true })).toBeFocused();
  expect(await renderedRows(page).count()).toBeLessThanOrEqual(SCREENFUL);
  await page.getByRole('link', { name: name ?? '', exact: true }).blur();

  // The count refresh, with 50 pages loaded, asks only for the rows on screen.
  await page.evaluate(() => {
    const body = document.querySelector('table tbody')!;
    window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY + 700 * 65);
  });
  await expect(page.locator('tr[aria-rowindex="702"]')).toBeVisible();

  const requests = await listRequestsDuring(page, 11_000);

  // Two or three ticks of 5 s, one request each (a screenful is under 20 rows), whatever the
  // 50 pages loaded; never a page of the list itself.
  expect(requests.length).toBeGreaterThanOrEqual(1);
  expect(requests.length).toBeLessThanOrEqual(3);
  const onScreen = await page
    .locator('tr[data-index]')
    .evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.index)));
  for (const request of requests) {
    const params = new URL(request.url()).searchParams;
    expect(params.has('cursor')).toBe(false);
    const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(Math.ceil(VIEWPORT.height / 65) + 1);
  }
  expect(Math.min(...onScreen)).toBeGreaterThan(650);

  // Counts move on screen (the sandbox moves the Published passes' counts every 3 s).
  const counts = page.locator('tr[data-index] td[data-col="issued"]');
  const before = await counts.allTextContents();
  await expect
    .poll(async () => (await counts.allTextContents()).join('|'), { timeout: 20_000 })
    .not.toBe(before.join('|'));

  // A hidden tab sends nothing.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await listRequestsDuring(page, 6_000)).toHaveLength(0);
});

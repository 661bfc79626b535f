import type { APIRequestContext, Page } from '@playwright/test';
import { PROXY_PORT } from '../playwright.config';
import { PassportApi, expect, solidPng, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PROXY_ORIGIN = `http://127.0.0.1:${PROXY_PORT}`;
const SANDBOX_ORIGIN = `http://127.0.0.1:${PROXY_PORT - 1}`;
const STORAGE_KEY = 'pass-studio.api-key';

// ---------------------------------------------------------------------------------------------
// Where a secret could leak from a page

/**
 * Watches a page for a secret: every URL the page navigated to, every request (URL, headers other
 * than `api-key`, body), every response header, and every console message or page error.
 */
function watchForSecret(page: Page, secret: string) {
  const navigations: string[] = [];
  const leaks: string[] = [];
  const pending: Promise<unknown>[] = [];
  let sentInHeader = 0;
  const origin = () => new URL(page.url()).origin;

  page.on('framenavigated', (frame) => {
    navigations.push(frame.url());
  });
  page.on('request', (request) => {
    if (request.url().includes(secret)) leaks.push(`request URL ${request.url()}`);
    const body = request.postDataBuffer();
    if (body?.includes(secret)) leaks.push(`request body of ${request.method()} ${request.url()}`);
    pending.push(
      request.allHeaders().then((headers) => {
        for (const [name, value] of Object.entries(headers)) {
          if (!value.includes(secret)) continue;
          if (name !== 'api-key' || value !== secret) {
            leaks.push(`request header ${name} of ${request.url()}`);
            continue;
          }
          sentInHeader += 1;
          // The key goes only to this origin's API (the Passport API under /v1 and the studio's own
          // endpoints, which authorise each read by asking the Passport API with this key), never to
          // another site or a page route.
          const url = new URL(request.url());
          if (url.origin !== origin() || !/^\/(v1|studio)\//.test(url.pathname)) {
            leaks.push(`api-key sent to ${request.url()}`);
          }
        }
      }),
    );
  });
  page.on('response', (response) => {
    pending.push(
      response.allHeaders().then((headers) => {
        for (const [name, value] of Object.entries(headers)) {
          if (value.includes(secret)) leaks.push(`response header ${name} of ${response.url()}`);
        }
      }),
    );
  });
  page.on('console', (message) => {
    if (message.text().includes(secret)) leaks.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (`${error.message}\n${error.stack ?? ''}`.includes(secret)) leaks.push(`page error ${error.message}`);
  });

  return {
    /** Every URL the page has been at, in order (in-app navigations included). */
    visited: () => [...navigations],
    /** How many requests carried the secret in the `api-key` header. */
    async sentInHeader() {
      await Promise.all(pending);
      return sentInHeader;
    },
    /** Everything observed so far, plus the page as it is now; `stored` says where the key may be. */
    async expectNoLeak(stored: { session: boolean; local: boolean }) {
      await Promise.all(pending);
      expect(leaks).toEqual([]);
      expect(navigations.length).toBeGreaterThan(0);
      expect(navigations.filter((url) => url.includes(secret))).toEqual([]);
      expect(page.url()).not.toContain(secret);
      expect(await page.content()).not.toContain(secret);
      const inPage = await page.evaluate(
        ([key, storageKey]) => {
          const scan = (storage: Storage) =>
            Object.keys(storage)
              .filter((name) => name.includes(key) || (storage.getItem(name) ?? '').includes(key))
              .map((name) => (name === storageKey && storage.getItem(name) === key ? 'api-key' : name));
          return {
            cookie: document.cookie.includes(key),
            title: document.title.includes(key),
            session: scan(sessionStorage),
            local: scan(localStorage),
            // Input values are not in the serialised HTML; no field may hold the key either.
            inputs: Array.from(document.querySelectorAll('input, textarea')).filter((el) =>
              (el as HTMLInputElement).value.includes(key),
            ).length,
          };
        },
        [secret, STORAGE_KEY] as const,
      );
      expect(inPage).toEqual({
        cookie: false,
        title: false,
        // Only ever under the one storage key, and only where the user chose to keep it.
        session: stored.session ? ['api-key'] : [],
        local: stored.local ? ['api-key'] : [],
        inputs: 0,
      });
      const cookies = await page.context().cookies();
      expect(cookies.filter((c) => c.value.includes(secret) || c.name.includes(secret))).toEqual([]);
    },
  };
}

async function storedKeys(page: Page) {
  return page.evaluate(
    (key) => ({ session: sessionStorage.getItem(key), local: localStorage.getItem(key) }),
    STORAGE_KEY,
  );
}

/** List → search → open the pass → change the top field → save → back to the list. */
async function useTheApp(page: Page, passName: string, topValue: string) {
  await page.getByRole('searchbox', { name: 'Search passes' }).fill(passName);
  await page.getByRole('table').getByRole('link', { name: passName }).click();
  // The editor's code and the pass load with the route; the shared machine can be slow.
  await expect(page.getByRole('heading', { name: passName, level: 1 })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Top field' }).getByLabel('Value').fill(topValue);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pass saved' })).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('link', { name: '← All passes' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search passes' })).toBeVisible();
}

async function upstreamConfig(request: APIRequestContext) {
  const response = await request.get(`${SANDBOX_ORIGIN}/studio/config`);
  return (await response.json()) as { demoKeys: { apiKey: string; label: string }[]; workspaces: { id: string }[] };
}

// ---------------------------------------------------------------------------------------------
// a. The API key

test.describe('the API key', () => {
  test('sandbox: it stays out of URLs, HTML, console, cookies and storage, and only rides in the api-key header', async ({
    page,
    api,
    studioConfig,
    workspaces,
  }) => {
    const demo = studioConfig.demoKeys![0]!;
    const key = demo.apiKey;
    const workspace = workspaces[0]!;
    const name = `Key sandbox ${unique()}`;
    const pass = await api.createPass(workspace.id, { passName: name });
    const watch = watchForSecret(page, key);

    // First run in the sandbox: connected with the demo key, kept in memory only.
    await page.goto(`/w/${workspace.id}/passes`);
    await useTheApp(page, name, `kept ${unique()}`);
    expect(await watch.sentInHeader()).toBeGreaterThan(0);
    // The history was recorded, in-app navigations included.
    expect(watch.visited()).toContainEqual(expect.stringContaining(`/passes/${pass.id}`));
    await watch.expectNoLeak({ session: false, local: false });
    expect((await api.getPass(workspace.id, pass.id)).passMetadata?.topField?.value).toMatch(/^kept /);

    // Disconnect, then connect again with "Remember on this device" ticked: localStorage only.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
    expect(await storedKeys(page)).toEqual({ session: null, local: null });
    await page.getByRole('checkbox', { name: /Remember on this device/ }).check();
    await page.getByRole('button', { name: demo.label! }).click();
    await expect(page.getByRole('searchbox', { name: 'Search passes' })).toBeVisible();
    expect(await storedKeys(page)).toEqual({ session: null, local: key });
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search passes' })).toBeVisible();
    await watch.expectNoLeak({ session: false, local: true });

    // Disconnect clears both.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
    expect(await storedKeys(page)).toEqual({ session: null, local: null });

    // Unticked: sessionStorage only.
    await page.getByRole('button', { name: demo.label! }).click();
    await expect(page.getByRole('searchbox', { name: 'Search passes' })).toBeVisible();
    expect(await storedKeys(page)).toEqual({ session: key, local: null });
    await watch.expectNoLeak({ session: true, local: false });
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
    expect(await storedKeys(page)).toEqual({ session: null, local: null });
    await watch.expectNoLeak({ session: false, local: false });
  });

  test.describe('proxy mode', () => {
    test.use({ baseURL: PROXY_ORIGIN });

    test('the key is forwarded, never stored by the server, and kept in the browser only as chosen', async ({
      page,
      request,
    }) => {
      const upstream = await upstreamConfig(request);
      const key = upstream.demoKeys[0]!.apiKey;
      const workspace = upstream.workspaces[0]!;
      // Seeded through the proxy itself: it forwards to the sandbox behind it.
      const api = new PassportApi(request, key);
      const name = `Key proxy ${unique()}`;
      const pass = await api.createPass(workspace.id, { passName: name });
      const watch = watchForSecret(page, key);

      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
      await page.getByLabel('Passport API key').fill(key);
      await page.getByRole('button', { name: 'Connect' }).click();
      await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/passes`));
      expect(await storedKeys(page)).toEqual({ session: key, local: null });

      const topValue = `via proxy ${unique()}`;
      await useTheApp(page, name, topValue);
      expect(await watch.sentInHeader()).toBeGreaterThan(0);
      await watch.expectNoLeak({ session: true, local: false });
      // The save went through the proxy to the API behind it.
      expect((await api.getPass(workspace.id, pass.id)).passMetadata?.topField?.value).toBe(topValue);

      await page.getByRole('button', { name: 'Disconnect' }).click();
      await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
      expect(await storedKeys(page)).toEqual({ session: null, local: null });

      // Remembered: localStorage only, and it survives a reload.
      await page.getByLabel('Passport API key').fill(key);
      await page.getByRole('checkbox', { name: /Remember on this device/ }).check();
      await page.getByRole('button', { name: 'Connect' }).click();
      await expect(page.getByRole('searchbox', { name: 'Search passes' })).toBeVisible();
      expect(await storedKeys(page)).toEqual({ session: null, local: key });
      await page.reload();
      await expect(page.getByRole('searchbox', { name: 'Search passes' })).toBeVisible();
      await watch.expectNoLeak({ session: false, local: true });

      await page.getByRole('button', { name: 'Disconnect' }).click();
      await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
      expect(await storedKeys(page)).toEqual({ session: null, local: null });
      await watch.expectNoLeak({ session: false, local: false });

      // The proxy keeps no keys: its config lists none and never echoes the one it forwarded.
      const config = await request.get('/studio/config');
      const text = await config.text();
      expect(text).not.toContain(key);
      const body = JSON.parse(text) as { mode: string; demoKeys?: unknown[] };
      expect(body.mode).toBe('proxy');
      expect(body.demoKeys ?? []).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// b. Hostile values

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

test('the document is served with a strict CSP and friends', async ({ page, workspaces }) => {
  // The sandbox on a deep link into the SPA, the proxy on its connect screen.
  for (const url of [`${SANDBOX_ORIGIN}/w/${workspaces[0]!.id}/passes`, `${PROXY_ORIGIN}/`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    const csp = directives(headers['content-security-policy'] ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    // No directive allows inline code, eval, wildcards or a named foreign origin.
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, name).not.toMatch(/unsafe-|^\*$|^https?:\/\/|^'nonce-|^'sha/);
      }
    }
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
});

declare global {
  interface Window {
    __cspViolations?: { directive: string; blocked: string; sample: string; source: string }[];
  }
}

test('the app runs under its CSP without a single violation', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const name = `CSP ${unique()}`;
  await api.createPass(workspace.id, {
    passName: name,
    status: 'Draft',
    uploadInfoList: (await api.requiredImages(workspace.id)) as never,
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  const cspMessages: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspMessages.push(message.text());
  });
  const violations = () => page.evaluate(() => window.__cspViolations ?? []);

  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('table').getByRole('link', { name });
  await expect(row).toBeVisible();

  // The list's preview drawer, both sides.
  await page.getByRole('button', { name: `Preview ${name}` }).click();
  const drawer = page.getByRole('dialog', { name });
  const drawerApple = drawer.getByRole('region', { name: 'Apple Wallet preview' });
  await drawerApple.getByRole('button', { name: 'Back' }).click();
  await drawerApple.getByRole('button', { name: 'Front' }).click();
  await drawer.getByRole('region', { name: 'Google Wallet preview' }).getByRole('button', { name: 'Details' }).click();
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  // The editor: every preview side, an image picked (shown from a blob: URL) and uploaded, a save.
  await row.click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const apple = page.getByRole('region', { name: 'Apple Wallet preview' });
  const google = page.getByRole('region', { name: 'Google Wallet preview' });
  for (const side of ['Back', 'Stacked', 'Front']) await apple.getByRole('button', { name: side }).click();
  for (const side of ['Details', 'Front']) await google.getByRole('button', { name: side }).click();
  await page.getByLabel('Replace logo.png').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: solidPng(480, 150, '#C0392B'),
  });
  const images = page.getByRole('region', { name: 'Images' });
  await expect(images.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(images.getByRole('img', { name: 'Current logo.png' })).toHaveJSProperty('complete', true);
  await page.getByRole('region', { name: 'Top field' }).getByLabel('Value').fill('1,234');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pass saved' })).toBeVisible();
  await expect(apple).toContainText('1,234');

  // The connect screen too.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();

  expect(await violations()).toEqual([]);
  expect(cspMessages).toEqual([]);
});

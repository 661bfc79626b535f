import { PROXY_PORT } from '../playwright.config';
import { expect, test } from './fixtures';

test.use({ baseURL: `http://127.0.0.1:${PROXY_PORT}` });

test('in proxy mode, a wrong key is refused and the right one lists passes through the proxy', async ({
  page,
  request,
}) => {
  // The sandbox behind the proxy is the upstream Passport API; its demo key is a real key there.
  const upstream = await request.get(`http://127.0.0.1:${PROXY_PORT - 1}/studio/config`);
  const { demoKeys, workspaces } = (await upstream.json()) as {
    demoKeys: { apiKey: string }[];
    workspaces: { id: string }[];
  };

  const config = await request.get('/studio/config');
  expect(await config.json()).toMatchObject({ mode: 'proxy' });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
  const keyInput = page.getByLabel('Passport API key');

  await keyInput.fill('ub_live_not_a_real_key');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The Passport API refused this key' })).toBeVisible();
  await expect(keyInput).toHaveValue('ub_live_not_a_real_key');

  await keyInput.fill(demoKeys[0]!.apiKey);
  await page.getByRole('button', { name: 'Connect' }).click();
  // The key's default workspace is discovered from what the API returns.
  await expect(page).toHaveURL(new RegExp(`/w/${workspaces[0]!.id}/passes`));
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();

  // The key is kept for the tab only, and never in the page's HTML or URL.
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('pass-studio.api-key'),
    local: localStorage.getItem('pass-studio.api-key'),
  }));
  expect(stored).toEqual({ session: demoKeys[0]!.apiKey, local: null });
  expect(await page.content()).not.toContain(demoKeys[0]!.apiKey);
  expect(page.url()).not.toContain(demoKeys[0]!.apiKey);

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Connect to Passport' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('pass-studio.api-key'))).toBeNull();
});

/**
 * Hostile content: every javascript:-like link is refused by the API, and hostile text (markup,
 * handlers, right-to-left overrides, long words) renders as text in the list, the preview drawer
 * and the editor.
 */
import type { Page } from '@playwright/test';
import { ALLOWED_LINK_SCHEMES } from '../src/contract/wallet-rules';
import { expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const HOSTILE_LINKS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(document.cookie)',
  ' javascript:alert(1)',
  'javascript:alert(1) ',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u202Ejavascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'javascript://example.com/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/path',
];

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(1)>';
const LONG = `W${'x'.repeat(248)}Z`;
const RTL = '\u202Eeciovni.exe';

test('the API refuses every javascript:-like link with 400 and names the link path', async ({
  api,
  request,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const headers = { 'api-key': api.apiKey, 'x-workspace-id': workspace.id };
  const pass = await api.createPass(workspace.id, { passName: `Links ${unique()}` });
  const metadata = pass.passMetadata!;
  const withLink = (link: string) => ({
    ...metadata,
    locations: undefined,
    backFields: [
      {
        key: 'links',
        label: 'Links',
        value: [
          { text: 'Safe', link: 'https://example.com/ok' },
          { text: 'Hostile', link },
        ],
      },
    ],
  });
  for (const link of HOSTILE_LINKS) {
    const label = JSON.stringify(link);
    const created = await request.post('/v1/wallet-pass', {
      headers,
      data: { passName: `Hostile ${unique()}`, status: 'Draft', passMetadata: withLink(link) },
    });
    expect(created.status(), label).toBe(400);
    const createdBody = (await created.json()) as { errorCode: string; context?: Record<string, string> };
    expect(createdBody.errorCode, label).toBe('INVALID_INPUT');
    expect(createdBody.context?.['passMetadata.backFields.0.value.1.link'], label).toMatch(
      /https:, http:, mailto: or tel:/,
    );

    const patched = await request.patch(`/v1/wallet-pass/${pass.id}`, {
      headers,
      data: { passMetadata: withLink(link) },
    });
    expect(patched.status(), label).toBe(400);
    const patchedBody = (await patched.json()) as { context?: Record<string, string> };
    expect(Object.keys(patchedBody.context ?? {}), label).toContain('passMetadata.backFields.0.value.1.link');
  }
  // Nothing hostile got in.
  const stored = await api.getPass(workspace.id, pass.id);
  expect(stored.passMetadata?.backFields).toEqual(pass.passMetadata?.backFields);
});

/** What the page's DOM says about injected markup and link schemes. */
async function domFindings(page: Page) {
  return page.evaluate(
    (allowed) => {
      const scripts = Array.from(document.scripts).filter((s) => /alert\(/.test(s.textContent ?? ''));
      const handlers = Array.from(document.querySelectorAll('*')).filter((el) =>
        el.getAttributeNames().some((name) => name.startsWith('on')),
      );
      const badLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
        .filter((a) => !allowed.includes(a.protocol))
        .map((a) => a.href);
      return {
        scripts: scripts.length,
        injectedImages: document.querySelectorAll('img[src="x"], svg[onload]').length,
        handlers: handlers.map((el) => el.outerHTML.slice(0, 80)),
        badLinks,
        overflowsPage: document.documentElement.scrollWidth > window.innerWidth + 1,
      };
    },
    ALLOWED_LINK_SCHEMES as readonly string[],
  );
}

const CLEAN = { scripts: 0, injectedImages: 0, handlers: [], badLinks: [], overflowsPage: false };

test('hostile text renders as text in the list, the preview drawer and the editor; a javascript: link is refused', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[1]!;
  const id = unique();
  const name = `${IMG} ${id}`;
  await api.createPass(workspace.id, {
    passName: name,
    passLinkSlug: `hostile-${id}`,
    status: 'Draft',
    notificationHeader: SCRIPT,
    passMetadata: {
      description: `${SVG} ${LONG}`,
      organizationName: SVG,
      backgroundColor: '#1F3068',
      displayTextColor: '#FFFFFF',
      topField: { key: 'points', label: RTL, value: SCRIPT, changeMessage: SCRIPT },
      secondaryFields: [
        { key: 'long', label: 'Long', value: LONG, changeMessage: '' },
        { key: 'rtl', label: IMG, value: RTL, changeMessage: '' },
      ],
      backFields: [
        {
          key: 'links',
          label: IMG,
          value: [{ text: SCRIPT, link: `https://example.com/${LONG.slice(0, 100)}` }],
        },
      ],
      qrUrl: `https://example.com/${encodeURIComponent(SCRIPT)}`,
      qrText: SCRIPT,
    },
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    // The editor's own unsaved-changes guard may ask when the test leaves; anything else is injected.
    if (dialog.type() === 'beforeunload') return void dialog.accept();
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    return void dialog.dismiss();
  });

  // The list.
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(id)}`);
  const row = page.getByRole('table').getByRole('link', { name });
  await expect(row).toBeVisible();
  await expect(row).toHaveText(name);
  expect(await domFindings(page)).toEqual(CLEAN);

  // The read-only preview drawer.
  await page.getByRole('button', { name: `Preview ${name}` }).click();
  const drawer = page.getByRole('dialog', { name });
  const drawerApple = drawer.getByRole('region', { name: 'Apple Wallet preview' });
  await expect(drawerApple.getByText(SCRIPT, { exact: true }).first()).toBeVisible();
  await expect(drawerApple.getByText(RTL, { exact: true }).first()).toBeVisible();
  await expect(drawerApple.getByText(LONG, { exact: true }).first()).toBeAttached();
  await drawerApple.getByRole('button', { name: 'Back' }).click();
  await expect(drawerApple.getByRole('link', { name: SCRIPT })).toHaveAttribute('href', /^https:\/\/example\.com\//);
  expect(await domFindings(page)).toEqual(CLEAN);
  await drawer.getByRole('button', { name: 'Edit pass' }).click();

  // The editor: inputs hold the values, previews show them as text.
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByLabel('Notification header')).toHaveValue(SCRIPT);
  await expect(page.getByRole('region', { name: 'Top field' }).getByLabel('Value')).toHaveValue(SCRIPT);
  const apple = page.getByRole('region', { name: 'Apple Wallet preview' });
  const google = page.getByRole('region', { name: 'Google Wallet preview' });
  await expect(apple.getByText(SCRIPT, { exact: true }).first()).toBeVisible();
  await expect(google.getByText(SCRIPT, { exact: true }).first()).toBeVisible();
  await expect(apple.getByText(IMG, { exact: true }).first()).toBeVisible();
  expect(await domFindings(page)).toEqual(CLEAN);

  // A javascript: link typed in the editor is refused at the field and never becomes a link.
  const link = page.getByRole('group', { name: 'Back field 1 link 1' }).getByLabel('Link', { exact: true });
  await link.fill('javascript:alert(1)');
  await link.blur();
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await expect(link).toHaveAccessibleDescription(/Use an https:, http:, mailto: or tel: link/);
  await apple.getByRole('button', { name: 'Back' }).click();
  await google.getByRole('button', { name: 'Details' }).click();
  for (const preview of [apple, google]) {
    const blocked = preview.getByText('blocked link', { exact: true });
    await expect(blocked).toBeVisible();
    // The link's text, still shown as text, next to the badge.
    await expect(blocked.locator('..')).toContainText(SCRIPT);
    await expect(preview.getByRole('link', { name: SCRIPT })).toHaveCount(0);
  }
  expect(await domFindings(page)).toEqual(CLEAN);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'One problem stops the save' })).toBeVisible();
  await expect(link).toBeFocused();

  // The server-rendered page a pass link opens escapes the name too.
  await page.goto(`/p/hostile-${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Add ${name} to your wallet`);
  expect(await page.content()).not.toContain(IMG);
  expect(await domFindings(page)).toEqual(CLEAN);
  expect(dialogs).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// c. Content-Security-Policy

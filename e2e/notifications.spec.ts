import type { APIRequestContext, Page } from '@playwright/test';
import { NotificationPageSchema, NotificationSchema, scheduleSlot } from '../src/contract/notifications';
import type { Notification } from '../src/contract/notifications';
import { expect, test } from './fixtures';
import type { PassportApi } from './fixtures';

// A zone away from UTC: the slot must be shown in the user's time, not the server's.
test.use({ timezoneId: 'America/New_York' });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function serverNow(request: APIRequestContext): Promise<number> {
  const response = await request.get('/studio/test/clock');
  expect(response.status(), 'the e2e sandbox runs with SANDBOX_CLOCK=controllable').toBe(200);
  return Date.parse(((await response.json()) as { now: string }).now);
}

async function publishedPassWithHolders(api: PassportApi, workspaceId: string, name: string) {
  const pass = await api.createPass(workspaceId, {
    passName: name,
    status: 'Published',
    notificationHeader: 'HARBOR CLUB',
  });
  // The sandbox's install simulation brings holders within a few seconds.
  await expect.poll(async () => (await api.getPass(workspaceId, pass.id)).totalActiveCount ?? 0).toBeGreaterThan(0);
  return pass;
}

async function notificationsOf(request: APIRequestContext, apiKey: string, workspaceId: string, passId: string) {
  const response = await request.get(`/v1/wallet-pass/notifications?passSerialNumber=${passId}`, {
    headers: { 'api-key': apiKey, 'x-workspace-id': workspaceId },
  });
  expect(response.status()).toBe(200);
  return NotificationPageSchema.parse(await response.json()).items;
}

/** Opens the composer (its code and the pass load with the route; the shared machine can be slow). */
async function openComposer(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByLabel('Internal name')).toBeVisible({ timeout: 30_000 });
}

async function compose(page: Page, name: string, message: string) {
  await page.getByLabel('Internal name').fill(name);
  await page.getByRole('textbox', { name: 'Message' }).fill(message);
}

test('compose with the preview, schedule, see it Scheduled, move the clock, see it sent with reach and stats', async ({
  page,
  api,
  workspaces,
  request,
}) => {
  const workspace = workspaces[0]!;
  const pass = await publishedPassWithHolders(api, workspace.id, `Notify ${unique()}`);
  const name = `Reopening ${unique()}`;
  const message = 'We are open again from Friday: show this pass at the door for a free coffee.';

  // From the editor.
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await page.getByRole('link', { name: 'Notify holders' }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /Notify holders/, level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('reach')).toContainText(/\d+ holders now · Apple \d+ · Google \d+/);
  await compose(page, name, message);

  // The previews follow the typing: Apple's banner titled with the notification header.
  const banner = page.getByTestId('apple-banner');
  await expect(banner).toContainText('HARBOR CLUB');
  await expect(page.getByTestId('apple-banner-message')).toHaveText(message);
  await expect(page.getByTestId('google-message')).toHaveText(message);
  await expect(page.getByTestId('google-budget')).toHaveText('0 of 3 used in the 24 hours around this send');

  // Schedule 20 minutes ahead of the sandbox's clock; the slot is shown in New York time.
  // The field holds whole minutes, so the slot is computed from the minute typed.
  const at = Math.floor(((await serverNow(request)) + 20 * 60_000) / 60_000) * 60_000;
  const slot = scheduleSlot(at);
  await page.getByRole('radio', { name: /Schedule/ }).check();
  const local = await page.evaluate((ms) => {
    const d = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, at);
  await page.getByLabel('Send at').fill(local);
  const slotText = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'America/New_York',
  }).format(slot);
  await expect(page.getByTestId('slot')).toContainText(slotText);
  await expect(page.getByTestId('slot')).toContainText('America/New_York');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled for' })).toBeVisible();

  const item = page.getByRole('listitem', { name });
  await expect(item).toContainText('Scheduled');
  await expect(item).toContainText(`Goes out`);
  await expect(item).toContainText(slotText);
  // The form is ready for the next one.
  await expect(page.getByLabel('Internal name')).toHaveValue('');

  // Ten minutes after the slot: sent, and delivery reports are in.
  const moved = await request.post('/studio/test/clock', { data: { now: new Date(slot + 10 * 60_000).toISOString() } });
  expect(moved.status()).toBe(200);
  await expect(item).toContainText('Sent', { timeout: 20_000 });
  const [sent] = (await notificationsOf(request, api.apiKey, workspace.id, pass.id)).filter(
    (n: Notification) => n.notificationName === name,
  );
  expect(NotificationSchema.parse(sent)).toMatchObject({ status: 'Published' });
  const reach = sent?.totalNotificationSentCount ?? 0;
  expect(reach).toBeGreaterThan(0);
  await expect(item.getByText(`${reach.toLocaleString('en-US')} (Apple`)).toBeVisible();
  await expect(item.getByRole('definition').nth(1)).toHaveText(/^[\d,]+ \([\d.]+%\)$/);
  await expect(item.getByRole('definition').nth(2)).toHaveText(/^[\d,]+ \([\d.]+%\)$/);
  // Sent ones are read-only: no edit, send or delete, but details.
  await expect(item.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
  await expect(item.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await item.getByRole('button', { name: 'Details' }).click();
  await expect(item.getByRole('heading', { name: 'Link clicks' })).toBeVisible();
});

test('a draft is saved, found on the Notifications page, edited and deleted', async ({
  page,
  api,
  workspaces,
  request,
}) => {
  const workspace = workspaces[0]!;
  const pass = await api.createPass(workspace.id, { passName: `Drafts ${unique()}`, status: 'Published' });
  const name = `Draft ${unique()}`;

  await openComposer(page, `/w/${workspace.id}/passes/${pass.id}/notify`);
  // Empty fields are refused at the field, nothing is sent.
  await page.getByRole('radio', { name: /Save as draft/ }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByLabel('Internal name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Write a message')).toBeVisible();

  await compose(page, name, 'First words');
  await page.getByRole('button', { name: 'Save draft' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Draft saved' });
  await expect(saved).toBeVisible();
  // Dismissed, so the toast of the edit below is the only one.
  await saved.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(saved).toBeHidden();
  const item = page.getByRole('listitem', { name });
  await expect(item).toContainText('Draft');

  // The workspace page, from the header: search by name and filter by status.
  await page.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await page.getByLabel('Search by name').fill(name);
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listitem', { name })).toContainText(pass.passName ?? '');
  await page.getByLabel('Status').selectOption('Sent');
  await expect(page.getByText('No notification matches')).toBeVisible();
  await page.getByLabel('Status').selectOption('Draft');
  await expect(page.getByRole('listitem', { name })).toBeVisible();

  // Edit: the composer opens with the draft, and saves it back.
  await page
    .getByRole('listitem', { name })
    .getByRole('link', { name: `Edit ${name}` })
    .click();
  await expect(page.getByRole('heading', { name: /Edit notification/, level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('First words');
  await page.getByRole('textbox', { name: 'Message' }).fill('Second, better words');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Notify holders/, level: 1 })).toBeVisible();
  await expect(item).toContainText('Second, better words');

  // Delete, after a confirmation.
  await item.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${name}”?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: `Delete ${name}` }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toHaveCount(0);
  expect(await notificationsOf(request, api.apiKey, workspace.id, pass.id)).toEqual([]);
});

test('the fourth notification of a pass in 24 hours warns about Google', async ({ page, api, workspaces, request }) => {
  const workspace = workspaces[0]!;
  const pass = await publishedPassWithHolders(api, workspace.id, `Budget ${unique()}`);
  // A send reaches Google (and uses its budget) only once the pass has Google holders.
  await expect.poll(async () => (await api.getPass(workspace.id, pass.id)).googleActiveCount ?? 0).toBeGreaterThan(0);
  for (let i = 0; i < 3; i++) {
    const response = await request.post('/v1/wallet-pass/notifications', {
      headers: { 'api-key': api.apiKey, 'x-workspace-id': workspace.id },
      data: { passSerialNumber: pass.id, notificationName: `Earlier ${i}`, notificationMessage: 'Hello' },
    });
    expect(response.status()).toBe(201);
  }
  await openComposer(page, `/w/${workspace.id}/passes/${pass.id}/notify`);
  await expect(page.getByTestId('google-budget')).toHaveText('3 of 3 used in the 24 hours around this send');
  await expect(page.getByRole('meter', { name: 'Google budget for this pass' })).toHaveAttribute('aria-valuenow', '3');
  await expect(page.getByRole('status').filter({ hasText: 'Fourth Google notification in 24 hours' })).toBeVisible();
  // A draft sends nothing, so it does not warn.
  await page.getByRole('radio', { name: /Save as draft/ }).check();
  await expect(page.getByText('Fourth Google notification in 24 hours')).toHaveCount(0);
});

test('a Draft pass warns that nobody holds it, and a long message that the lock screen cuts it', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Unpublished ${unique()}`;
  await api.createPass(workspace.id, { passName: name, status: 'Draft' });
  // From the pass's row in the list.
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Notify holders of ${name}` }).click();
  // The composer's code and the pass load with the route; the shared machine can be slow.
  await expect(page.getByRole('heading', { name: /Notify holders/, level: 1 })).toContainText(name, {
    timeout: 30_000,
  });
  await expect(page.getByRole('status').filter({ hasText: 'This pass is a draft' })).toBeVisible();
  await expect(page.getByText('Longer than the lock screen shows')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Message' }).fill('Long story. '.repeat(30));
  await expect(page.getByRole('status').filter({ hasText: 'Longer than the lock screen shows' })).toBeVisible();
});

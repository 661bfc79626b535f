import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// One evaluation per Tab stop, on a shared machine: the walks get time.
test.describe.configure({ timeout: 240_000 });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface FocusStop {
  what: string;
  /** The ring is drawn: an outline of 2px or more, or a box shadow. */
  ring: boolean;
  /** The control's centre is on screen and nothing (sticky header, save bar) lies over it. */
  uncovered: boolean;
}

/**
 * Reads the focused control: a visually hidden input (file, radio) draws its ring on the label
 * around it, so that label is what must show the ring and be in view.
 */
async function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return null;
    const small = active.getBoundingClientRect();
    const shown = small.width <= 2 || small.height <= 2 ? (active.closest('label') ?? active) : active;
    const style = getComputedStyle(shown);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '');
    const rect = shown.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const inView = x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight;
    const hit = inView ? document.elementFromPoint(x, y) : null;
    const uncovered = hit !== null && (hit === shown || shown.contains(hit) || hit.contains(active));
    const name =
      active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40) ?? active.getAttribute('name');
    return { what: `${active.tagName.toLowerCase()} "${name ?? ''}"`, ring, uncovered };
  });
}

/** Tabs through the page `stops` times (or until focus comes round again) and checks each stop. */
async function tabThrough(page: Page, stops: number) {
  const seen: FocusStop[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (!stop) continue;
    seen.push(stop);
  }
  expect(seen.length).toBeGreaterThan(10);
  const hiddenRing = seen.filter((s) => !s.ring).map((s) => s.what);
  const covered = seen.filter((s) => !s.uncovered).map((s) => s.what);
  expect(hiddenRing, 'focused controls without a visible ring').toEqual([]);
  expect(covered, 'focused controls hidden under the sticky header or save bar').toEqual([]);
  return seen;
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`every Tab stop of the editor shows a ring clear of the sticky bars at ${viewport.width} px`, async ({
    page,
    api,
    workspaces,
  }) => {
    const workspace = workspaces[0]!;
    const name = `Focus ${unique()}`;
    const pass = await api.createPass(workspace.id, {
      passName: name,
      status: 'Draft',
      uploadInfoList: (await api.requiredImages(workspace.id)) as never,
    });
    await api.createLocation(workspace.id, pass.id, { name: 'First shop' });
    await api.createLocation(workspace.id, pass.id, { name: 'Second shop' });
    await page.setViewportSize(viewport);
    await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Locations' })).toBeVisible({ timeout: 30_000 });
    // Something to save, so the save bar's buttons are Tab stops too.
    await page.getByLabel('Description').fill('Focus walk');
    await page.locator('body').click({ position: { x: 1, y: 200 } });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen = await tabThrough(page, 140);
    expect(seen.some((s) => s.what.includes('Save'))).toBe(true);
  });
}

test('every Tab stop of the list shows a ring clear of the sticky header', async ({ page, workspaces }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/w/${workspaces[0]!.id}/passes`);
  await expect(page.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await tabThrough(page, 60);
});

test('after a row is moved or removed, focus stays with the row or the one taking its place', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Rows ${unique()}`;
  const pass = await api.createPass(workspace.id, { passName: name, status: 'Draft' });
  await api.createLocation(workspace.id, pass.id, { name: 'North shop' });
  await api.createLocation(workspace.id, pass.id, { name: 'South shop' });
  await api.createLocation(workspace.id, pass.id, { name: 'East shop' });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const locations = page.getByRole('region', { name: 'Locations' });
  await expect(locations.getByRole('group', { name: 'Location 3' })).toBeVisible({ timeout: 30_000 });

  // Moving down keeps focus on the moved row's arrow, under its new name.
  await locations.getByRole('button', { name: 'Move location 1 down' }).focus();
  await page.keyboard.press('Enter');
  await expect(locations.getByRole('group', { name: 'Location 2' }).getByLabel('Name')).toHaveValue('North shop');
  await expect(locations.getByRole('button', { name: 'Move location 2 down' })).toBeFocused();
  // At the bottom its down arrow is disabled: focus goes to its up arrow.
  await page.keyboard.press('Enter');
  await expect(locations.getByRole('group', { name: 'Location 3' }).getByLabel('Name')).toHaveValue('North shop');
  await expect(locations.getByRole('button', { name: 'Move location 3 up' })).toBeFocused();

  // Removing a row focuses the row that took its place, then the one before it at the end.
  await locations.getByRole('button', { name: 'Remove location 1' }).focus();
  await page.keyboard.press('Enter');
  const first = locations.getByRole('group', { name: 'Location 1' });
  await expect(first.getByLabel('Name')).toHaveValue('East shop');
  await expect(first).toBeFocused();
  await locations.getByRole('button', { name: 'Remove location 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(locations.getByRole('group', { name: 'Location 2' })).toHaveCount(0);
  await expect(first).toBeFocused();
  // The last row gone, focus goes to the section's Add button.
  await locations.getByRole('button', { name: 'Remove location 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(locations.getByText('No locations yet.')).toBeVisible();
  await expect(locations.getByRole('button', { name: 'Add location' })).toBeFocused();
});

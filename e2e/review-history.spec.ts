import type { Page } from '@playwright/test';
import {
  type PassVersion,
  PassVersionListSchema,
  PassVersionSchema,
  changedParts,
} from '../src/contract/pass-versions';
import type { PassportApi } from './fixtures';
import { expect as baseExpect, test } from './fixtures';

// The machine running the suite may be busy; these flows wait for real saves and reads.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Screenshots of the new dialogs for looking at, at the two widths the dashboard is built for. */
async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The studio's history of a pass, read the way the dashboard reads it. */
async function history(api: PassportApi, request: Page['request'], workspaceId: string, passId: string) {
  const headers = { 'api-key': api.apiKey, 'x-workspace-id': workspaceId };
  const list = PassVersionListSchema.parse(
    await (await request.get(`/studio/passes/${passId}/versions`, { headers })).json(),
  );
  const full = async (versionId: number): Promise<PassVersion> =>
    PassVersionSchema.parse(
      await (await request.get(`/studio/passes/${passId}/versions/${versionId}`, { headers })).json(),
    );
  return { items: list.items, full };
}

test('a Published pass is reviewed before saving; History shows versions saved here and elsewhere and restores one', async ({
  page,
  api,
  workspaces,
}) => {
  const workspace = workspaces[0]!;
  const name = `Review ${unique()}`;
  const pass = await api.createPass(workspace.id, { status: 'Published', passName: name });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);

  const top = page.getByRole('region', { name: 'Top field' });
  await top.getByLabel('Value').fill('25');
  const description = 'Collect double points at every visit this summer, in every one of our harbour shops.';
  await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  // The review lists exactly the two changed fields, and the banner the top field produces.
  const review = page.getByRole('dialog', { name: 'Review before saving' });
  await expect(review).toBeVisible();
  await expect(review).toContainText('2 changes');
  await expect(review.getByRole('heading', { level: 4 })).toHaveText(['Front']);
  const changes = review.getByRole('region', { name: 'Front' }).getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Description');
  await expect(changes.nth(0).getByRole('insertion')).toContainText(['summer, in every one of our harbour shops.']);
  await expect(changes.nth(1)).toContainText('Top field: value');
  await expect(changes.nth(1).getByRole('deletion')).toHaveText('10');
  await expect(changes.nth(1).getByRole('insertion')).toHaveText('25');
  await expect(review.getByRole('list', { name: 'Lock-screen banners' }).getByRole('listitem')).toHaveText([
    /You now have 25 points.*From the top field/,
  ]);
  await shoot(page, 'review');

  // Escape goes back to the form with nothing lost and nothing written.
  await page.keyboard.press('Escape');
  await expect(review).toBeHidden();
  await expect(top.getByLabel('Value')).toHaveValue('25');
  await expect(page.getByLabel('Description')).toHaveValue(description);
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.topField?.value).toBe('10');

  // Ctrl+S shows the review again; Confirm saves.
  await page.keyboard.press('Control+s');
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  expect((await api.getPass(workspace.id, pass.id)).passMetadata?.topField?.value).toBe('25');

  await page.getByRole('button', { name: 'History' }).click();
  let panel = page.getByRole('dialog', { name: 'History' });
  let versions = panel.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Saved here');
  await expect(versions.nth(0)).toContainText('Description and Top field');
  await panel.getByRole('button', { name: 'Close' }).click();

  // Someone changes the pass with the API directly: an observed version, saved elsewhere.
  await api.patchPass(workspace.id, pass.id, { passName: `${name} (renamed elsewhere)` });
  await page.reload();
  await expect(page.getByLabel('Pass name')).toHaveValue(`${name} (renamed elsewhere)`);
  await page.getByRole('button', { name: 'History' }).click();
  panel = page.getByRole('dialog', { name: 'History' });
  versions = panel.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText('Saved elsewhere');
  await expect(versions.nth(0)).toContainText('Pass name');
  await shoot(page, 'history');

  // Restore the first version: it is loaded into the form as unsaved changes.
  await versions.nth(2).getByRole('button').click();
  const detail = page.getByRole('dialog', { name: /^Version of / });
  await expect(detail.getByRole('region', { name: 'Pass' })).toContainText(`${name} (renamed elsewhere)`);
  await shoot(page, 'history-version');
  await detail.getByRole('button', { name: 'Restore this version' }).click();
  await expect(detail).toBeHidden();
  await expect(page.getByLabel('Pass name')).toHaveValue(name);
  await expect(top.getByLabel('Value')).toHaveValue('10');
  await expect(page.getByText(/Unsaved changes/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await review.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();

  const kept = await history(api, page.request, workspace.id, pass.id);
  expect(kept.items.map((v) => v.source)).toEqual(['saved', 'observed', 'saved', 'observed']);
  const [latest, first] = [await kept.full(kept.items[0]!.versionId), await kept.full(kept.items[3]!.versionId)];
  expect(changedParts(first.pass, latest.pass)).toEqual([]);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('dialog', { name: 'History' }).getByRole('listitem').first()).toContainText('Saved here');
});

test('undo and redo across added, moved and removed rows and Discard', async ({ page, api, workspaces }) => {
  const workspace = workspaces[1]!;
  const pass = await api.createPass(workspace.id, { passName: `Undo ${unique()}` });
  const [one, two] = (pass.passMetadata?.secondaryFields ?? []).map((f) => f.label ?? '');
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  const section = page.getByRole('region', { name: 'Secondary fields' });
  // The save bar's (the Images section has an Undo of its own for a replaced image).
  const undoRedo = page.getByRole('group', { name: 'Undo and redo' });
  const undo = undoRedo.getByRole('button', { name: 'Undo' });
  const redo = undoRedo.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();

  await section.getByRole('button', { name: 'Add secondary field' }).click();
  await section.getByRole('group', { name: 'Secondary field 3' }).getByLabel('Label', { exact: true }).fill('Bonus');
  await page.getByRole('heading', { name: 'Secondary fields' }).click(); // the edit ends when the field is left
  await section.getByRole('button', { name: 'Move secondary field 3 up' }).click();
  await section.getByRole('button', { name: 'Remove secondary field 1' }).click();
  await expect(section.getByRole('group', { name: /^Secondary field \d+$/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(section.getByRole('group', { name: /^Secondary field \d+$/ })).toHaveCount(2);

  const values = async () =>
    section
      .getByRole('group', { name: /^Secondary field \d+$/ })
      .getByLabel('Label', { exact: true })
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(await values()).toEqual([one, two]);
  await shoot(page, 'undo-save-bar');

  const expected = [
    ['Bonus', two], // Discard undone
    [one, 'Bonus', two], // the removal undone
    [one, two, 'Bonus'], // the move undone
    [one, two, ''], // the typing undone
    [one, two], // the added row undone
  ];
  for (const step of expected) {
    await undo.click();
    await expect.poll(values).toEqual(step);
  }
  await expect(undo).toBeDisabled();

  // Redo with the keyboard (focus is on a button, not in a text field), undo again.
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(values).toEqual([one, two, '']);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(values).toEqual([one, two, 'Bonus']);
  await page.keyboard.press('Control+Z');
  await expect.poll(values).toEqual([one, two, '']);
  await expect(redo).toBeEnabled();

  // Inside a text field, Ctrl+Z is the browser's own undo of that field.
  const passName = page.getByLabel('Pass name');
  await passName.click();
  await passName.press('End');
  await passName.pressSequentially('!!');
  await passName.press('Control+z');
  await expect(passName).not.toHaveValue(`${pass.passName}!!`);
  await expect.poll(values).toEqual([one, two, '']);
});

test('delete behind a confirmation, then Restore as new pass', async ({ page, api, workspaces }) => {
  const workspace = workspaces[0]!;
  const name = `Delete ${unique()}`;
  const pass = await api.createPass(workspace.id, { status: 'Published', passName: name });
  await api.createLocation(workspace.id, pass.id, { name: 'Quay shop' });
  await page.goto(`/w/${workspace.id}/passes/${pass.id}`);
  await expect(page.getByLabel('Pass name')).toHaveValue(name);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${name}”?` });
  // Published passes gain holders in the sandbox as time goes by: the dialog names how many.
  await expect(confirm).toContainText(
    /This pass is published\. (1 person has|[\d,]+ people have) it in their wallet \([\d,]+ Apple Wallet, [\d,]+ Google Wallet\)/,
  );
  const remove = confirm.getByRole('button', { name: 'Delete pass' });
  await expect(remove).toBeDisabled();
  await confirm.getByLabel(`Type “${name}” to confirm`).fill(`${name} typo`);
  await expect(remove).toBeDisabled();
  await shoot(page, 'delete');
  await confirm.getByLabel(`Type “${name}” to confirm`).fill(name);
  await remove.click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/passes$`));
  expect((await page.request.get(`/v1/wallet-pass/${pass.id}`, { headers: { 'api-key': api.apiKey } })).status()).toBe(
    404,
  );

  await page.getByRole('button', { name: 'Recently deleted' }).click();
  const deleted = page.getByRole('dialog', { name: 'Recently deleted' });
  await shoot(page, 'recently-deleted');
  await deleted.getByRole('button', { name: `Restore “${name}” as new pass` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/passes/(?!${pass.id})[\\w-]+$`));
  await expect(page.getByLabel('Pass name')).toHaveValue(name);
  await expect(page.getByRole('region', { name: 'Locations' }).getByLabel('Name')).toHaveValue('Quay shop');
  const restoredId = page.url().split('/').pop()!;
  const restored = await api.getPass(workspace.id, restoredId);
  expect([restored.passName, restored.status, restored.passMetadata?.topField?.value]).toEqual([name, 'Draft', '10']);

  // A Draft is deleted from its list row without typing its name.
  const draft = await api.createPass(workspace.id, { passName: `Row delete ${unique()}` });
  await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(draft.passName!)}`);
  await page.getByRole('button', { name: `Delete ${draft.passName}` }).click();
  const rowConfirm = page.getByRole('dialog', { name: `Delete “${draft.passName}”?` });
  await expect(rowConfirm).toContainText('nobody holds it');
  await rowConfirm.getByRole('button', { name: 'Delete pass' }).click();
  await expect(rowConfirm).toBeHidden();
  await expect(page.getByRole('link', { name: draft.passName! })).toHaveCount(0);
});

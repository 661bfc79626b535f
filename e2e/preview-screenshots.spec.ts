import { expect, test } from './fixtures';

/**
 * Visual baselines of the previews of two seeded passes (the seed is deterministic). Compared with
 * the platform facts of wallet-preview.md before being committed; `npx playwright test
 * --update-snapshots e2e/preview-screenshots.spec.ts` renews them after a deliberate change.
 */
const PASSES = [
  { name: 'Copperline Coffee Rewards', slug: 'copperline' },
  { name: 'Tidewater Tacos Stamp Card', slug: 'tidewater' },
];

test.use({ viewport: { width: 1400, height: 1100 } });

for (const { name, slug } of PASSES) {
  test(`preview baselines of ${name}`, async ({ page, api, workspaces }) => {
    const workspace = workspaces[0]!;
    const [pass] = await api.listPasses(workspace.id, { passName: name });
    expect(pass).toBeDefined();
    await page.goto(`/w/${workspace.id}/passes?q=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Preview ${name}` }).click();
    const drawer = page.getByRole('dialog', { name });
    const apple = drawer.getByRole('region', { name: 'Apple Wallet preview' });
    const google = drawer.getByRole('region', { name: 'Google Wallet preview' });
    // Images are part of the picture: wait until every one has loaded.
    await expect
      .poll(() => drawer.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete)))
      .toBe(true);

    const options = { maxDiffPixelRatio: 0.01, animations: 'disabled' as const };
    await expect(apple).toHaveScreenshot(`${slug}-apple-front.png`, options);
    await apple.getByRole('button', { name: 'Back' }).click();
    await expect(apple).toHaveScreenshot(`${slug}-apple-back.png`, options);
    await expect(google).toHaveScreenshot(`${slug}-google-front.png`, options);
    await google.getByRole('button', { name: 'Details' }).click();
    await expect(google).toHaveScreenshot(`${slug}-google-details.png`, options);
  });
}

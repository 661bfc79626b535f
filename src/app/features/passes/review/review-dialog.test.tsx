import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { WalletPass } from '../../../../contract/schemas';
import { buildPass } from '../../../../testing/factories';
import { compareVersions } from './pass-changes';
import { ReviewDialog } from './review-dialog';

beforeAll(() => {
  // jsdom has no modal dialogs; the browser's behaviour that matters here is open + cancel.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

function versions(): [WalletPass, WalletPass] {
  const before = buildPass({
    status: 'Published',
    notificationHeader: 'HARBOR',
    uploadInfoList: [{ fileName: 'logo.png', uploadKey: 'a', url: '/files/a.png' }],
  });
  const after = structuredClone(before);
  after.passMetadata!.topField!.value = '25';
  after.passMetadata!.secondaryFields![0]!.value = 'Gold';
  after.passMetadata!.secondaryFields!.reverse();
  after.passMetadata!.description = 'A pass made by a test, now with a much longer description for the summer season.';
  after.uploadInfoList = [{ fileName: 'logo.png', uploadKey: 'b', url: '/files/b.png' }];
  return [before, after];
}

describe('ReviewDialog', () => {
  it('lists the changes by section, the banners and the reach, and confirms', async () => {
    const [before, after] = versions();
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    render(
      <ReviewDialog
        open
        onClose={onClose}
        onConfirm={onConfirm}
        changes={compareVersions(before, after)}
        reach={{ apple: 1200, google: 34 }}
        published
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Review before saving' });
    expect(dialog).toHaveAccessibleDescription(
      /5 changes\. Saving updates this pass on 1,234 phones .*1,200 in Apple Wallet, 34 in Google Wallet/,
    );

    const front = within(dialog).getByRole('region', { name: 'Front' });
    expect(within(front).getByText('Top field: value').parentElement).toHaveTextContent('Before: 10→, after: 25');
    expect(within(front).getByText('Description').parentElement).toHaveTextContent(/\[added: .*summer season\.\]/);

    const secondary = within(dialog).getByRole('region', { name: 'Secondary fields' });
    const rows = within(secondary).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Secondary field “Label \d+”Moved from 2 to 1$/),
      expect.stringMatching(/^Secondary field “Label \d+”EditedValueBefore: Value \d+→, after: Gold$/),
      expect.stringMatching(/^ValueBefore/),
    ]);

    const images = within(dialog).getByRole('region', { name: 'Images' });
    expect(within(images).getByRole('img', { name: 'Logo before' })).toHaveAttribute('src', '/files/a.png');
    expect(within(images).getByRole('img', { name: 'Logo after' })).toHaveAttribute('src', '/files/b.png');

    const banners = within(dialog).getByRole('list', { name: 'Lock-screen banners' });
    expect(
      within(banners)
        .getAllByRole('listitem')
        .map((b) => b.textContent),
    ).toEqual([
      'HARBORYou now have 25 pointsFrom the top field',
      expect.stringMatching(/^HARBORNow GoldFrom the secondary field/),
    ]);
    expect(dialog).toHaveTextContent('iOS shows one generic banner');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Save and update 1,234 holders' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Back to editing' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('reads as a plain review for a draft, with nothing to confirm', () => {
    const [before, after] = versions();
    before.status = after.status = 'Draft';
    render(
      <ReviewDialog open onClose={() => {}} changes={compareVersions(before, after)} reach={null} published={false} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Review changes' });
    expect(dialog).toHaveAccessibleDescription(/draft: saving changes no one’s wallet/);
    expect(within(dialog).queryByRole('list', { name: 'Lock-screen banners' })).toBeNull();
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Close']);
  });
});

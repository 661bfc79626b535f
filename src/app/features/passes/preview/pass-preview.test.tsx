import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WalletPassSchema } from '../../../../contract/schemas';
import { ApplePassPreview } from './apple-pass-preview';
import example from '../../../../testing/example-pass.json';
import { GooglePassPreview } from './google-pass-preview';
import { LockScreenPreview } from './lock-screen-preview';
import { PassPreviewPanel } from './pass-preview-panel';
import { type PreviewPass, previewPassOf } from './preview-input';

/** The documented example pass, plus a back field whose links must never become links. */
function examplePass(): PreviewPass {
  const stored = WalletPassSchema.parse(example);
  const pass = previewPassOf(stored);
  return {
    ...pass,
    passMetadata: {
      ...pass.passMetadata,
      backFields: [
        ...(pass.passMetadata?.backFields ?? []),
        {
          key: 'evil',
          label: 'Suspicious',
          value: [
            { text: 'Win a prize', link: 'javascript:alert(1)' },
            { text: 'Shouty', link: ' JaVaScRiPt:alert(1)' },
            { text: 'Data', link: 'data:text/html,<b>x</b>' },
          ],
        },
      ],
    },
  };
}

/** Renders a preview, finds its card by test id and checks each text is shown on it. */
function renderCard(ui: React.ReactElement, testId: string, texts: string[]): HTMLElement {
  render(ui);
  const card = screen.getByTestId(testId);
  for (const text of texts) expect(within(card).getByText(text)).toBeVisible();
  return card;
}

describe('ApplePassPreview', () => {
  it('draws the front of the example store card', () => {
    const card = renderCard(<ApplePassPreview pass={examplePass()} side="front" />, 'apple-front', [
      'Bean & Bloom Coffee Co.',
      'BEANS',
      '7 / 10',
      'Tier',
      'Espresso Club',
      'Next reward',
      'Free oat latte',
      'Member since',
      'Mar 2024',
      'Scan at the register to collect beans',
    ]);
    expect(card).toHaveStyle({ backgroundColor: 'rgb(59, 42, 32)' });
    expect(within(card).getByText('7 / 10')).toHaveStyle({
      color: 'rgb(255, 248, 238)',
    });
    expect(within(card).getByRole('img', { name: 'Bean & Bloom Coffee Co. logo' })).toHaveAttribute(
      'src',
      'https://assets.example.net/wallet-pass/1f0a7c12-4d5e-6f70-8192-a3b4c5d6e7f8.png',
    );
    expect(within(card).getByRole('img', { name: /QR code/ })).toBeInTheDocument();
    // The example carries footer.png, which a store card never draws.
    expect(screen.getByText('footer.png is not shown on Apple store cards')).toBeInTheDocument();
    // A read-only preview has no buttons.
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows only 4 secondary fields and says how many are hidden', () => {
    const pass: PreviewPass = {
      passMetadata: {
        secondaryFields: Array.from({ length: 7 }, (_, i) => ({
          label: `L${i}`,
          value: `V${i}`,
        })),
      },
    };
    render(<ApplePassPreview pass={pass} side="front" />);
    expect(screen.getByText('V3')).toBeInTheDocument();
    expect(screen.queryByText('V4')).not.toBeInTheDocument();
    expect(screen.getByText(/\+3 more not shown on Apple Wallet/)).toBeInTheDocument();
  });

  it('renders safe back-field links as new-tab links and unsafe ones as plain text', () => {
    render(<ApplePassPreview pass={examplePass()} side="back" />);
    expect(screen.getByText(/Earn one bean per dollar/)).toBeInTheDocument();
    const instagram = screen.getByRole('link', { name: 'Instagram' });
    expect(instagram).toHaveAttribute('href', 'https://www.instagram.com/beanandbloom.example/');
    expect(instagram).toHaveAttribute('target', '_blank');
    expect(instagram).toHaveAttribute('rel', 'noopener noreferrer');
    for (const text of ['Win a prize', 'Shouty', 'Data']) {
      expect(screen.getByText(text)).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: new RegExp(text) })).not.toBeInTheDocument();
    }
    expect(screen.getAllByText('blocked link')).toHaveLength(3);
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:|tel:)/);
    }
  });

  it('shows only the top band when stacked', () => {
    render(<ApplePassPreview pass={examplePass()} side="stacked" />);
    expect(screen.getByText('7 / 10')).toBeInTheDocument();
    expect(screen.queryByText('Espresso Club')).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /QR code/ })).not.toBeInTheDocument();
  });

  it('reports the form path of what is clicked', async () => {
    const user = userEvent.setup();
    const onSelectField = vi.fn();
    const { rerender } = render(<ApplePassPreview pass={examplePass()} side="front" onSelectField={onSelectField} />);
    await user.click(screen.getByRole('button', { name: /Edit top field/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.topField.value');
    await user.click(screen.getByText('Free oat latte'));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.secondaryFields.1.value');
    await user.click(screen.getByRole('button', { name: /Edit organisation name/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.organizationName');
    await user.click(screen.getByRole('button', { name: /Edit QR code content/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.qrUrl');
    await user.click(screen.getByRole('button', { name: /Edit logo/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('images.logo');

    rerender(<ApplePassPreview pass={examplePass()} side="back" onSelectField={onSelectField} />);
    await user.click(screen.getByRole('button', { name: 'Edit link TikTok' }));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.backFields.1.value.1.link');
    await user.click(screen.getByRole('button', { name: /Edit description/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.description');
  });

  it('is keyboard-usable', async () => {
    const user = userEvent.setup();
    const onSelectField = vi.fn();
    render(<ApplePassPreview pass={examplePass()} side="stacked" onSelectField={onSelectField} />);
    const top = screen.getByRole('button', { name: /Edit top field/ });
    top.focus();
    await user.keyboard('{Enter}');
    expect(onSelectField).toHaveBeenCalledWith('passMetadata.topField.value');
  });

  it('draws a half-filled draft', () => {
    render(
      <ApplePassPreview
        pass={{
          passMetadata: {
            topField: { label: null, value: '3' },
            secondaryFields: [null, {}],
            backFields: [{}],
          },
        }}
        side="front"
      />,
    );
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /QR code/ })).toHaveTextContent('No QR content');
  });
});

describe('GooglePassPreview', () => {
  it('draws the front of the example as a generic pass', () => {
    const card = renderCard(<GooglePassPreview pass={examplePass()} side="front" />, 'google-front', [
      'Bean & Bloom Coffee Co.',
      'BEANS',
      '7 / 10',
      'Espresso Club',
      'Free oat latte',
      'Mar 2024',
      'Scan at the register to collect beans',
    ]);
    expect(card).toHaveStyle({ backgroundColor: '#3B2A20', color: '#FFFFFF' });
    expect(within(card).getByRole('img', { name: 'Bean & Bloom Coffee Co. logo' })).toBeInTheDocument();
  });

  it('uses dark text on a light background', () => {
    render(<GooglePassPreview pass={{ passMetadata: { backgroundColor: '#F4E9D8' } }} side="front" />);
    expect(screen.getByTestId('google-front')).toHaveStyle({
      color: '#000000',
    });
  });

  it('lists safe links in the details, and never makes javascript: a link', () => {
    render(<GooglePassPreview pass={examplePass()} side="details" />);
    expect(screen.getByText(/Earn one bean per dollar/)).toBeInTheDocument();
    const links = within(screen.getByRole('region', { name: 'Links' })).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Order in the app',
      'Instagram',
      'TikTok',
      'Rewards terms and conditions',
    ]);
    expect(screen.getByText('Win a prize').closest('a')).toBeNull();
    expect(screen.getByText('Open Bean & Bloom')).toBeInTheDocument();
  });

  it('reports the form path of what is clicked', async () => {
    const user = userEvent.setup();
    const onSelectField = vi.fn();
    render(<GooglePassPreview pass={examplePass()} side="front" onSelectField={onSelectField} />);
    await user.click(screen.getByRole('button', { name: /Edit top field/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('passMetadata.topField.value');
    await user.click(screen.getByRole('button', { name: /Edit hero image/ }));
    expect(onSelectField).toHaveBeenLastCalledWith('images.strip');
  });
});

describe('LockScreenPreview', () => {
  it('shows the update banner and the location card', () => {
    render(<LockScreenPreview pass={examplePass()} />);
    expect(screen.getAllByText('BEAN & BLOOM')[0]).toBeInTheDocument();
    expect(screen.getByText('Your bean count changed')).toBeInTheDocument();
    // Several fields carry a change message: iOS's single generic banner is shown too.
    const generic = screen.getByTestId('generic-banner');
    expect(generic).toHaveTextContent('If several of these fields change in one update, iOS shows one generic banner');
    expect(within(generic).getByText('Pass updated')).toBeInTheDocument();
    expect(
      screen.getByText("You're a block from Bean & Bloom Pearl. Show your card to earn beans."),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Hawthorne/)).not.toBeInTheDocument();
  });

  it('says when no location applies', () => {
    render(
      <LockScreenPreview
        pass={{
          passMetadata: {
            topField: { value: '9', changeMessage: 'Now %@ beans' },
          },
        }}
      />,
    );
    expect(screen.getByText('Now 9 beans')).toBeInTheDocument();
    expect(screen.getByText('No enabled location with relevant text')).toBeInTheDocument();
  });
});

describe('PassPreviewPanel', () => {
  it('switches sides with pressed buttons in labelled regions', async () => {
    const user = userEvent.setup();
    render(<PassPreviewPanel pass={examplePass()} />);
    expect(screen.getByRole('heading', { name: 'Preview' })).toBeInTheDocument();
    const apple = screen.getByRole('region', { name: 'Apple Wallet preview' });
    const google = screen.getByRole('region', {
      name: 'Google Wallet preview',
    });
    expect(screen.getByRole('region', { name: 'Lock screen preview' })).toBeInTheDocument();

    const back = within(apple).getByRole('button', { name: 'Back' });
    expect(back).toHaveAttribute('aria-pressed', 'false');
    await user.click(back);
    expect(back).toHaveAttribute('aria-pressed', 'true');
    expect(within(apple).getByTestId('apple-back')).toBeInTheDocument();

    await user.click(within(google).getByRole('button', { name: 'Details' }));
    expect(within(google).getByTestId('google-details')).toBeInTheDocument();
  });

  it('shows one platform at a time when compact', async () => {
    const user = userEvent.setup();
    render(<PassPreviewPanel pass={examplePass()} compact />);
    expect(screen.getByRole('region', { name: 'Apple Wallet preview' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Google Wallet preview' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Google' }));
    expect(screen.getByRole('region', { name: 'Google Wallet preview' })).toBeInTheDocument();
  });
});

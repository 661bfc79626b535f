import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
} from '../../../../../testing/editor-harness';
import { QrSection } from './qr-section';

describe('QrSection', () => {
  it('shows the stored code and caption and submits edits', async () => {
    const h = renderSection(<QrSection />, {
      pass: passWithMetadata({ qrUrl: 'https://shop.example/scan', qrText: 'Scan me' }),
    });
    expect(screen.getByLabelText('QR code content')).toHaveValue('https://shop.example/scan');
    await h.user.clear(screen.getByLabelText('QR code content'));
    await h.user.type(screen.getByLabelText('QR code content'), 'MEMBER-2048');
    await h.user.clear(screen.getByLabelText('QR caption'));
    await h.user.type(screen.getByLabelText('QR caption'), 'Show at the till');
    await h.submit();
    expect(h.submitted().passMetadata).toMatchObject({ qrUrl: 'MEMBER-2048', qrText: 'Show at the till' });
  });

  it('accepts an empty code and caption', async () => {
    const h = renderSection(<QrSection />, { pass: passWithMetadata({ qrUrl: 'x', qrText: 'y' }) });
    await h.user.clear(screen.getByLabelText('QR code content'));
    await h.user.clear(screen.getByLabelText('QR caption'));
    await h.submit();
    expect(h.submitted().passMetadata).toMatchObject({ qrUrl: '', qrText: '' });
  });

  it('limits typing to the lengths the API accepts', () => {
    renderSection(<QrSection />);
    expect(screen.getByLabelText('QR code content')).toHaveAttribute('maxlength', '2048');
    expect(screen.getByLabelText('QR caption')).toHaveAttribute('maxlength', '255');
  });

  it('refuses a stored caption over 255 and content over 2048 characters', async () => {
    const h = renderSection(<QrSection />, {
      pass: passWithMetadata({ qrUrl: 'q'.repeat(2049), qrText: 't'.repeat(256) }),
    });
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expectFieldError(screen.getByLabelText('QR caption'), 'QR caption must be at most 255 characters');
    expectFieldError(screen.getByLabelText('QR code content'), 'QR code content must be at most 2048 characters');
  });

  it('accepts a caption of exactly 255 characters', async () => {
    const h = renderSection(<QrSection />, { pass: passWithMetadata({ qrText: 't'.repeat(255) }) });
    await h.submit();
    expectNoFieldError(screen.getByLabelText('QR caption'));
    expect(h.onValid).toHaveBeenCalledTimes(1);
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CropDialog } from './crop-dialog';

beforeAll(() => {
  // jsdom has no modal dialogs; what matters here is that the dialog opens and closes.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

/** jsdom decodes no images: the browser's createImageBitmap answers the size of the picture. */
let decodedSize = { width: 800, height: 600 };
beforeEach(() => {
  vi.stubGlobal('createImageBitmap', async () => ({ ...decodedSize, close: () => undefined }));
  URL.createObjectURL = vi.fn(() => 'blob:original');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
  decodedSize = { width: 800, height: 600 };
});

const jpeg = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0])], 'photo.jpg');
const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'art.png');

function open(slot: 'logo' | 'icon' | 'strip' | 'footer', file: File) {
  const onCancel = vi.fn();
  const onDone = vi.fn();
  render(<CropDialog slot={slot} fileName={`${slot}.png`} file={file} onCancel={onCancel} onDone={onDone} />);
  return { onCancel, onDone, user: userEvent.setup() };
}

describe('CropDialog', () => {
  it('frames the strip at 1125×432 and warns that a small original will look soft', async () => {
    open('strip', jpeg());
    expect(screen.getByRole('dialog', { name: 'Crop strip.png' })).toBeInTheDocument();
    const area = await screen.findByRole('slider', { name: 'Crop area of strip.png' });
    expect(screen.getByText('Apple Wallet · 1125×432 px PNG')).toBeInTheDocument();
    expect(area).toHaveAttribute('aria-valuetext', 'Zoom 1.0×, showing 800×307 px from 0, 146');
    expect(screen.getByRole('status')).toHaveTextContent(
      'This crop uses 800×307 px of the original, but a sharp strip is 1125×432 px: it will look soft. Use an original of at least 1125×844 px.',
    );
    // Google's hero: the strip's middle band.
    expect(screen.getByText('Google Wallet hero (3:1)')).toBeInTheDocument();
    expect(screen.getByText(/13 % of the height is cut/)).toBeInTheDocument();
  });

  it('moves with the arrow keys and zooms with + and −', async () => {
    decodedSize = { width: 3000, height: 2000 };
    const { user } = open('strip', jpeg());
    const area = await screen.findByRole('slider', { name: 'Crop area of strip.png' });
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    area.focus();
    await user.keyboard('+');
    expect(area).toHaveAttribute('aria-valuenow', '1.25');
    await user.keyboard('{ArrowLeft}');
    const left = area.getAttribute('aria-valuetext');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(area.getAttribute('aria-valuetext')).not.toBe(left);
    await user.keyboard('--');
    expect(area).toHaveAttribute('aria-valuenow', '1');
    expect(area).toHaveAttribute('aria-valuetext', 'Zoom 1.0×, showing 3000×1152 px from 0, 424');
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(area.getAttribute('aria-valuetext')).toMatch(/from 0, 712$/);
    await user.keyboard('0');
    expect(area).toHaveAttribute('aria-valuetext', 'Zoom 1.0×, showing 3000×1152 px from 0, 424');
  });

  it('offers a wide or a square logo, with Google’s circle beside it', async () => {
    decodedSize = { width: 1600, height: 500 };
    const { user } = open('logo', png());
    await screen.findByRole('slider', { name: 'Crop area of logo.png' });
    expect(screen.getByRole('radio', { name: /Wide/ })).toBeChecked();
    expect(screen.getByText('Apple Wallet · 480×150 px PNG')).toBeInTheDocument();
    expect(screen.getByText('Google Wallet logo (circle)')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Square/ }));
    expect(screen.getByText('Apple Wallet · 660×660 px PNG')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/a sharp logo is 660×660 px/);
  });

  it('keeps a PNG uncropped only when asked, and never offers it for a JPEG', async () => {
    const { user, onDone } = open('icon', png());
    await screen.findByRole('slider', { name: 'Crop area of icon.png' });
    await user.click(screen.getByRole('button', { name: 'Use uncropped' }));
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ width: 800, height: 600, rgba: null }));
    expect((onDone.mock.lastCall![0] as { file: File }).file.name).toBe('icon.png');
  });

  it('has no uncropped option for a JPEG; Cancel closes', async () => {
    const { user, onCancel } = open('strip', jpeg());
    await screen.findByRole('slider', { name: 'Crop area of strip.png' });
    expect(screen.queryByRole('button', { name: 'Use uncropped' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('says when the image cannot be read', async () => {
    vi.stubGlobal('createImageBitmap', async () => {
      throw new Error('bad');
    });
    open('strip', jpeg());
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'photo.jpg could not be read as an image; it may be damaged.',
      ),
    );
  });

  it('refuses an original over 8000 px', async () => {
    decodedSize = { width: 9000, height: 3000 };
    open('strip', jpeg());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'photo.jpg is 9000×3000 px; use an image of at most 8000 px on each side.',
    );
  });
});

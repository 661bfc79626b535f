import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../../../contract/rules';
import type { UploadInfo } from '../../../../../contract/schemas';
import { ApiError } from '../../../../lib/api-error';
import {
  TEST_WORKSPACE_ID,
  pngFile,
  renderSection,
  savablePass,
  storedImage,
} from '../../../../../testing/editor-harness';
import { ImagesSection } from './images-section';

beforeAll(() => {
  // jsdom has no modal dialogs; what matters here is that the crop step opens and closes.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const createObjectURL = vi.fn(() => 'blob:test');
const revokeObjectURL = vi.fn();
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(() => {
  // jsdom has no object URLs.
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
  createObjectURL.mockClear();
  revokeObjectURL.mockClear();
});

const LOGO = storedImage('logo.png', 'logo-key');
const ICON = storedImage('icon.png', 'icon-key');
const STRIP = storedImage('strip.png', 'strip-key');

function renderImages(images: UploadInfo[] = [LOGO, ICON, STRIP]) {
  return renderSection(<ImagesSection workspaceId={TEST_WORKSPACE_ID} />, {
    pass: savablePass({ uploadInfoList: images }),
  });
}

const slot = (title: string) => screen.getByRole('group', { name: new RegExp(`^${title} `) });

/** An upload that reports progress and waits until the test answers it. */
function pendingUpload(h: ReturnType<typeof renderImages>, progress: number) {
  let answer!: (value: unknown) => void;
  let fail!: (error: unknown) => void;
  h.upload.mockImplementation((_path, _body, options) => {
    options.onProgress?.(progress);
    return new Promise((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
  });
  return { answer: (value: unknown) => answer(value), fail: (error: unknown) => fail(error) };
}

describe('ImagesSection', () => {
  it('shows the stored images', () => {
    renderImages();
    expect(within(slot('Logo')).getByRole('img', { name: 'Current logo.png' })).toHaveAttribute('src', LOGO.url);
    expect(within(slot('Footer')).getByText('No image')).toBeInTheDocument();
    expect(within(slot('Footer')).getByLabelText('Choose footer.png')).toBeInTheDocument();
  });

  it('uploads a PNG, shows its progress, then the image, and submits the new key', async () => {
    const h = renderImages();
    const upload = pendingUpload(h, 0.4);
    const logo = slot('Logo');
    await h.user.upload(within(logo).getByLabelText('Replace logo.png'), pngFile(480, 150, 'my-logo.png'));

    const bar = await within(logo).findByRole('progressbar', { name: 'Uploading logo.png' });
    expect((bar as HTMLProgressElement).value).toBeCloseTo(0.4);
    expect(within(logo).getByLabelText('Replace logo.png')).toBeDisabled();
    expect(h.upload).toHaveBeenCalledTimes(1);
    const [path, body, options] = h.upload.mock.calls[0]!;
    expect(path).toBe('/uploads');
    expect((body.get('file') as File).name).toBe('logo.png');
    expect(options.workspaceId).toBe(TEST_WORKSPACE_ID);

    // The save waits for the upload.
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expect(within(logo).getByRole('alert')).toHaveTextContent('Wait until the upload has finished');

    upload.answer({ key: 'new-logo-key', url: 'https://files.example/new-logo.png' });
    expect(await within(logo).findByRole('img', { name: 'Current logo.png' })).toHaveAttribute('src', 'blob:test');
    // The picked file's preview shows before the answer is handled: wait for the upload to settle.
    await waitFor(() => expect(within(logo).queryByRole('progressbar')).not.toBeInTheDocument());
    expect(within(logo).queryByRole('alert')).not.toBeInTheDocument();

    await h.submit();
    expect(h.submitted().images.logo).toMatchObject({ fileName: 'logo.png', uploadKey: 'new-logo-key' });
    expect(h.submitted().images.icon).toMatchObject(ICON);
  });

  it('refuses a file that is not a PNG, JPEG or WebP image, without uploading it', async () => {
    const h = renderImages();
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"></svg>'], 'logo.svg', { type: 'image/svg+xml' });
    const logo = slot('Logo');
    await h.user.upload(within(logo).getByLabelText('Replace logo.png'), svg);
    expect(await within(logo).findByRole('alert')).toHaveTextContent('logo.svg is not a PNG, JPEG or WebP image.');
    expect(h.upload).not.toHaveBeenCalled();
    expect(within(logo).getByRole('img', { name: 'Current logo.png' })).toHaveAttribute('src', LOGO.url);
  });

  it('refuses a file named .png that is not one', async () => {
    const h = renderImages();
    const fake = new File(['<svg xmlns="http://www.w3.org/2000/svg"></svg>'], 'fake.png', { type: 'image/png' });
    await h.user.upload(within(slot('Icon')).getByLabelText('Replace icon.png'), fake);
    expect(await within(slot('Icon')).findByRole('alert')).toHaveTextContent(
      'fake.png is not a PNG, JPEG or WebP image.',
    );
    expect(h.upload).not.toHaveBeenCalled();
  });

  it('refuses an original over 20 MB', async () => {
    const h = renderImages();
    const huge = new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' });
    await h.user.upload(within(slot('Strip')).getByLabelText('Replace strip.png'), huge);
    expect(await within(slot('Strip')).findByRole('alert')).toHaveTextContent(
      'huge.png is larger than 20 MB. Use a smaller image.',
    );
    expect(h.upload).not.toHaveBeenCalled();
    expect(MAX_UPLOAD_BYTES).toBeLessThan(huge.size);
  });

  it('opens the crop step for a PNG of another size; kept uncropped, it uploads with a warning', async () => {
    vi.stubGlobal('createImageBitmap', async () => ({ width: 750, height: 246, close: () => undefined }));
    const h = renderImages();
    h.upload.mockResolvedValue({ key: 'small-strip', url: 'https://files.example/s.png' });
    const strip = slot('Strip');
    await h.user.upload(within(strip).getByLabelText('Replace strip.png'), pngFile(750, 246));
    // The crop step's code loads on first use.
    const dialog = await screen.findByRole('dialog', { name: 'Crop strip.png' }, { timeout: 10_000 });
    expect(await within(dialog).findByText('Apple Wallet · 1125×432 px PNG')).toBeInTheDocument();
    expect(h.upload).not.toHaveBeenCalled();
    await h.user.click(within(dialog).getByRole('button', { name: 'Use uncropped' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      await within(strip).findByText(
        'This image is 750×246 px; Apple Wallet wants 1125×432 px to stay sharp on every iPhone.',
      ),
    ).toBeInTheDocument();
    expect(within(strip).queryByRole('alert')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(h.upload).toHaveBeenCalledTimes(1));
    await h.submit();
    expect(h.submitted().images.strip?.uploadKey).toBe('small-strip');
    vi.unstubAllGlobals();
  });

  it('changes nothing when the crop step is cancelled', async () => {
    vi.stubGlobal('createImageBitmap', async () => ({ width: 4000, height: 3000, close: () => undefined }));
    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0])], 'photo.jpg', {
      type: 'image/jpeg',
    });
    const h = renderImages();
    const strip = slot('Strip');
    await h.user.upload(within(strip).getByLabelText('Replace strip.png'), jpeg);
    // The crop step's code loads on first use.
    const dialog = await screen.findByRole('dialog', { name: 'Crop strip.png' }, { timeout: 10_000 });
    await within(dialog).findByRole('slider', { name: 'Crop area of strip.png' });
    // A JPEG is always cropped: the original is never uploaded as it is.
    expect(within(dialog).queryByRole('button', { name: 'Use uncropped' })).not.toBeInTheDocument();
    await h.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(h.upload).not.toHaveBeenCalled();
    expect(within(strip).getByRole('img', { name: 'Current strip.png' })).toHaveAttribute('src', STRIP.url);
    expect(within(strip).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('lets a logo be narrower than the slot without a warning', async () => {
    const h = renderImages();
    h.upload.mockResolvedValue({ key: 'wide-logo', url: 'https://files.example/l.png' });
    const logo = slot('Logo');
    await h.user.upload(within(logo).getByLabelText('Replace logo.png'), pngFile(300, 150));
    await within(logo).findByRole('img', { name: 'Current logo.png' });
    await vi.waitFor(() => expect(h.upload).toHaveBeenCalled());
    expect(within(logo).queryByText(/Apple Wallet wants/)).not.toBeInTheDocument();
  });

  it('accepts a dropped PNG', async () => {
    const h = renderImages([LOGO, ICON, STRIP]);
    h.upload.mockResolvedValue({ key: 'footer-key', url: 'https://files.example/f.png' });
    fireEvent.drop(slot('Footer'), { dataTransfer: { files: [pngFile(858, 45)] } });
    expect(await within(slot('Footer')).findByRole('img', { name: 'Current footer.png' })).toBeInTheDocument();
    await h.submit();
    expect(h.submitted().images.footer).toMatchObject({ fileName: 'footer.png', uploadKey: 'footer-key' });
  });

  it('puts the stored image back when the upload fails', async () => {
    const h = renderImages();
    const upload = pendingUpload(h, 0.1);
    const icon = slot('Icon');
    await h.user.upload(within(icon).getByLabelText('Replace icon.png'), pngFile(87, 87));
    await within(icon).findByRole('progressbar');
    upload.fail(new ApiError({ kind: 'network', message: 'offline' }));
    expect(await within(icon).findByRole('alert')).toHaveTextContent(
      'The upload failed: Could not reach the Passport API.',
    );
    expect(within(icon).getByRole('img', { name: 'Current icon.png' })).toHaveAttribute('src', ICON.url);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:test');
    await h.submit();
    expect(h.submitted().images.icon).toMatchObject(ICON);
  });

  it('removes an image, and Undo restores the stored one', async () => {
    const h = renderImages();
    const logo = slot('Logo');
    expect(within(logo).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    await h.user.click(within(logo).getByRole('button', { name: 'Remove' }));
    expect(within(logo).queryByRole('img')).not.toBeInTheDocument();
    expect(within(logo).getByText('No image')).toBeInTheDocument();
    expect(within(logo).getByLabelText('Choose logo.png')).toBeInTheDocument();

    await h.user.click(within(logo).getByRole('button', { name: 'Undo' }));
    expect(within(logo).getByRole('img', { name: 'Current logo.png' })).toHaveAttribute('src', LOGO.url);
    expect(within(logo).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    await h.submit();
    expect(h.submitted().images.logo).toEqual({ ...LOGO, fileName: 'logo.png' });
  });

  it('submits a removed image as null', async () => {
    const h = renderImages([LOGO, ICON, STRIP, storedImage('footer.png', 'footer-key')]);
    await h.user.click(within(slot('Footer')).getByRole('button', { name: 'Remove' }));
    await h.submit();
    expect(h.submitted().images.footer).toBeNull();
  });

  it('marks a missing required image but still lets a draft be saved', async () => {
    const h = renderImages([LOGO, STRIP]);
    expect(within(slot('Icon')).getByText('Required: add icon.png before publishing.')).toBeInTheDocument();
    expect(within(slot('Footer')).queryByText(/Required: add/)).not.toBeInTheDocument();
    expect(within(slot('Logo')).queryByText(/Required: add/)).not.toBeInTheDocument();

    await h.user.click(within(slot('Logo')).getByRole('button', { name: 'Remove' }));
    expect(within(slot('Logo')).getByText('Required: add logo.png before publishing.')).toBeInTheDocument();

    await h.submit();
    expect(h.submitted().images).toMatchObject({ logo: null, icon: null });
  });
});

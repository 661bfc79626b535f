import { render, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, QrCode } from './qr-code';

/**
 * Rasterises the rendered SVG exactly as drawn (its viewBox and its single path of
 * `M x y h w v1 h-w z` runs) into RGBA pixels, then decodes them with a real QR reader.
 */
function decodeRendered(svg: SVGElement): string | null {
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  const extent = width ?? 0;
  expect(height).toBe(extent);
  const scale = 4;
  const px = extent * scale;
  const pixels = new Uint8ClampedArray(px * px * 4).fill(255);
  const d = svg.querySelector('path')?.getAttribute('d') ?? '';
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(runs.map((r) => r[0]).join('')).toBe(d);
  for (const [, xs, ys, ws] of runs) {
    const x0 = Number(xs);
    const y0 = Number(ys);
    for (let y = y0 * scale; y < (y0 + 1) * scale; y++) {
      for (let x = x0 * scale; x < (x0 + Number(ws)) * scale; x++) {
        const i = (y * px + x) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return jsQR(pixels, px, px)?.data ?? null;
}

describe('QrCode', () => {
  it.each([
    'https://beanandbloom.example/rewards/scan?member=BB-204-8817',
    'hello',
    `https://example.com/${'long-path/'.repeat(40)}?q=${'x'.repeat(200)}`,
    'Grüße, café ☕',
  ])('renders a code that scans back to %s', (value) => {
    render(<QrCode value={value} size={140} label={value} />);
    const svg = screen.getByRole('img', { name: /QR code/ });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg).toHaveAttribute('shape-rendering', 'crispEdges');
    expect(svg).toHaveAttribute('width', '140');
    expect(decodeRendered(svg as unknown as SVGElement)).toBe(value);
  });

  it('keeps a quiet zone of 4 light modules on every side', () => {
    render(<QrCode value="quiet" size={100} />);
    const svg = screen.getByRole('img', { name: 'QR code' });
    const [, , extent] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const coords = [...(svg.querySelector('path')?.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)h(\d+)/g)];
    const xs = coords.map((m) => Number(m[1]));
    const ys = coords.map((m) => Number(m[2]));
    const ends = coords.map((m) => Number(m[1]) + Number(m[3]));
    expect(Math.min(...xs)).toBe(QR_QUIET_ZONE);
    expect(Math.min(...ys)).toBe(QR_QUIET_ZONE);
    expect((extent ?? 0) - Math.max(...ends)).toBe(QR_QUIET_ZONE);
    expect((extent ?? 0) - 1 - Math.max(...ys)).toBe(QR_QUIET_ZONE);
  });

  it('shows a placeholder when there is nothing to encode', () => {
    const { rerender } = render(<QrCode value="" size={120} />);
    expect(screen.getByRole('img', { name: /QR code/ })).toHaveTextContent('No QR content');
    rerender(<QrCode value={null} size={120} />);
    expect(screen.getByText('No QR content')).toBeInTheDocument();
    rerender(<QrCode value={'x'.repeat(8000)} size={120} />);
    expect(screen.getByText('Too long for a QR code')).toBeInTheDocument();
  });
});

import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
  type Brand,
  IMAGE_SIZES,
  MARKS,
  STRIP_STYLES,
  brandImages,
  drawFooter,
  drawIcon,
  drawLogo,
  drawStrip,
} from './images';
import { encodePng, readPngSize } from './png';

const brand = (i: number): Brand => ({
  key: `test-${i}`,
  mark: MARKS[i % MARKS.length]!,
  background: '#16213E',
  foreground: '#FFFFFF',
  accent: '#FF6B35',
  stripFrom: '#16213E',
  stripTo: '#5B4B8A',
  stripStyle: STRIP_STYLES[i % STRIP_STYLES.length]!,
});

describe('brand artwork', () => {
  it('draws every mark and strip style at the Apple sizes', () => {
    for (let i = 0; i < Math.max(MARKS.length, STRIP_STYLES.length); i++) {
      const b = brand(i);
      expect(drawLogo(b)).toMatchObject(IMAGE_SIZES.logo);
      const icon = drawIcon(b);
      expect(icon).toMatchObject(IMAGE_SIZES.icon);
      // The mark shows on the icon: the centre area is not all background.
      const centre = icon.getPixel(43, 43).join();
      const corner = icon.getPixel(2, 2).join();
      expect(MARKS[i % MARKS.length] === 'enso' || centre !== corner).toBe(true);
    }
    for (const style of STRIP_STYLES) {
      expect(drawStrip({ ...brand(0), stripStyle: style })).toMatchObject(IMAGE_SIZES.strip);
    }
    expect(drawFooter(brand(0))).toMatchObject(IMAGE_SIZES.footer);
  });

  it('is deterministic without the cache', () => {
    const b = brand(4);
    expect(Buffer.from(encodePng(drawStrip(b))).equals(Buffer.from(encodePng(drawStrip(b))))).toBe(true);
    expect(Buffer.from(encodePng(drawLogo(b))).equals(Buffer.from(encodePng(drawLogo(b))))).toBe(true);
  });

  it('caches per brand and hands out copies', () => {
    const b = brand(7);
    const first = brandImages(b, { footer: true });
    const second = brandImages(b, { footer: true });
    expect(first.map((i) => i.fileName)).toEqual(['logo.png', 'icon.png', 'strip.png', 'footer.png']);
    expect(first[0]!.png).not.toBe(second[0]!.png);
    first[0]!.png[0] = 0;
    expect(second[0]!.png[0]).toBe(0x89);
    expect(readPngSize(second[2]!.png)).toEqual(IMAGE_SIZES.strip);
    expect(brandImages(b).map((i) => i.fileName)).toEqual(['logo.png', 'icon.png', 'strip.png']);
  });
});

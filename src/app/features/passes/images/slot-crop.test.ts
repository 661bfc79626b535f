import { describe, expect, it } from 'vitest';
import { artworkOutsideSafeCircle } from './google-logo-circle';
import {
  fitsSlotAsIs,
  cropTarget,
  defaultLogoShape,
  googleHeroBand,
  initialCrop,
  moveCrop,
  tooSmallWarning,
  zoomCrop,
  zoomOf,
} from './slot-crop';

const STRIP = { width: 1125, height: 432 };

describe('crop frame', () => {
  it('starts as the largest centred frame of the slot’s proportions', () => {
    expect(initialCrop({ width: 4000, height: 3000 }, STRIP)).toEqual({
      x: 0,
      y: (3000 - 4000 / (1125 / 432)) / 2,
      width: 4000,
      height: 4000 / (1125 / 432),
    });
    const tall = initialCrop({ width: 1000, height: 100 }, STRIP);
    expect(tall.height).toBeCloseTo(100);
    expect(tall.x).toBeCloseTo((1000 - 100 * (1125 / 432)) / 2);
  });

  it('zooms around its centre, between 1× and 8×, and stays inside the image', () => {
    const source = { width: 3000, height: 2000 };
    const start = initialCrop(source, STRIP);
    const zoomed = zoomCrop(start, source, STRIP, 2);
    expect(zoomOf(zoomed, source, STRIP)).toBeCloseTo(2);
    expect(zoomed.x + zoomed.width / 2).toBeCloseTo(1500);
    expect(zoomOf(zoomCrop(zoomed, source, STRIP, 100), source, STRIP)).toBeCloseTo(8);
    expect(zoomCrop(zoomed, source, STRIP, 0.01)).toEqual(start);
  });

  it('moves by a share of its size and stops at the edges', () => {
    const source = { width: 3000, height: 2000 };
    const zoomed = zoomCrop(initialCrop(source, STRIP), source, STRIP, 2);
    const right = moveCrop(zoomed, source, 0.05, 0);
    expect(right.x - zoomed.x).toBeCloseTo(zoomed.width * 0.05);
    expect(moveCrop(zoomed, source, -100, -100)).toMatchObject({ x: 0, y: 0 });
    const far = moveCrop(zoomed, source, 100, 100);
    expect(far.x + far.width).toBeCloseTo(3000);
    expect(far.y + far.height).toBeCloseTo(2000);
  });
});

describe('output sizes', () => {
  it('gives each slot its size; a logo keeps its proportions up to Apple’s 480×150', () => {
    expect(cropTarget('strip', { width: 10, height: 10 })).toEqual({ width: 1125, height: 432 });
    expect(cropTarget('icon', { width: 10, height: 40 })).toEqual({ width: 114, height: 114 });
    expect(cropTarget('footer', { width: 10, height: 10 })).toEqual({ width: 858, height: 45 });
    expect(cropTarget('logo', { width: 2000, height: 200 })).toEqual({ width: 480, height: 150 });
    expect(cropTarget('logo', { width: 200, height: 100 })).toEqual({ width: 300, height: 150 });
    expect(cropTarget('logo', { width: 100, height: 300 })).toEqual({ width: 150, height: 150 });
    expect(cropTarget('logo', { width: 2000, height: 200 }, 'square')).toEqual({ width: 660, height: 660 });
  });

  it('suggests a square logo for square artwork', () => {
    expect(defaultLogoShape({ width: 800, height: 800 })).toBe('square');
    expect(defaultLogoShape({ width: 1600, height: 500 })).toBe('wide');
  });
});

describe('too-small originals', () => {
  it('says how large the original should be', () => {
    const source = { width: 800, height: 600 };
    const crop = initialCrop(source, STRIP);
    expect(tooSmallWarning('strip', source, crop, STRIP)).toBe(
      'This crop uses 800×307 px of the original, but a sharp strip is 1125×432 px: it will look soft. Use an original of at least 1125×844 px.',
    );
  });

  it('suggests zooming out when the zoom made the crop too small', () => {
    const source = { width: 2000, height: 1000 };
    const crop = zoomCrop(initialCrop(source, STRIP), source, STRIP, 4);
    expect(tooSmallWarning('strip', source, crop, STRIP)).toMatch(/Zoom out, or use a larger original\.$/);
    expect(tooSmallWarning('strip', source, initialCrop(source, STRIP), STRIP)).toBeNull();
  });
});

describe('what Google cuts', () => {
  it('shows a 375:144 strip’s middle 3:1 band as the hero, cutting 13 %', () => {
    const band = googleHeroBand({ width: 1125, height: 432 });
    expect(band.height).toBeCloseTo(375 / 432);
    expect(band.top).toBeCloseTo((1 - 375 / 432) / 2);
    expect(band.cutPercent).toBe(13);
    expect(googleHeroBand({ width: 1032, height: 336 }).cutPercent).toBe(0);
  });

  function logo(width: number, height: number, paint: (x: number, y: number) => boolean, opaque = false) {
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 4;
        if (paint(x, y)) rgba.set([200, 0, 0, 255], at);
        else if (opaque) rgba.set([255, 255, 255, 255], at);
      }
    return rgba;
  }

  it('finds artwork outside the safe circle, on transparent and on opaque backgrounds', () => {
    const centred = (x: number, y: number) => Math.hypot(x - 100, y - 100) < 60;
    expect(artworkOutsideSafeCircle(logo(200, 200, centred), 200, 200)).toBe(0);
    expect(artworkOutsideSafeCircle(logo(200, 200, centred, true), 200, 200)).toBe(0);
    const edgeToEdge = (x: number, y: number) => x > 0 && y > 0 && x < 199 && y < 199;
    expect(artworkOutsideSafeCircle(logo(200, 200, edgeToEdge), 200, 200)).toBeGreaterThan(0.5);
    // A wide wordmark loses its ends: Google keeps the centred square only.
    const wordmark = (x: number, y: number) => y > 60 && y < 90 && x > 20 && x < 460;
    expect(artworkOutsideSafeCircle(logo(480, 150, wordmark), 480, 150)).toBeGreaterThan(0.6);
  });
});

describe('fitsSlotAsIs', () => {
  it('skips the crop only for a PNG already at the slot’s size', () => {
    expect(fitsSlotAsIs('strip', { width: 1125, height: 432 })).toBe(true);
    expect(fitsSlotAsIs('strip', { width: 1125, height: 369 })).toBe(false);
    expect(fitsSlotAsIs('logo', { width: 300, height: 150 })).toBe(true);
    expect(fitsSlotAsIs('logo', { width: 660, height: 660 })).toBe(true);
    expect(fitsSlotAsIs('logo', { width: 960, height: 300 })).toBe(false);
    expect(fitsSlotAsIs('icon', { width: 87, height: 87 })).toBe(true);
    expect(fitsSlotAsIs('icon', { width: 512, height: 512 })).toBe(false);
    expect(fitsSlotAsIs('footer', { width: 858, height: 45 })).toBe(true);
  });
});

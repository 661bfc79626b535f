/**
 * Generated artwork for the seeded passes: a logo, an icon, a strip and a footer per brand, at
 * the pixel sizes Apple Wallet asks for (@3x). Everything is drawn from a brand description and
 * a seed, so the same brand always gives byte-identical PNGs.
 *
 * A mark is a small set of layers in a unit square (−1…1, y down), each an SDF with a colour
 * role; the same mark is drawn on the transparent logo and on the icon.
 */
import { constants as zlibConstants } from 'node:zlib';
import type { SeedImage } from './seed-types';
import {
  type Canvas,
  type Color,
  type Sdf,
  createCanvas,
  encodePng,
  hexColor,
  intersect,
  length,
  linearGradient,
  mixColor,
  outline,
  radialGradient,
  sdBelowCurve,
  sdCircle,
  sdEllipse,
  sdPolygon,
  sdRoundedRect,
  subtract,
  union,
  withAlpha,
} from './png';

export const IMAGE_SIZES = {
  logo: { width: 480, height: 150 },
  icon: { width: 87, height: 87 },
  strip: { width: 1125, height: 369 },
  footer: { width: 858, height: 45 },
} as const;

export const MARKS = [
  'bean',
  'wheat',
  'flame',
  'citrus',
  'sun',
  'cloche',
  'mountain',
  'bolt',
  'pine',
  'enso',
  'chevrons',
  'drop',
] as const;
export type Mark = (typeof MARKS)[number];

export const STRIP_STYLES = ['bubbles', 'waves', 'stripes', 'rings', 'peaks', 'confetti'] as const;
export type StripStyle = (typeof STRIP_STYLES)[number];

export interface Brand {
  /** Names the brand in the image cache; brands with the same key must be identical. */
  key: string;
  mark: Mark;
  /** The pass background colour, used behind the icon. */
  background: string;
  /** The pass text colour, used for the mark and the wordmark. */
  foreground: string;
  /** A second brand colour that stands out on `background`. */
  accent: string;
  /** The strip's gradient; white text is drawn on it, so keep it mid to dark. */
  stripFrom: string;
  stripTo: string;
  stripStyle: StripStyle;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Mulberry32: a tiny seeded PRNG, so the artwork varies by brand but never between runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to turn a brand key into a seed. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Smooth minimum: a union whose seam is rounded over about `k` units. */
function smoothUnion(a: Sdf, b: Sdf, k: number): Sdf {
  return (x, y) => {
    const da = a(x, y);
    const db = b(x, y);
    const h = Math.max(k - Math.abs(da - db), 0) / k;
    return Math.min(da, db) - (h * h * k) / 4;
  };
}

const rotate =
  (shape: Sdf, angle: number): Sdf =>
  (x, y) => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return shape(x * c + y * s, -x * s + y * c);
  };

/** A straight bar from one point to another, `width` thick, with round ends. */
function sdSegment(ax: number, ay: number, bx: number, by: number, width: number): Sdf {
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const ex = bx - ax;
    const ey = by - ay;
    const t = Math.max(0, Math.min(1, (px * ex + py * ey) / (ex * ex + ey * ey)));
    return length(px - ex * t, py - ey * t) - width / 2;
  };
}

/** A polyline y = f(x) through points sorted by x, with its slope, for `fillBelowCurve`. */
function piecewiseLinear(points: readonly (readonly [number, number])[]) {
  const segment = (x: number) => {
    let i = 1;
    while (i < points.length - 1 && points[i]![0] < x) i++;
    return [points[i - 1]!, points[i]!] as const;
  };
  return {
    f: (x: number) => {
      const [[x0, y0], [x1, y1]] = segment(x);
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    },
    slope: (x: number) => {
      const [[x0, y0], [x1, y1]] = segment(x);
      return (y1 - y0) / (x1 - x0);
    },
  };
}

/** The half-plane above y = level (unit space, y down). */
const above =
  (level: number): Sdf =>
  (_x, y) =>
    y - level;

// ---------------------------------------------------------------------------------------------
// Marks

type Role = 'ink' | 'accent';
interface Layer {
  role: Role;
  sdf: Sdf;
}

function markLayers(mark: Mark): Layer[] {
  switch (mark) {
    case 'bean': {
      const body = sdEllipse(0, 0, 0.6, 0.88, 0.55);
      const groove: Sdf = rotate((u, v) => {
        const f = 0.16 * Math.sin((v * Math.PI) / 0.9);
        const slope = ((0.16 * Math.PI) / 0.9) * Math.cos((v * Math.PI) / 0.9);
        return Math.abs(u - f) / Math.sqrt(1 + slope * slope) - 0.08;
      }, -0.55);
      return [{ role: 'ink', sdf: subtract(body, groove) }];
    }
    case 'wheat': {
      const grains: Sdf[] = [];
      for (const gy of [-0.42, -0.02, 0.38]) {
        grains.push(sdEllipse(-0.24, gy, 0.15, 0.3, -0.6), sdEllipse(0.24, gy, 0.15, 0.3, 0.6));
      }
      grains.push(sdEllipse(0, -0.74, 0.14, 0.26));
      return [
        { role: 'accent', sdf: sdSegment(0, -0.3, 0, 0.98, 0.1) },
        { role: 'ink', sdf: union(...grains) },
      ];
    }
    case 'flame': {
      const outer = smoothUnion(
        sdCircle(0, 0.36, 0.58),
        sdPolygon([
          [-0.5, 0.12],
          [0.14, -0.98],
          [0.55, 0.2],
        ]),
        0.3,
      );
      const inner = smoothUnion(
        sdCircle(0.02, 0.55, 0.3),
        sdPolygon([
          [-0.25, 0.48],
          [0.08, -0.12],
          [0.3, 0.5],
        ]),
        0.2,
      );
      return [
        { role: 'ink', sdf: outer },
        { role: 'accent', sdf: inner },
      ];
    }
    case 'citrus': {
      const cuts: Sdf[] = [];
      for (let i = 0; i < 6; i++) {
        const a = (i * Math.PI) / 3 + Math.PI / 6;
        cuts.push(sdSegment(0, 0, Math.cos(a) * 0.8, Math.sin(a) * 0.8, 0.09));
      }
      return [
        { role: 'ink', sdf: sdCircle(0, 0, 0.94) },
        {
          role: 'accent',
          sdf: subtract(sdCircle(0, 0, 0.76), ...cuts, sdCircle(0, 0, 0.12)),
        },
      ];
    }
    case 'sun': {
      const disc = sdCircle(0, 0, 0.92);
      const wave = (base: number): Sdf =>
        intersect(
          sdBelowCurve(
            (x) => base + 0.07 * Math.sin(x * 7),
            (x) => 0.49 * Math.cos(x * 7),
          ),
          (x, y) =>
            -sdBelowCurve(
              (xx) => base + 0.15 + 0.07 * Math.sin(xx * 7),
              (xx) => 0.49 * Math.cos(xx * 7),
            )(x, y),
        );
      return [
        { role: 'ink', sdf: outline(disc, 0.12) },
        { role: 'accent', sdf: intersect(sdCircle(0, 0.12, 0.5), above(0.12)) },
        {
          role: 'ink',
          sdf: intersect(union(wave(0.24), wave(0.5)), sdCircle(0, 0, 0.8)),
        },
      ];
    }
    case 'cloche': {
      const dome = intersect(sdEllipse(0, 0.3, 0.82, 0.78), above(0.28));
      return [
        { role: 'ink', sdf: union(dome, sdCircle(0, -0.56, 0.13)) },
        { role: 'accent', sdf: sdRoundedRect(-0.96, 0.34, 1.92, 0.16, 0.08) },
        { role: 'accent', sdf: sdRoundedRect(-0.6, 0.6, 1.2, 0.1, 0.05) },
      ];
    }
    case 'mountain': {
      const big = sdPolygon([
        [-1, 0.72],
        [-0.25, -0.62],
        [0.5, 0.72],
      ]);
      const small = sdPolygon([
        [-0.05, 0.72],
        [0.42, -0.2],
        [1, 0.72],
      ]);
      const snow = sdPolygon([
        [-0.25, -0.62],
        [-0.02, -0.21],
        [-0.13, -0.11],
        [-0.25, -0.23],
        [-0.36, -0.11],
        [-0.48, -0.21],
      ]);
      return [
        { role: 'ink', sdf: union(big, small) },
        { role: 'accent', sdf: snow },
      ];
    }
    case 'bolt':
      return [
        { role: 'ink', sdf: outline(sdCircle(0, 0, 0.88), 0.14) },
        {
          role: 'accent',
          sdf: sdPolygon([
            [0.12, -0.72],
            [-0.42, 0.1],
            [-0.04, 0.1],
            [-0.16, 0.72],
            [0.42, -0.12],
            [0.04, -0.12],
          ]),
        },
      ];
    case 'pine': {
      const tiers = union(
        sdPolygon([
          [0, -0.98],
          [0.42, -0.34],
          [-0.42, -0.34],
        ]),
        sdPolygon([
          [0, -0.62],
          [0.62, 0.14],
          [-0.62, 0.14],
        ]),
        sdPolygon([
          [0, -0.2],
          [0.82, 0.62],
          [-0.82, 0.62],
        ]),
      );
      return [
        {
          role: 'ink',
          sdf: union(tiers, sdRoundedRect(-0.1, 0.5, 0.2, 0.46, 0.04)),
        },
        { role: 'accent', sdf: sdCircle(0.66, -0.66, 0.2) },
      ];
    }
    case 'enso': {
      const ring = outline(sdCircle(0, 0, 0.76), 0.22);
      const gap = sdPolygon([
        [0, 0],
        [1.2, -0.6],
        [1.2, -0.05],
      ]);
      return [
        { role: 'ink', sdf: subtract(ring, gap) },
        { role: 'accent', sdf: sdCircle(0, 0, 0.24) },
      ];
    }
    case 'chevrons': {
      const chevron = (x0: number): Sdf =>
        sdPolygon([
          [x0, -0.72],
          [x0 + 0.34, -0.72],
          [x0 + 0.84, 0],
          [x0 + 0.34, 0.72],
          [x0, 0.72],
          [x0 + 0.5, 0],
        ]);
      return [
        { role: 'ink', sdf: chevron(-0.92) },
        { role: 'accent', sdf: chevron(-0.2) },
      ];
    }
    case 'drop': {
      const drop = smoothUnion(
        sdCircle(0, 0.3, 0.62),
        sdPolygon([
          [-0.5, 0.05],
          [0, -0.96],
          [0.5, 0.05],
        ]),
        0.25,
      );
      const band = intersect(
        sdBelowCurve(
          (x) => 0.26 + 0.08 * Math.sin(x * 6),
          (x) => 0.48 * Math.cos(x * 6),
        ),
        (x, y) => y - (0.5 + 0.08 * Math.sin(x * 6 + 1)),
      );
      return [
        { role: 'ink', sdf: drop },
        { role: 'accent', sdf: intersect(drop, band) },
      ];
    }
  }
}

/** Draws a mark centred at (cx, cy) with half-size `scale` pixels. */
function drawMark(
  canvas: Canvas,
  mark: Mark,
  cx: number,
  cy: number,
  scale: number,
  colors: Record<Role, Color>,
): void {
  for (const layer of markLayers(mark)) {
    const sdf: Sdf = (x, y) => layer.sdf((x - cx) / scale, (y - cy) / scale) * scale;
    canvas.fillShape(sdf, { x0: cx - scale, y0: cy - scale, x1: cx + scale, y1: cy + scale }, colors[layer.role]);
  }
}

function brandColors(brand: Brand) {
  return {
    background: hexColor(brand.background),
    foreground: hexColor(brand.foreground),
    accent: hexColor(brand.accent),
    stripFrom: hexColor(brand.stripFrom),
    stripTo: hexColor(brand.stripTo),
  };
}

// ---------------------------------------------------------------------------------------------
// Images

/** 480×150, transparent: the mark, then bars standing in for a wordmark and a tagline. */
export function drawLogo(brand: Brand): Canvas {
  const { width, height } = IMAGE_SIZES.logo;
  const canvas = createCanvas(width, height);
  const c = brandColors(brand);
  const random = seededRandom(hashString(`${brand.key}:logo`));
  drawMark(canvas, brand.mark, 72, 75, 60, {
    ink: c.foreground,
    accent: c.accent,
  });

  // Wordmark: two bold "words" on one line, a thinner tagline bar under them.
  const first = 120 + Math.floor(random() * 60);
  const second = 70 + Math.floor(random() * 60);
  canvas.fillRoundedRect(160, 38, first, 42, 10, c.foreground);
  canvas.fillRoundedRect(160 + first + 16, 38, second, 42, 10, c.foreground);
  canvas.fillRoundedRect(160, 94, Math.min(first + second, 130 + Math.floor(random() * 90)), 16, 8, c.accent);
  return canvas;
}

/** 87×87: the mark on the brand colour, full bleed (iOS rounds the corners itself). */
export function drawIcon(brand: Brand): Canvas {
  const { width, height } = IMAGE_SIZES.icon;
  const canvas = createCanvas(width, height);
  const c = brandColors(brand);
  const white = hexColor('#FFFFFF');
  const black = hexColor('#000000');
  canvas.fill(
    linearGradient(0, 0, 0, height, [
      { offset: 0, color: mixColor(c.background, white, 0.08) },
      { offset: 1, color: mixColor(c.background, black, 0.06) },
    ]),
  );
  drawMark(canvas, brand.mark, width / 2, height / 2, 30, {
    ink: c.foreground,
    accent: c.accent,
  });
  return canvas;
}

/** 1125×369: a diagonal gradient with the brand's pattern; darker on the left for white text. */
export function drawStrip(brand: Brand): Canvas {
  const { width: w, height: h } = IMAGE_SIZES.strip;
  const canvas = createCanvas(w, h);
  const c = brandColors(brand);
  const random = seededRandom(hashString(`${brand.key}:strip`));
  const white = hexColor('#FFFFFF');
  canvas.fill(
    linearGradient(0, h, w, 0, [
      { offset: 0, color: c.stripFrom },
      { offset: 1, color: c.stripTo },
    ]),
  );

  switch (brand.stripStyle) {
    case 'bubbles': {
      for (let i = 0; i < 9; i++) {
        const r = 50 + random() * 170;
        const cx = 260 + random() * (w - 200);
        const cy = random() * h;
        const color = i % 3 === 0 ? c.accent : white;
        canvas.fillCircle(cx, cy, r, withAlpha(color, 0.08 + random() * 0.12), {
          feather: 2 + random() * 40,
        });
      }
      break;
    }
    case 'waves': {
      for (let i = 0; i < 4; i++) {
        const base = h * (0.5 + i * 0.14);
        const amp = 14 + random() * 18;
        const k = (2 * Math.PI) / (420 + random() * 380);
        const phase = random() * Math.PI * 2;
        const color = i % 2 === 0 ? c.accent : white;
        canvas.fillBelowCurve(
          (x) => base + amp * Math.sin(x * k + phase),
          (x) => amp * k * Math.cos(x * k + phase),
          withAlpha(color, 0.16 + i * 0.04),
        );
      }
      break;
    }
    case 'stripes': {
      const period = 70 + Math.floor(random() * 40);
      const stripe: Sdf = (x, y) => {
        const t = (((x + y * 0.8) % period) + period) % period;
        return (Math.abs(t - period / 2) - period * 0.22) / 1.28;
      };
      canvas.fillShape(stripe, { x0: 0, y0: 0, x1: w, y1: h }, withAlpha(white, 0.07));
      canvas.fillCircle(
        w * 0.82,
        h * 0.35,
        260,
        radialGradient(w * 0.82, h * 0.35, 260, [
          { offset: 0, color: withAlpha(c.accent, 0.55) },
          { offset: 1, color: withAlpha(c.accent, 0) },
        ]),
      );
      canvas.fillCircle(w * 0.82, h * 0.35, 90, withAlpha(c.accent, 0.9));
      break;
    }
    case 'rings': {
      const cx = w * (0.7 + random() * 0.15);
      const cy = h * (0.3 + random() * 0.4);
      for (let i = 0; i < 9; i++) {
        const r = 40 + i * 48;
        canvas.fillShape(
          outline(sdCircle(cx, cy, r), 16),
          { x0: cx - r - 8, y0: cy - r - 8, x1: cx + r + 8, y1: cy + r + 8 },
          withAlpha(i % 3 === 0 ? c.accent : white, 0.18 - i * 0.012),
        );
      }
      canvas.fillCircle(cx, cy, 26, withAlpha(c.accent, 0.85));
      break;
    }
    case 'peaks': {
      canvas.fillCircle(w * 0.78, h * 0.3, 150, withAlpha(c.accent, 0.15), {
        feather: 60,
      });
      canvas.fillCircle(w * 0.78, h * 0.3, 70, withAlpha(c.accent, 0.9));
      for (let layer = 0; layer < 3; layer++) {
        const baseY = h * (0.45 + layer * 0.17);
        const ridge: [number, number][] = [];
        for (let x = -40; x <= w + 240; x += 110 + random() * 120) {
          ridge.push([x, baseY - random() * (90 - layer * 20)]);
          ridge.push([x + 55 + random() * 40, baseY + 20 + random() * 30]);
        }
        const shade = mixColor(c.stripFrom, hexColor('#000000'), 0.15 + layer * 0.2);
        const { f, slope } = piecewiseLinear(ridge);
        canvas.fillBelowCurve(f, slope, withAlpha(shade, 0.55 + layer * 0.2));
      }
      break;
    }
    case 'confetti': {
      const palette = [c.accent, white, c.foreground];
      for (let i = 0; i < 70; i++) {
        const x = 300 + random() * (w - 310);
        const y = random() * h;
        const color = withAlpha(palette[i % palette.length]!, 0.35 + random() * 0.5);
        if (i % 2 === 0) {
          canvas.fillCircle(x, y, 5 + random() * 9, color);
        } else {
          const len = 16 + random() * 22;
          const angle = random() * Math.PI;
          canvas.fillShape(
            sdSegment(x, y, x + Math.cos(angle) * len, y + Math.sin(angle) * len, 9),
            {
              x0: x - len,
              y0: y - len,
              x1: x + len,
              y1: y + len,
            },
            color,
          );
        }
      }
      break;
    }
  }

  // Keep the primary field (white, on the left) readable over any pattern.
  canvas.fillRect(
    0,
    0,
    w * 0.6,
    h,
    linearGradient(0, 0, w * 0.6, 0, [
      { offset: 0, color: hexColor('#000000', 0.28) },
      { offset: 1, color: hexColor('#000000', 0) },
    ]),
  );
  return canvas;
}

/** 858×45: a band in the strip colours with a row of dots in the accent colour. */
export function drawFooter(brand: Brand): Canvas {
  const { width: w, height: h } = IMAGE_SIZES.footer;
  const canvas = createCanvas(w, h);
  const c = brandColors(brand);
  canvas.fillRoundedRect(
    0,
    4,
    w,
    h - 8,
    (h - 8) / 2,
    linearGradient(0, 0, w, 0, [
      { offset: 0, color: c.stripFrom },
      { offset: 1, color: c.stripTo },
    ]),
  );
  for (let x = 40; x < w - 20; x += 36) {
    canvas.fillCircle(x, h / 2, x % 72 === 4 ? 6 : 4, withAlpha(c.accent, 0.9));
  }
  return canvas;
}

// ---------------------------------------------------------------------------------------------
// Cached PNGs

/**
 * The "up" filter with run-length deflate: several times faster than adaptive filtering with
 * the default strategy, and on this smooth artwork the files are only slightly larger.
 */
const PNG_OPTIONS = {
  filter: 'up',
  zlib: { level: 9, strategy: zlibConstants.Z_RLE },
} as const;

const cache = new Map<string, SeedImage[]>();

/**
 * logo.png, icon.png and strip.png (plus footer.png when asked) for a brand. Encoded once per
 * brand and process; each call gets its own copies of the bytes.
 */
export function brandImages(brand: Brand, options: { footer?: boolean } = {}): SeedImage[] {
  const key = `${brand.key}|${options.footer ? 'footer' : ''}`;
  let images = cache.get(key);
  if (!images) {
    images = [
      { fileName: 'logo.png', png: encodePng(drawLogo(brand), PNG_OPTIONS) },
      { fileName: 'icon.png', png: encodePng(drawIcon(brand), PNG_OPTIONS) },
      { fileName: 'strip.png', png: encodePng(drawStrip(brand), PNG_OPTIONS) },
    ];
    if (options.footer)
      images.push({
        fileName: 'footer.png',
        png: encodePng(drawFooter(brand), PNG_OPTIONS),
      });
    cache.set(key, images);
  }
  return images.map((image) => ({
    fileName: image.fileName,
    png: image.png.slice(),
  }));
}

/** Forgets the encoded PNGs (the server calls this once they are in its database). */
export function clearImageCache(): void {
  cache.clear();
}

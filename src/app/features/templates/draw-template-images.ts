/**
 * Draws the starter templates' artwork once: `npx tsx src/app/features/templates/draw-template-images.ts`
 * writes logo.png (660 × 660, a badge inside Google's safe circle, transparent around it),
 * icon.png (114 × 114) and strip.png (1125 × 432, the store-card strip at @3x) for each template
 * into assets/<template>/. The files are committed; the app never runs this script. Shapes are
 * signed distance functions with one pixel of anti-aliasing, so the edges stay clean.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  APPLE_ICON_RECOMMENDED_PX,
  appleImageSize,
  GOOGLE_LOGO_MIN_PX,
  GOOGLE_LOGO_SAFE_MARGIN,
} from '../../../contract/wallet-rules';
import { encodeRgbaPng } from '../../../testing/png-files';

type Rgb = [number, number, number];
type Sdf = (x: number, y: number) => number;
interface Layer {
  sdf: Sdf;
  color: Rgb;
  alpha?: number;
  /** Edge width in pixels (1: crisp; more: a soft glow). */
  soft?: number;
}

const hex = (value: string): Rgb => {
  const n = Number.parseInt(value.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
};

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;
const ring =
  (cx: number, cy: number, r: number, w: number): Sdf =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
const box =
  (x0: number, y0: number, x1: number, y1: number, radius = 0): Sdf =>
  (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - radius);
    const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
const capsule =
  (ax: number, ay: number, bx: number, by: number, r: number): Sdf =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * t, py - dy * t) - r;
  };

function paint(
  width: number,
  height: number,
  background: ((x: number, y: number) => Rgb) | null,
  layers: readonly Layer[],
): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let [r, g, b] = background ? background(px, py) : [0, 0, 0];
      let a = background ? 1 : 0;
      for (const layer of layers) {
        const soft = layer.soft ?? 1;
        const cover = Math.max(0, Math.min(1, 0.5 - layer.sdf(px, py) / soft)) * (layer.alpha ?? 1);
        if (cover <= 0) continue;
        const outA = cover + a * (1 - cover);
        r = (layer.color[0] * cover + r * a * (1 - cover)) / outA;
        g = (layer.color[1] * cover + g * a * (1 - cover)) / outA;
        b = (layer.color[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      const at = (y * width + x) * 4;
      rgba[at] = Math.round(r);
      rgba[at + 1] = Math.round(g);
      rgba[at + 2] = Math.round(b);
      rgba[at + 3] = Math.round(a * 255);
    }
  }
  return encodeRgbaPng(width, height, rgba, 'sub');
}

/** A left-to-right blend of two colours, in steps of 1/64 so the file stays small. */
const gradient = (width: number, from: string, to: string) => {
  const [a, b] = [hex(from), hex(to)];
  return (x: number): Rgb => {
    const t = Math.round((x / width) * 64) / 64;
    return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
  };
};

/** A seeded random sequence, so the script draws the same files every time. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** A template's mark, drawn in a unit where the badge's radius is `s`, centred on (cx, cy). */
type Mark = (cx: number, cy: number, s: number, ink: Rgb, cut: Rgb) => Layer[];

const marks: Record<string, Mark> = {
  'coffee-stamp-card': (cx, cy, s, ink, cut) => [
    { sdf: box(cx - 0.42 * s, cy - 0.12 * s, cx + 0.26 * s, cy + 0.4 * s, 0.14 * s), color: ink },
    { sdf: ring(cx + 0.32 * s, cy + 0.1 * s, 0.13 * s, 0.07 * s), color: ink },
    { sdf: capsule(cx - 0.56 * s, cy + 0.52 * s, cx + 0.42 * s, cy + 0.52 * s, 0.04 * s), color: ink },
    ...[-0.26, -0.08, 0.1].map((dx) => ({
      sdf: capsule(cx + dx * s, cy - 0.52 * s, cx + dx * s, cy - 0.26 * s, 0.04 * s),
      color: ink,
    })),
    { sdf: box(cx - 0.3 * s, cy - 0.02 * s, cx + 0.14 * s, cy + 0.04 * s, 0.03 * s), color: cut },
  ],
  'restaurant-loyalty': (cx, cy, s, ink) => [
    ...[-0.42, -0.3, -0.18].map((dx) => ({
      sdf: capsule(cx + dx * s, cy - 0.55 * s, cx + dx * s, cy - 0.25 * s, 0.035 * s),
      color: ink,
    })),
    { sdf: box(cx - 0.46 * s, cy - 0.3 * s, cx - 0.14 * s, cy - 0.14 * s, 0.08 * s), color: ink },
    { sdf: capsule(cx - 0.3 * s, cy - 0.2 * s, cx - 0.3 * s, cy + 0.55 * s, 0.055 * s), color: ink },
    { sdf: box(cx + 0.16 * s, cy - 0.56 * s, cx + 0.36 * s, cy + 0.06 * s, 0.1 * s), color: ink },
    { sdf: capsule(cx + 0.26 * s, cy, cx + 0.26 * s, cy + 0.55 * s, 0.055 * s), color: ink },
  ],
  'gym-membership': (cx, cy, s, ink) => [
    { sdf: capsule(cx - 0.6 * s, cy, cx + 0.6 * s, cy, 0.05 * s), color: ink },
    { sdf: box(cx - 0.46 * s, cy - 0.36 * s, cx - 0.3 * s, cy + 0.36 * s, 0.05 * s), color: ink },
    { sdf: box(cx + 0.3 * s, cy - 0.36 * s, cx + 0.46 * s, cy + 0.36 * s, 0.05 * s), color: ink },
    { sdf: box(cx - 0.58 * s, cy - 0.24 * s, cx - 0.49 * s, cy + 0.24 * s, 0.04 * s), color: ink },
    { sdf: box(cx + 0.49 * s, cy - 0.24 * s, cx + 0.58 * s, cy + 0.24 * s, 0.04 * s), color: ink },
  ],
  'retail-gift-card': (cx, cy, s, ink, cut) => [
    { sdf: ring(cx - 0.15 * s, cy - 0.38 * s, 0.13 * s, 0.06 * s), color: ink },
    { sdf: ring(cx + 0.15 * s, cy - 0.38 * s, 0.13 * s, 0.06 * s), color: ink },
    { sdf: box(cx - 0.5 * s, cy - 0.26 * s, cx + 0.5 * s, cy - 0.06 * s, 0.04 * s), color: ink },
    { sdf: box(cx - 0.42 * s, cy - 0.02 * s, cx + 0.42 * s, cy + 0.5 * s, 0.05 * s), color: ink },
    { sdf: box(cx - 0.05 * s, cy - 0.27 * s, cx + 0.05 * s, cy + 0.51 * s), color: cut },
  ],
  'event-club-card': (cx, cy, s, ink, cut) => [
    { sdf: circle(cx - 0.06 * s, cy + 0.02 * s, 0.46 * s), color: ink },
    { sdf: circle(cx + 0.16 * s, cy - 0.12 * s, 0.4 * s), color: cut },
    { sdf: circle(cx + 0.38 * s, cy + 0.3 * s, 0.07 * s), color: ink },
    { sdf: circle(cx + 0.5 * s, cy - 0.05 * s, 0.045 * s), color: ink },
    { sdf: circle(cx + 0.22 * s, cy + 0.5 * s, 0.04 * s), color: ink },
  ],
  'minimal-brand-card': (cx, cy, s, ink) => [
    { sdf: capsule(cx - 0.3 * s, cy + 0.4 * s, cx - 0.3 * s, cy - 0.4 * s, 0.07 * s), color: ink },
    { sdf: capsule(cx - 0.3 * s, cy - 0.4 * s, cx + 0.3 * s, cy + 0.4 * s, 0.07 * s), color: ink },
    { sdf: capsule(cx + 0.3 * s, cy + 0.4 * s, cx + 0.3 * s, cy - 0.4 * s, 0.07 * s), color: ink },
  ],
};

interface Palette {
  /** The pass background and the badge's colour. */
  badge: string;
  ink: string;
  stripFrom: string;
  stripTo: string;
}

const palettes: Record<string, Palette> = {
  'coffee-stamp-card': { badge: '#C8894D', ink: '#FFF8EE', stripFrom: '#2A1810', stripTo: '#7A4A2A' },
  'restaurant-loyalty': { badge: '#D9A441', ink: '#FFFFFF', stripFrom: '#12261E', stripTo: '#2F5A46' },
  'gym-membership': { badge: '#B8F04A', ink: '#111827', stripFrom: '#0B1120', stripTo: '#1F2A44' },
  'retail-gift-card': { badge: '#F2C46D', ink: '#5C1530', stripFrom: '#4E1026', stripTo: '#9C2F55' },
  'event-club-card': { badge: '#F4B6FF', ink: '#24124A', stripFrom: '#1A0B38', stripTo: '#6B2A8C' },
  'minimal-brand-card': { badge: '#1F2933', ink: '#F5F3EF', stripFrom: '#E9E4DA', stripTo: '#F7F5F0' },
};

/** Decoration of each strip, over its gradient. */
function stripLayers(id: string, w: number, h: number, palette: Palette): Layer[] {
  const rand = random(id.length * 7919);
  const accent = hex(palette.badge);
  const ink = hex(palette.ink);
  switch (id) {
    case 'coffee-stamp-card':
      // Ten stamps, three collected.
      return Array.from({ length: 10 }, (_, i): Layer[] => {
        const cx = w * 0.5 + (i - 4.5) * 96;
        const cy = h * 0.66;
        return i < 3
          ? [{ sdf: circle(cx, cy, 34), color: accent }, ...marks[id]!(cx, cy, 26, hex('#2A1810'), accent)]
          : [{ sdf: ring(cx, cy, 32, 4), color: ink, alpha: 0.55 }];
      }).flat();
    case 'restaurant-loyalty':
      return [
        { sdf: ring(w * 0.8, h * 0.52, 150, 22), color: accent, alpha: 0.35 },
        { sdf: ring(w * 0.8, h * 0.52, 110, 3), color: ink, alpha: 0.35 },
        { sdf: ring(w * 0.15, h * 1.05, 200, 18), color: accent, alpha: 0.2 },
        ...Array.from({ length: 6 }, (_, i) => ({
          sdf: capsule(
            w * 0.4 + i * 46,
            h * 0.25 + (i % 2) * 40,
            w * 0.4 + i * 46 + 30,
            h * 0.25 + (i % 2) * 40 - 24,
            9,
          ),
          color: hex('#8DBF8B'),
          alpha: 0.5,
        })),
      ];
    case 'gym-membership':
      return Array.from({ length: 7 }, (_, i) => ({
        sdf: capsule(w * 0.45 + i * 95, h + 40, w * 0.45 + i * 95 + 260, -40, i === 3 ? 16 : 7),
        color: accent,
        alpha: i === 3 ? 0.9 : 0.35,
      }));
    case 'retail-gift-card':
      return Array.from({ length: 46 }, () => {
        const x = w * (0.35 + rand() * 0.65);
        const y = rand() * h;
        const r = 5 + rand() * 12;
        return { sdf: circle(x, y, r), color: rand() > 0.45 ? accent : hex('#F7A8C4'), alpha: 0.5 + rand() * 0.45 };
      });
    case 'event-club-card':
      return [
        { sdf: circle(w * 0.78, h * 0.1, 260), color: hex('#F4B6FF'), alpha: 0.22, soft: 220 },
        { sdf: circle(w * 0.35, h * 0.05, 200), color: hex('#7FD3FF'), alpha: 0.16, soft: 200 },
        ...Array.from({ length: 40 }, () => ({
          sdf: circle(rand() * w, rand() * h, 1.5 + rand() * 3),
          color: ink.map(() => 255) as Rgb,
          alpha: 0.4 + rand() * 0.5,
        })),
      ];
    default:
      return [
        { sdf: ring(w * 0.86, h * 0.5, 230, 2), color: hex('#1F2933'), alpha: 0.25 },
        { sdf: ring(w * 0.86, h * 0.5, 170, 2), color: hex('#1F2933'), alpha: 0.18 },
        { sdf: circle(w * 0.86, h * 0.5, 70), color: hex('#1F2933'), alpha: 0.9 },
      ];
  }
}

const out = fileURLToPath(new URL('./assets/', import.meta.url));
const logoSide = GOOGLE_LOGO_MIN_PX;
const badgeRadius = Math.floor(logoSide * (0.5 - GOOGLE_LOGO_SAFE_MARGIN)) - 12;
const icon = APPLE_ICON_RECOMMENDED_PX;
const strip = appleImageSize('strip');

for (const [id, palette] of Object.entries(palettes)) {
  const mark = marks[id]!;
  const badge = hex(palette.badge);
  const ink = hex(palette.ink);
  const dir = `${out}${id}/`;
  mkdirSync(dir, { recursive: true });
  const c = logoSide / 2;
  writeFileSync(
    `${dir}logo.png`,
    paint(logoSide, logoSide, null, [
      { sdf: circle(c, c, badgeRadius), color: badge },
      ...mark(c, c, badgeRadius * 0.88, ink, badge),
    ]),
  );
  writeFileSync(
    `${dir}icon.png`,
    paint(icon, icon, () => badge, mark(icon / 2, icon / 2, icon * 0.44, ink, badge)),
  );
  const fill = gradient(strip.width, palette.stripFrom, palette.stripTo);
  writeFileSync(
    `${dir}strip.png`,
    paint(strip.width, strip.height, (x) => fill(x), stripLayers(id, strip.width, strip.height, palette)),
  );
  console.log(`drew ${id}`);
}

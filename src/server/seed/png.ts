/**
 * A small raster canvas and a PNG encoder/decoder, enough to draw the sandbox's seed artwork
 * without a native image library.
 *
 * Shapes are drawn from signed distance functions (negative inside, positive outside, in pixels):
 * the distance gives anti-aliased edges for free (coverage = 0.5 − d), and shapes combine with
 * min/max, so a logo mark is a few lines of arithmetic rather than a path rasteriser.
 *
 * Pixels are stored straight (not premultiplied) RGBA, 8 bits per channel, which is what PNG
 * colour type 6 wants.
 */
import { type ZlibOptions, deflateSync, inflateSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Colours and paints

/** A colour with channels 0–255 and alpha 0–1. */
export interface Color {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** `#RRGGBB` (or `#RGB`) to a colour, with an optional alpha 0–1. */
export function hexColor(hex: string, alpha = 1): Color {
  let h = hex.replace(/^#/, '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`Not a colour: ${hex}`);
  const n = Number.parseInt(h, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff, a: alpha };
}

export function withAlpha(color: Color, a: number): Color {
  return { ...color, a };
}

/** Linear interpolation between two colours (t = 0 gives `from`). */
export function mixColor(from: Color, to: Color, t: number): Color {
  const u = clamp01(t);
  return {
    r: from.r + (to.r - from.r) * u,
    g: from.g + (to.g - from.g) * u,
    b: from.b + (to.b - from.b) * u,
    a: from.a + (to.a - from.a) * u,
  };
}

export interface GradientStop {
  offset: number;
  color: Color;
}

export interface LinearGradient {
  kind: 'linear';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  stops: GradientStop[];
}

export interface RadialGradient {
  kind: 'radial';
  cx: number;
  cy: number;
  r: number;
  stops: GradientStop[];
}

export type Paint = Color | LinearGradient | RadialGradient;

export function linearGradient(x0: number, y0: number, x1: number, y1: number, stops: GradientStop[]): LinearGradient {
  return { kind: 'linear', x0, y0, x1, y1, stops: sortStops(stops) };
}

export function radialGradient(cx: number, cy: number, r: number, stops: GradientStop[]): RadialGradient {
  return { kind: 'radial', cx, cy, r, stops: sortStops(stops) };
}

function sortStops(stops: GradientStop[]): GradientStop[] {
  if (stops.length === 0) throw new Error('A gradient needs at least one stop');
  return [...stops].sort((a, b) => a.offset - b.offset);
}

function colorAtStops(stops: GradientStop[], t: number): Color {
  const first = stops[0]!;
  if (t <= first.offset) return first.color;
  for (let i = 1; i < stops.length; i++) {
    const b = stops[i]!;
    if (t <= b.offset) {
      const a = stops[i - 1]!;
      const span = b.offset - a.offset;
      return mixColor(a.color, b.color, span > 0 ? (t - a.offset) / span : 1);
    }
  }
  return stops[stops.length - 1]!.color;
}

const GRADIENT_STEPS = 1024;

/** A gradient sampled at 1025 evenly spaced offsets, as r, g, b, a quadruples. */
function gradientTable(stops: GradientStop[]): {
  table: Float64Array;
  size: number;
} {
  const size = GRADIENT_STEPS;
  const table = new Float64Array((size + 1) * 4);
  for (let i = 0; i <= size; i++) {
    const c = colorAtStops(stops, i / size);
    table.set([c.r, c.g, c.b, c.a], i * 4);
  }
  return { table, size };
}

/**
 * Compiles a paint into a per-pixel colour lookup (evaluated at pixel centres). Gradients are
 * read from a 1024-entry table, which is finer than 8-bit channels can show.
 */
function paintSampler(paint: Paint): (x: number, y: number) => Color {
  if (!('kind' in paint)) return () => paint;
  const size = GRADIENT_STEPS;
  const table = Array.from({ length: size + 1 }, (_, i) => colorAtStops(paint.stops, i / size));
  const at = (t: number) => table[t <= 0 ? 0 : t >= 1 ? size : Math.round(t * size)]!;
  if (paint.kind === 'linear') {
    const { x0, y0 } = paint;
    const dx = paint.x1 - x0;
    const dy = paint.y1 - y0;
    const len2 = dx * dx + dy * dy || 1;
    return (x, y) => at(((x - x0) * dx + (y - y0) * dy) / len2);
  }
  const { cx, cy, r } = paint;
  return (x, y) => at(length(x - cx, y - cy) / (r || 1));
}

// ---------------------------------------------------------------------------------------------
// Signed distance functions (pixels; negative inside)

export type Sdf = (x: number, y: number) => number;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function sdCircle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => length(x - cx, y - cy) - r;
}

/** Approximate but smooth ellipse distance, good for anti-aliasing. */
export function sdEllipse(cx: number, cy: number, rx: number, ry: number, angle = 0): Sdf {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const m = Math.min(rx, ry);
  return (x, y) => {
    const px = x - cx;
    const py = y - cy;
    const u = (px * cos + py * sin) / rx;
    const v = (-px * sin + py * cos) / ry;
    return (length(u, v) - 1) * m;
  };
}

export function sdRoundedRect(x: number, y: number, w: number, h: number, radius: number): Sdf {
  const hw = w / 2;
  const hh = h / 2;
  const cx = x + hw;
  const cy = y + hh;
  const r = Math.max(0, Math.min(radius, hw, hh));
  return (px, py) => {
    const qx = Math.abs(px - cx) - hw + r;
    const qy = Math.abs(py - cy) - hh + r;
    return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

/** Exact distance to a simple polygon (points in order, either winding). */
export function sdPolygon(points: readonly (readonly [number, number])[]): Sdf {
  const n = points.length;
  if (n < 3) throw new Error('A polygon needs at least three points');
  return (px, py) => {
    const [fx, fy] = points[0]!;
    let d = (px - fx) ** 2 + (py - fy) ** 2;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      const ex = xj - xi;
      const ey = yj - yi;
      const wx = px - xi;
      const wy = py - yi;
      const t = clamp01((wx * ex + wy * ey) / (ex * ex + ey * ey || 1));
      d = Math.min(d, (wx - ex * t) ** 2 + (wy - ey * t) ** 2);
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside ? -Math.sqrt(d) : Math.sqrt(d);
  };
}

/** The region below (larger y than) a curve y = f(x), with the distance corrected for slope. */
export function sdBelowCurve(f: (x: number) => number, slope: (x: number) => number): Sdf {
  return (x, y) => (f(x) - y) / Math.sqrt(1 + slope(x) ** 2);
}

export const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) => {
    let d = Infinity;
    for (const s of shapes) d = Math.min(d, s(x, y));
    return d;
  };

export const intersect =
  (...shapes: Sdf[]): Sdf =>
  (x, y) => {
    let d = -Infinity;
    for (const s of shapes) d = Math.max(d, s(x, y));
    return d;
  };

export const subtract =
  (shape: Sdf, ...holes: Sdf[]): Sdf =>
  (x, y) => {
    let d = shape(x, y);
    for (const h of holes) d = Math.max(d, -h(x, y));
    return d;
  };

/** A ring along the shape's outline, `width` pixels wide. */
export const outline =
  (shape: Sdf, width: number): Sdf =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2;

// ---------------------------------------------------------------------------------------------
// Canvas

export interface FillOptions {
  /** Width in pixels of the soft edge; 1 is a crisp anti-aliased edge, larger blurs it. */
  feather?: number;
  /** Multiplies the paint's alpha. */
  opacity?: number;
}

export class Canvas {
  readonly data: Uint8ClampedArray;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new Error(`Bad canvas size ${width}×${height}`);
    }
    this.data = new Uint8ClampedArray(width * height * 4);
  }

  getPixel(x: number, y: number): [number, number, number, number] {
    const i = (y * this.width + x) * 4;
    const d = this.data;
    return [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
  }

  /** Composites `color` over one pixel with the given coverage (source-over, straight alpha). */
  blendPixel(x: number, y: number, color: Color, coverage = 1): void {
    blendAt(this.data, (y * this.width + x) * 4, color.r, color.g, color.b, color.a * coverage);
  }

  /** Paints the whole canvas (composited over what is there). */
  fill(paint: Paint): this {
    return this.fillRect(0, 0, this.width, this.height, paint);
  }

  /** Axis-aligned rectangle; fractional edges are anti-aliased. */
  fillRect(x: number, y: number, w: number, h: number, paint: Paint, options: FillOptions = {}): this {
    const opacity = options.opacity ?? 1;
    const bx0 = Math.max(0, Math.floor(x));
    const by0 = Math.max(0, Math.floor(y));
    const bx1 = Math.min(this.width, Math.ceil(x + w));
    const by1 = Math.min(this.height, Math.ceil(y + h));
    const columns = new Float64Array(Math.max(0, bx1 - bx0));
    for (let px = bx0; px < bx1; px++) columns[px - bx0] = clamp01(Math.min(px + 1, x + w) - Math.max(px, x));
    const d = this.data;
    if ('kind' in paint && paint.kind === 'linear') {
      // The hot path for backgrounds: t is affine in x, so step it along the row.
      const { table, size } = gradientTable(paint.stops);
      const dx = paint.x1 - paint.x0;
      const dy = paint.y1 - paint.y0;
      const len2 = dx * dx + dy * dy || 1;
      const step = (dx / len2) * size;
      for (let py = by0; py < by1; py++) {
        const cy = clamp01(Math.min(py + 1, y + h) - Math.max(py, y)) * opacity;
        let t = (((bx0 + 0.5 - paint.x0) * dx + (py + 0.5 - paint.y0) * dy) / len2) * size;
        let i = (py * this.width + bx0) * 4;
        for (let px = bx0; px < bx1; px++, t += step, i += 4) {
          const k = (t <= 0 ? 0 : t >= size ? size : Math.round(t)) * 4;
          blendAt(d, i, table[k]!, table[k + 1]!, table[k + 2]!, table[k + 3]! * columns[px - bx0]! * cy);
        }
      }
      return this;
    }
    const sample = paintSampler(paint);
    for (let py = by0; py < by1; py++) {
      const cy = clamp01(Math.min(py + 1, y + h) - Math.max(py, y)) * opacity;
      for (let px = bx0; px < bx1; px++) {
        const c = sample(px + 0.5, py + 0.5);
        blendAt(d, (py * this.width + px) * 4, c.r, c.g, c.b, c.a * columns[px - bx0]! * cy);
      }
    }
    return this;
  }

  /**
   * Fills the inside of a signed distance function. `bounds` limits the work; it is grown by
   * the feather so soft edges are not clipped.
   */
  fillShape(sdf: Sdf, bounds: Box, paint: Paint, options: FillOptions = {}): this {
    const feather = Math.max(1, options.feather ?? 1);
    const opacity = options.opacity ?? 1;
    const sample = paintSampler(paint);
    const pad = feather / 2 + 1;
    const bx0 = Math.max(0, Math.floor(bounds.x0 - pad));
    const by0 = Math.max(0, Math.floor(bounds.y0 - pad));
    const bx1 = Math.min(this.width, Math.ceil(bounds.x1 + pad));
    const by1 = Math.min(this.height, Math.ceil(bounds.y1 + pad));
    for (let py = by0; py < by1; py++) {
      const y = py + 0.5;
      for (let px = bx0; px < bx1; px++) {
        const x = px + 0.5;
        const d = sdf(x, y);
        const coverage = clamp01(0.5 - d / feather);
        if (coverage > 0) {
          this.blendPixel(px, py, sample(x, y), coverage * opacity);
        } else {
          // Far outside: the distance says how many pixels cannot be reached, so skip them
          // (with a margin, as some distances here are approximations).
          const skip = Math.floor((d - feather / 2) * 0.8) - 1;
          if (skip > 0) px += skip;
        }
      }
    }
    return this;
  }

  /**
   * Fills everything below the curve y = f(x) (y grows downwards), between `x0` and `x1`.
   * Works column by column, so `f` and `slope` are evaluated once per column: much cheaper
   * than `fillShape(sdBelowCurve(…))` for waves and ridges that span the canvas.
   */
  fillBelowCurve(
    f: (x: number) => number,
    slope: (x: number) => number,
    paint: Paint,
    options: FillOptions & { x0?: number; x1?: number } = {},
  ): this {
    const feather = Math.max(1, options.feather ?? 1);
    const opacity = options.opacity ?? 1;
    const sample = paintSampler(paint);
    const bx0 = Math.max(0, Math.floor(options.x0 ?? 0));
    const bx1 = Math.min(this.width, Math.ceil(options.x1 ?? this.width));
    for (let px = bx0; px < bx1; px++) {
      const x = px + 0.5;
      const fy = f(x);
      const s = slope(x);
      const k = 1 / Math.sqrt(1 + s * s) / feather;
      const start = Math.max(0, Math.floor(fy - feather * Math.sqrt(1 + s * s) - 1));
      for (let py = start; py < this.height; py++) {
        const coverage = clamp01(0.5 - (fy - (py + 0.5)) * k);
        if (coverage > 0) this.blendPixel(px, py, sample(x, py + 0.5), coverage * opacity);
      }
    }
    return this;
  }

  fillCircle(cx: number, cy: number, r: number, paint: Paint, options: FillOptions = {}): this {
    return this.fillShape(sdCircle(cx, cy, r), { x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r }, paint, options);
  }

  fillEllipse(
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    paint: Paint,
    options: FillOptions = {},
    angle = 0,
  ): this {
    const m = Math.max(rx, ry);
    return this.fillShape(
      sdEllipse(cx, cy, rx, ry, angle),
      { x0: cx - m, y0: cy - m, x1: cx + m, y1: cy + m },
      paint,
      options,
    );
  }

  fillRoundedRect(
    x: number,
    y: number,
    w: number,
    h: number,
    radius: number,
    paint: Paint,
    options: FillOptions = {},
  ): this {
    return this.fillShape(sdRoundedRect(x, y, w, h, radius), { x0: x, y0: y, x1: x + w, y1: y + h }, paint, options);
  }

  fillPolygon(points: readonly (readonly [number, number])[], paint: Paint, options: FillOptions = {}): this {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return this.fillShape(
      sdPolygon(points),
      {
        x0: Math.min(...xs),
        y0: Math.min(...ys),
        x1: Math.max(...xs),
        y1: Math.max(...ys),
      },
      paint,
      options,
    );
  }
}

export function createCanvas(width: number, height: number): Canvas {
  return new Canvas(width, height);
}

// ---------------------------------------------------------------------------------------------
// PNG encoding

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / ITU-T V.42, as PNG uses). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out, 4, 8 + body.length));
  return out;
}

export interface EncodeOptions {
  /**
   * `adaptive` (default) picks, per row, the PNG filter with the smallest sum of absolute
   * residuals; `up` uses filter type 2 everywhere (one pass, nearly as small for smooth
   * artwork); `none` writes filter type 0 everywhere.
   */
  filter?: 'adaptive' | 'up' | 'none';
  /** Passed to zlib; the default is level 6 with the default strategy. */
  zlib?: ZlibOptions;
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha, non-interlaced PNG. */
export function encodePng(canvas: Pick<Canvas, 'width' | 'height' | 'data'>, options: EncodeOptions = {}): Uint8Array {
  const { width, height } = canvas;
  const data =
    canvas.data instanceof Uint8Array
      ? canvas.data
      : new Uint8Array(canvas.data.buffer, canvas.data.byteOffset, canvas.data.byteLength);
  if (data.length !== width * height * 4) throw new Error('Pixel data does not match the size');
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  const filter = options.filter ?? 'adaptive';
  const scratch = new Uint8Array(stride);
  const zero = new Uint8Array(stride);

  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? data.subarray((y - 1) * stride, y * stride) : zero;
    const at = y * (stride + 1);
    if (filter === 'up') {
      filterRow(2, row, prev, scratch, Infinity);
      raw[at] = 2;
      raw.set(scratch, at + 1);
      continue;
    }
    raw[at] = 0;
    raw.set(row, at + 1);
    if (filter === 'none') continue;
    let best = 0;
    let bestScore = filterRow(0, row, prev, scratch, Infinity);
    for (let type = 1; type < 5; type++) {
      const score = filterRow(type, row, prev, scratch, bestScore);
      if (score < bestScore) {
        bestScore = score;
        best = type;
      }
    }
    if (best !== 0) {
      filterRow(best, row, prev, scratch, Infinity);
      raw[at] = best;
      raw.set(scratch, at + 1);
    }
  }

  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace

  const idat = new Uint8Array(deflateSync(raw, options.zlib));
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Writes one row filtered with `type` into `out` and returns the sum of the residuals read as
 * signed bytes; gives up (returning at least `limit`) once the sum reaches `limit`.
 */
function filterRow(type: number, row: Uint8Array, prev: Uint8Array, out: Uint8Array, limit: number): number {
  const n = row.length;
  let score = 0;
  let i = 0;
  // One loop per filter type keeps the hot loops free of branches on the type.
  switch (type) {
    case 0:
      for (; i < n && score < limit; i++) {
        const r = row[i]!;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
      break;
    case 1:
      for (; i < n && score < limit; i++) {
        const r = (row[i]! - (i >= 4 ? row[i - 4]! : 0)) & 0xff;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
      break;
    case 2:
      for (; i < n && score < limit; i++) {
        const r = (row[i]! - prev[i]!) & 0xff;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
      break;
    case 3:
      for (; i < n && score < limit; i++) {
        const r = (row[i]! - (((i >= 4 ? row[i - 4]! : 0) + prev[i]!) >> 1)) & 0xff;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
      break;
    default:
      for (; i < 4; i++) {
        const r = (row[i]! - prev[i]!) & 0xff;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
      for (; i < n && score < limit; i++) {
        const r = (row[i]! - paeth(row[i - 4]!, prev[i]!, prev[i - 4]!)) & 0xff;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
  }
  return score;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// ---------------------------------------------------------------------------------------------
// PNG reading

function hasSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !hasSignature(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!) !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

export interface DecodedPng {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Decodes the PNGs this module writes: 8-bit RGBA, non-interlaced, any of the five filters.
 * Checks chunk CRCs. Anything else throws; it is not a general decoder.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  if (!hasSignature(bytes)) throw new Error('Not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 8 + length;
    if (end + 4 > bytes.length) throw new Error(`Truncated ${type} chunk`);
    if (crc32(bytes, offset + 4, end) !== view.getUint32(end)) throw new Error(`Bad CRC in ${type}`);
    const body = bytes.subarray(offset + 8, end);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, colorType, , , interlace] = body.subarray(8);
      if (depth !== 8 || colorType !== 6 || interlace !== 0) throw new Error('Only 8-bit RGBA, non-interlaced');
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset = end + 4;
  }
  if (!width || !height) throw new Error('No IHDR');
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  const stride = width * 4;
  if (raw.length !== (stride + 1) * height) throw new Error('Image data has the wrong length');
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? data[at + i - 4]! : 0;
      const b = y > 0 ? data[at - stride + i]! : 0;
      const c = y > 0 && i >= 4 ? data[at - stride + i - 4]! : 0;
      const predictor =
        type === 0
          ? 0
          : type === 1
            ? a
            : type === 2
              ? b
              : type === 3
                ? (a + b) >> 1
                : type === 4
                  ? paeth(a, b, c)
                  : NaN;
      if (Number.isNaN(predictor)) throw new Error(`Unknown filter type ${type}`);
      data[at + i] = (src[i]! + predictor) & 0xff;
    }
  }
  return { width, height, data };
}

/** √(x² + y²); `Math.hypot` is several times slower and its overflow care is not needed here. */
export function length(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

/** Source-over of a straight-alpha colour onto the pixel at byte offset `i`. */
function blendAt(d: Uint8ClampedArray, i: number, r: number, g: number, b: number, alpha: number): void {
  if (alpha <= 0) return;
  const sa = alpha > 1 ? 1 : alpha;
  const da = d[i + 3]!;
  if (sa === 1 || da === 0) {
    d[i] = r;
    d[i + 1] = g;
    d[i + 2] = b;
    d[i + 3] = sa * 255;
  } else if (da === 255) {
    // Opaque destination (backgrounds): a plain mix.
    d[i] = d[i]! + (r - d[i]!) * sa;
    d[i + 1] = d[i + 1]! + (g - d[i + 1]!) * sa;
    d[i + 2] = d[i + 2]! + (b - d[i + 2]!) * sa;
  } else {
    const dA = da / 255;
    const k = dA * (1 - sa);
    const outA = sa + k;
    d[i] = (r * sa + d[i]! * k) / outA;
    d[i + 1] = (g * sa + d[i + 1]! * k) / outA;
    d[i + 2] = (b * sa + d[i + 2]! * k) / outA;
    d[i + 3] = outA * 255;
  }
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

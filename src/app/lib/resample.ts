/**
 * High-quality resizing of RGBA pixels to an exact size, in plain TypeScript so it behaves the
 * same in every browser and in tests. Shrinking averages every source pixel a target pixel
 * covers (a box filter over exact areas, no skipped pixels, no moiré); enlarging interpolates
 * linearly. Colour is weighted by alpha, so transparent pixels never darken the edges of a logo.
 */

interface Tap {
  start: number;
  weights: Float32Array;
}

/** For each target index along one axis, the source indices it reads and their weights. */
function taps(source: number, target: number): Tap[] {
  const scale = source / target;
  const out: Tap[] = [];
  for (let i = 0; i < target; i++) {
    if (scale >= 1) {
      const from = i * scale;
      const to = from + scale;
      const start = Math.floor(from);
      const end = Math.min(source, Math.ceil(to));
      const weights = new Float32Array(end - start);
      for (let s = start; s < end; s++) weights[s - start] = (Math.min(to, s + 1) - Math.max(from, s)) / scale;
      out.push({ start, weights });
    } else {
      const centre = Math.min(source - 1, Math.max(0, (i + 0.5) * scale - 0.5));
      const start = Math.floor(centre);
      const t = centre - start;
      out.push(
        start + 1 < source
          ? { start, weights: new Float32Array([1 - t, t]) }
          : { start, weights: new Float32Array([1]) },
      );
    }
  }
  return out;
}

export function resampleRgba(
  source: Uint8ClampedArray | Uint8Array,
  sourceWidth: number,
  sourceHeight: number,
  width: number,
  height: number,
): Uint8ClampedArray<ArrayBuffer> {
  if (width < 1 || height < 1 || sourceWidth < 1 || sourceHeight < 1) throw new Error('Empty image');
  // Premultiplied floats: [r·a, g·a, b·a, a].
  const pre = new Float32Array(sourceWidth * sourceHeight * 4);
  for (let i = 0; i < pre.length; i += 4) {
    const a = source[i + 3]! / 255;
    pre[i] = source[i]! * a;
    pre[i + 1] = source[i + 1]! * a;
    pre[i + 2] = source[i + 2]! * a;
    pre[i + 3] = a;
  }
  // Horizontal pass: sourceHeight rows of `width` pixels.
  const across = taps(sourceWidth, width);
  const mid = new Float32Array(width * sourceHeight * 4);
  for (let y = 0; y < sourceHeight; y++) {
    const row = y * sourceWidth * 4;
    for (let x = 0; x < width; x++) {
      const { start, weights } = across[x]!;
      let r = 0, g = 0, b = 0, a = 0; // prettier-ignore
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k]!;
        const at = row + (start + k) * 4;
        r += pre[at]! * w;
        g += pre[at + 1]! * w;
        b += pre[at + 2]! * w;
        a += pre[at + 3]! * w;
      }
      const to = (y * width + x) * 4;
      mid[to] = r;
      mid[to + 1] = g;
      mid[to + 2] = b;
      mid[to + 3] = a;
    }
  }
  // Vertical pass, then back to straight alpha.
  const down = taps(sourceHeight, height);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const { start, weights } = down[y]!;
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0, a = 0; // prettier-ignore
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k]!;
        const at = ((start + k) * width + x) * 4;
        r += mid[at]! * w;
        g += mid[at + 1]! * w;
        b += mid[at + 2]! * w;
        a += mid[at + 3]! * w;
      }
      const to = (y * width + x) * 4;
      if (a > 1e-6) {
        out[to] = Math.round(r / a);
        out[to + 1] = Math.round(g / a);
        out[to + 2] = Math.round(b / a);
      }
      out[to + 3] = Math.round(a * 255);
    }
  }
  return out;
}

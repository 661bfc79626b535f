/** Reads a PNG's signature and IHDR dimensions without decoding it. */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export async function readPngInfo(file: Blob): Promise<{ width: number; height: number } | null> {
  const head = new Uint8Array(await file.slice(0, 24).arrayBuffer());
  if (head.length < 24 || !SIGNATURE.every((byte, i) => head[i] === byte)) return null;
  const view = new DataView(head.buffer);
  // IHDR must be the first chunk: length 13, type "IHDR", then width and height.
  if (String.fromCharCode(head[12]!, head[13]!, head[14]!, head[15]!) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Apple's image slots at @3x (wallet-preview.md), the size a sharp pass wants. */
export const WANTED_SIZES = {
  logo: { width: 480, height: 150, fit: 'within' as const },
  icon: { width: 87, height: 87, fit: 'exact' as const },
  strip: { width: 1125, height: 369, fit: 'exact' as const },
  footer: { width: 858, height: 45, fit: 'exact' as const },
};

/** A warning when the image is smaller than Apple's @3x slot (a logo may be narrower). */
export function sizeWarning(slot: keyof typeof WANTED_SIZES, size: { width: number; height: number }): string | null {
  const wanted = WANTED_SIZES[slot];
  const tooSmall =
    wanted.fit === 'within'
      ? size.width < wanted.width && size.height < wanted.height
      : size.width < wanted.width || size.height < wanted.height;
  return tooSmall
    ? `This image is ${size.width}×${size.height} px; Apple Wallet wants ${wanted.width}×${wanted.height} px to stay sharp on every iPhone.`
    : null;
}

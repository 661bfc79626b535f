import { type WalletImageSlot, appleImageSize, hasPngSignature } from '../../../../contract/wallet-rules';

/** Reads a PNG's signature and IHDR dimensions without decoding it. */
export async function readPngInfo(file: Blob): Promise<{ width: number; height: number } | null> {
  const head = new Uint8Array(await file.slice(0, 24).arrayBuffer());
  if (head.length < 24 || !hasPngSignature(head)) return null;
  const view = new DataView(head.buffer);
  // IHDR must be the first chunk: length 13, type "IHDR", then width and height.
  if (String.fromCharCode(head[12]!, head[13]!, head[14]!, head[15]!) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A warning when the image is smaller than Apple's @3x slot (a logo may be narrower). */
export function sizeWarning(slot: WalletImageSlot, size: { width: number; height: number }): string | null {
  const wanted = appleImageSize(slot);
  const tooSmall =
    wanted.fit === 'within'
      ? size.width < wanted.width && size.height < wanted.height
      : size.width < wanted.width || size.height < wanted.height;
  return tooSmall
    ? `This image is ${size.width}×${size.height} px; Apple Wallet wants ${wanted.width}×${wanted.height} px to stay sharp on every iPhone.`
    : null;
}

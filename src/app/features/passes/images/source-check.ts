/**
 * What the editor checks about a dropped image before anything heavy loads: its kind, by its
 * first bytes, and its size. Small on purpose: the crop step itself loads only when needed.
 */
/** Originals above these are refused before decoding: bigger files are not pass artwork. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
export const MAX_SOURCE_SIDE = 8000;

export type SourceKind = 'png' | 'jpeg' | 'webp';

/** Recognises PNG, JPEG and WebP by their first bytes, whatever the file is called. */
export async function sniffImage(file: Blob): Promise<SourceKind | null> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Checks a dropped file before it is decoded; answers the problem in a sentence, or null. */
export async function sourceProblem(file: File): Promise<string | null> {
  if (file.size > MAX_SOURCE_BYTES)
    return `${file.name} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB. Use a smaller image.`;
  if (!(await sniffImage(file))) return `${file.name} is not a PNG, JPEG or WebP image.`;
  return null;
}

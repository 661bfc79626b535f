/**
 * The seeded passes' artwork: PNG files committed under `images/<brand>/` (logo, icon, strip and,
 * for some brands, footer at Apple's @3x sizes), read from disk when a new database is seeded.
 * They are ordinary image files: edit or replace them with any image tool, keeping the sizes and
 * the file names (the seed-images test checks both).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASS_IMAGE_NAMES } from '../../contract/rules';
import type { SeedImage } from './seed-types';

/**
 * Where the images are, found from this module's own location so the working directory does not
 * matter: beside this file when the TypeScript sources run (tsx, tests), and back in the sources
 * when the server runs as the esbuild bundle in dist-server/ (`npm start`, `npm run serve`).
 */
const CANDIDATES = [new URL('./images/', import.meta.url), new URL('../src/server/seed/images/', import.meta.url)];

export function seedImagesDir(): string {
  const found = CANDIDATES.map((url) => fileURLToPath(url)).find((dir) => existsSync(dir));
  if (!found) throw new Error(`The seed images are missing (looked in ${CANDIDATES.map(String).join(', ')})`);
  return found;
}

/** Every pass image a brand's folder holds, in the order of `PASS_IMAGE_NAMES`. */
export function seedImages(brand: string): SeedImage[] {
  const dir = join(seedImagesDir(), brand);
  const images = PASS_IMAGE_NAMES.filter((fileName) => existsSync(join(dir, fileName))).map((fileName) => ({
    fileName,
    png: new Uint8Array(readFileSync(join(dir, fileName))),
  }));
  if (images.length === 0) throw new Error(`No seed images for the brand "${brand}" in ${dir}`);
  return images;
}

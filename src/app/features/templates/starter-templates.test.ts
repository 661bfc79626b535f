import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreatePassRequestSchema } from '../../../contract/input-schemas';
import {
  APPLE_ICON_RECOMMENDED_PX,
  GOOGLE_LOGO_MIN_PX,
  appleImageSize,
  hasPngSignature,
} from '../../../contract/wallet-rules';
import { runPassChecks } from '../passes/checks/pass-checks';
import { STARTER_TEMPLATES, templateImages, templatePreview } from './starter-templates';

// jsdom gives import.meta.url an http: scheme; the path is read from the repository root.
const assets = join(process.cwd(), 'src/app/features/templates/assets/');

function pngSize(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const EXPECTED = {
  logo: { width: GOOGLE_LOGO_MIN_PX, height: GOOGLE_LOGO_MIN_PX },
  icon: { width: APPLE_ICON_RECOMMENDED_PX, height: APPLE_ICON_RECOMMENDED_PX },
  strip: { width: appleImageSize('strip').width, height: appleImageSize('strip').height },
} as const;

describe('starter templates', () => {
  it('offers the six starter designs', () => {
    expect(STARTER_TEMPLATES.map((t) => t.id)).toEqual([
      'coffee-stamp-card',
      'restaurant-loyalty',
      'gym-membership',
      'retail-gift-card',
      'event-club-card',
      'minimal-brand-card',
    ]);
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s is a valid pass that passes every check',
    (_id, template) => {
      const imageSizes: Record<string, { width: number; height: number }> = {};
      for (const slot of ['logo', 'icon', 'strip'] as const) {
        const bytes = new Uint8Array(readFileSync(`${assets}${template.id}/${slot}.png`));
        expect(hasPngSignature(bytes)).toBe(true);
        // Small files: the app ships them.
        expect(bytes.length).toBeLessThan(120_000);
        const size = pngSize(bytes);
        expect(size).toEqual(EXPECTED[slot]);
        imageSizes[slot] = size;
      }
      expect(Object.keys(templateImages(template)).sort()).toEqual(['icon.png', 'logo.png', 'strip.png']);
      expect(runPassChecks({ ...templatePreview(template), imageSizes })).toEqual([]);
      const body = {
        passName: template.title,
        ...template.pass,
        uploadInfoList: ['logo.png', 'icon.png', 'strip.png'].map((fileName) => ({ fileName, uploadKey: 'k1' })),
      };
      expect(CreatePassRequestSchema.safeParse(body).success).toBe(true);
    },
  );
});

/**
 * What the pure preview models read: a narrow, loose reading of a pass (every value may be
 * missing, null or empty), the form paths a click on a preview reports, and a stored pass read
 * this way. The live preview hands over form snapshots as they are.
 */
import type { PassImageName } from '../../../../contract/rules';
import type { BackField, BackFieldLink, Location, PassField, PassMetadata } from '../../../../contract/schemas';
import type { GoogleDeepLinkDataSchema } from '../../../../contract/schemas';
import type * as z from 'zod/mini';

type Loose<T> = { [K in keyof T]?: T[K] | null | undefined };

export type PreviewField = Loose<Pick<PassField, 'key' | 'label' | 'value' | 'changeMessage'>>;
type PreviewLink = Loose<Pick<BackFieldLink, 'text' | 'link'>>;
type PreviewBackField = Loose<Pick<BackField, 'key' | 'label' | 'changeMessage'>> & {
  value?: readonly (PreviewLink | null | undefined)[] | null;
};
export type PreviewLocation = Loose<Pick<Location, 'name' | 'enabled' | 'relevantText'>>;
type GoogleDeepLinkData = z.infer<typeof GoogleDeepLinkDataSchema>;

export type PreviewMetadata = Loose<
  Pick<PassMetadata, 'description' | 'organizationName' | 'backgroundColor' | 'displayTextColor' | 'qrUrl' | 'qrText'>
> & {
  topField?: PreviewField | null;
  secondaryFields?: readonly (PreviewField | null | undefined)[] | null;
  backFields?: readonly (PreviewBackField | null | undefined)[] | null;
  locations?: readonly (PreviewLocation | null | undefined)[] | null;
  appDeepLinks?: {
    googleDeepLinkData?: Loose<Pick<GoogleDeepLinkData, 'displayText' | 'androidPackageName' | 'webAppUrl'>> | null;
  } | null;
};

export interface PreviewPass {
  passName?: string | null;
  notificationHeader?: string | null;
  passMetadata?: PreviewMetadata | null;
  /** Image URLs by file name (hosted URLs or object URLs of files not uploaded yet). */
  images?: Partial<Record<PassImageName, string | null | undefined>> | null;
}

// ---------------------------------------------------------------------------------------------
// Form paths that `onSelectField` reports, so the editor can focus the matching input.

export const previewPaths = {
  organizationName: 'passMetadata.organizationName',
  description: 'passMetadata.description',
  topFieldValue: 'passMetadata.topField.value',
  topFieldLabel: 'passMetadata.topField.label',
  topFieldChangeMessage: 'passMetadata.topField.changeMessage',
  qrUrl: 'passMetadata.qrUrl',
  qrText: 'passMetadata.qrText',
  backgroundColor: 'passMetadata.backgroundColor',
  notificationHeader: 'notificationHeader',
  googleDisplayText: 'passMetadata.appDeepLinks.googleDeepLinkData.displayText',
  secondaryValue: (i: number) => `passMetadata.secondaryFields.${i}.value`,
  secondaryChangeMessage: (i: number) => `passMetadata.secondaryFields.${i}.changeMessage`,
  backLabel: (i: number) => `passMetadata.backFields.${i}.label`,
  backChangeMessage: (i: number) => `passMetadata.backFields.${i}.changeMessage`,
  backLink: (i: number, j: number) => `passMetadata.backFields.${i}.value.${j}.link`,
  locationText: (i: number) => `locations.${i}.relevantText`,
  /** The editor keys images by slot (`images.logo`), not file name: dots would nest the path. */
  image: (name: PassImageName) => `images.${name.replace(/\.png$/, '')}`,
} as const;

// ---------------------------------------------------------------------------------------------
// Reading loose values

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
export const url = (value: string | null | undefined): string | null => (hasText(value) ? value : null);

// ---------------------------------------------------------------------------------------------
// From a stored pass

/** A stored pass as the preview reads it: images by file name from `uploadInfoList`. */
export function previewPassOf(pass: {
  passName?: string | null;
  notificationHeader?: string | null;
  passMetadata?: PreviewMetadata | null;
  uploadInfoList?: readonly ({ fileName?: string | null; url?: string | null } | null)[] | null;
}): PreviewPass {
  const images: NonNullable<PreviewPass['images']> = {};
  for (const info of pass.uploadInfoList ?? []) {
    const name = info?.fileName;
    if (name === 'logo.png' || name === 'icon.png' || name === 'strip.png' || name === 'footer.png')
      images[name] = info?.url ?? null;
  }
  return {
    passName: pass.passName,
    notificationHeader: pass.notificationHeader,
    passMetadata: pass.passMetadata,
    images,
  };
}

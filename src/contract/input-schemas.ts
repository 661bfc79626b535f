/**
 * The strict readings of the Passport API's shapes (`XInputSchema`, request bodies): the rules of
 * `./rules` and `./wallet-rules` applied to what a client sends. Same inferred types as the
 * tolerant readings in `./schemas`, so a value read tolerantly can be checked strictly before it is
 * sent. Kept apart from `./schemas` so a page that only reads passes does not load the rules.
 */
import * as z from 'zod/mini';
import {
  ANDROID_PACKAGE_PATTERN,
  APP_STORE_ID_PATTERN,
  HEX_COLOR,
  ID_PATTERN,
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  PASS_IMAGE_NAMES,
  SLUG_PATTERN,
  USER_DEEP_LINK_APP_TYPES,
  isAllowedLink,
  isHttpUrl,
  isHttpsUrl,
} from './rules';
import { AccountSchema, PassStatusSchema, WalletPassRefSchema } from './schemas';
import { COLOR_MESSAGE, LINK_MESSAGE, optionalFormatted, optionalText, requiredText, text } from './schema-parts';
import { MAX_GOOGLE_DISPLAY_TEXT, MAX_LINK_TEXT, MAX_TEXT } from './wallet-rules';

// ---------------------------------------------------------------------------------------------
// Fields

export const PassFieldInputSchema = z.looseObject({
  key: z.string({ error: 'Key is required' }).check(
    z.refine((v) => v.trim().length > 0, 'Key is required'),
    z.maxLength(MAX_TEXT, `Key must be at most ${MAX_TEXT} characters`),
    z.regex(/^[A-Za-z0-9_.-]*$/, 'Key may use letters, digits, dots, dashes and underscores only'),
  ),
  label: optionalText('Label', MAX_TEXT),
  value: optionalText('Value', MAX_TEXT),
  changeMessage: optionalText('Change message', MAX_TEXT),
});

const isEmptyLink = (value: string) => /^\s*(https?:\/\/)?\s*$/i.test(value);

export const BackFieldLinkInputSchema = z.looseObject({
  text: requiredText('Link text', MAX_LINK_TEXT),
  // An empty link (or a bare "https://") says so, rather than reading as a blocked scheme.
  link: z.string({ error: 'Link is required' }).check(
    z.refine((v) => !isEmptyLink(v), { error: 'Link is empty', abort: true }),
    z.refine(isAllowedLink, LINK_MESSAGE),
  ),
  slug: text(),
  shortLinkValue: text(),
  shortLinkId: text(),
  utmSource: text(),
});

export const BackFieldInputSchema = z.looseObject({
  ...PassFieldInputSchema.shape,
  value: z.nullish(z.array(BackFieldLinkInputSchema).check(z.maxLength(50, 'At most 50 links'))),
});

// ---------------------------------------------------------------------------------------------
// Locations

const latitude = z
  .number({ error: 'Latitude must be a number' })
  .check(
    z.gte(LATITUDE_RANGE.min, 'Latitude must be between -90 and 90'),
    z.lte(LATITUDE_RANGE.max, 'Latitude must be between -90 and 90'),
  );
const longitude = z
  .number({ error: 'Longitude must be a number' })
  .check(
    z.gte(LONGITUDE_RANGE.min, 'Longitude must be between -180 and 180'),
    z.lte(LONGITUDE_RANGE.max, 'Longitude must be between -180 and 180'),
  );

const locationInputShape = {
  name: requiredText('Name'),
  enabled: z.optional(z.boolean({ error: 'Enabled must be true or false' })),
  latitude,
  longitude,
  altitude: z.nullish(
    z.number({ error: 'Altitude must be a number' }).check(z.refine(Number.isFinite, 'Altitude must be a number')),
  ),
  relevantText: requiredText('Relevant text'),
  walletPass: z.optional(WalletPassRefSchema),
  passSerialNumber: z.optional(z.string()),
};

/** Create: the pass is named by `walletPass.id` (Gen 2) or `passSerialNumber` (Gen 1). */
export const CreateLocationRequestSchema = z.looseObject(locationInputShape).check(
  z.refine((v) => Boolean(v.walletPass?.id ?? v.passSerialNumber), {
    message: 'The pass is required (walletPass.id or passSerialNumber)',
    path: ['walletPass'],
  }),
);
export type CreateLocationRequest = z.infer<typeof CreateLocationRequestSchema>;

export const UpdateLocationRequestSchema = z.looseObject(locationInputShape);
export type UpdateLocationRequest = z.infer<typeof UpdateLocationRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Deep links

export const AppDeepLinksInputSchema = z.looseObject({
  appleDeepLinkData: z.nullish(
    z
      .looseObject({
        appStoreId: optionalFormatted('The App Store id is digits only', (v) => APP_STORE_ID_PATTERN.test(v)),
        launchUrl: text(),
      })
      .check(
        z.refine((v) => !v.launchUrl || Boolean(v.appStoreId), {
          message: 'A launch URL needs an App Store id',
          path: ['launchUrl'],
        }),
      ),
  ),
  googleDeepLinkData: z.nullish(
    z.looseObject({
      androidPackageName: optionalFormatted('Use a Java package name such as com.example.app', (v) =>
        ANDROID_PACKAGE_PATTERN.test(v),
      ),
      webAppUrl: optionalFormatted('The web app URL must start with https://', isHttpsUrl),
      displayText: optionalText('Display text', MAX_GOOGLE_DISPLAY_TEXT),
    }),
  ),
});

export const UserDeepLinkAppTypeSchema = z.enum(USER_DEEP_LINK_APP_TYPES);

const httpLink = (what: string) => optionalFormatted(`${what} must be an http(s) URL`, isHttpUrl);

export const UserDeepLinkInputSchema = z.looseObject({
  appType: z.nullish(UserDeepLinkAppTypeSchema),
  inputLink: httpLink('The link'),
  appleAppStoreUrl: httpLink('The App Store URL'),
  launchUrl: text(),
  googlePlayStoreUrl: httpLink('The Play Store URL'),
});

// ---------------------------------------------------------------------------------------------
// Pass metadata

const color = optionalFormatted(COLOR_MESSAGE, (v) => HEX_COLOR.test(v));

export const PassMetadataInputSchema = z
  .looseObject({
    description: optionalText('Description', 2000),
    organizationName: optionalText('Organisation name', MAX_TEXT),
    backgroundColor: color,
    displayTextColor: color,
    topField: z.nullish(PassFieldInputSchema),
    secondaryFields: z.nullish(z.array(PassFieldInputSchema).check(z.maxLength(50, 'At most 50 secondary fields'))),
    backFields: z.nullish(z.array(BackFieldInputSchema).check(z.maxLength(50, 'At most 50 back fields'))),
    qrUrl: optionalText('QR code content', 2048),
    qrText: optionalText('QR caption', MAX_TEXT),
    // Locations are managed through the location endpoints; whatever is sent back here is ignored.
    locations: z.nullish(z.array(z.unknown())),
    appDeepLinks: z.nullish(AppDeepLinksInputSchema),
    userDeepLink: z.nullish(UserDeepLinkInputSchema),
  })
  .check(
    z.superRefine((meta, ctx) => {
      for (const { path, message } of duplicateFieldKeys(meta)) {
        ctx.addIssue({ code: 'custom', path, message, input: meta });
      }
    }),
  );

/** Field keys must be unique within a pass (top, secondary and back fields together). */
export function duplicateFieldKeys(meta: {
  topField?: { key?: string | null } | null;
  secondaryFields?: readonly { key?: string | null }[] | null;
  backFields?: readonly { key?: string | null }[] | null;
}): { path: (string | number)[]; message: string }[] {
  const seen = new Set<string>();
  const problems: { path: (string | number)[]; message: string }[] = [];
  const visit = (key: string | null | undefined, path: (string | number)[]) => {
    if (!key) return;
    if (seen.has(key)) problems.push({ path, message: `The key "${key}" is already used in this pass` });
    seen.add(key);
  };
  visit(meta.topField?.key, ['topField', 'key']);
  meta.secondaryFields?.forEach((f, i) => visit(f.key, ['secondaryFields', i, 'key']));
  meta.backFields?.forEach((f, i) => visit(f.key, ['backFields', i, 'key']));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Images and pass

export const UploadInfoInputSchema = z
  .looseObject({
    fileName: z.enum(PASS_IMAGE_NAMES, { error: 'Images are logo.png, icon.png, strip.png or footer.png' }),
    uploadKey: z.nullish(z.string().check(z.regex(ID_PATTERN, 'Not an upload key'))),
    fileKey: z.nullish(z.string().check(z.regex(ID_PATTERN, 'Not an upload key'))),
    url: text(),
  })
  .check(
    z.refine((v) => Boolean(v.uploadKey ?? v.fileKey), {
      message: 'The image has no upload key',
      path: ['uploadKey'],
    }),
  );

const passInputShape = {
  passName: requiredText('Pass name'),
  passMetadata: PassMetadataInputSchema,
  uploadInfoList: z.nullish(
    z.array(UploadInfoInputSchema).check(
      z.maxLength(PASS_IMAGE_NAMES.length, 'At most one of each image'),
      z.refine((list) => new Set(list.map((i) => i.fileName)).size === list.length, 'Each image may appear once'),
    ),
  ),
  notificationHeader: optionalText('Notification header', MAX_TEXT),
  status: z.optional(PassStatusSchema),
  passLinkSlug: optionalFormatted('Use lowercase letters, digits and dashes', (v) => SLUG_PATTERN.test(v)),
  account: z.nullish(AccountSchema),
};

/** Body of `POST /wallet-pass`. Read-only fields may be present (they are ignored). */
export const CreatePassRequestSchema = z.looseObject(passInputShape);
export type CreatePassRequest = z.infer<typeof CreatePassRequestSchema>;

/** Body of `PATCH /wallet-pass/{id}`: each top-level key present replaces the stored one. */
export const UpdatePassRequestSchema = z.looseObject({
  ...passInputShape,
  passName: z.optional(passInputShape.passName),
  passMetadata: z.optional(PassMetadataInputSchema),
});
export type UpdatePassRequest = z.infer<typeof UpdatePassRequestSchema>;

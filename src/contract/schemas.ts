/**
 * The Passport API's shapes (passport-api.md §7), written once for the dashboard and the sandbox.
 *
 * Two readings of every shape:
 * - `XSchema` reads responses tolerantly: every object is loose (unknown keys survive parse and
 *   serialise untouched, at every level), optional values may be null, and formatting rules are
 *   not enforced, so a pass from the real API that breaks one of our rules still loads.
 * - `XInputSchema` validates requests strictly with the rules of `./rules`. It has the same
 *   inferred type, so a value read tolerantly can be checked strictly before it is sent.
 *
 * Written with `zod/mini` so the list route stays small; no transforms or defaults, so parsing
 * never changes a value.
 */
import * as z from 'zod/mini';
import {
  HEX_COLOR,
  ID_PATTERN,
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  PASS_IMAGE_NAMES,
  PASS_STATUSES,
  SLUG_PATTERN,
  isAllowedLink,
} from './rules';
import { MAX_LINK_TEXT, MAX_TEXT } from './wallet-rules';
import {
  AppDeepLinksInputSchema,
  AppDeepLinksSchema,
  UserDeepLinkInputSchema,
  UserDeepLinkSchema,
} from './deep-link-schemas';
import {
  COLOR_MESSAGE,
  LINK_MESSAGE,
  count,
  entityShape,
  optionalFormatted,
  optionalText,
  requiredText,
  text,
} from './schema-parts';

/** Keys every stored entity gets from the server; a client never sets them. */
export const READ_ONLY_ENTITY_KEYS = [
  'id',
  'createdTime',
  'updatedTime',
  'createdBy',
  'updatedBy',
  'workspaceId',
] as const;

/** Keys of a pass the server sets (passport-api.md §3 P2); ignored wherever a client sends them. */
export const READ_ONLY_PASS_KEYS = [
  ...READ_ONLY_ENTITY_KEYS,
  'accountId',
  'passLink',
  'googlePassLink',
  'appleIssuedCount',
  'googleIssuedCount',
  'totalIssuedCount',
  'appleActiveCount',
  'googleActiveCount',
  'totalActiveCount',
] as const;

// ---------------------------------------------------------------------------------------------
// Fields

export const PassFieldSchema = z.looseObject({
  key: text(),
  label: text(),
  value: text(),
  changeMessage: text(),
});
export type PassField = z.infer<typeof PassFieldSchema>;

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

export const BackFieldLinkSchema = z.looseObject({
  text: text(),
  link: text(),
  slug: text(),
  shortLinkValue: text(),
  shortLinkId: text(),
  utmSource: text(),
});
export type BackFieldLink = z.infer<typeof BackFieldLinkSchema>;

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

export const BackFieldSchema = z.looseObject({
  key: text(),
  label: text(),
  value: z.nullish(z.array(BackFieldLinkSchema)),
  changeMessage: text(),
});
export type BackField = z.infer<typeof BackFieldSchema>;

export const BackFieldInputSchema = z.looseObject({
  ...PassFieldInputSchema.shape,
  value: z.nullish(z.array(BackFieldLinkInputSchema).check(z.maxLength(50, 'At most 50 links'))),
});

// ---------------------------------------------------------------------------------------------
// Locations

export const WalletPassRefSchema = z.looseObject({ id: z.string() });

export const LocationSchema = z.looseObject({
  ...entityShape,
  name: text(),
  enabled: z.nullish(z.boolean()),
  latitude: count(),
  longitude: count(),
  altitude: count(),
  relevantText: text(),
  walletPass: z.nullish(WalletPassRefSchema),
  passSerialNumber: text(),
});
export type Location = z.infer<typeof LocationSchema>;

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
// Pass metadata

export const PassMetadataSchema = z.looseObject({
  description: text(),
  organizationName: text(),
  backgroundColor: text(),
  displayTextColor: text(),
  topField: z.nullish(PassFieldSchema),
  secondaryFields: z.nullish(z.array(PassFieldSchema)),
  backFields: z.nullish(z.array(BackFieldSchema)),
  qrUrl: text(),
  qrText: text(),
  locations: z.nullish(z.array(LocationSchema)),
  appDeepLinks: z.nullish(AppDeepLinksSchema),
  userDeepLink: z.nullish(UserDeepLinkSchema),
});
export type PassMetadata = z.infer<typeof PassMetadataSchema>;

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
// Images, account, pass

export const UploadInfoSchema = z.looseObject({
  fileName: text(),
  uploadKey: text(),
  fileKey: text(),
  url: text(),
});
export type UploadInfo = z.infer<typeof UploadInfoSchema>;

/** `uploadKey` in every example, `fileKey` in the latest schema: either names the upload. */
export function uploadKeyOf(info: UploadInfo): string | undefined {
  return info.uploadKey ?? info.fileKey ?? undefined;
}

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

export const UploadResponseSchema = z.looseObject({ key: z.string(), url: z.string() });
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

export const AccountSchema = z.looseObject({
  ...entityShape,
  name: text(),
  clientContact: text(),
  clientContactDetails: text(),
});
export type Account = z.infer<typeof AccountSchema>;

export const PassStatusSchema = z.enum(PASS_STATUSES, { error: 'Status is Draft or Published' });

export const WalletPassSchema = z.looseObject({
  ...entityShape,
  id: z.string(),
  accountId: text(),
  passName: text(),
  passMetadata: z.nullish(PassMetadataSchema),
  uploadInfoList: z.nullish(z.array(UploadInfoSchema)),
  passLink: text(),
  passLinkSlug: text(),
  googlePassLink: text(),
  notificationHeader: text(),
  account: z.nullish(AccountSchema),
  appleIssuedCount: count(),
  googleIssuedCount: count(),
  totalIssuedCount: count(),
  appleActiveCount: count(),
  googleActiveCount: count(),
  totalActiveCount: count(),
  // Tolerant: a status we do not know yet still loads (the editor shows it).
  status: text(),
});
export type WalletPass = z.infer<typeof WalletPassSchema>;

/** Quirk: `GET /wallet-pass/{id}` answers an array (expect one element). */
export const WalletPassDetailResponseSchema = z.array(WalletPassSchema);

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

// ---------------------------------------------------------------------------------------------
// Envelopes

/** `BXPagedList`: `cursor` may be non-null with `hasMore: false`; use `hasMore` to stop. */
export function PagedListSchema<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    items: z.array(item),
    cursor: z.nullish(z.string()),
    hasMore: z.boolean(),
  });
}
export type PagedList<T> = { items: T[]; cursor?: string | null; hasMore: boolean };

export const WalletPassPageSchema = PagedListSchema(WalletPassSchema);
export const LocationPageSchema = PagedListSchema(LocationSchema);

export const ApiErrorBodySchema = z.looseObject({
  txId: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  errorCode: z.string(),
  errorMessage: text(),
  context: z.nullish(z.record(z.string(), z.unknown())),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const ERROR_CODES = {
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  invalidInput: 'INVALID_INPUT',
  notFound: 'NOT_FOUND',
  invalidOperation: 'INVALID_OPERATION',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  gatewayTimeout: 'GATEWAY_TIMEOUT',
  internal: 'INTERNAL_ERROR',
} as const;

/**
 * The Passport API's shapes (passport-api.md §7), written once for the dashboard and the sandbox.
 *
 * Two readings of every shape (the strict one in `./input-schemas`):
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
import { PASS_STATUSES } from './rules';
import { count, entityShape, text } from './schema-parts';

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

export const BackFieldLinkSchema = z.looseObject({
  text: text(),
  link: text(),
  slug: text(),
  shortLinkValue: text(),
  shortLinkId: text(),
  utmSource: text(),
});
export type BackFieldLink = z.infer<typeof BackFieldLinkSchema>;

export const BackFieldSchema = z.looseObject({
  key: text(),
  label: text(),
  value: z.nullish(z.array(BackFieldLinkSchema)),
  changeMessage: text(),
});
export type BackField = z.infer<typeof BackFieldSchema>;

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

// ---------------------------------------------------------------------------------------------
// Deep links

export const AppleDeepLinkDataSchema = z.looseObject({ appStoreId: text(), launchUrl: text() });
export const GoogleDeepLinkDataSchema = z.looseObject({
  androidPackageName: text(),
  webAppUrl: text(),
  displayText: text(),
});
export const AppDeepLinksSchema = z.looseObject({
  appleDeepLinkData: z.nullish(AppleDeepLinkDataSchema),
  googleDeepLinkData: z.nullish(GoogleDeepLinkDataSchema),
});
export type AppDeepLinks = z.infer<typeof AppDeepLinksSchema>;

export const UserDeepLinkSchema = z.looseObject({
  appType: z.nullish(z.string()),
  inputLink: text(),
  appleAppStoreUrl: text(),
  launchUrl: text(),
  googlePlayStoreUrl: text(),
});
export type UserDeepLink = z.infer<typeof UserDeepLinkSchema>;

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

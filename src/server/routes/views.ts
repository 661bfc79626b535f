/**
 * Stored records → API objects. Done per request because links and image URLs are absolute and
 * depend on the origin the client used; everything else is the stored JSON as it was written.
 */
import type { Location, WalletPass } from '../../contract/schemas';
import { uploadKeyOf } from '../../contract/schemas';
import { NULL_DROPPED_PASS_KEYS, isObject } from '../store/documents';
import type { JsonObject } from '../store/documents';
import type { LocationRecord, PassRecord } from '../store/records';

export function fileUrl(origin: string, key: string): string {
  return `${origin}/files/${key}.png`;
}

export function passLink(origin: string, slug: string): string {
  return `${origin}/p/${slug}`;
}

export function locationView(record: LocationRecord): Location {
  return {
    id: record.id,
    createdTime: record.createdTime,
    updatedTime: record.updatedTime,
    createdBy: record.createdBy,
    updatedBy: record.updatedBy,
    workspaceId: record.workspaceId,
    ...record.doc,
    walletPass: { id: record.passId },
    passSerialNumber: record.passId,
  };
}

export interface PassViewOptions {
  origin: string;
  /** `includePassAssets=false` leaves out image URLs. */
  includeAssets?: boolean;
}

export function passView(
  record: PassRecord,
  locations: readonly LocationRecord[],
  options: PassViewOptions,
): WalletPass {
  const { doc, counts } = record;
  const meta = doc.passMetadata;
  const images = doc.uploadInfoList;
  const includeAssets = options.includeAssets ?? true;
  return {
    id: record.id,
    createdTime: record.createdTime,
    updatedTime: record.updatedTime,
    createdBy: record.createdBy,
    updatedBy: record.updatedBy,
    workspaceId: record.workspaceId,
    accountId: record.accountId,
    passName: record.passName,
    status: record.status,
    passLink: passLink(options.origin, record.slug),
    passLinkSlug: record.slug,
    googlePassLink: record.googlePassLink,
    // Databases written before nulls were dropped on write may still hold some.
    ...withoutDroppedNulls(doc),
    passMetadata: isObject(meta) ? { ...meta, locations: locations.map(locationView) } : null,
    uploadInfoList: Array.isArray(images)
      ? images.map((item: unknown) => {
          if (!isObject(item)) return item;
          const key = uploadKeyOf(item);
          return includeAssets && key ? { ...item, url: fileUrl(options.origin, key) } : item;
        })
      : [],
    appleIssuedCount: counts.appleIssued,
    googleIssuedCount: counts.googleIssued,
    totalIssuedCount: counts.appleIssued + counts.googleIssued,
    appleActiveCount: counts.appleActive,
    googleActiveCount: counts.googleActive,
    totalActiveCount: counts.appleActive + counts.googleActive,
    // The doc was validated against the contract when written; typing it back is all this does.
  } as WalletPass;
}

function withoutDroppedNulls(doc: JsonObject): JsonObject {
  if (!NULL_DROPPED_PASS_KEYS.some((key) => doc[key] === null)) return doc;
  const copy = { ...doc };
  for (const key of NULL_DROPPED_PASS_KEYS) if (copy[key] === null) delete copy[key];
  return copy;
}

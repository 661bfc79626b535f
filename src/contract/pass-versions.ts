/**
 * Version history of passes, kept by the studio server (`/studio/passes/...`) for the dashboard:
 * the shapes of its answers and the one list of a pass's parts both sides name changes by. The
 * server records which parts changed with each version; the dashboard turns the ids into labels
 * and builds the detailed comparison itself.
 */
import * as z from 'zod/mini';
import { WalletPassSchema } from './schemas';

/** `saved`: written through this studio; `observed`: read from the API, saved elsewhere. */
export const VERSION_SOURCES = ['saved', 'observed'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

export const PassVersionSummarySchema = z.looseObject({
  versionId: z.number(),
  passId: z.string(),
  workspaceId: z.string(),
  passName: z.nullish(z.string()),
  updatedTime: z.nullish(z.string()),
  updatedBy: z.nullish(z.string()),
  source: z.enum(VERSION_SOURCES),
  /** Ids of `PASS_PARTS` that differ from the version before; empty for the first one known. */
  changedParts: z.array(z.string()),
  /** When the studio recorded it (ISO). */
  recordedAt: z.string(),
});
export type PassVersionSummary = z.infer<typeof PassVersionSummarySchema>;

export const PassVersionSchema = z.looseObject({
  ...PassVersionSummarySchema.shape,
  pass: WalletPassSchema,
});
export type PassVersion = z.infer<typeof PassVersionSchema>;

export const PassVersionListSchema = z.looseObject({
  items: z.array(PassVersionSummarySchema),
  /** Set when the pass was deleted: its last version is kept so it can be created again. */
  deletedAt: z.nullish(z.string()),
});
export type PassVersionList = z.infer<typeof PassVersionListSchema>;

export const DeletedPassSchema = z.looseObject({
  passId: z.string(),
  passName: z.nullish(z.string()),
  deletedAt: z.string(),
  /** The last version the studio knew; "Restore as new pass" creates a pass from it. */
  lastVersionId: z.number(),
});
export const DeletedPassListSchema = z.looseObject({ items: z.array(DeletedPassSchema) });
export type DeletedPass = z.infer<typeof DeletedPassSchema>;

// ---------------------------------------------------------------------------------------------
// The parts of a pass, in the order the editor shows them

type PassLike = {
  passName?: unknown;
  status?: unknown;
  notificationHeader?: unknown;
  passLinkSlug?: unknown;
  passMetadata?: Record<string, unknown> | null;
  uploadInfoList?:
    readonly ({ fileName?: string | null; uploadKey?: string | null; fileKey?: string | null } | null)[] | null;
};

export interface PassPart {
  id: string;
  label: string;
  read: (pass: PassLike) => unknown;
}

const meta = (key: string, label: string): PassPart => ({
  id: `passMetadata.${key}`,
  label,
  read: (p) => p.passMetadata?.[key],
});
const image = (name: string, label: string): PassPart => ({
  id: `images.${name}`,
  label,
  read: (p) => {
    const info = (p.uploadInfoList ?? []).find((i) => i?.fileName === name);
    return info ? (info.uploadKey ?? info.fileKey ?? null) : null;
  },
});
// Locations carry ids and times the API sets; only what a marketer edits counts as a change.
const LOCATION_KEYS = ['name', 'enabled', 'latitude', 'longitude', 'altitude', 'relevantText'] as const;

export const PASS_PARTS: readonly PassPart[] = [
  { id: 'passName', label: 'Pass name', read: (p) => p.passName },
  { id: 'status', label: 'Status', read: (p) => p.status },
  { id: 'notificationHeader', label: 'Notification header', read: (p) => p.notificationHeader },
  { id: 'passLinkSlug', label: 'Pass link slug', read: (p) => p.passLinkSlug },
  meta('organizationName', 'Organisation name'),
  meta('description', 'Description'),
  meta('backgroundColor', 'Background colour'),
  meta('displayTextColor', 'Text colour'),
  meta('topField', 'Top field'),
  meta('secondaryFields', 'Secondary fields'),
  meta('backFields', 'Back fields'),
  meta('qrUrl', 'QR code content'),
  meta('qrText', 'QR caption'),
  meta('appDeepLinks', 'App links'),
  meta('userDeepLink', 'User deep link'),
  {
    id: 'passMetadata.locations',
    label: 'Locations',
    read: (p) => {
      const list = p.passMetadata?.locations;
      if (!Array.isArray(list)) return null;
      return list.map((l: Record<string, unknown>) => Object.fromEntries(LOCATION_KEYS.map((k) => [k, l?.[k]])));
    },
  },
  image('logo.png', 'Logo'),
  image('icon.png', 'Icon'),
  image('strip.png', 'Strip image'),
  image('footer.png', 'Footer image'),
];

const PART_LABELS = new Map(PASS_PARTS.map((p) => [p.id, p.label]));
export const partLabel = (id: string): string => PART_LABELS.get(id) ?? id;

/** JSON with sorted keys where null, "" and a missing key read the same. */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v))) return null;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const item = walk((v as Record<string, unknown>)[key]);
      if (item !== null) out[key] = item;
    }
    return out;
  };
  return JSON.stringify(walk(value)) ?? 'null';
}

/** Ids of the parts that differ between two versions of a pass. */
export function changedParts(before: PassLike, after: PassLike): string[] {
  return PASS_PARTS.filter((part) => canonicalJson(part.read(before)) !== canonicalJson(part.read(after))).map(
    (part) => part.id,
  );
}

/** "Pass name, Secondary fields and 2 more": the one-line summary of a version. */
export function summariseParts(ids: readonly string[], shown = 3): string {
  if (ids.length === 0) return 'No visible change';
  const labels = ids.map(partLabel);
  if (labels.length <= shown)
    return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `${labels.slice(0, shown).join(', ')} and ${labels.length - shown} more`;
}

/**
 * The editor's form values and the two mappings around them: a stored pass → form values, and
 * form values + the stored pass → the PATCH document. Pure, so it is unit- and property-tested.
 *
 * Unknown data survives because form values are built from the API's own objects (loose, with
 * every key they had) and the save document starts from the stored pass's editable document.
 */
import type { PassImageName } from '../../../../contract/rules';
import type {
  BackField,
  BackFieldLink,
  Location,
  PassField,
  PassMetadata,
  UploadInfo,
  WalletPass,
} from '../../../../contract/schemas';
import type { UpdateLocationRequest, UpdatePassRequest } from '../../../../contract/input-schemas';
import { READ_ONLY_ENTITY_KEYS, uploadKeyOf } from '../../../../contract/schemas';
import { editableDocument } from './pass-document';
import { ROW_MARKER, sameValue } from './same-value';

/** Form keys of the images (dots would read as nested paths in form field names). */
export const IMAGE_SLOTS = ['logo', 'icon', 'strip', 'footer'] as const;
export type ImageSlot = (typeof IMAGE_SLOTS)[number];
export const slotFileName = (slot: ImageSlot): PassImageName => `${slot}.png`;

export type ImageValue = UploadInfo & { fileName: PassImageName };

type LocationFormValue = UpdateLocationRequest & {
  /** The stored location's id; absent for a location added in the editor. */
  locationId?: string | undefined;
};

/**
 * The metadata as edited; `locations` is not part of it (they have their own endpoints): whatever
 * the stored metadata carries there is passed through unread, as the request schema reads it.
 */
type EditablePassMetadata = { [K in keyof PassMetadata as Exclude<K, 'locations'>]: PassMetadata[K] } & {
  locations?: unknown[] | null | undefined;
};

/** A loose object's named keys, without its `[key: string]: unknown` (unknown keys still ride along). */
type KnownKeys<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * The metadata as the form types it: the field lists without the index signature, which would
 * otherwise hide them from react-hook-form's list paths (`useFieldArray` on `passMetadata.backFields`).
 */
type FormPassMetadata = Omit<KnownKeys<EditablePassMetadata>, 'backFields' | 'secondaryFields'> & {
  secondaryFields?: PassField[] | null | undefined;
  backFields?:
    (Omit<KnownKeys<BackField>, 'value'> & { value?: BackFieldLink[] | null | undefined })[] | null | undefined;
};

export interface PassFormValues {
  passName: string;
  notificationHeader?: string | null | undefined;
  passLinkSlug?: string | null | undefined;
  passMetadata: FormPassMetadata;
  locations: LocationFormValue[];
  images: Record<ImageSlot, ImageValue | null>;
}

function toLocationFormValue(location: Location): LocationFormValue {
  const value: Record<string, unknown> = { ...location };
  for (const key of READ_ONLY_ENTITY_KEYS) delete value[key];
  return {
    ...value,
    locationId: location.id,
    name: location.name ?? '',
    enabled: location.enabled ?? true,
    latitude: location.latitude ?? Number.NaN,
    longitude: location.longitude ?? Number.NaN,
    altitude: location.altitude ?? null,
    relevantText: location.relevantText ?? '',
  } as LocationFormValue;
}

export function emptyLocation(passId: string): LocationFormValue {
  return {
    name: '',
    enabled: true,
    latitude: Number.NaN,
    longitude: Number.NaN,
    altitude: null,
    relevantText: '',
    walletPass: { id: passId },
  };
}

/**
 * Every path an input is bound to gets a defined value (null when the pass has none): an input
 * bound to `undefined` reads back as "" and would make an untouched form look edited. The save
 * turns these nulls back into "not there" (restoreUntouched).
 */
function withInputs<T extends object>(value: T | null | undefined, keys: readonly string[]): T {
  const out: Record<string, unknown> = { ...(value ?? {}) };
  for (const key of keys) if (out[key] === undefined) out[key] = null;
  return out as T;
}

const FIELD_INPUTS = ['key', 'label', 'value', 'changeMessage'] as const;
const LINK_INPUTS = ['text', 'link'] as const;

export function toFormValues(pass: WalletPass): PassFormValues {
  const document = editableDocument(pass);
  const metadata = (document.passMetadata ?? {}) as EditablePassMetadata;
  const images = Object.fromEntries(IMAGE_SLOTS.map((slot) => [slot, null])) as Record<ImageSlot, ImageValue | null>;
  for (const info of pass.uploadInfoList ?? []) {
    const slot = IMAGE_SLOTS.find((s) => slotFileName(s) === info.fileName);
    if (slot) images[slot] = { ...info, fileName: slotFileName(slot) };
  }
  const deepLinks = metadata.appDeepLinks ?? {};
  return {
    passName: pass.passName ?? '',
    notificationHeader: pass.notificationHeader ?? null,
    passLinkSlug: pass.passLinkSlug ?? null,
    passMetadata: {
      ...withInputs(metadata, [
        'description',
        'organizationName',
        'backgroundColor',
        'displayTextColor',
        'qrUrl',
        'qrText',
      ]),
      topField: withInputs(metadata.topField, FIELD_INPUTS),
      secondaryFields: markRows((metadata.secondaryFields ?? []).map((field) => withInputs(field, FIELD_INPUTS))),
      backFields: markRows(
        (metadata.backFields ?? []).map((field) => ({
          ...withInputs(field, ['key', 'label', 'changeMessage']),
          value: markRows((field.value ?? []).map((link) => withInputs(link, LINK_INPUTS))),
        })),
      ),
      appDeepLinks: {
        ...deepLinks,
        appleDeepLinkData: withInputs(deepLinks.appleDeepLinkData, ['appStoreId', 'launchUrl']),
        googleDeepLinkData: withInputs(deepLinks.googleDeepLinkData, [
          'androidPackageName',
          'webAppUrl',
          'displayText',
        ]),
      },
      userDeepLink: withInputs(metadata.userDeepLink, [
        'appType',
        'inputLink',
        'appleAppStoreUrl',
        'launchUrl',
        'googlePlayStoreUrl',
      ]),
    },
    locations: (pass.passMetadata?.locations ?? []).map(toLocationFormValue),
    images,
  };
}

/**
 * Rows of the form's lists carry the position they had in the stored pass, so a row moved or
 * removed in the editor is still compared with its own stored row on save. Never sent.
 */
export const ROW = ROW_MARKER;

function markRows<T extends object>(rows: readonly T[]): T[] {
  return rows.map((row, index) => ({ ...row, [ROW]: index }));
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Where the user left a value empty that the stored pass did not have at all (or had as null),
 * keep the stored reading: an untouched empty input must not turn `null` into `""` or add keys.
 */
export function restoreUntouched(original: unknown, edited: unknown): unknown {
  if (isEmpty(edited) && (original === undefined || original === null)) return original;
  if (Array.isArray(edited)) {
    const originalList = Array.isArray(original) ? (original as unknown[]) : [];
    const marked = edited.some((item) => item && typeof item === 'object' && ROW in item);
    return edited.map((item, index) => {
      const stored = item && typeof item === 'object' ? (item as Record<string, unknown>)[ROW] : undefined;
      // Marked lists pair rows by where they came from; new rows have no stored counterpart.
      const counterpart = marked
        ? typeof stored === 'number'
          ? originalList[stored]
          : undefined
        : originalList[index];
      return restoreUntouched(counterpart, item);
    });
  }
  if (edited && typeof edited === 'object') {
    const originalObject = original && typeof original === 'object' && !Array.isArray(original) ? original : {};
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(edited)) {
      if (key === ROW) continue;
      const restored = restoreUntouched((originalObject as Record<string, unknown>)[key], value);
      if (restored !== undefined || key in originalObject) out[key] = restored;
    }
    return Object.keys(out).length === 0 && (original === undefined || original === null) ? original : out;
  }
  return edited;
}

function uploadInfoList(original: WalletPass, images: PassFormValues['images']): UploadInfo[] | null | undefined {
  const result: UploadInfo[] = [];
  const placed = new Set<string>();
  // Keep the stored order; replaced images take their slot, removed ones drop out.
  for (const info of original.uploadInfoList ?? []) {
    const slot = IMAGE_SLOTS.find((s) => slotFileName(s) === info.fileName);
    if (!slot) {
      const { url: _url, ...rest } = info;
      result.push(rest);
      continue;
    }
    placed.add(slot);
    const value = images[slot];
    if (value) result.push(stripImage(value));
  }
  for (const slot of IMAGE_SLOTS) {
    const value = images[slot];
    if (!placed.has(slot) && value) result.push(stripImage(value));
  }
  // A pass stored with no list (absent or null) keeps that reading while it has no images.
  return (original.uploadInfoList === undefined || original.uploadInfoList === null) && result.length === 0
    ? original.uploadInfoList
    : result;
}

function stripImage(value: ImageValue): UploadInfo {
  const { url: _url, pending: _pending, ...rest } = value as ImageValue & { pending?: boolean };
  const key = uploadKeyOf(value);
  // Our uploads answer a key; send it as `uploadKey` (every example) unless the pass used `fileKey`.
  return rest.fileKey && !rest.uploadKey ? rest : { ...rest, uploadKey: key };
}

/** The PATCH body: the stored editable document with the form's values laid over it. */
export function toSaveDocument(original: WalletPass, values: PassFormValues): UpdatePassRequest {
  const base = editableDocument(original);
  const metadata = restoreUntouched(base.passMetadata, values.passMetadata) as EditablePassMetadata;
  const document: Record<string, unknown> = {
    ...base,
    passName: values.passName,
    passMetadata: metadata,
  };
  for (const key of ['notificationHeader', 'passLinkSlug'] as const) {
    const restored = restoreUntouched(base[key], values[key]);
    if (restored === undefined && !(key in base)) delete document[key];
    else document[key] = restored;
  }
  const images = uploadInfoList(original, values.images);
  if (images === undefined) delete document.uploadInfoList;
  else document.uploadInfoList = images;
  return document as UpdatePassRequest;
}

export interface LocationChanges {
  create: { index: number; body: UpdateLocationRequest }[];
  update: { index: number; id: string; body: UpdateLocationRequest }[];
  remove: string[];
}

function locationBody(value: LocationFormValue, passId: string): UpdateLocationRequest {
  const { locationId: _id, ...body } = value;
  return {
    ...body,
    altitude: body.altitude ?? undefined,
    walletPass: body.walletPass ?? { id: passId },
  } as UpdateLocationRequest;
}

// Key order, null against absent and NaN do not make a location "changed".
const sameLocation = (a: LocationFormValue, b: LocationFormValue) => sameValue(a, b);

/** What the location endpoints must do so the stored locations match the form. */
export function diffLocations(original: WalletPass, values: LocationFormValue[]): LocationChanges {
  const stored = new Map(
    (original.passMetadata?.locations ?? []).filter((l) => l.id).map((l) => [l.id as string, toLocationFormValue(l)]),
  );
  const changes: LocationChanges = { create: [], update: [], remove: [] };
  const kept = new Set<string>();
  values.forEach((value, index) => {
    const before = value.locationId ? stored.get(value.locationId) : undefined;
    if (!value.locationId || !before) {
      changes.create.push({ index, body: locationBody(value, original.id) });
      return;
    }
    kept.add(value.locationId);
    if (!sameLocation(before, value)) {
      changes.update.push({ index, id: value.locationId, body: locationBody(value, original.id) });
    }
  });
  for (const id of stored.keys()) if (!kept.has(id)) changes.remove.push(id);
  return changes;
}

/** Counts the leaves marked dirty by the form (each changed input once). */
export function countDirty(dirty: unknown): number {
  if (dirty === true) return 1;
  if (Array.isArray(dirty)) return dirty.reduce((n: number, item) => n + countDirty(item), 0);
  if (dirty && typeof dirty === 'object')
    return Object.values(dirty).reduce((n: number, item) => n + countDirty(item), 0);
  return 0;
}

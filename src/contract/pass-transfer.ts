/**
 * The pass export file (`passes.json`, alone or in a zip beside the images) and its validation
 * before an import. The passes are in the Passport shape: a pass as `POST /wallet-pass` takes it,
 * with its locations under `passMetadata.locations` and its images named by a file in the zip
 * (`file`) or a URL (`url`). Keys are sorted at every level and read-only keys are left out, so
 * two exports of the same passes are byte-identical and a diff shows only what changed. Unknown
 * keys are kept at every level, so they survive an export and an import.
 */
import * as z from 'zod/mini';
import { issuePath } from './errors';
import { PASS_IMAGE_NAMES, type PassImageName } from './rules';
import { READ_ONLY_ENTITY_KEYS, READ_ONLY_PASS_KEYS } from './schemas';
import {
  CreatePassRequestSchema,
  type CreatePassRequest,
  UpdateLocationRequestSchema,
  type UpdateLocationRequest,
} from './input-schemas';
import { hasPngSignature } from './wallet-rules';

export const PASS_EXPORT_FORMAT = 'pass-studio.passes';
export const PASS_EXPORT_VERSION = 1;
/** The document's name inside an export zip. */
export const PASS_EXPORT_JSON = 'passes.json';
/** Passes one import may create (an export of a whole workspace's selection fits easily). */
export const MAX_IMPORT_PASSES = 500;

/** An image of an exported pass: a file inside the zip, or a URL to read it from. */
export interface ExportedImage {
  fileName: PassImageName;
  file?: string;
  url?: string;
  [unknown: string]: unknown;
}

/** Objects with their keys sorted, at every depth (arrays keep their order). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeysDeep(item);
    }
    return sorted;
  }
  return value;
}

/** The export document as text: sorted keys, two-space indent, a final newline. */
export function exportDocumentText(passes: readonly Record<string, unknown>[]): string {
  const document = { format: PASS_EXPORT_FORMAT, version: PASS_EXPORT_VERSION, passes };
  return `${JSON.stringify(sortKeysDeep(document), null, 2)}\n`;
}

/** What the exported copy of a location keeps: everything but the keys its pass and the server set. */
export function exportedLocation(location: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...location };
  for (const key of [...READ_ONLY_ENTITY_KEYS, 'walletPass', 'passSerialNumber']) delete copy[key];
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Reading a file back

/** One pass of a file, ready to create: the body (images left out), its images and locations. */
export interface ImportablePass {
  index: number;
  /** The name in the file (the created pass may get a suffix to stay unique). */
  name: string;
  body: CreatePassRequest;
  images: { fileName: PassImageName; bytes?: Uint8Array; url?: string }[];
  locations: UpdateLocationRequest[];
}

export interface ImportProblem {
  index: number;
  /** The pass's name in the file, or "Pass N" when it has none. */
  name: string;
  messages: string[];
}

export type ImportCheck =
  { ok: true; passes: ImportablePass[] } | { ok: false; problems: ImportProblem[]; passes: ImportablePass[] };

const ImageRefSchema = z.looseObject({
  fileName: z.enum(PASS_IMAGE_NAMES, { error: 'Images are logo.png, icon.png, strip.png or footer.png' }),
  file: z.optional(z.string()),
  url: z.optional(z.string()),
});

/** The passes a parsed file holds: the export document, a bare array, or one pass. */
function passesOf(json: unknown): { passes: unknown[] } | { error: string } {
  if (Array.isArray(json)) return { passes: json };
  if (!json || typeof json !== 'object')
    return { error: 'The file holds no passes (expected a JSON object or array).' };
  const record = json as Record<string, unknown>;
  if ('passes' in record) {
    if (record.format !== undefined && record.format !== PASS_EXPORT_FORMAT)
      return { error: `The file's format is "${String(record.format)}", not a pass export.` };
    if (typeof record.version === 'number' && record.version > PASS_EXPORT_VERSION)
      return {
        error: `The file is a newer export (version ${record.version}); this studio reads version ${PASS_EXPORT_VERSION}.`,
      };
    if (!Array.isArray(record.passes)) return { error: '"passes" must be a list of passes.' };
    return { passes: record.passes };
  }
  return { passes: [json] };
}

const isHttpUrl = (value: string) => /^https?:\/\//i.test(value);

/**
 * Checks every pass of an export document against the contract before anything is created.
 * `files` are the zip's entries by path (empty for a JSON file). Any problem in any pass refuses
 * the whole import, with the messages of each pass at fault.
 */
export function checkImport(json: unknown, files: ReadonlyMap<string, Uint8Array> = new Map()): ImportCheck {
  const found = passesOf(json);
  if ('error' in found)
    return { ok: false, passes: [], problems: [{ index: -1, name: 'File', messages: [found.error] }] };
  if (found.passes.length === 0)
    return { ok: false, passes: [], problems: [{ index: -1, name: 'File', messages: ['The file holds no passes.'] }] };
  if (found.passes.length > MAX_IMPORT_PASSES)
    return {
      ok: false,
      passes: [],
      problems: [
        {
          index: -1,
          name: 'File',
          messages: [`The file holds ${found.passes.length} passes; import at most ${MAX_IMPORT_PASSES} at a time.`],
        },
      ],
    };

  const passes: ImportablePass[] = [];
  const problems: ImportProblem[] = [];
  found.passes.forEach((raw, index) => {
    const messages: string[] = [];
    const record = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
    const name =
      typeof record?.passName === 'string' && record.passName.trim() ? record.passName.trim() : `Pass ${index + 1}`;
    if (!record) {
      problems.push({ index, name, messages: ['Not a pass (expected a JSON object).'] });
      return;
    }
    const document: Record<string, unknown> = { ...record };
    for (const key of READ_ONLY_PASS_KEYS) delete document[key];
    const meta = document.passMetadata;
    const metadata =
      meta && typeof meta === 'object' && !Array.isArray(meta) ? { ...(meta as Record<string, unknown>) } : meta;
    let rawLocations: unknown = undefined;
    if (metadata && typeof metadata === 'object') {
      rawLocations = (metadata as Record<string, unknown>).locations;
      delete (metadata as Record<string, unknown>).locations;
    }
    const rawImages = document.uploadInfoList;
    delete document.uploadInfoList;
    // Imported passes start as drafts: nothing reaches holders before someone looks at them.
    const body = { ...document, passMetadata: metadata ?? {}, status: 'Draft' };

    const parsed = CreatePassRequestSchema.safeParse(body);
    if (!parsed.success)
      for (const issue of parsed.error.issues) messages.push(`${issuePath(issue.path) || 'pass'}: ${issue.message}`);

    const images: ImportablePass['images'] = [];
    if (rawImages !== undefined && rawImages !== null && !Array.isArray(rawImages))
      messages.push('uploadInfoList: must be a list of images');
    const seen = new Set<string>();
    (Array.isArray(rawImages) ? rawImages : []).forEach((item, i) => {
      const image = ImageRefSchema.safeParse(item);
      if (!image.success) {
        for (const issue of image.error.issues)
          messages.push(`uploadInfoList.${i}${issue.path.length ? `.${issuePath(issue.path)}` : ''}: ${issue.message}`);
        return;
      }
      const { fileName, file, url } = image.data;
      if (seen.has(fileName)) messages.push(`uploadInfoList.${i}: ${fileName} appears twice`);
      seen.add(fileName);
      if (file !== undefined) {
        const bytes = files.get(file.replace(/^\.?\//, ''));
        if (!bytes) messages.push(`uploadInfoList.${i}: ${fileName}: the file ${file} is not in the export`);
        else if (!hasPngSignature(bytes)) messages.push(`uploadInfoList.${i}: ${fileName}: ${file} is not a PNG`);
        else images.push({ fileName, bytes });
      } else if (url !== undefined && isHttpUrl(url)) {
        images.push({ fileName, url });
      } else {
        messages.push(`uploadInfoList.${i}: ${fileName}: give the image as a file in the zip or an http(s) URL`);
      }
    });

    const locations: UpdateLocationRequest[] = [];
    if (rawLocations !== undefined && rawLocations !== null && !Array.isArray(rawLocations))
      messages.push('passMetadata.locations: must be a list of locations');
    (Array.isArray(rawLocations) ? rawLocations : []).forEach((item, i) => {
      const copy = item && typeof item === 'object' ? exportedLocation(item as Record<string, unknown>) : item;
      const location = UpdateLocationRequestSchema.safeParse(copy);
      if (location.success) locations.push(location.data);
      else
        for (const issue of location.error.issues)
          messages.push(
            `passMetadata.locations.${i}${issue.path.length ? `.${issuePath(issue.path)}` : ''}: ${issue.message}`,
          );
    });

    if (messages.length > 0) problems.push({ index, name, messages });
    else if (parsed.success) passes.push({ index, name, body: parsed.data, images, locations });
  });
  return problems.length > 0 ? { ok: false, problems, passes } : { ok: true, passes };
}

/**
 * Import of a pass export (a zip with passes.json and images, or the JSON alone, exported here or
 * written by hand) into a workspace as new Drafts. The whole file is checked with the contract
 * first (contract/pass-transfer.ts) and refused, pass by pass, before anything is created. Then
 * each pass in turn: its images are uploaded, the pass is created (its name made unique with
 * " (2)", " (3)"…, its link dropped when another pass holds it) and its locations are created
 * through the location endpoints. A pass whose location fails is deleted again, so no pass is
 * left half-imported.
 */
import { unzipSync } from 'fflate';
import { PASS_EXPORT_JSON, checkImport, type ImportCheck, type ImportablePass } from '../../../contract/pass-transfer';
import { LocationSchema, UploadResponseSchema, type WalletPass, WalletPassSchema } from '../../../contract/schemas';
import {
  CreateLocationRequestSchema,
  CreatePassRequestSchema,
  type CreatePassRequest,
} from '../../../contract/input-schemas';
import type { ApiClient } from '../../lib/api-client';
import { ApiError, describeError } from '../../lib/api-error';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Bigger files are refused before they are read (a zip of 500 passes with images fits easily). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const MAX_NAME_TRIES = 50;

/** Reads and checks a chosen file; nothing is sent. */
export async function readImportFile(file: Blob & { name?: string }): Promise<ImportCheck> {
  const refuse = (message: string): ImportCheck => ({
    ok: false,
    passes: [],
    problems: [{ index: -1, name: 'File', messages: [message] }],
  });
  if (file.size > MAX_IMPORT_BYTES) return refuse('The file is larger than 200 MB.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const files = new Map<string, Uint8Array>();
  let text: string;
  if (ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      return refuse('The zip file is damaged and cannot be opened.');
    }
    for (const [path, data] of Object.entries(entries)) files.set(path.replace(/^\.?\//, ''), data);
    const json =
      files.get(PASS_EXPORT_JSON) ??
      [...files].find(
        ([path]) => path.endsWith(`/${PASS_EXPORT_JSON}`) || (!path.includes('/') && path.endsWith('.json')),
      )?.[1];
    if (!json) return refuse(`The zip holds no ${PASS_EXPORT_JSON}.`);
    text = new TextDecoder().decode(json);
  } else {
    text = new TextDecoder().decode(bytes);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return refuse(`The file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  return checkImport(parsed, files);
}

export interface ImportResult {
  index: number;
  name: string;
  ok: boolean;
  pass?: WalletPass;
  /** What went wrong (failed) or what was changed on the way (created). */
  notes: string[];
}

async function imageBlob(image: ImportablePass['images'][number]): Promise<Blob> {
  if (image.bytes) return new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  const response = await fetch(image.url!, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`${image.fileName} could not be downloaded (${response.status}).`);
  return response.blob();
}

const withSuffix = (name: string, n: number) => (n < 2 ? name : `${name} (${n})`);

async function importOne(client: ApiClient, workspaceId: string, item: ImportablePass): Promise<ImportResult> {
  const notes: string[] = [];
  const uploadInfoList = [];
  for (const image of item.images) {
    try {
      const body = new FormData();
      body.append('file', await imageBlob(image), image.fileName);
      const uploaded = await client.request('/uploads', {
        method: 'POST',
        workspaceId,
        body,
        schema: UploadResponseSchema,
        timeoutMs: 60_000,
      });
      uploadInfoList.push({ fileName: image.fileName, uploadKey: uploaded.key });
    } catch (error) {
      return { index: item.index, name: item.name, ok: false, notes: [`${image.fileName}: ${describeError(error)}`] };
    }
  }

  let body: CreatePassRequest = { ...item.body, uploadInfoList };
  const baseName = body.passName;
  let created: WalletPass | undefined;
  for (let attempt = 1; !created; attempt++) {
    try {
      created = await client.request('/wallet-pass', {
        method: 'POST',
        workspaceId,
        body,
        bodySchema: CreatePassRequestSchema,
        schema: WalletPassSchema,
      });
    } catch (error) {
      const fields = error instanceof ApiError && error.status === 400 ? error.fieldErrors : {};
      if (fields.passName && attempt < MAX_NAME_TRIES) {
        body = { ...body, passName: withSuffix(baseName, attempt + 1) };
      } else if (fields.passLinkSlug && body.passLinkSlug) {
        const { passLinkSlug: _taken, ...rest } = body;
        body = rest as CreatePassRequest;
        notes.push(`Its link “${item.body.passLinkSlug}” is taken, so it got a new one.`);
      } else {
        return { index: item.index, name: item.name, ok: false, notes: [describeError(error)] };
      }
    }
  }
  if (created.passName !== item.body.passName) notes.push(`Named “${created.passName}”: the name was taken.`);

  for (const [i, location] of item.locations.entries()) {
    try {
      await client.request('/wallet-pass-location', {
        method: 'POST',
        workspaceId,
        body: { ...location, walletPass: { id: created.id } },
        bodySchema: CreateLocationRequestSchema,
        schema: LocationSchema,
      });
    } catch (error) {
      // Nothing half-imported: the pass goes again, and the marketer can import it once more.
      let removed = true;
      try {
        await client.request(`/wallet-pass/${encodeURIComponent(created.id)}`, { method: 'DELETE', workspaceId });
      } catch {
        removed = false;
      }
      return {
        index: item.index,
        name: item.name,
        ok: false,
        notes: [
          `Location ${i + 1} (${location.name}): ${describeError(error)}`,
          removed
            ? 'The pass was not kept.'
            : `The pass “${created.passName}” was created without all its locations and could not be removed.`,
        ],
      };
    }
  }
  return { index: item.index, name: item.name, ok: true, pass: created, notes };
}

/** Creates the checked passes one after another, reporting each result as it comes. */
export async function importPasses(
  client: ApiClient,
  workspaceId: string,
  passes: readonly ImportablePass[],
  onResult: (result: ImportResult) => void = () => undefined,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const item of passes) {
    const result = await importOne(client, workspaceId, item);
    results.push(result);
    onResult(result);
  }
  return results;
}

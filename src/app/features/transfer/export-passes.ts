/**
 * Exports of passes, for the editor's Export, the list's Export CSV and the list's bulk actions.
 * Load this module on use (`import('…/transfer/export-passes')`): it carries the zip code.
 *
 * - `exportPasses`: a zip with `passes.json` (the Passport shape, keys sorted, diffable; see
 *   contract/pass-transfer.ts) and each pass's images as PNG files under `images/<pass>/`.
 * - `exportPassesJson`: the same document alone, images named by their hosted URL.
 * - `exportCsv`: one row per pass with its six counts.
 */
import { zipSync } from 'fflate';
import type { PassListFilters } from '../passes/api/pass-queries';
import { PASS_EXPORT_JSON, exportDocumentText, exportedLocation } from '../../../contract/pass-transfer';
import { type WalletPass, WalletPassPageSchema } from '../../../contract/schemas';
import type { ApiClient } from '../../lib/api-client';
import { fetchPass } from '../passes/api/pass-queries';
import { editableDocument } from '../passes/model/pass-document';

/** A file-system-safe, lowercase name for a pass's folder or a download. */
export function fileSafeName(name: string | null | undefined, fallback = 'pass'): string {
  const safe = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return safe || fallback;
}

/** The exported document of one pass; `imagePath` names where each image goes (or undefined: keep its URL). */
function exportedPass(pass: WalletPass, imagePath?: (fileName: string) => string): Record<string, unknown> {
  const document: Record<string, unknown> = { ...editableDocument(pass) };
  const metadata = { ...(document.passMetadata as Record<string, unknown> | undefined) };
  const locations = pass.passMetadata?.locations ?? [];
  if (locations.length > 0) metadata.locations = locations.map((l) => exportedLocation(l));
  document.passMetadata = metadata;
  document.uploadInfoList = (pass.uploadInfoList ?? []).flatMap((info) => {
    if (!info.fileName) return [];
    const { uploadKey: _uploadKey, fileKey: _fileKey, url: _url, ...rest } = info;
    return [imagePath ? { ...rest, file: imagePath(info.fileName) } : { ...rest, url: info.url ?? undefined }];
  });
  return document;
}

async function readPasses(client: ApiClient, workspaceId: string, passIds: readonly string[]) {
  const passes: WalletPass[] = [];
  for (const id of passIds) passes.push(await fetchPass(client, workspaceId, id));
  return passes;
}

async function imageBytes(pass: WalletPass, fileName: string, url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new Error(`${fileName} of "${pass.passName ?? pass.id}" could not be downloaded.`);
  }
  if (!response.ok)
    throw new Error(`${fileName} of "${pass.passName ?? pass.id}" could not be downloaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The passes as a zip: `passes.json` and their images. Throws (naming the pass) when an image cannot be read. */
export async function exportPasses(client: ApiClient, workspaceId: string, passIds: readonly string[]): Promise<Blob> {
  const passes = await readPasses(client, workspaceId, passIds);
  const files: Record<string, Uint8Array> = {};
  const folders = new Set<string>();
  const documents: Record<string, unknown>[] = [];
  for (const pass of passes) {
    let folder = fileSafeName(pass.passName);
    for (let n = 2; folders.has(folder); n++) folder = `${fileSafeName(pass.passName)}-${n}`;
    folders.add(folder);
    for (const info of pass.uploadInfoList ?? []) {
      if (info.fileName && info.url)
        files[`images/${folder}/${info.fileName}`] = await imageBytes(pass, info.fileName, info.url);
    }
    documents.push(exportedPass(pass, (fileName) => `images/${folder}/${fileName}`));
  }
  files[PASS_EXPORT_JSON] = new TextEncoder().encode(exportDocumentText(documents));
  // PNGs are compressed already; a fixed time keeps two exports of the same passes identical.
  const zip = zipSync(files, { level: 0, mtime: new Date('2000-01-01T00:00:00Z') });
  return new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/** The passes as one JSON document, images named by their hosted URLs (no zip needed). */
export async function exportPassesJson(
  client: ApiClient,
  workspaceId: string,
  passIds: readonly string[],
): Promise<Blob> {
  const passes = await readPasses(client, workspaceId, passIds);
  return new Blob([exportDocumentText(passes.map((p) => exportedPass(p)))], { type: 'application/json' });
}

const CSV_COLUMNS = [
  ['passName', 'Pass name'],
  ['id', 'Pass id'],
  ['status', 'Status'],
  ['appleIssuedCount', 'Apple issued'],
  ['googleIssuedCount', 'Google issued'],
  ['totalIssuedCount', 'Total issued'],
  ['appleActiveCount', 'Apple active'],
  ['googleActiveCount', 'Google active'],
  ['totalActiveCount', 'Total active'],
  ['updatedTime', 'Updated'],
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote what needs it, and defuse text a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Passes as CSV: a header row, then one row per pass with its six counts. */
export function passesToCsv(passes: readonly WalletPass[]): string {
  const lines = [CSV_COLUMNS.map(([, label]) => label).join(',')];
  for (const pass of passes)
    lines.push(CSV_COLUMNS.map(([key]) => csvCell(pass[key] ?? (key.endsWith('Count') ? 0 : ''))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The list as CSV: the given passes, or every pass matching `filters` (all pages, read with the
 * API's cursor), newest first as the list shows them.
 */
export async function exportCsv(
  client: ApiClient,
  workspaceId: string,
  scope: { passIds: readonly string[] } | { filters?: Partial<PassListFilters> } = {},
): Promise<Blob> {
  let passes: WalletPass[];
  if ('passIds' in scope) {
    passes = await readPasses(client, workspaceId, scope.passIds);
  } else {
    passes = [];
    let cursor: string | undefined;
    const filters = scope.filters ?? {};
    do {
      const page = await client.request('/wallet-pass', {
        workspaceId,
        schema: WalletPassPageSchema,
        query: {
          limit: 20,
          cursor,
          query: filters.query?.trim() || undefined,
          status: filters.status && filters.status !== 'All' ? [filters.status] : undefined,
        },
      });
      passes.push(...page.items);
      cursor = page.hasMore && page.cursor ? page.cursor : undefined;
    } while (cursor);
  }
  return new Blob([passesToCsv(passes)], { type: 'text/csv;charset=utf-8' });
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

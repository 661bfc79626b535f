/**
 * JavaScript budgets of the production build: what index.html loads for the list route, and what
 * opening the editor adds. Sizes are gzip level 9 of the emitted files, 1 KB = 1,000 bytes (as
 * Vite prints them).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const LIST_BUDGET_KB = 105;
export const EDITOR_BUDGET_KB = 170;
/** The source of the editor route's lazy chunk (`lazy(() => import(...))` in route-table.tsx). */
export const EDITOR_ROUTE_SOURCE = 'src/app/features/passes/editor/pass-editor-page.tsx';
/** Each on-use chunk group (below) must stay within this, gzip. */
export const ON_USE_BUDGET_KB = 35;

/**
 * Code the editor loads only on a user action, not to open it: the dynamic imports of these source
 * modules (and whatever they load in turn) are reported apart, each group against
 * ON_USE_BUDGET_KB, and left out of the editor route's figure. Each entry names the action; a
 * source missing from the build (renamed, or no longer loaded with `import()`) fails the report,
 * so this list cannot go stale quietly.
 */
export const ON_USE_GROUPS: readonly { name: string; sources: readonly string[] }[] = [
  {
    name: 'image checks and crop dialog (an image is dropped or chosen)',
    sources: ['src/app/features/passes/images/picked-file.ts', 'src/app/features/passes/images/crop-dialog.tsx'],
  },
  { name: 'delete dialog (Delete)', sources: ['src/app/features/passes/history/delete-pass-dialog.tsx'] },
  { name: 'history dialog (History)', sources: ['src/app/features/passes/history/history-dialog.tsx'] },
  {
    name: 'save review (form has changes: save of a Published pass, Review changes)',
    sources: [
      'src/app/features/passes/review/pass-changes.ts',
      'src/app/features/passes/review/candidate.ts',
      'src/app/features/passes/review/review-dialog.tsx',
    ],
  },
  {
    name: 'conflict dialog (a save meets a newer version)',
    sources: ['src/app/features/passes/editor/conflict-dialog.tsx'],
  },
  {
    name: 'publish confirmation (the status switch turned to Published)',
    sources: ['src/app/features/passes/status/publish-confirm-dialog.tsx'],
  },
  {
    name: 'pass export (Export: the pass as a zip)',
    sources: ['src/app/features/transfer/export-passes.ts'],
  },
  { name: 'bulk selection bar (a pass is selected in the list)', sources: ['src/app/features/bulk/bulk-bar.tsx'] },
  {
    name: 'bulk action confirmation and run (Publish, Unpublish, Duplicate, Delete on the selection)',
    sources: ['src/app/features/bulk/bulk-action-dialog.tsx'],
  },
  { name: 'bulk field edit with its review (Edit fields)', sources: ['src/app/features/bulk/field-edit-dialog.tsx'] },
  {
    name: 'installs card and chart (the card comes near the screen)',
    sources: ['src/app/features/installs/pass-installs.tsx', 'src/app/features/installs/installs-chart.tsx'],
  },
];

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  outDir: string;
  list: { files: ChunkSize[]; gzipBytes: number };
  editor: { files: ChunkSize[]; gzipBytes: number };
  /** Loaded from the editor on a user action (ON_USE_GROUPS), beyond what the editor route loads. */
  onUse: { name: string; files: ChunkSize[]; gzipBytes: number }[];
}

/** Production build with a manifest into a fresh temporary folder (the app's own vite.config.ts). */
export async function buildWithManifest(outDir = mkdtempSync(join(tmpdir(), 'pass-studio-bench-dist-'))) {
  const { build } = await import('vite');
  await build({
    logLevel: 'warn',
    build: { manifest: true, outDir, emptyOutDir: true },
  });
  return outDir;
}

export function manifestPath(outDir: string): string {
  return join(outDir, '.vite', 'manifest.json');
}

/** True when `outDir` holds a manifest that belongs to its index.html (same entry file). */
export function hasMatchingManifest(outDir: string): boolean {
  if (!existsSync(manifestPath(outDir)) || !existsSync(join(outDir, 'index.html'))) return false;
  const manifest = JSON.parse(readFileSync(manifestPath(outDir), 'utf8')) as Manifest;
  const entry = Object.values(manifest).find((c) => c.isEntry);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return Boolean(entry && html.includes(entry.file));
}

/** The JS that index.html itself loads: module scripts and modulepreload links, in order. */
export function htmlScripts(html: string): string[] {
  const files: string[] = [];
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const attr = (name: string) => new RegExp(`\\s${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag) && attr('type') === 'module' && attr('src');
    const isPreload = /^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href');
    const url = isScript ? attr('src') : isPreload ? attr('href') : undefined;
    if (url && /\.m?js(\?|$)/.test(url) && !/^https?:/i.test(url)) files.push(url.replace(/^\//, ''));
  }
  return files;
}

function sizeOf(outDir: string, file: string): ChunkSize {
  const content = readFileSync(join(outDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Every chunk `key` loads statically (itself and its `imports`, transitively). */
function staticClosure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (into.has(key) || !manifest[key]) continue;
    into.add(key);
    staticClosure(manifest, manifest[key].imports ?? [], into);
  }
  return into;
}

/**
 * Chunks `roots` load, statically and through their dynamic imports, transitively; `skip` chunks
 * (loaded already) are not entered, nor are dynamic imports of the `stop` sources.
 */
function loadClosure(manifest: Manifest, roots: string[], skip: Set<string>, stop: Set<string>): Set<string> {
  const keys = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const key = queue.shift()!;
    for (const k of staticClosure(manifest, [key])) {
      if (keys.has(k) || skip.has(k)) continue;
      keys.add(k);
      queue.push(...(manifest[k]!.dynamicImports ?? []).filter((d) => !keys.has(d) && !stop.has(d)));
    }
  }
  return keys;
}

/**
 * List route = the scripts of index.html (plus their static imports from the manifest).
 * Editor route = list + the editor's lazy chunk, its static imports and its own dynamic imports,
 * transitively (the editor's lazy parts that load as it opens are part of opening it), except the
 * dynamic imports of ON_USE_GROUPS: those load on a user action and are reported per group, each
 * with what it adds beyond the list and editor routes.
 */
export function analyzeBundle(outDir: string): BundleReport {
  outDir = resolve(outDir);
  const manifest = JSON.parse(readFileSync(manifestPath(outDir), 'utf8')) as Manifest;
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

  const htmlFiles = htmlScripts(html);
  const listKeys = staticClosure(
    manifest,
    htmlFiles.map((f) => byFile.get(f)).filter((k): k is string => Boolean(k)),
  );
  const listFiles = new Set([...htmlFiles, ...[...listKeys].map((k) => manifest[k]!.file)]);

  const editorKey =
    Object.keys(manifest).find((k) => manifest[k]!.src === EDITOR_ROUTE_SOURCE) ??
    Object.keys(manifest).find((k) => manifest[k]!.isDynamicEntry && manifest[k]!.name === 'pass-editor-page');
  if (!editorKey) throw new Error(`The manifest has no chunk for ${EDITOR_ROUTE_SOURCE}`);
  const onUseKeys = ON_USE_GROUPS.map((group) =>
    group.sources.map((source) => {
      if (!manifest[source]?.isDynamicEntry)
        throw new Error(`ON_USE_GROUPS: ${source} is not a dynamically imported chunk of this build`);
      return source;
    }),
  );
  const stop = new Set(onUseKeys.flat());
  // Chunks of the list route are loaded already; their other lazy imports are not the editor's.
  const editorKeys = loadClosure(manifest, [editorKey], listKeys, stop);
  const jsFiles = (keys: Iterable<string>) =>
    [...keys].map((k) => manifest[k]!.file).filter((file) => /\.m?js$/.test(file));
  const editorFiles = new Set([...listFiles, ...jsFiles(editorKeys)]);

  const sizes = (files: Set<string>) => {
    const list = [...files].map((f) => sizeOf(outDir, f));
    return { files: list, gzipBytes: list.reduce((sum, f) => sum + f.gzipBytes, 0) };
  };
  const loaded = new Set([...listKeys, ...editorKeys]);
  const onUse = ON_USE_GROUPS.map((group, i) => ({
    name: group.name,
    ...sizes(new Set(jsFiles(loadClosure(manifest, onUseKeys[i]!, loaded, new Set())))),
  }));
  return { outDir, list: sizes(listFiles), editor: sizes(editorFiles), onUse };
}

export const kb = (bytes: number) => Math.round(bytes / 100) / 10;

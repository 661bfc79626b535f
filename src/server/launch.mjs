/**
 * Runs the server as plain JavaScript, without a TypeScript loader (whose thread alone costs a
 * Node process about 33 MB). `npm start` and `npm run serve` go through here:
 *
 *   node src/server/launch.mjs start   dist-server/start.js: builds the dashboard when stale, serves
 *   node src/server/launch.mjs serve   dist-server/main.js: serves (the server alone)
 *   node src/server/launch.mjs build   only brings dist-server/ up to date
 *
 * dist-server/ is an esbuild bundle of src/server/main.ts and src/server/start.ts (packages stay
 * imports from node_modules), rebuilt in a fraction of a second whenever it is missing or older
 * than any file it was built from (esbuild's metafile lists them) or than this script. It runs in
 * this process, with source maps on, so stack traces point at the TypeScript sources.
 * Plain JavaScript because it has to run before anything is compiled; `npm run dev` and the tests
 * still run the TypeScript sources with tsx.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT_DIR = join(ROOT, 'dist-server');
const META = join(OUT_DIR, 'meta.json');
const ENTRY_POINTS = { main: 'src/server/main.ts', start: 'src/server/start.ts' };
/** Read by esbuild besides the sources (compiler options such as useDefineForClassFields). */
const CONFIG_INPUTS = ['tsconfig.json', 'package.json', relative(ROOT, fileURLToPath(import.meta.url))];

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : Infinity);

/** Why dist-server/ must be rebuilt, or undefined when it is up to date. */
export function bundleStaleness() {
  if (!existsSync(META)) return 'there is no build yet';
  let meta;
  try {
    meta = JSON.parse(readFileSync(META, 'utf8'));
  } catch {
    return 'its metafile is unreadable';
  }
  const outputs = Object.keys(meta.outputs ?? {});
  const entries = Object.values(ENTRY_POINTS);
  const built = Object.values(meta.outputs ?? {}).map((o) => o.entryPoint);
  if (entries.some((e) => !built.includes(e))) return 'its entry points changed';
  let oldest = Infinity;
  for (const output of outputs) {
    const path = join(ROOT, output);
    if (!existsSync(path)) return `${output} is missing`;
    oldest = Math.min(oldest, statSync(path).mtimeMs);
  }
  for (const input of [...Object.keys(meta.inputs ?? {}), ...CONFIG_INPUTS]) {
    if (mtime(join(ROOT, input)) > oldest) return `${input} changed`;
  }
  return undefined;
}

/** Bundles the server into dist-server/; each file is written to a temporary name, then renamed. */
export async function buildBundle() {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRY_POINTS,
      outdir: OUT_DIR,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      // Stack traces need the mappings only; the sources are in the repository.
      sourcesContent: false,
      metafile: true,
      write: false,
      logLevel: 'warning',
    });
    mkdirSync(OUT_DIR, { recursive: true });
    const files = [...result.outputFiles.map((f) => [f.path, f.contents]), [META, JSON.stringify(result.metafile)]];
    // The metafile last: it is what marks the build complete.
    for (const [path, contents] of files) {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, contents);
      renameSync(temporary, path);
    }
  } finally {
    await esbuild.stop();
  }
}

export async function ensureBundle() {
  const reason = bundleStaleness();
  if (reason === undefined) return;
  const started = performance.now();
  await buildBundle();
  console.log(`Built the server into dist-server/ (${reason}) in ${Math.round(performance.now() - started)} ms`);
}

async function run(command) {
  const entry = { start: 'start', serve: 'main' }[command];
  if (command !== 'build' && !entry) {
    console.error(`Usage: node ${relative(process.cwd(), fileURLToPath(import.meta.url))} start|serve|build`);
    process.exit(2);
  }
  await ensureBundle();
  if (!entry) return;
  process.setSourceMapsEnabled(true);
  const server = await import(pathToFileURL(join(OUT_DIR, `${entry}.js`)).href);
  await (entry === 'start' ? server.start() : server.main());
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  run(process.argv[2]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

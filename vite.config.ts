import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Text files worth compressing; images and fonts are compressed already, maps are not served. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest|xml|ico)$/;

/**
 * Writes `name.br` (brotli, highest quality) and `name.gz` (gzip level 9) beside every built text
 * file, once per build, for the server to pick by Accept-Encoding (src/server/static-files.ts).
 * A form that would not be smaller than the file is not written.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'pass-studio:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
          d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
        );
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < 256) continue;
        const bytes = readFileSync(file);
        const br = brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        });
        const gz = gzipSync(bytes, { level: 9 });
        if (br.byteLength < bytes.byteLength) writeFileSync(`${file}.br`, br);
        if (gz.byteLength < bytes.byteLength) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

type ModuleLookup = (id: string) => { importers: readonly string[] } | null;
const APP_ENTRY = /[\\/]src[\\/]app[\\/]main\.tsx$/;

/**
 * One `startup` chunk for every module the entry imports statically (found by walking static
 * importers up to src/app/main.tsx). Those run at start in any case; left to automatic splitting,
 * the ones that lazy chunks also import (React's JSX runtime, zod, the query client, the contract)
 * came out as half a dozen small chunks, each compressed on its own, about 3 KB more gzip for the
 * first paint. Nothing lazy becomes eager: a module only reachable through `import()` is not in it.
 */
function startupChunk() {
  const known = new Map<string, boolean>();
  const fromEntry = (id: string, lookup: ModuleLookup, seen: Set<string>): boolean => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    if (APP_ENTRY.test(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (lookup(id)?.importers ?? []).some((importer) => fromEntry(importer, lookup, seen));
  };
  return (id: string, ctx: { getModuleInfo: ModuleLookup }) => {
    if (APP_ENTRY.test(id)) return null;
    const startup = fromEntry(id, (other) => ctx.getModuleInfo(other), new Set());
    known.set(id, startup);
    return startup ? 'startup' : null;
  };
}

const apiTarget = process.env.STUDIO_API_ORIGIN ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // .vite/manifest.json: the bundle budget (bench/bundle-budget.ts) reads the route chunks from
    // it, so `npm test` checks the very build the end-to-end tests serve instead of building again.
    manifest: true,
    target: 'es2022',
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: startupChunk(), debugName: 'startup' }] } } },
  },
  server: {
    proxy: {
      '/v1': apiTarget,
      '/studio': apiTarget,
      '/files': apiTarget,
      // Pass link pages (a regular expression: a plain '/p' would also take the app's /passes).
      '^/p/': apiTarget,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/contract/**/*.test.ts', 'src/server/**/*.test.ts', 'src/testing/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/app/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-dom.ts'],
          // user-event drives whole forms; leave headroom on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
});

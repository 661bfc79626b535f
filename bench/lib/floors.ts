/**
 * Floors: what the same measurement gives on the least that could do the same job on this machine
 * in this run, so each figure of the app is read as a ratio to its floor.
 *
 * - keystroke: a static copy of the editor's DOM (the app's HTML and CSS after opening the large
 *   pass, no scripts) where bench/floors/editor-mirror.js copies the typed value into the
 *   preview, and a minimal React 19 page (bench/floors/react-keystroke.tsx);
 * - Lighthouse: a minimal Vite + React page (bench/floors/vite-react), built with the app's own
 *   plugins (precompressed) and served by the same server;
 * - API: a bare Hono + better-sqlite3 server (bench/floors/bare-api.mjs) holding the same passes.
 *
 * The pages are written into the bench build's folder under `bench-floor/`, so the bench server
 * serves them exactly as it serves the app.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { precompress } from '../../vite.config';
import type { Api } from './seed';

const FLOORS = resolve(import.meta.dirname, '../floors');
export const FLOOR_PATHS = {
  editorCopy: '/bench-floor/editor.html',
  /** The same, of the pass with 50 back fields × 10 links. */
  linksCopy: '/bench-floor/editor-links.html',
  react: '/bench-floor/react.html',
  vite: '/bench-floor/vite/',
};

/** The minimal React page, the mirror script and the minimal Vite + React build, into `outDir`. */
export async function buildFloorPages(outDir: string): Promise<void> {
  const dir = join(outDir, 'bench-floor');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FLOORS, 'editor-mirror.js'), join(dir, 'mirror.js'));
  await esbuild({
    entryPoints: [join(FLOORS, 'react-keystroke.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, 'react.js'),
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'react.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor: minimal React</title>' +
      '<script type="module" src="/bench-floor/react.js"></script></head><body><div id="root"></div></body></html>',
  );
  await viteBuild({
    configFile: false,
    root: join(FLOORS, 'vite-react'),
    base: FLOOR_PATHS.vite,
    logLevel: 'error',
    plugins: [react(), precompress()],
    build: { outDir: join(dir, 'vite'), emptyOutDir: true, target: 'es2022' },
  });
}

/**
 * Writes the static copy of the editor as `page` shows it: the typed field's input and the
 * preview element showing its value are marked for the mirror script, form values become
 * attributes, style attributes move to `data-bench-style` (applied by the script through the
 * CSSOM, as React applies them), and every script is replaced by the mirror script.
 */
export async function writeEditorCopy(
  page: Page,
  inputSelector: string,
  value: string,
  outDir: string,
  path = FLOOR_PATHS.editorCopy,
) {
  const html = await page.evaluate(
    ({ selector, text }) => {
      const input = document.querySelector(selector)!;
      input.setAttribute('data-bench-input', '');
      const region = document.querySelector('[aria-label="Apple Wallet preview"]')!;
      const shown = [...region.querySelectorAll('*')].filter((e) => e.children.length === 0 && e.textContent === text);
      shown[0]?.setAttribute('data-bench-target', '');
      for (const field of document.querySelectorAll('input, textarea')) {
        const f = field as HTMLInputElement;
        if (f.type === 'checkbox' || f.type === 'radio') f.toggleAttribute('checked', f.checked);
        else if (field.tagName === 'TEXTAREA') field.textContent = f.value;
        else f.setAttribute('value', f.value);
      }
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const script of copy.querySelectorAll('script, link[rel="modulepreload"]')) script.remove();
      for (const element of copy.querySelectorAll('[style]')) {
        element.setAttribute('data-bench-style', element.getAttribute('style') ?? '');
        element.removeAttribute('style');
      }
      return { html: `<!doctype html>${copy.outerHTML}`, marked: shown.length > 0 };
    },
    { selector: inputSelector, text: value },
  );
  if (!html.marked) throw new Error(`The preview shows no element with the text "${value}"`);
  const withScript = html.html.replace('</body>', '<script src="/bench-floor/mirror.js"></script></body>');
  mkdirSync(join(outDir, 'bench-floor'), { recursive: true });
  writeFileSync(join(outDir, path.replace(/^\//, '')), withScript);
}

export interface BareApi {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the bare API floor with every pass of the workspace, as the sandbox answers them. */
export async function startBareApi(api: Api): Promise<BareApi> {
  const passes: unknown[] = [];
  let cursor: string | null | undefined;
  do {
    const params = new URLSearchParams({ limit: '20', ...(cursor ? { cursor } : {}) });
    const page = await api.request<{ items: unknown[]; hasMore: boolean; cursor?: string | null }>(
      'GET',
      `/v1/wallet-pass?${params}`,
    );
    passes.push(...page.items);
    cursor = page.hasMore ? page.cursor : undefined;
  } while (cursor);
  const dir = mkdtempSync(join(tmpdir(), 'pass-studio-bench-floor-'));
  const file = join(dir, 'passes.json');
  writeFileSync(file, JSON.stringify({ apiKey: api.apiKey, passes }));
  const child = spawn(process.execPath, [join(FLOORS, 'bare-api.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare API floor exited with ${code}`)));
    child.stdout!.once('data', (data: Buffer) => resolvePort(Number(data.toString().trim())));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

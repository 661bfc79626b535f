/**
 * Helpers for the server tests: real servers on port 0 in temporary data directories, a small
 * seed of workspaces and keys (tests create their passes through the API), and tiny PNGs.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { serve } from '@hono/node-server';
import { PNG_SIGNATURE } from '../contract/wallet-rules';
import type { ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppOptions } from './app';
import { createApp } from './app';
import type { AppEnv } from './app-env';
import type { SeedData } from './seed/seed-types';
import { openStore } from './store/sandbox-store';
import type { SandboxStore } from './store/sandbox-store';

export const WS_A = 'ws-alpha';
export const WS_B = 'ws-beta';
export const KEY_ALL = 'ub_test_all';
export const KEY_A = 'ub_test_alpha';
export const KEY_B = 'ub_test_beta';

/** Two workspaces, no passes: each test makes the data it reads. */
export function testSeed(): SeedData {
  return {
    workspaces: [
      { id: WS_A, name: 'Alpha', passes: [] },
      { id: WS_B, name: 'Beta', passes: [] },
    ],
    demoKeys: [
      { apiKey: KEY_ALL, label: 'Both workspaces', workspaceIds: [WS_A, WS_B] },
      { apiKey: KEY_A, label: 'Alpha only', workspaceIds: [WS_A] },
      { apiKey: KEY_B, label: 'Beta only', workspaceIds: [WS_B] },
    ],
  };
}

export interface Listening {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 with an OS-chosen port. */
export function listen(app: Hono<AppEnv>): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}

export interface TestSandbox extends Listening {
  store: SandboxStore;
  dataDir: string;
  /** fetch against the server with an API key (KEY_ALL unless given) and JSON handling. */
  api(method: string, path: string, init?: ApiInit): Promise<Response>;
  /** Uploads logo, icon and strip PNGs; the `uploadInfoList` a Published pass needs. */
  images(workspace?: string): Promise<{ fileName: string; uploadKey: string }[]>;
  /** Stops the server and closes the store; removes the data dir unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface ApiInit {
  key?: string | null;
  workspace?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface SandboxOptions {
  dataDir?: string;
  seed?: () => SeedData;
  app?: Partial<Omit<Extract<AppOptions, { mode: 'sandbox' }>, 'mode' | 'store'>>;
}

export function tempDir(prefix = 'pass-studio-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? tempDir();
  const store = await openStore({ dataDir, seed: options.seed ?? testSeed });
  const app = createApp({ mode: 'sandbox', store, ...options.app });
  const listening = await listen(app);
  const sandbox: TestSandbox = {
    ...listening,
    store,
    dataDir,
    images: async (workspace) => {
      const list = [];
      for (const fileName of ['logo.png', 'icon.png', 'strip.png']) {
        const response = await sandbox.api('POST', '/v1/uploads', {
          body: pngForm(makePng(), fileName),
          ...(workspace ? { workspace } : {}),
        });
        const { key } = (await response.json()) as { key: string };
        list.push({ fileName, uploadKey: key });
      }
      return list;
    },
    api: (method, path, init = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      const key = init.key === undefined ? KEY_ALL : init.key;
      if (key !== null) headers['api-key'] = key;
      if (init.workspace !== undefined) headers['x-workspace-id'] = init.workspace;
      let body = init.body;
      if (init.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(init.json);
      }
      return fetch(`${listening.url}${path}`, { method, headers, body: body ?? null });
    },
    stop: async ({ keepData = false } = {}) => {
      await listening.close();
      store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return sandbox;
}

// ---------------------------------------------------------------------------------------------
// The real entry point in a child process

export interface MainProcess {
  process: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<number | null>;
}

/** Writes the small test seed into `dataDir`, so a process started on it skips the demo seed. */
export async function seedTestData(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir, seed: testSeed });
  store.close();
}

/**
 * Runs `src/server/main.ts` with tsx (or `args`, e.g. the bundle `npm run serve` runs) on a free
 * port with `dataDir` as DATA_DIR and resolves once it prints its start banner. The caller kills
 * it (keep the returned process).
 */
export async function runMain(
  dataDir: string,
  env: Record<string, string> = {},
  args: string[] = ['--import', 'tsx', 'src/server/main.ts'],
): Promise<MainProcess> {
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SANDBOX_SIMULATE_INSTALLS: '0',
      SANDBOX_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at http:\/\/localhost:(\d+) \((sandbox|proxy) mode/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(timer);
        reject(new Error(`main exited early: ${output}`));
      }
    }, 25);
  });
  return { process: child, url, output: () => output, exited };
}

// ---------------------------------------------------------------------------------------------
// PNGs

/** One PNG chunk: length, type, data and a correct CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 6; // RGBA
  return pngChunk('IHDR', data);
}

export const PNG_FILE_SIGNATURE = Buffer.from(PNG_SIGNATURE);

/** A real, decodable RGBA PNG filled with one colour. */
export function makePng(
  width = 4,
  height = 3,
  rgba: [number, number, number, number] = [200, 30, 60, 255],
): Uint8Array {
  const row = Buffer.alloc(1 + width * 4);
  for (let x = 0; x < width; x++) row.set(rgba, 1 + x * 4);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    PNG_FILE_SIGNATURE,
    ihdr(width, height),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** Only a signature and an IHDR declaring the size: enough to test the size guard. */
export function pngHeaderOnly(width: number, height: number): Uint8Array {
  return Buffer.concat([PNG_FILE_SIGNATURE, ihdr(width, height), pngChunk('IEND', new Uint8Array())]);
}

export function pngForm(bytes: Uint8Array, name = 'logo.png', type = 'image/png'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

// ---------------------------------------------------------------------------------------------
// Bodies

let counter = 0;

/** A valid create body with a unique name; `overrides` replace top-level keys. */
export function passBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    passName: `Test pass ${counter} ${Math.random().toString(36).slice(2, 8)}`,
    notificationHeader: 'TEST',
    passMetadata: {
      description: 'A pass made by a test',
      organizationName: 'Test Co',
      backgroundColor: '#112233',
      displayTextColor: '#FFFFFF',
      topField: { key: 'points', label: 'POINTS', value: '10' },
      secondaryFields: [{ key: 'tier', label: 'Tier', value: 'Gold' }],
      backFields: [{ key: 'links', label: 'Links', value: [{ text: 'Site', link: 'https://example.com' }] }],
      qrUrl: 'https://example.com/qr',
      qrText: 'Scan me',
    },
    ...overrides,
  };
}

export function locationBody(passId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Main street shop',
    latitude: 45.52,
    longitude: -122.68,
    relevantText: 'Your pass works here',
    walletPass: { id: passId },
    ...overrides,
  };
}

/**
 * A GET with exactly the headers given (fetch adds its own Accept-Encoding and decodes the body),
 * answering the raw bytes as sent.
 */
export function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    },
  );
}

import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * End-to-end tests drive real Chromium against the real server and a throw-away database.
 * Debian's Chromium is used when present (Playwright cannot download browsers on every machine);
 * elsewhere `npx playwright install chromium` provides Playwright's own.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server in proxy mode, in front of the first (the sandbox) as its Passport API. */
export const PROXY_PORT = PORT + 1;
/** A third server, a sandbox with a tight per-key rate limit, for the 429 paths. */
export const LIMITED_PORT = PORT + 2;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// Playwright loads this file in the runner and in each worker: create the data folder once.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'pass-studio-e2e-'));
process.env.E2E_LIMITED_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'pass-studio-e2e-limited-'));
// The proxy keeps its own studio.db (count history): never the repository's ./data.
process.env.E2E_PROXY_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'pass-studio-e2e-proxy-'));

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: [
    {
      command: 'npx tsx src/server/main.ts',
      url: `http://127.0.0.1:${PORT}/studio/config`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: process.env.E2E_DATA_DIR,
        STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
        SANDBOX_SIMULATE_INSTALLS: '1',
        SANDBOX_SIMULATE_INTERVAL_MS: '1500',
        SANDBOX_RATE_LIMIT: '0',
        // Notifications: tests move the clock past a 15-minute slot; no simulated failures.
        SANDBOX_CLOCK: 'controllable',
        SANDBOX_NOTIFICATION_FAILURE_RATE: '0',
        LOG_LEVEL: 'warn',
      },
    },
    {
      command: 'npx tsx src/server/main.ts',
      url: `http://127.0.0.1:${PROXY_PORT}/studio/config`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PROXY_PORT),
        HOST: '127.0.0.1',
        DATA_DIR: process.env.E2E_PROXY_DATA_DIR,
        STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
        PASSPORT_API_URL: `http://127.0.0.1:${PORT}/v1`,
        PASSPORT_WORKSPACES: '',
        LOG_LEVEL: 'warn',
      },
    },
    {
      command: 'npx tsx src/server/main.ts',
      url: `http://127.0.0.1:${LIMITED_PORT}/studio/config`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(LIMITED_PORT),
        HOST: '127.0.0.1',
        DATA_DIR: process.env.E2E_LIMITED_DATA_DIR,
        STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
        SANDBOX_SIMULATE_INSTALLS: '0',
        SANDBOX_RATE_LIMIT: '4',
        LOG_LEVEL: 'warn',
      },
    },
  ],
});

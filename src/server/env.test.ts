import { describe, expect, it } from 'vitest';
import { EnvError, defaultPublicUrl, loadEnv, parseWorkspaceList } from './env';

describe('loadEnv', () => {
  it('has the documented defaults', () => {
    expect(loadEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      staticDir: './dist',
      publicUrl: undefined,
      allowedHosts: [],
      serveSourceMaps: false,
      passportApiUrl: undefined,
      passportWorkspaces: [],
      proxyTimeoutMs: 15000,
      simulateInstalls: true,
      simulateIntervalMs: 4000,
      rateLimit: 100,
      historyMaxVersions: 200,
      clock: 'system',
      notificationFailureRate: 0.03,
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const env = loadEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/d',
      STATIC_DIR: '/tmp/s',
      PASSPORT_API_URL: 'https://api.ubpass.co/v1',
      PASSPORT_WORKSPACES: 'ws-1:Coffee Shop, ws_2:Books & Co',
      PROXY_TIMEOUT_MS: '500',
      SANDBOX_SIMULATE_INSTALLS: '0',
      SANDBOX_SIMULATE_INTERVAL_MS: '1000',
      SANDBOX_RATE_LIMIT: '0',
      HISTORY_MAX_VERSIONS: '50',
      SANDBOX_CLOCK: 'controllable',
      SANDBOX_NOTIFICATION_FAILURE_RATE: '0',
      LOG_LEVEL: 'silent',
      SERVE_SOURCEMAPS: '1',
    });
    expect(env).toMatchObject({
      port: 8080,
      serveSourceMaps: true,
      host: '0.0.0.0',
      passportApiUrl: 'https://api.ubpass.co/v1',
      passportWorkspaces: [
        { id: 'ws-1', name: 'Coffee Shop' },
        { id: 'ws_2', name: 'Books & Co' },
      ],
      proxyTimeoutMs: 500,
      simulateInstalls: false,
      rateLimit: 0,
      historyMaxVersions: 50,
      clock: 'controllable',
      notificationFailureRate: 0,
      logLevel: 'silent',
    });
  });

  it('fails listing every bad key', () => {
    let error: unknown;
    try {
      loadEnv({
        PORT: 'eighty',
        PASSPORT_API_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
        SANDBOX_RATE_LIMIT: '-1',
        PASSPORT_WORKSPACES: 'bad id:x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect(Object.keys((error as EnvError).problems).sort()).toEqual([
      'LOG_LEVEL',
      'PASSPORT_API_URL',
      'PASSPORT_WORKSPACES',
      'PORT',
      'SANDBOX_RATE_LIMIT',
    ]);
    expect((error as EnvError).message).toContain('PORT');
  });

  it('treats empty values as unset', () => {
    expect(loadEnv({ PORT: '', PASSPORT_API_URL: '  ' }).port).toBe(3000);
    expect(parseWorkspaceList('a:A,,b')).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'b' },
    ]);
  });
});

describe('public URL, allowed hosts and the upstream URL', () => {
  it('reads PUBLIC_URL (an origin) and ALLOWED_HOSTS (a list of names)', () => {
    const env = loadEnv({ PUBLIC_URL: 'https://passes.example.com/', ALLOWED_HOSTS: 'studio.lan, 10.0.0.5,[::1]' });
    expect(env.publicUrl).toBe('https://passes.example.com');
    expect(env.allowedHosts).toEqual(['studio.lan', '10.0.0.5', '[::1]']);
    for (const bad of [{ PUBLIC_URL: 'https://x.example/app' }, { ALLOWED_HOSTS: 'https://x.example' }]) {
      expect(() => loadEnv(bad)).toThrow(EnvError);
    }
  });

  it('builds the default public URL from HOST and the port', () => {
    expect(defaultPublicUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(defaultPublicUrl('0.0.0.0', 80)).toBe('http://localhost:80');
    expect(defaultPublicUrl('::1', 3000)).toBe('http://[::1]:3000');
  });

  it('refuses a PASSPORT_API_URL with credentials, without repeating them', () => {
    let error: unknown;
    try {
      loadEnv({ PASSPORT_API_URL: 'https://team:hunter2-secret@api.ubpass.co/v1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toMatch(/PASSPORT_API_URL must not contain a user name or password/);
    expect((error as EnvError).message).not.toContain('hunter2');
  });
});

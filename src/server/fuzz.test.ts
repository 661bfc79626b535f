/**
 * Hostile input against every sandbox endpoint and method (and routes that do not exist):
 * random and malformed bodies, queries, path ids and headers (fast-check, bounded runs), then
 * the classic attacks one by one: deep nesting, huge arrays, bodies at and over the limit,
 * prototype-pollution keys, Unicode/RTL tricks, `javascript:` links in every disguise and
 * `<script>` in text. Every answer is a 2xx (valid input, stored as inert text) or a 4xx with
 * the documented error body; never a 5xx, and the server keeps serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, LocationSchema, UploadResponseSchema, WalletPassSchema } from '../contract/schemas';
import type { WalletPass } from '../contract/schemas';
import { MAX_JSON_BODY_BYTES } from './app';
import { KEY_ALL, WS_A, WS_B, locationBody, makePng, passBody, pngForm, startSandbox } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

let sandbox: TestSandbox;
let pass: WalletPass;
let locationId: string;
let uploadKey: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  uploadKey = UploadResponseSchema.parse(
    await (await sandbox.api('POST', '/v1/uploads', { body: pngForm(makePng()) })).json(),
  ).key;
  pass = WalletPassSchema.parse(await (await sandbox.api('POST', '/v1/wallet-pass', { json: validPass() })).json());
  const location = LocationSchema.parse(
    await (await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(pass.id) })).json(),
  );
  locationId = location.id ?? '';
});
afterAll(async () => {
  await sandbox.stop();
});

// ---------------------------------------------------------------------------------------------
// Inputs

let serial = 0;
/** A valid create body touching every part of a pass, with a fresh name. */
function validPass(): Record<string, unknown> {
  serial += 1;
  return passBody({
    passName: `Fuzz ${serial} ${Math.random().toString(36).slice(2, 7)}`,
    passMetadata: {
      description: 'Fuzzed',
      organizationName: 'Org',
      backgroundColor: '#102030',
      displayTextColor: '#FFFFFF',
      topField: { key: 'top', label: 'TOP', value: '1' },
      secondaryFields: [{ key: 'sec', label: 'Sec', value: 'v' }],
      backFields: [{ key: 'back', label: 'Links', value: [{ text: 'Site', link: 'https://example.com' }] }],
      qrUrl: 'https://example.com/qr',
      qrText: 'Scan',
      appDeepLinks: {
        appleDeepLinkData: { appStoreId: '123', launchUrl: 'app://open' },
        googleDeepLinkData: { androidPackageName: 'com.example.app', webAppUrl: 'https://example.com/app' },
      },
      userDeepLink: { appType: 'Website', inputLink: 'https://example.com/in' },
    },
    uploadInfoList: uploadKey ? [{ fileName: 'logo.png', uploadKey }] : [],
    status: 'Draft',
  });
}

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'JAVASCRIPT:alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\u202eevil\u202c',
  '\u2066\u2067\u2068\u2069',
  '\ud800',
  '\u0000',
  "'; DROP TABLE passes; --",
  '%',
  '_',
  '\\',
  '%00',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '𝕏'.repeat(300),
  ' '.repeat(300),
  '',
];

const REPLACEMENT = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'x'), fc.jsonValue({ maxDepth: 2 })),
);

type Path = (string | number)[];

function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** Sets (own property, so `__proto__` stays data), deletes or adds at `path` in a copy. */
function mutate(root: unknown, path: Path, op: 'set' | 'delete' | 'add', key: string, value: unknown): unknown {
  const copy = structuredClone(root) as unknown;
  if (path.length === 0) return op === 'set' ? value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (op === 'add') {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    } else {
      parent[last] = value;
    }
  } else {
    Object.defineProperty(parent, last, { value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

const mutatedBody = (base: () => unknown) =>
  fc
    .record({
      pick: fc.nat(),
      op: fc.constantFrom('set', 'set', 'delete', 'add'),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '', 'passName'),
      value: REPLACEMENT,
      times: fc.integer({ min: 1, max: 2 }),
    })
    .map(({ pick, op, key, value, times }) => {
      let body = base();
      for (let i = 0; i < times; i++) {
        const paths = allPaths(body);
        const path = paths[(pick + i * 7) % paths.length] ?? [];
        body = mutate(body, path, op as 'set' | 'delete' | 'add', key, value);
      }
      return JSON.stringify(body);
    });

const BODY = fc.oneof(
  mutatedBody(validPass),
  mutatedBody(() => locationBody(pass.id)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  // Truncated JSON.
  fc.nat().map((n) => {
    const text = JSON.stringify(validPass());
    return text.slice(0, n % text.length);
  }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '{}',
    '"text"',
    '1e999',
    '{"a":1}{"b":2}',
    '{,}',
    '\ufeff{}',
    '{"passName":"\\ud800"}',
  ),
  fc.constant(undefined),
);

const ID = fc.oneof(
  fc.constant('{pass}'),
  fc.constant('{location}'),
  fc.uuid(),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '%00', '%2F', 'a'.repeat(2000), '__proto__', 'constructor', '%E2%80%AE', '%FF'),
);

const QUERY_KEYS = [
  'query',
  'passName',
  'id',
  'ids',
  'status',
  'cursor',
  'limit',
  'includePassAssets',
  'summary',
  'name',
  'passSerialNumbers',
  '__proto__',
  'constructor',
];
const QUERY = fc
  .array(
    fc.tuple(
      fc.constantFrom(...QUERY_KEYS),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('0', '-1', '21', '1e3', '20', 'true', 'Draft,Published', 'Nope', '{pass}', ',,,', '%', '%25'),
        fc.array(fc.uuid(), { maxLength: 30 }).map((ids) => ids.join(',')),
        fc.string({ maxLength: 300 }),
      ),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

const ROUTES = [
  ['GET', '/v1/wallet-pass'],
  ['POST', '/v1/wallet-pass'],
  ['GET', '/v1/wallet-pass/:id'],
  ['HEAD', '/v1/wallet-pass/:id'],
  ['PATCH', '/v1/wallet-pass/:id'],
  ['DELETE', '/v1/wallet-pass/:id'],
  ['GET', '/v1/wallet-pass-location'],
  ['POST', '/v1/wallet-pass-location'],
  ['GET', '/v1/wallet-pass-location/:id'],
  ['PUT', '/v1/wallet-pass-location/:id'],
  ['DELETE', '/v1/wallet-pass-location/:id'],
  ['POST', '/v1/uploads'],
  ['GET', '/v1/wallet-pass/notifications'],
  ['POST', '/v1/wallet-pass/notifications'],
  ['GET', '/v1/wallet-pass/notifications/:id'],
  ['PATCH', '/v1/wallet-pass/notifications/:id'],
  ['DELETE', '/v1/wallet-pass/notifications/:id'],
  ['GET', '/v1/wallet-pass/notifications/:id/stats'],
  ['GET', '/files/:id'],
  ['GET', '/studio/config'],
  ['GET', '/p/:id'],
  // Routes and methods that do not exist.
  ['PUT', '/v1/wallet-pass'],
  ['POST', '/v1/wallet-pass/:id'],
  ['PATCH', '/v1/wallet-pass-location/:id'],
  ['OPTIONS', '/v1/wallet-pass'],
  ['GET', '/v1/wallet-pass/:id/locations'],
  ['PUT', '/v1/wallet-pass/notifications/:id'],
  ['POST', '/v1/unknown'],
  ['GET', '/v1'],
  ['DELETE', '/studio/config'],
  ['GET', '/unknown/:id'],
  ['POST', '/files/:id'],
] as const;

const CONTENT_TYPE = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  undefined,
);

const HEADERS = fc.record({
  key: fc.constantFrom<string | null>(KEY_ALL, KEY_ALL, KEY_ALL, null, 'ub_live_wrong', ''),
  workspace: fc.constantFrom<string | undefined>(
    undefined,
    undefined,
    WS_A,
    WS_B,
    'bad id!',
    'x'.repeat(300),
    'ws-nope',
  ),
  contentType: CONTENT_TYPE,
});

// ---------------------------------------------------------------------------------------------
// Checks

const ERROR_KEYS = new Set(['txId', 'timestamp', 'errorCode', 'errorMessage', 'context']);
const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

/** The answer is not a 5xx and, when a 4xx, carries the documented error body. Returns the body text. */
async function expectWellFormed(res: Response, method: string, where: string): Promise<string> {
  const text = method === 'HEAD' ? '' : await res.text();
  expect(res.status, `${where} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
  if (res.status >= 400 && method !== 'HEAD') {
    const type = res.headers.get('content-type') ?? '';
    if (where.includes(' /p/') && type.includes('text/html')) return text; // the pass page's human 404
    expect(type, where).toContain('application/json');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body !== null && typeof body === 'object' && !Array.isArray(body), where).toBe(true);
    for (const key of Object.keys(body)) expect(ERROR_KEYS.has(key), `${where}: unexpected key ${key}`).toBe(true);
    expect(body.txId, where).toBeTypeOf('string');
    expect(body.timestamp, where).toBeTypeOf('string');
    expect(KNOWN_CODES.has(String(body.errorCode)), `${where}: errorCode ${String(body.errorCode)}`).toBe(true);
    if (body.errorMessage !== undefined) expect(body.errorMessage, where).toBeTypeOf('string');
    if (body.context !== undefined) {
      expect(body.context !== null && typeof body.context === 'object' && !Array.isArray(body.context), where).toBe(
        true,
      );
    }
  }
  return text;
}

async function expectStillServing(): Promise<void> {
  const res = await sandbox.api('GET', `/v1/wallet-pass?ids=${pass.id}`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([pass.id]);
}

function expectPrototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'x', 'id', 'extra', 'passName']) expect(probe[key], key).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    Object.getOwnPropertyNames(Object.getPrototypeOf({}) as object).sort(),
  );
}

/** The pass and location `{pass}` / `{location}` stand for; random DELETEs may remove them. */
const scratch = { pass: '', location: '' };

function fill(path: string, id: string): string {
  const real = id.replace('{pass}', scratch.pass).replace('{location}', scratch.location);
  return path.replace(':id', real);
}

async function send(
  method: string,
  path: string,
  body: BodyInit | undefined,
  headers: { key: string | null; workspace: string | undefined; contentType: string | undefined },
): Promise<Response> {
  const h: Record<string, string> = {};
  if (headers.key !== null) h['api-key'] = headers.key;
  if (headers.workspace !== undefined) h['x-workspace-id'] = headers.workspace;
  if (headers.contentType !== undefined) h['content-type'] = headers.contentType;
  const withBody = method !== 'GET' && method !== 'HEAD';
  return fetch(`${sandbox.url}${path}`, { method, headers: h, body: withBody ? (body ?? null) : null });
}

// ---------------------------------------------------------------------------------------------

describe('random hostile requests (fast-check)', () => {
  it('every endpoint and method answers 2xx or a well-formed 4xx, never a 5xx', async () => {
    scratch.pass = WalletPassSchema.parse(
      await (await sandbox.api('POST', '/v1/wallet-pass', { json: validPass() })).json(),
    ).id;
    scratch.location =
      LocationSchema.parse(
        await (await sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(scratch.pass) })).json(),
      ).id ?? '';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        ID,
        QUERY,
        BODY,
        HEADERS,
        async ([method, route], id, query, body, headers) => {
          const path = fill(route, id) + (query ? `?${query.replaceAll('%7Bpass%7D', scratch.pass)}` : '');
          const res = await send(method, path, body, headers);
          await expectWellFormed(res, method, `${method} ${path.slice(0, 200)} body=${String(body).slice(0, 200)}`);
        },
      ),
      { numRuns: 300 },
    );
    expectPrototypesClean();
    await expectStillServing();
  });

  it('every JSON write survives any mutation of a valid body: 2xx with a contract-shaped answer, or 4xx', async () => {
    const patchBody = () => {
      const body = validPass();
      delete body.passName;
      return body;
    };
    const writes = [
      ['POST', () => '/v1/wallet-pass', validPass, WalletPassSchema],
      ['PATCH', () => `/v1/wallet-pass/${pass.id}`, patchBody, WalletPassSchema],
      ['POST', () => '/v1/wallet-pass-location', () => locationBody(pass.id), LocationSchema],
      ['PUT', () => `/v1/wallet-pass-location/${locationId}`, () => locationBody(pass.id), LocationSchema],
    ] as const;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .nat({ max: writes.length - 1 })
          .chain((i) => mutatedBody((writes[i] ?? writes[0])[2]).map((text) => [i, text] as const)),
        async ([i, text]) => {
          const [method, path, , schema] = writes[i] ?? writes[0];
          const res = await sendJson(method, path(), text);
          const answer = await expectWellFormed(res, method, `${method} ${path()} ${text.slice(0, 400)}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status < 300) schema.parse(JSON.parse(answer));
          // Keep the pass under the location cap so creates keep reaching the store.
          if (method === 'POST' && path().endsWith('location') && res.status === 201) {
            const { id } = JSON.parse(answer) as { id: string };
            await (await sandbox.api('DELETE', `/v1/wallet-pass-location/${id}`)).arrayBuffer();
          }
        },
      ),
      { numRuns: 200 },
    );
    // The runs reached both sides: accepted writes and refused ones.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
    expectPrototypesClean();
    await expectStillServing();
  });

  it('uploads: random bytes, mangled PNGs and broken multipart answer 200, 400 or 413 only', async () => {
    const png = makePng(5, 4);
    const mangled = fc
      .record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.nat(), mode: fc.nat({ max: 2 }) })
      .map(({ at, byte, cut, mode }) => {
        const copy = Uint8Array.from(png);
        if (mode === 0) copy[at % copy.length] = byte;
        return mode === 1 ? copy.subarray(0, cut % copy.length) : copy;
      });
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom(
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\u0089PNG\r\n--x--',
        '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n',
        '--x--',
        '--y\r\n\r\n--y--',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant('form' as const),
            bytes: fc.oneof(mangled, fc.uint8Array({ maxLength: 500 })),
          }),
          fc.record({ kind: fc.constant('raw' as const), text: raw, type: CONTENT_TYPE }),
        ),
        fc.constantFrom('file', 'File', 'image', ''),
        fc.string({ maxLength: 40 }),
        async (input, field, name) => {
          let res: Response;
          if (input.kind === 'form') {
            const form = new FormData();
            form.append(field, new Blob([new Uint8Array(input.bytes)], { type: 'image/png' }), name || 'x.png');
            res = await sandbox.api('POST', '/v1/uploads', { body: form });
          } else {
            res = await send('POST', '/v1/uploads', input.text, {
              key: KEY_ALL,
              workspace: undefined,
              contentType: input.type,
            });
          }
          await expectWellFormed(res, 'POST', `upload ${JSON.stringify(input).slice(0, 200)}`);
          expect([200, 400, 413]).toContain(res.status);
        },
      ),
      { numRuns: 150 },
    );
    await expectStillServing();
  });
});

// ---------------------------------------------------------------------------------------------

const JSON_WRITES = [
  ['POST', () => '/v1/wallet-pass'],
  ['PATCH', () => `/v1/wallet-pass/${pass.id}`],
  ['POST', () => '/v1/wallet-pass-location'],
  ['PUT', () => `/v1/wallet-pass-location/${locationId}`],
] as const;

async function sendJson(method: string, path: string, text: string): Promise<Response> {
  return send(method, path, text, { key: KEY_ALL, workspace: undefined, contentType: 'application/json' });
}

describe('known attacks, one by one', () => {
  it('deep nesting (10,000 levels) is a 400 on every JSON endpoint, not a crash', async () => {
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    // Valid bodies with a deeply nested value where unknown keys are kept: without a depth limit
    // they would be stored, then overflow the stack when the answer is written.
    const withDeep = (body: Record<string, unknown>, deep: string) =>
      JSON.stringify(body).replaceAll('"__DEEP__"', deep);
    const passWithDeep = (where: 'top' | 'meta' | 'field'): Record<string, unknown> => {
      const body = validPass();
      const meta = body.passMetadata as Record<string, unknown>;
      if (where === 'top') body.vendor = '__DEEP__';
      if (where === 'meta') meta.vendor = '__DEEP__';
      if (where === 'field') meta.topField = { key: 'k', extra: '__DEEP__' };
      return body;
    };
    const cases: [string, string, () => Record<string, unknown>][] = [
      ['POST', '/v1/wallet-pass', () => passWithDeep('top')],
      ['POST', '/v1/wallet-pass', () => passWithDeep('meta')],
      ['POST', '/v1/wallet-pass', () => passWithDeep('field')],
      ['PATCH', `/v1/wallet-pass/${pass.id}`, () => ({ vendor: '__DEEP__' })],
      ['PATCH', `/v1/wallet-pass/${pass.id}`, () => ({ passMetadata: { vendor: '__DEEP__' } })],
      ['POST', '/v1/wallet-pass-location', () => ({ ...locationBody(pass.id), vendor: '__DEEP__' })],
      ['PUT', `/v1/wallet-pass-location/${locationId}`, () => ({ ...locationBody(pass.id), vendor: '__DEEP__' })],
    ];
    for (const [method, path, body] of cases) {
      for (const deep of [deepObject, deepArray]) {
        const res = await sendJson(method, path, withDeep(body(), deep));
        const text = await expectWellFormed(res, method, `${method} ${path} ${JSON.stringify(body())}`);
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(text).toContain('levels deep');
      }
    }
    for (const [method, path] of JSON_WRITES) {
      // The body itself nested deeply is no object at all.
      expect((await sendJson(method, path(), deepArray)).status).toBe(400);
      expect((await sendJson(method, path(), deepObject)).status).toBe(400);
    }
    // Moderate nesting in a key the API does not know is kept, as unknown keys are.
    const nested = JSON.parse(`${'{"a":'.repeat(40)}"bottom"${'}'.repeat(40)}`) as unknown;
    const res = await sandbox.api('POST', '/v1/wallet-pass', { json: { ...validPass(), vendorData: nested } });
    expect(res.status).toBe(201);
    expect(JSON.stringify(await res.json())).toContain('"bottom"');
    await expectStillServing();
  });

  it('huge arrays (10,000 items) are refused where the contract bounds them and kept as data elsewhere', async () => {
    const many = <T>(item: (i: number) => T) => Array.from({ length: 10_000 }, (_, i) => item(i));
    const base = validPass();
    const meta = base.passMetadata as Record<string, unknown>;
    for (const [where, body] of [
      ['secondaryFields', { ...base, passMetadata: { ...meta, secondaryFields: many((i) => ({ key: `k${i}` })) } }],
      ['backFields', { ...base, passMetadata: { ...meta, backFields: many((i) => ({ key: `b${i}` })) } }],
      [
        'links',
        {
          ...base,
          passMetadata: {
            ...meta,
            backFields: [{ key: 'l', value: many(() => ({ text: 't', link: 'https://e.com' })) }],
          },
        },
      ],
      ['uploadInfoList', { ...base, uploadInfoList: many(() => ({ fileName: 'logo.png', uploadKey })) }],
      ['passMetadata as array', { ...base, passMetadata: many((i) => i) }],
      ['passName as array', { ...base, passName: many(() => 'x') }],
    ] as const) {
      const res = await sandbox.api('POST', '/v1/wallet-pass', { json: body });
      await expectWellFormed(res, 'POST', where);
      expect(res.status, where).toBe(400);
    }
    // Echoed locations are ignored; an unknown key's array is stored like any unknown key.
    const kept = await sandbox.api('POST', '/v1/wallet-pass', {
      json: {
        ...validPass(),
        passMetadata: { ...meta, locations: many((i) => ({ name: `L${i}` })) },
        tags: many((i) => i),
      },
    });
    expect(kept.status).toBe(201);
    const created = WalletPassSchema.parse(await kept.json());
    expect(created.passMetadata?.locations).toEqual([]);
    expect((created as Record<string, unknown>).tags).toHaveLength(10_000);
    // Location lists filtered by many ids (as many as fit in a URL).
    const ids = Array.from({ length: 200 }, () => crypto.randomUUID()).join(',');
    for (const path of [
      `/v1/wallet-pass?ids=${ids}`,
      `/v1/wallet-pass-location?ids=${ids}`,
      `/v1/wallet-pass-location?passSerialNumbers=${ids}`,
    ]) {
      const res = await sandbox.api('GET', path);
      expect(res.status, path).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items, path).toEqual([]);
    }
    await expectStillServing();
  });

  it('bodies near the 1 MB limit are judged on their content; over it, 413 and the server goes on', async () => {
    const room = MAX_JSON_BODY_BYTES - 2000;
    const longName = await sandbox.api('POST', '/v1/wallet-pass', {
      json: { ...validPass(), passName: 'x'.repeat(room) },
    });
    expect(longName.status).toBe(400);
    const longNote = await sandbox.api('POST', '/v1/wallet-pass', { json: { ...validPass(), note: 'n'.repeat(room) } });
    expect(longNote.status).toBe(201);
    for (const [method, path] of JSON_WRITES) {
      const text = JSON.stringify({ ...validPass(), passName: 'y'.repeat(MAX_JSON_BODY_BYTES + 1) });
      const res = await sendJson(method, path(), text);
      await expectWellFormed(res, method, `${method} over the limit`);
      expect(res.status, `${method} ${path()}`).toBe(413);
      await expectStillServing();
    }
  });

  it('prototype-pollution keys stay data (or are dropped) and pollute nothing', async () => {
    const bodies = [
      '{"__proto__":{"polluted":true},"passName":"Proto 1","passMetadata":{}}',
      '{"constructor":{"prototype":{"polluted":true}},"passName":"Proto 2","passMetadata":{}}',
      '{"passName":"Proto 3","passMetadata":{"__proto__":{"isAdmin":true},"topField":{"key":"k","__proto__":{"x":1}}}}',
      '{"passName":"Proto 4","passMetadata":{"constructor":{"prototype":{"isAdmin":true}}},"uploadInfoList":[{"fileName":"logo.png","uploadKey":"' +
        uploadKey +
        '","__proto__":{"url":"javascript:alert(1)"}}]}',
      '{"passName":"__proto__","passMetadata":{"description":"constructor"}}',
    ];
    for (const text of bodies) {
      const res = await sendJson('POST', '/v1/wallet-pass', text);
      const body = await expectWellFormed(res, 'POST', text);
      expect(res.status, text).toBe(201);
      const created = JSON.parse(body) as Record<string, unknown>;
      expect(Object.getPrototypeOf(created)).toBe(Object.prototype);
      expect(created.polluted).toBeUndefined();
      expect(body).not.toContain('javascript:');
      const read = await sandbox.api('GET', `/v1/wallet-pass/${String(created.id)}`);
      expect(read.status).toBe(200);
    }
    for (const text of [
      `{"__proto__":{"polluted":true},"name":"P","latitude":1,"longitude":1,"relevantText":"x","walletPass":{"id":"${pass.id}","__proto__":{"id":"other"}}}`,
      `{"constructor":{"prototype":{"polluted":true}},"name":"P","latitude":1,"longitude":1,"relevantText":"x","walletPass":{"id":"${pass.id}"}}`,
    ]) {
      const res = await sendJson('PUT', `/v1/wallet-pass-location/${locationId}`, text);
      await expectWellFormed(res, 'PUT', text);
      expect(res.status).toBe(200);
    }
    // Query keys too.
    expect((await sandbox.api('GET', '/v1/wallet-pass?__proto__=x&constructor=y&limit=1')).status).toBe(200);
    expectPrototypesClean();
    await expectStillServing();
  });

  it('Unicode tricks in text are stored exactly; in links they are refused', async () => {
    for (const name of [
      '\u202eevil\u202c name',
      'Zero\u200bwidth',
      'مرحبا بالعالم',
      'emoji 🎟️👩‍👩‍👧',
      'tab\there',
      'nul\u0000byte',
    ]) {
      const res = await sandbox.api('POST', '/v1/wallet-pass', { json: { ...validPass(), passName: name } });
      expect(res.status, JSON.stringify(name)).toBe(201);
      const created = WalletPassSchema.parse(await res.json());
      expect(created.passName).toBe(name);
      const read = (await (await sandbox.api('GET', `/v1/wallet-pass/${created.id}`)).json()) as WalletPass[];
      expect(read[0]?.passName).toBe(name);
    }
    // A lone surrogate is no valid text: stored as the replacement character, never a crash.
    const lone = await sendJson('POST', '/v1/wallet-pass', JSON.stringify(validPass()).replace('Fuzz', '\\ud800Fuzz'));
    expect([201, 400]).toContain(lone.status);
    await expectWellFormed(lone, 'POST', 'lone surrogate');
  });

  it('javascript: (and other script) links are refused in every link field, however disguised', async () => {
    const disguises = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'javascript:alert(1) ',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'JaVaScRiPt:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001javascript:alert(1)',
      '\u202ejavascript:alert(1)',
      '\ufeffjavascript:alert(1)',
      'javascript://example.com/%0Aalert(1)',
      'javascript:https://example.com',
      '&#106;avascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
    ];
    const fields: [string, (link: string) => Record<string, unknown>, RegExp][] = [
      [
        'back field link',
        (link) => ({ backFields: [{ key: 'b', label: 'L', value: [{ text: 'Go', link }] }] }),
        /^passMetadata\.backFields\.0\.value\.0\.link$/,
      ],
      ['user deep link', (link) => ({ userDeepLink: { appType: 'Website', inputLink: link } }), /inputLink$/],
      [
        'App Store URL',
        (link) => ({ userDeepLink: { appType: 'Mobile App', appleAppStoreUrl: link } }),
        /appleAppStoreUrl$/,
      ],
      [
        'Play Store URL',
        (link) => ({ userDeepLink: { appType: 'Mobile App', googlePlayStoreUrl: link } }),
        /googlePlayStoreUrl$/,
      ],
      ['Google web app URL', (link) => ({ appDeepLinks: { googleDeepLinkData: { webAppUrl: link } } }), /webAppUrl$/],
    ];
    const before = (await (await sandbox.api('GET', `/v1/wallet-pass/${pass.id}`)).json()) as WalletPass[];
    for (const [field, metaWith, contextKey] of fields) {
      for (const link of disguises) {
        for (const [method, path, body] of [
          ['POST', '/v1/wallet-pass', { ...validPass(), passMetadata: { description: 'x', ...metaWith(link) } }],
          ['PATCH', `/v1/wallet-pass/${pass.id}`, { passMetadata: { description: 'x', ...metaWith(link) } }],
        ] as const) {
          const res = await sandbox.api(method, path, { json: body });
          const where = `${method} ${field} ${JSON.stringify(link)}`;
          const text = await expectWellFormed(res, method, where);
          expect(res.status, where).toBe(400);
          const context = (JSON.parse(text) as { context: Record<string, string> }).context;
          expect(
            Object.keys(context).some((k) => contextKey.test(k)),
            `${where}: ${text}`,
          ).toBe(true);
        }
      }
    }
    // The pass was never changed by any of those PATCHes.
    const after = (await (await sandbox.api('GET', `/v1/wallet-pass/${pass.id}`)).json()) as WalletPass[];
    expect(after[0]?.updatedTime).toBe(before[0]?.updatedTime);
  });

  it('<script> in text fields is allowed, stored verbatim and only ever served as inert text', async () => {
    const script = '<script>alert(document.cookie)</script>';
    const res = await sandbox.api('POST', '/v1/wallet-pass', {
      json: {
        ...validPass(),
        passName: `${script} pass`,
        notificationHeader: script,
        passMetadata: {
          description: script,
          organizationName: `<img src=x onerror=alert(1)>`,
          topField: { key: 'top', label: script, value: script },
          backFields: [{ key: 'b', label: script, value: [{ text: script, link: 'https://example.com/?q=<script>' }] }],
          qrText: script,
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const created = WalletPassSchema.parse(await res.json());
    expect(created.passName).toBe(`${script} pass`);
    expect(created.passMetadata?.topField?.label).toBe(script);
    expect(created.passMetadata?.backFields?.[0]?.value?.[0]?.text).toBe(script);

    const location = await sandbox.api('POST', '/v1/wallet-pass-location', {
      json: locationBody(created.id, { name: script, relevantText: script }),
    });
    expect(location.status).toBe(201);
    expect(LocationSchema.parse(await location.json()).name).toBe(script);

    // The public pass page escapes it.
    const page = await fetch(created.passLink ?? '');
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt; pass');
    expect(html).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    await expectStillServing();
  });
});

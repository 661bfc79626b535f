/**
 * Hostile input against every sandbox endpoint and method (and routes that do not exist):
 * random and malformed bodies, queries, path ids and headers (fast-check, bounded runs). Every
 * answer is a 2xx (valid input, stored as inert text) or a 4xx with the documented error body; never a 5xx, and the server keeps serving.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocationSchema, WalletPassSchema } from '../contract/schemas';
import { KEY_ALL, WS_A, WS_B, locationBody, makePng } from './server.test-utils';
import {
  expectPrototypesClean,
  expectStillServing,
  expectWellFormed,
  fill,
  scratch,
  send,
  sendJson,
  target,
  useHostileTarget,
  validPass,
} from './hostile.test-utils';

useHostileTarget();

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
  mutatedBody(() => locationBody(target.pass.id)),
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

describe('random hostile requests (fast-check)', () => {
  it('every endpoint and method answers 2xx or a well-formed 4xx, never a 5xx', async () => {
    scratch.pass = WalletPassSchema.parse(
      await (await target.sandbox.api('POST', '/v1/wallet-pass', { json: validPass() })).json(),
    ).id;
    scratch.location =
      LocationSchema.parse(
        await (
          await target.sandbox.api('POST', '/v1/wallet-pass-location', { json: locationBody(scratch.pass) })
        ).json(),
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
      ['PATCH', () => `/v1/wallet-pass/${target.pass.id}`, patchBody, WalletPassSchema],
      ['POST', () => '/v1/wallet-pass-location', () => locationBody(target.pass.id), LocationSchema],
      [
        'PUT',
        () => `/v1/wallet-pass-location/${target.locationId}`,
        () => locationBody(target.pass.id),
        LocationSchema,
      ],
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
            await (await target.sandbox.api('DELETE', `/v1/wallet-pass-location/${id}`)).arrayBuffer();
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
            res = await target.sandbox.api('POST', '/v1/uploads', { body: form });
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

/**
 * The classic attacks one by one against the sandbox: deep nesting, huge arrays, bodies at and
 * over the limit, prototype-pollution keys, Unicode/RTL tricks, `javascript:` links in every
 * disguise and `<script>` in text. Every answer is a 2xx (valid input, stored as inert text) or a
 * 4xx with the documented error body; never a 5xx, and the server keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { LocationSchema, WalletPassSchema } from '../contract/schemas';
import type { WalletPass } from '../contract/schemas';
import { MAX_JSON_BODY_BYTES } from './app';
import { locationBody } from './server.test-utils';
import {
  expectPrototypesClean,
  expectStillServing,
  expectWellFormed,
  sendJson,
  target,
  useHostileTarget,
  validPass,
} from './hostile.test-utils';

useHostileTarget();

const JSON_WRITES = [
  ['POST', () => '/v1/wallet-pass'],
  ['PATCH', () => `/v1/wallet-pass/${target.pass.id}`],
  ['POST', () => '/v1/wallet-pass-location'],
  ['PUT', () => `/v1/wallet-pass-location/${target.locationId}`],
] as const;

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
      ['PATCH', `/v1/wallet-pass/${target.pass.id}`, () => ({ vendor: '__DEEP__' })],
      ['PATCH', `/v1/wallet-pass/${target.pass.id}`, () => ({ passMetadata: { vendor: '__DEEP__' } })],
      ['POST', '/v1/wallet-pass-location', () => ({ ...locationBody(target.pass.id), vendor: '__DEEP__' })],
      [
        'PUT',
        `/v1/wallet-pass-location/${target.locationId}`,
        () => ({ ...locationBody(target.pass.id), vendor: '__DEEP__' }),
      ],
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
    const res = await target.sandbox.api('POST', '/v1/wallet-pass', { json: { ...validPass(), vendorData: nested } });
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
      [
        'uploadInfoList',
        { ...base, uploadInfoList: many(() => ({ fileName: 'logo.png', uploadKey: target.uploadKey })) },
      ],
      ['passMetadata as array', { ...base, passMetadata: many((i) => i) }],
      ['passName as array', { ...base, passName: many(() => 'x') }],
    ] as const) {
      const res = await target.sandbox.api('POST', '/v1/wallet-pass', { json: body });
      await expectWellFormed(res, 'POST', where);
      expect(res.status, where).toBe(400);
    }
    // Echoed locations are ignored; an unknown key's array is stored like any unknown key.
    const kept = await target.sandbox.api('POST', '/v1/wallet-pass', {
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
      const res = await target.sandbox.api('GET', path);
      expect(res.status, path).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items, path).toEqual([]);
    }
    await expectStillServing();
  });

  it('bodies near the 1 MB limit are judged on their content; over it, 413 and the server goes on', async () => {
    const room = MAX_JSON_BODY_BYTES - 2000;
    const longName = await target.sandbox.api('POST', '/v1/wallet-pass', {
      json: { ...validPass(), passName: 'x'.repeat(room) },
    });
    expect(longName.status).toBe(400);
    const longNote = await target.sandbox.api('POST', '/v1/wallet-pass', {
      json: { ...validPass(), note: 'n'.repeat(room) },
    });
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
        target.uploadKey +
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
      const read = await target.sandbox.api('GET', `/v1/wallet-pass/${String(created.id)}`);
      expect(read.status).toBe(200);
    }
    for (const text of [
      `{"__proto__":{"polluted":true},"name":"P","latitude":1,"longitude":1,"relevantText":"x","walletPass":{"id":"${target.pass.id}","__proto__":{"id":"other"}}}`,
      `{"constructor":{"prototype":{"polluted":true}},"name":"P","latitude":1,"longitude":1,"relevantText":"x","walletPass":{"id":"${target.pass.id}"}}`,
    ]) {
      const res = await sendJson('PUT', `/v1/wallet-pass-location/${target.locationId}`, text);
      await expectWellFormed(res, 'PUT', text);
      expect(res.status).toBe(200);
    }
    // Query keys too.
    expect((await target.sandbox.api('GET', '/v1/wallet-pass?__proto__=x&constructor=y&limit=1')).status).toBe(200);
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
      const res = await target.sandbox.api('POST', '/v1/wallet-pass', { json: { ...validPass(), passName: name } });
      expect(res.status, JSON.stringify(name)).toBe(201);
      const created = WalletPassSchema.parse(await res.json());
      expect(created.passName).toBe(name);
      const read = (await (await target.sandbox.api('GET', `/v1/wallet-pass/${created.id}`)).json()) as WalletPass[];
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
    const before = (await (
      await target.sandbox.api('GET', `/v1/wallet-pass/${target.pass.id}`)
    ).json()) as WalletPass[];
    for (const [field, metaWith, contextKey] of fields) {
      for (const link of disguises) {
        for (const [method, path, body] of [
          ['POST', '/v1/wallet-pass', { ...validPass(), passMetadata: { description: 'x', ...metaWith(link) } }],
          ['PATCH', `/v1/wallet-pass/${target.pass.id}`, { passMetadata: { description: 'x', ...metaWith(link) } }],
        ] as const) {
          const res = await target.sandbox.api(method, path, { json: body });
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
    const after = (await (await target.sandbox.api('GET', `/v1/wallet-pass/${target.pass.id}`)).json()) as WalletPass[];
    expect(after[0]?.updatedTime).toBe(before[0]?.updatedTime);
  });

  it('<script> in text fields is allowed, stored verbatim and only ever served as inert text', async () => {
    const script = '<script>alert(document.cookie)</script>';
    const res = await target.sandbox.api('POST', '/v1/wallet-pass', {
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

    const location = await target.sandbox.api('POST', '/v1/wallet-pass-location', {
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

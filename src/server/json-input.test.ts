/**
 * Text is never silently rewritten: bytes that are not UTF-8, lone surrogates and numbers that
 * overflow to Infinity (stored as null) are refused with 400 at their field path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, WalletPassSchema } from '../contract/schemas';
import { passBody, startSandbox } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

function send(method: string, path: string, body: string | Uint8Array<ArrayBuffer>) {
  return sandbox.api(method, path, { body, headers: { 'content-type': 'application/json' } });
}

async function expectRefusedAt(res: Response, paths: string[]) {
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const body = ApiErrorBodySchema.parse(JSON.parse(text));
  expect(body.errorCode).toBe('INVALID_INPUT');
  expect(Object.keys(body.context ?? {}).sort()).toEqual([...paths].sort());
}

/** The JSON text of a pass body with `marker` replaced by raw bytes. */
function withBytes(json: string, marker: string, bytes: number[]): Uint8Array<ArrayBuffer> {
  const [before, after] = json.split(marker) as [string, string];
  const utf8 = new TextEncoder();
  return Uint8Array.from([...utf8.encode(before), ...bytes, ...utf8.encode(after)]);
}

describe('JSON text is stored exactly as sent, or refused', () => {
  it('refuses invalid UTF-8 at its field path (a lone continuation byte, an overlong form, a cut sequence)', async () => {
    for (const bytes of [[0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xff]]) {
      const json = JSON.stringify(passBody({ passName: 'Caf@@' }));
      await expectRefusedAt(await send('POST', '/v1/wallet-pass', withBytes(json, '@@', bytes)), ['passName']);
    }
    const nested = JSON.stringify(passBody({ passMetadata: { description: 'x@@y', organizationName: 'Co' } }));
    await expectRefusedAt(await send('POST', '/v1/wallet-pass', withBytes(nested, '@@', [0xed, 0xa0, 0x80])), [
      'passMetadata.description',
    ]);
  });

  it('refuses lone surrogates instead of turning distinct names into one', async () => {
    const created = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody() });
    const pass = WalletPassSchema.parse(await created.json());
    for (const escape of ['\\ud800', '\\udfff', '\\ud83d']) {
      const json = JSON.stringify(passBody({ passName: 'Name @@' })).replace('@@', escape);
      await expectRefusedAt(await send('POST', '/v1/wallet-pass', json), ['passName']);
      const patch = `{"passMetadata":{"backFields":[{"key":"k","label":"L","value":[{"text":"a${escape}"}]}]}}`;
      await expectRefusedAt(await send('PATCH', `/v1/wallet-pass/${pass.id}`, patch), [
        'passMetadata.backFields.0.value.0.text',
      ]);
    }
    // In a key too.
    await expectRefusedAt(
      await send('POST', '/v1/wallet-pass', JSON.stringify(passBody()).replace(/}$/, ',"odd\\udc00key":1}')),
      ['odd\udc00key'],
    );
    // A well-formed pair, escaped or not, is text like any other.
    const emoji = await send(
      'POST',
      '/v1/wallet-pass',
      JSON.stringify(passBody({ passName: 'Smile @@ 😀' })).replace('@@', '\\ud83d\\ude00'),
    );
    expect(emoji.status).toBe(201);
    expect(WalletPassSchema.parse(await emoji.json()).passName).toBe('Smile 😀 😀');
  });

  it('refuses numbers that overflow to Infinity, in known and unknown keys', async () => {
    const json = JSON.stringify(passBody({ extra: { big: 0, list: [1, 0] } }))
      .replace('"big":0', '"big":1e309')
      .replace('[1,0]', '[1,-1e400]');
    await expectRefusedAt(await send('POST', '/v1/wallet-pass', json), ['extra.big', 'extra.list.1']);
    const location = `{"name":"Shop","latitude":1e999,"longitude":2,"walletPass":{"id":"x"}}`;
    await expectRefusedAt(await send('POST', '/v1/wallet-pass-location', location), ['latitude']);
    // Large but finite numbers are kept.
    const fine = await send('POST', '/v1/wallet-pass', JSON.stringify(passBody({ extra: 1e308 })));
    expect(fine.status).toBe(201);
    expect(((await fine.json()) as { extra: number }).extra).toBe(1e308);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issuesToContext } from './errors';
import {
  ApiErrorBodySchema,
  WalletPassDetailResponseSchema,
  WalletPassPageSchema,
  WalletPassSchema,
  uploadKeyOf,
} from './schemas';
import {
  BackFieldLinkInputSchema,
  CreateLocationRequestSchema,
  CreatePassRequestSchema,
  PassMetadataInputSchema,
  UpdatePassRequestSchema,
  UploadInfoInputSchema,
} from './input-schemas';

// A copy of the reference's example-pass.json, kept in the repo so the suite runs anywhere.
const examplePath = fileURLToPath(new URL('../testing/example-pass.json', import.meta.url));
const examplePass: unknown = JSON.parse(readFileSync(examplePath, 'utf8'));

/** Adds an unknown key to every object in a JSON value, so a lossy schema shows up. */
function withUnknownKeysEverywhere(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => withUnknownKeysEverywhere(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withUnknownKeysEverywhere(v, depth + 1);
    out[`x_future_${depth}`] = { nested: [1, 'two', { three: true }], at: depth };
    return out;
  }
  return value;
}

describe('WalletPassSchema', () => {
  it('parses the documented example pass', () => {
    const result = WalletPassSchema.safeParse(examplePass);
    expect(result.success).toBe(true);
    expect(result.data?.passMetadata?.backFields?.[1]?.value?.[0]?.shortLinkValue).toBe('https://bb.example/i3Lp8');
  });

  it('keeps unknown keys at every level through parse and serialise', () => {
    const decorated = withUnknownKeysEverywhere(examplePass);
    const parsed = WalletPassSchema.parse(decorated);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(decorated);
    // The same holds for the strict request reading of the same document.
    const strict = UpdatePassRequestSchema.parse(decorated);
    expect(JSON.parse(JSON.stringify(strict))).toEqual(decorated);
  });

  it('reads a pass that breaks our rules without failing (tolerant responses)', () => {
    const odd = {
      id: 'p1',
      passName: 'Odd',
      status: 'Archived',
      passMetadata: {
        backgroundColor: 'rgb(1, 2, 3)',
        topField: { key: 'k', label: null, value: 'v', changeMessage: null },
        backFields: [{ key: 'b', value: [{ text: 'bad', link: 'javascript:alert(1)' }] }],
        locations: [{ id: 'l1', latitude: 200, longitude: -500 }],
      },
    };
    expect(WalletPassSchema.safeParse(odd).success).toBe(true);
  });

  it('reads the detail quirk: GET by id answers an array', () => {
    expect(WalletPassDetailResponseSchema.parse([examplePass])).toHaveLength(1);
  });

  it('reads the paged envelope with a cursor and hasMore false', () => {
    const page = WalletPassPageSchema.parse({ items: [examplePass], cursor: 'abc', hasMore: false });
    expect(page.hasMore).toBe(false);
  });
});

describe('request schemas (strict)', () => {
  const validMeta = (examplePass as { passMetadata: unknown }).passMetadata;

  it('accept the example pass as a create body', () => {
    expect(CreatePassRequestSchema.safeParse(examplePass).success).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
    ['https://example.com/x', true],
    ['http://example.com', true],
    ['mailto:hello@example.com', true],
    ['tel:+15035550142', true],
  ])('back-field link %j allowed: %s', (link, allowed) => {
    expect(BackFieldLinkInputSchema.safeParse({ text: 'Link', link }).success).toBe(allowed);
  });

  it('refuses colours that are not #RRGGBB and accepts any case', () => {
    const ok = PassMetadataInputSchema.safeParse({ backgroundColor: '#4a32A8', displayTextColor: '' });
    expect(ok.success).toBe(true);
    for (const bad of ['red', '#FFF', 'rgb(1,2,3)', '#GGGGGG', '123456']) {
      const r = PassMetadataInputSchema.safeParse({ backgroundColor: bad });
      expect(r.success, bad).toBe(false);
      expect(issuesToContext(r.error?.issues ?? [])).toHaveProperty('backgroundColor');
    }
  });

  it('bounds latitude and longitude', () => {
    const base = { name: 'Shop', relevantText: 'Near', walletPass: { id: 'p1' } };
    expect(CreateLocationRequestSchema.safeParse({ ...base, latitude: 90, longitude: -180 }).success).toBe(true);
    const bad = CreateLocationRequestSchema.safeParse({ ...base, latitude: 90.01, longitude: 181 });
    expect(issuesToContext(bad.error?.issues ?? [])).toEqual({
      latitude: 'Latitude must be between -90 and 90',
      longitude: 'Longitude must be between -180 and 180',
    });
  });

  it('requires the pass of a new location', () => {
    const r = CreateLocationRequestSchema.safeParse({ name: 'Shop', relevantText: 'x', latitude: 1, longitude: 2 });
    expect(issuesToContext(r.error?.issues ?? [])).toHaveProperty('walletPass');
  });

  it('reports one context entry per offending field path', () => {
    const r = CreatePassRequestSchema.safeParse({
      passName: '',
      passMetadata: {
        ...(validMeta as object),
        secondaryFields: [{ key: 'tier' }, { key: 'tier' }],
        backFields: [{ key: 'x', value: [{ text: 'ok', link: 'javascript:1' }] }],
      },
    });
    const context = issuesToContext(r.error?.issues ?? []);
    expect(context).toMatchObject({
      passName: 'Pass name is required',
      'passMetadata.secondaryFields.1.key': 'The key "tier" is already used in this pass',
      'passMetadata.backFields.0.value.0.link': 'Use an https:, http:, mailto: or tel: link',
    });
  });

  it('accepts uploadKey or fileKey and refuses neither', () => {
    expect(UploadInfoInputSchema.safeParse({ fileName: 'logo.png', uploadKey: 'a-1' }).success).toBe(true);
    expect(UploadInfoInputSchema.safeParse({ fileName: 'logo.png', fileKey: 'a-1' }).success).toBe(true);
    expect(UploadInfoInputSchema.safeParse({ fileName: 'logo.png' }).success).toBe(false);
    expect(UploadInfoInputSchema.safeParse({ fileName: 'hero.png', uploadKey: 'a' }).success).toBe(false);
    expect(uploadKeyOf({ fileName: 'logo.png', fileKey: 'k2' })).toBe('k2');
  });

  it('applies the deep link rules', () => {
    const meta = (appDeepLinks: unknown) => PassMetadataInputSchema.safeParse({ appDeepLinks });
    expect(meta({ appleDeepLinkData: { appStoreId: '', launchUrl: 'app://x' } }).success).toBe(false);
    expect(meta({ appleDeepLinkData: { appStoreId: '12a', launchUrl: '' } }).success).toBe(false);
    expect(meta({ googleDeepLinkData: { androidPackageName: 'nodots' } }).success).toBe(false);
    expect(meta({ googleDeepLinkData: { webAppUrl: 'http://insecure.example' } }).success).toBe(false);
    expect(meta({ googleDeepLinkData: { displayText: 'x'.repeat(31) } }).success).toBe(false);
    expect(
      meta({
        appleDeepLinkData: { appStoreId: '123', launchUrl: 'app://x' },
        googleDeepLinkData: {
          androidPackageName: 'com.example.app',
          webAppUrl: 'https://e.example',
          displayText: 'Open',
        },
      }).success,
    ).toBe(true);
  });
});

describe('ApiErrorBodySchema', () => {
  it('reads the documented error body', () => {
    const body = ApiErrorBodySchema.parse({
      txId: 'Root=1-68d3693c-abc',
      timestamp: '24-09-2025 03:57:59',
      errorCode: 'INVALID_INPUT',
      context: { passName: 'must not be null' },
    });
    expect(body.context).toEqual({ passName: 'must not be null' });
  });
});

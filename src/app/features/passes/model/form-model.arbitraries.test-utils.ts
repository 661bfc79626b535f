/**
 * Generators of stored passes for the form model's property tests: random unknown keys at every
 * level (as a future API might send), random valid values, and optional values that are null or
 * missing altogether.
 */
import fc from 'fast-check';
import { PASS_IMAGE_NAMES, USER_DEEP_LINK_APP_TYPES } from '../../../../contract/rules';
import { type WalletPass, WalletPassSchema } from '../../../../contract/schemas';

// ---------------------------------------------------------------------------------------------
// Generators

/** Unknown keys: prefixed so they never collide with a key the contract knows. */
const extraKey = fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme-ascii' }).map((s) => `x_${s}`);
const extraValue = fc.oneof(
  // A "__proto__" key inside an unknown value is out of scope: the contract's parser drops it too.
  fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }).filter((v) => !JSON.stringify(v).includes('"__proto__"')),
  fc.constantFrom(null, '', [], {}, 0, false, '\u202Eevil', '<script>alert(1)</script>'),
);
const extras = fc.dictionary(extraKey, extraValue, { maxKeys: 3 });

/** A known shape (every key optional: absent, or present with a value) plus unknown keys. */
function loose<T extends Record<string, fc.Arbitrary<unknown>>>(
  known: T,
  requiredKeys: (keyof T)[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(extras, fc.record(known, { requiredKeys: requiredKeys as never }))
    .map(([unknown, knownValues]) => ({ ...unknown, ...(knownValues as Record<string, unknown>) }));
}

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const unicodeText = fc.string({ maxLength: 24, unit: 'grapheme' });
const text = nullable(unicodeText);
const fieldKey = nullable(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/));
const hexColor = fc
  .array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: 6, maxLength: 6 })
  .map((d) => `#${d.join('')}`);
const id = fc.stringMatching(/^[a-zA-Z0-9_-]{1,16}$/);
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
const timestamp = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((t) => new Date(t).toISOString());
const link = fc.oneof(
  fc.webUrl({ validSchemes: ['https'] }),
  fc.emailAddress().map((e) => `mailto:${e}`),
  fc.stringMatching(/^\+?[0-9]{6,12}$/).map((n) => `tel:${n}`),
);
const count = nullable(fc.nat({ max: 100_000 }));

const passField = loose({ key: fieldKey, label: text, value: text, changeMessage: text });

const backFieldLink = loose(
  {
    text: unicodeText.filter((s) => s.trim().length > 0),
    link,
    slug: text,
    shortLinkValue: nullable(fc.webUrl()),
    shortLinkId: nullable(id),
    utmSource: text,
  },
  ['text', 'link'],
);

const backField = loose({
  key: fieldKey,
  label: text,
  value: nullable(fc.array(backFieldLink, { maxLength: 3 })),
  changeMessage: text,
});

const location = loose(
  {
    id,
    createdTime: timestamp,
    updatedTime: timestamp,
    workspaceId: id,
    name: unicodeText,
    enabled: fc.boolean(),
    latitude: fc.double({ min: -90, max: 90, noNaN: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    altitude: nullable(fc.double({ min: -100, max: 9000, noNaN: true })),
    relevantText: unicodeText,
    walletPass: loose({ id }, ['id']),
  },
  ['id', 'name', 'latitude', 'longitude', 'relevantText'],
);

const appDeepLinks = loose({
  appleDeepLinkData: nullable(
    loose({ appStoreId: nullable(fc.stringMatching(/^[0-9]{1,10}$/)), launchUrl: nullable(fc.webUrl()) }),
  ),
  googleDeepLinkData: nullable(
    loose({
      androidPackageName: nullable(fc.constantFrom('com.example.app', 'org.test.wallet_app')),
      webAppUrl: nullable(fc.webUrl({ validSchemes: ['https'] })),
      displayText: nullable(fc.string({ maxLength: 30, unit: 'grapheme' })),
    }),
  ),
});

const userDeepLink = loose({
  appType: nullable(fc.constantFrom(...USER_DEEP_LINK_APP_TYPES)),
  inputLink: nullable(fc.webUrl()),
  appleAppStoreUrl: nullable(fc.webUrl()),
  launchUrl: nullable(fc.webUrl()),
  googlePlayStoreUrl: nullable(fc.webUrl()),
});

const passMetadata = loose({
  description: text,
  organizationName: text,
  backgroundColor: nullable(hexColor),
  displayTextColor: nullable(hexColor),
  topField: nullable(passField),
  secondaryFields: nullable(fc.array(passField, { maxLength: 4 })),
  backFields: nullable(fc.array(backField, { maxLength: 3 })),
  qrUrl: nullable(fc.webUrl()),
  qrText: text,
  locations: nullable(fc.array(location, { maxLength: 2 })),
  appDeepLinks: nullable(appDeepLinks),
  userDeepLink: nullable(userDeepLink),
});

/** Each image at most once; `uploadKey` or `fileKey` (or both) names it, as the API requires. */
const uploadInfo = fc
  .tuple(
    loose({ fileName: fc.constantFrom(...PASS_IMAGE_NAMES, 'thumbnail.png'), url: nullable(fc.webUrl()) }, [
      'fileName',
    ]),
    fc.constantFrom('uploadKey', 'fileKey', 'both', 'uploadKey+nullFileKey', 'fileKey+nullUploadKey'),
    id,
    id,
  )
  .map(([info, naming, a, b]) => {
    const out: Record<string, unknown> = { ...info };
    if (naming === 'uploadKey') out.uploadKey = a;
    if (naming === 'fileKey') out.fileKey = b;
    if (naming === 'both') Object.assign(out, { uploadKey: a, fileKey: b });
    if (naming === 'uploadKey+nullFileKey') Object.assign(out, { uploadKey: a, fileKey: null });
    if (naming === 'fileKey+nullUploadKey') Object.assign(out, { uploadKey: null, fileKey: b });
    return out;
  });

const account = loose({
  id,
  createdTime: timestamp,
  name: text,
  clientContact: text,
  clientContactDetails: text,
});

const imageList = fc.uniqueArray(uploadInfo, { selector: (i) => i.fileName, maxLength: 5 });

/**
 * A stored pass. `uploadInfoList: null` is left out of the main properties (see the known bug
 * below); everything else optional may be absent, null or set.
 */
export const passArb = ({ nullUploadInfoList }: { nullUploadInfoList: boolean }): fc.Arbitrary<WalletPass> =>
  loose(
    {
      id,
      createdTime: timestamp,
      updatedTime: timestamp,
      createdBy: nullable(id),
      updatedBy: nullable(id),
      workspaceId: id,
      accountId: nullable(id),
      passName: unicodeText.filter((s) => s.trim().length > 0),
      status: fc.constantFrom('Draft', 'Published'),
      passMetadata: nullable(passMetadata),
      uploadInfoList: nullUploadInfoList ? nullable(imageList) : imageList,
      passLink: nullable(fc.webUrl()),
      passLinkSlug: nullable(slug),
      googlePassLink: nullable(fc.webUrl()),
      notificationHeader: text,
      account: nullable(account),
      appleIssuedCount: count,
      googleIssuedCount: count,
      totalIssuedCount: count,
      appleActiveCount: count,
      googleActiveCount: count,
      totalActiveCount: count,
    },
    ['id', 'passName'],
  ).map((raw) => WalletPassSchema.parse(raw));

export const storedPass = passArb({ nullUploadInfoList: false });

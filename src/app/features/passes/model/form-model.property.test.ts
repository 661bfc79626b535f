/**
 * Property: load → form values → save payload changes nothing the user did not change.
 *
 * Passes are generated with random unknown keys at every level (as a future API might send),
 * random valid values, and optional values that are null or missing altogether. The payload must
 * equal the stored pass's editable document, on the wire (as JSON), except for the edited path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASS_IMAGE_NAMES, USER_DEEP_LINK_APP_TYPES } from '../../../../contract/rules';
import { type WalletPass, WalletPassSchema } from '../../../../contract/schemas';
import { editableDocument } from './pass-document';
import { type PassFormValues, toFormValues, toSaveDocument } from './form-model';

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
const passArb = ({ nullUploadInfoList }: { nullUploadInfoList: boolean }): fc.Arbitrary<WalletPass> =>
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

const storedPass = passArb({ nullUploadInfoList: false });

// ---------------------------------------------------------------------------------------------
// What the mounted form does to the values before the user touches anything

type InputReading = 'none' | 'undefined-as-empty' | 'null-and-undefined-as-empty';

/**
 * A registered text input whose value is undefined hands "" back to the form (react-hook-form
 * reads the DOM's value); 'null-and-undefined-as-empty' is the harsher reading where null also
 * comes back as "". A select reads "" as null. Intermediate objects are created as the form does.
 */
function readInputs(values: PassFormValues, reading: InputReading): PassFormValues {
  if (reading === 'none') return values;
  const form = structuredClone(values) as unknown as Record<string, unknown>;
  const emptyish = (v: unknown) => v === undefined || (reading === 'null-and-undefined-as-empty' && v === null);
  const read = (path: string, empty: '' | null = '') => {
    const parts = path.split('.');
    let node = form;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === null || typeof next !== 'object') node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const last = parts.at(-1)!;
    if (empty === null ? node[last] === undefined || node[last] === '' : emptyish(node[last])) node[last] = empty;
  };
  for (const path of ['passName', 'notificationHeader', 'passLinkSlug']) read(path);
  for (const key of ['organizationName', 'description', 'backgroundColor', 'displayTextColor', 'qrUrl', 'qrText']) {
    read(`passMetadata.${key}`);
  }
  for (const key of ['label', 'value', 'key', 'changeMessage']) read(`passMetadata.topField.${key}`);
  values.passMetadata.secondaryFields?.forEach((_, i) => {
    for (const key of ['label', 'value', 'key', 'changeMessage']) read(`passMetadata.secondaryFields.${i}.${key}`);
  });
  values.passMetadata.backFields?.forEach((field, i) => {
    for (const key of ['label', 'key', 'changeMessage']) read(`passMetadata.backFields.${i}.${key}`);
    field.value?.forEach((_, j) => {
      read(`passMetadata.backFields.${i}.value.${j}.text`);
      read(`passMetadata.backFields.${i}.value.${j}.link`);
    });
  });
  for (const key of ['appStoreId', 'launchUrl']) read(`passMetadata.appDeepLinks.appleDeepLinkData.${key}`);
  for (const key of ['androidPackageName', 'webAppUrl', 'displayText']) {
    read(`passMetadata.appDeepLinks.googleDeepLinkData.${key}`);
  }
  read('passMetadata.userDeepLink.appType', null);
  const appType = (form.passMetadata as PassFormValues['passMetadata']).userDeepLink?.appType;
  if (appType) {
    const inputs = appType === 'Mobile App' ? ['appleAppStoreUrl', 'googlePlayStoreUrl', 'launchUrl'] : ['inputLink'];
    for (const key of inputs) read(`passMetadata.userDeepLink.${key}`);
  }
  return form as unknown as PassFormValues;
}

// ---------------------------------------------------------------------------------------------
// User edits, each with the change it must make to the stored document (and nothing else)

type Doc = Record<string, unknown> & { passMetadata?: Record<string, unknown> | null };

interface Edit {
  describe: string;
  apply(values: PassFormValues): void;
  expect(document: Doc): void;
}

const editValue = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((s) => s.trim() !== '');

function editsFor(pass: WalletPass): fc.Arbitrary<Edit | null>[] {
  const meta = pass.passMetadata;
  const arbs: fc.Arbitrary<Edit | null>[] = [
    fc.constant(null),
    editValue.map((name) => ({
      describe: `passName = ${JSON.stringify(name)}`,
      apply: (v) => void (v.passName = name),
      expect: (d) => void (d.passName = name),
    })),
  ];
  if (meta?.topField) {
    arbs.push(
      editValue.map((value) => ({
        describe: `topField.value = ${JSON.stringify(value)}`,
        apply: (v) => void (v.passMetadata.topField!.value = value),
        expect: (d) => void ((d.passMetadata!.topField as Record<string, unknown>).value = value),
      })),
    );
  }
  const secondary = meta?.secondaryFields ?? [];
  if (secondary.length > 0) {
    arbs.push(
      fc.tuple(fc.nat({ max: secondary.length - 1 }), editValue).map(([index, label]) => ({
        describe: `secondaryFields[${index}].label = ${JSON.stringify(label)}`,
        apply: (v) => void (v.passMetadata.secondaryFields![index]!.label = label),
        expect: (d) => {
          const fields = d.passMetadata!.secondaryFields as Record<string, unknown>[];
          fields[index]!.label = label;
        },
      })),
    );
  }
  const backLinks = (meta?.backFields ?? []).flatMap((field, i) => (field.value ?? []).map((_, j) => [i, j] as const));
  if (backLinks.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...backLinks), editValue).map(([[i, j], value]) => ({
        describe: `backFields[${i}].value[${j}].text = ${JSON.stringify(value)}`,
        apply: (v) => void (v.passMetadata.backFields![i]!.value![j]!.text = value),
        expect: (d) => {
          const fields = d.passMetadata!.backFields as { value: Record<string, unknown>[] }[];
          fields[i]!.value[j]!.text = value;
        },
      })),
    );
  }
  return arbs;
}

type Rows = 'secondaryFields' | 'backFields' | { backField: number };

function rowsOf(metadata: Record<string, unknown>, rows: Rows): { get(): unknown[]; set(list: unknown[]): void } {
  if (typeof rows === 'string') {
    return { get: () => metadata[rows] as unknown[], set: (list) => void (metadata[rows] = list) };
  }
  const field = () => (metadata.backFields as { value: unknown[] }[])[rows.backField]!;
  return { get: () => field().value, set: (list) => void (field().value = list) };
}

/** Keeps the rows at `order` (old indexes, in their new order): a move, a removal, or both. */
function moveRows(rows: Rows, order: number[]): Edit {
  const reorder = (metadata: Record<string, unknown>) => {
    const list = rowsOf(metadata, rows);
    const before = list.get();
    list.set(order.map((from) => before[from]));
  };
  return {
    describe: `${JSON.stringify(rows)} → rows ${JSON.stringify(order)}`,
    apply: (v) => reorder(v.passMetadata as Record<string, unknown>),
    expect: (d) => reorder(d.passMetadata!),
  };
}

/**
 * Moving or removing rows (secondary fields, back fields, a back field's links) moves whole rows:
 * unknown keys, nulls and absent keys go with them.
 */
function moveOrRemoveFor(pass: WalletPass): fc.Arbitrary<Edit> | null {
  const meta = pass.passMetadata;
  const targets: { rows: Rows; length: number }[] = [
    { rows: 'secondaryFields' as const, length: meta?.secondaryFields?.length ?? 0 },
    { rows: 'backFields' as const, length: meta?.backFields?.length ?? 0 },
    ...(meta?.backFields ?? []).map((field, i) => ({ rows: { backField: i }, length: field.value?.length ?? 0 })),
  ].filter((t) => t.length >= 2);
  if (targets.length === 0) return null;
  return fc.constantFrom(...targets).chain(({ rows, length }) =>
    fc
      .shuffledSubarray(
        Array.from({ length }, (_, i) => i),
        { minLength: 1 },
      )
      .filter((order) => order.length < length || order.some((from, to) => from !== to))
      .map((order) => moveRows(rows, order)),
  );
}

/** What the API receives: the payload as JSON. */
const onTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const readings = fc.constantFrom<InputReading>('none', 'undefined-as-empty', 'null-and-undefined-as-empty');

describe('form model round trip (property)', () => {
  it('saves exactly the stored editable document when nothing was edited', () => {
    fc.assert(
      fc.property(storedPass, readings, (pass, reading) => {
        const values = readInputs(toFormValues(pass), reading);
        expect(onTheWire(toSaveDocument(pass, values))).toEqual(onTheWire(editableDocument(pass)));
      }),
      { numRuns: 200 },
    );
  });

  it('changes only the path the user edited', () => {
    const passWithEdit = storedPass.chain((pass) => fc.tuple(fc.constant(pass), fc.oneof(...editsFor(pass)), readings));
    fc.assert(
      fc.property(passWithEdit, ([pass, edit, reading]) => {
        const values = readInputs(toFormValues(pass), reading);
        edit?.apply(values);
        const expected = structuredClone(editableDocument(pass)) as Doc;
        edit?.expect(expected);
        expect(onTheWire(toSaveDocument(pass, values)), edit?.describe ?? 'no edit').toEqual(onTheWire(expected));
      }),
      { numRuns: 200 },
    );
  });

  /**
   * Known bug: `restoreUntouched` (form-model.ts) matches list items by index, so a row moved
   * or removed is compared with the stored row that used to be at its new index. A moved row
   * then loses unknown keys whose value is "", null or [] and optional keys that are null, or
   * gains "" for keys it never had. `it.fails` turns red once that is fixed: make it `it` then.
   */
  it('keeps every key of a row when rows are moved or removed', () => {
    const passWithMove = storedPass
      .filter((pass) => moveOrRemoveFor(pass) !== null)
      .chain((pass) => fc.tuple(fc.constant(pass), moveOrRemoveFor(pass)!, readings));
    const moved = WalletPassSchema.parse({
      id: 'p1',
      passName: 'Moved',
      passMetadata: {
        secondaryFields: [
          { key: 'a', label: 'A', value: '1', changeMessage: null, x_note: '' },
          { key: 'b', label: 'B', value: '2', changeMessage: 'Now %@' },
        ],
      },
    });
    fc.assert(
      fc.property(passWithMove, ([pass, edit, reading]) => {
        const values = readInputs(toFormValues(pass), reading);
        edit.apply(values);
        const expected = structuredClone(editableDocument(pass)) as Doc;
        edit.expect(expected);
        expect(onTheWire(toSaveDocument(pass, values)), edit.describe).toEqual(onTheWire(expected));
      }),
      // Swapping the two fields saves field "a" without `changeMessage: null` and `x_note: ""`.
      {
        numRuns: 200,
        examples: [[[moved, moveRows('secondaryFields', [1, 0]), 'none']]],
      },
    );
  });

  /** Known bug: `uploadInfoList` (form-model.ts) answers [] for a stored `uploadInfoList: null`. */
  it('keeps a stored uploadInfoList: null as null', () => {
    const pass = WalletPassSchema.parse({ id: 'p2', passName: 'No images', uploadInfoList: null });
    expect(onTheWire(toSaveDocument(pass, toFormValues(pass)))).toEqual(onTheWire(editableDocument(pass)));
    fc.assert(
      fc.property(passArb({ nullUploadInfoList: true }), readings, (stored, reading) => {
        const values = readInputs(toFormValues(stored), reading);
        expect(onTheWire(toSaveDocument(stored, values))).toEqual(onTheWire(editableDocument(stored)));
      }),
      { numRuns: 200 },
    );
  });

  it('does not change the stored pass or its form values while building the payload', () => {
    fc.assert(
      fc.property(storedPass, readings, (pass, reading) => {
        const before = structuredClone(pass);
        const values = readInputs(toFormValues(pass), reading);
        const valuesBefore = structuredClone(values);
        toSaveDocument(pass, values);
        expect(pass).toEqual(before);
        expect(values).toEqual(valuesBefore);
      }),
      { numRuns: 100 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type WalletPass, WalletPassSchema } from '../../../../contract/schemas';
import example from '../../../../testing/example-pass.json';
import { buildPass } from '../../../../testing/factories';
import { editableDocument } from './pass-document';
import {
  type PassFormValues,
  countDirty,
  diffLocations,
  restoreUntouched,
  toFormValues,
  toSaveDocument,
} from './form-model';

/** Adds an unknown key to every object in a JSON value, as a future API might. */
function withUnknownKeysEverywhere(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => withUnknownKeysEverywhere(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withUnknownKeysEverywhere(v, depth + 1);
    out[`x_future_${depth}`] = { nested: [1, 'two', { three: true }], empty: null, at: depth };
    return out;
  }
  return value;
}

const examplePass = (): WalletPass => WalletPassSchema.parse(structuredClone(example));
const exampleWithUnknownKeys = (): WalletPass => WalletPassSchema.parse(withUnknownKeysEverywhere(example));

/**
 * What the form holds once its inputs have read the values: a text input shows null and
 * undefined as "" and hands "" back. Applied to every string-or-empty leaf the sections render.
 */
function asInputsReadThem(values: PassFormValues): PassFormValues {
  const read = structuredClone(values);
  const meta = read.passMetadata as Record<string, unknown>;
  for (const key of ['description', 'organizationName', 'backgroundColor', 'displayTextColor', 'qrUrl', 'qrText']) {
    meta[key] ??= '';
  }
  read.passMetadata.topField = {
    ...read.passMetadata.topField,
    label: read.passMetadata.topField?.label ?? '',
    value: read.passMetadata.topField?.value ?? '',
    key: read.passMetadata.topField?.key ?? '',
    changeMessage: read.passMetadata.topField?.changeMessage ?? '',
  };
  for (const field of [...(read.passMetadata.secondaryFields ?? []), ...(read.passMetadata.backFields ?? [])]) {
    field.label ??= '';
    field.key ??= '';
    field.changeMessage ??= '';
  }
  const links = read.passMetadata.appDeepLinks ?? {};
  read.passMetadata.appDeepLinks = {
    ...links,
    appleDeepLinkData: { appStoreId: '', launchUrl: '', ...links.appleDeepLinkData },
    googleDeepLinkData: { androidPackageName: '', webAppUrl: '', displayText: '', ...links.googleDeepLinkData },
  };
  read.passMetadata.userDeepLink = { appType: null, ...read.passMetadata.userDeepLink };
  read.notificationHeader ??= '';
  read.passLinkSlug ??= '';
  return read;
}

describe('toFormValues → toSaveDocument', () => {
  it('gives back the editable document of the example pass when nothing was edited', () => {
    const pass = examplePass();
    expect(toSaveDocument(pass, toFormValues(pass))).toEqual(editableDocument(pass));
    expect(toSaveDocument(pass, asInputsReadThem(toFormValues(pass)))).toEqual(editableDocument(pass));
  });

  it('keeps unknown keys at every level', () => {
    const pass = exampleWithUnknownKeys();
    const document = toSaveDocument(pass, asInputsReadThem(toFormValues(pass)));
    expect(document).toEqual(editableDocument(pass));
    expect(document).toHaveProperty('x_future_0.at', 0);
    expect(document).toHaveProperty('passMetadata.x_future_1.at', 1);
    expect(document).toHaveProperty('passMetadata.backFields.0.value.0.x_future_5.nested', [1, 'two', { three: true }]);
    expect(document).toHaveProperty('passMetadata.appDeepLinks.appleDeepLinkData.x_future_3.at', 3);
    expect(document).toHaveProperty('uploadInfoList.0.x_future_2.at', 2);
    expect(document).not.toHaveProperty('uploadInfoList.0.url');
  });

  it('keeps stored nulls as null, and absent keys absent, when inputs read them as ""', () => {
    const { passLinkSlug: _slug, ...base } = examplePass();
    const pass = WalletPassSchema.parse({
      ...base,
      notificationHeader: null,
      passMetadata: {
        description: null,
        organizationName: 'Bean & Bloom',
        topField: { key: 'beans', label: null, value: '7' },
        secondaryFields: [{ key: 'tier', label: 'Tier', value: null, changeMessage: null }],
        backFields: [{ key: 'terms', label: 'Terms', value: null }],
        qrUrl: null,
      },
    });
    const values = asInputsReadThem(toFormValues(pass));
    expect(values.notificationHeader).toBe('');
    // Inputs a pass does not fill are bound to null (never undefined), so the form starts clean.
    expect(values.passMetadata.appDeepLinks?.appleDeepLinkData?.appStoreId).toBeNull();

    const document = toSaveDocument(pass, values);
    expect(document).toEqual(editableDocument(pass));
    expect(document.notificationHeader).toBeNull();
    expect(document).not.toHaveProperty('passLinkSlug');
    expect(document.passMetadata?.backFields?.[0]?.value).toBeNull();
    // Inputs for deep links exist on screen, but the pass had none: nothing is added.
    expect(document.passMetadata).not.toHaveProperty('appDeepLinks');
    expect(document.passMetadata).not.toHaveProperty('userDeepLink');
    expect(document.passMetadata).not.toHaveProperty('backgroundColor');
  });

  it('keeps an empty list as stored: null stays null, [] stays []', () => {
    const base = buildPass();
    const pass = WalletPassSchema.parse({
      ...base,
      passMetadata: { ...base.passMetadata, secondaryFields: null, backFields: [] },
    });
    const document = toSaveDocument(pass, toFormValues(pass));
    expect(document.passMetadata?.secondaryFields).toBeNull();
    expect(document.passMetadata?.backFields).toEqual([]);
  });

  it('changes only the edited value', () => {
    const pass = exampleWithUnknownKeys();
    const values = asInputsReadThem(toFormValues(pass));
    values.passMetadata.secondaryFields![1]!.value = 'Free cinnamon bun';
    const expected = structuredClone(editableDocument(pass));
    expected.passMetadata!.secondaryFields![1]!.value = 'Free cinnamon bun';
    expect(toSaveDocument(pass, values)).toEqual(expected);
  });

  it('sends a cleared value as "" when the stored pass had one', () => {
    const pass = examplePass();
    const values = toFormValues(pass);
    values.passMetadata.qrText = '';
    values.notificationHeader = '';
    const document = toSaveDocument(pass, values);
    expect(document.passMetadata?.qrText).toBe('');
    expect(document.notificationHeader).toBe('');
  });

  it('sends a new top-level value the stored pass lacked', () => {
    const pass = buildPass();
    const values = toFormValues(pass);
    values.passLinkSlug = 'summer-card';
    expect(toSaveDocument(pass, values).passLinkSlug).toBe('summer-card');
  });

  it('sends reordered and added fields in the form order', () => {
    const pass = examplePass();
    const values = toFormValues(pass);
    const [a, b, c] = values.passMetadata.secondaryFields!;
    values.passMetadata.secondaryFields = [c!, a!, b!, { key: 'field4', label: 'New', value: '', changeMessage: '' }];
    const keys = toSaveDocument(pass, values).passMetadata?.secondaryFields?.map((f) => f.key);
    expect(keys).toEqual(['memberSince', 'tier', 'nextReward', 'field4']);
  });
});

describe('toSaveDocument images', () => {
  it('replaces an image in its stored place, without the hosted url', () => {
    const pass = examplePass();
    const values = toFormValues(pass);
    values.images.icon = { fileName: 'icon.png', uploadKey: 'new-icon', url: 'blob:test' };
    const list = toSaveDocument(pass, values).uploadInfoList;
    expect(list?.map((i) => i.fileName)).toEqual(['logo.png', 'icon.png', 'strip.png', 'footer.png']);
    expect(list?.[1]).toEqual({ fileName: 'icon.png', uploadKey: 'new-icon' });
  });

  it('drops a removed image and appends a new one', () => {
    const base = buildPass();
    const pass = WalletPassSchema.parse({
      ...base,
      uploadInfoList: [
        { fileName: 'logo.png', uploadKey: 'logo-key', url: 'https://x.example/l.png' },
        { fileName: 'thumbnail.png', uploadKey: 'thumb-key', url: 'https://x.example/t.png' },
      ],
    });
    const values = toFormValues(pass);
    values.images.logo = null;
    values.images.strip = { fileName: 'strip.png', uploadKey: 'strip-key', url: 'blob:test' };
    expect(toSaveDocument(pass, values).uploadInfoList).toEqual([
      // An image the editor does not know is kept as stored.
      { fileName: 'thumbnail.png', uploadKey: 'thumb-key' },
      { fileName: 'strip.png', uploadKey: 'strip-key' },
    ]);
  });

  it('keeps a fileKey-only image as it was', () => {
    const base = buildPass();
    const pass = WalletPassSchema.parse({ ...base, uploadInfoList: [{ fileName: 'logo.png', fileKey: 'logo-file' }] });
    expect(toSaveDocument(pass, toFormValues(pass)).uploadInfoList).toEqual([
      { fileName: 'logo.png', fileKey: 'logo-file' },
    ]);
  });

  it('adds no uploadInfoList to a pass that had none and has no images', () => {
    const base = buildPass();
    const { uploadInfoList: _list, ...rest } = base;
    const pass = WalletPassSchema.parse(rest);
    expect(toSaveDocument(pass, toFormValues(pass))).not.toHaveProperty('uploadInfoList');
  });
});

describe('restoreUntouched', () => {
  it('turns an untouched "" back into the stored null or absence', () => {
    expect(restoreUntouched(null, '')).toBeNull();
    expect(restoreUntouched(undefined, '')).toBeUndefined();
    expect(restoreUntouched({ a: null }, { a: '', b: '' })).toEqual({ a: null });
  });

  it('drops an object made only of empty inputs where nothing was stored', () => {
    expect(restoreUntouched({}, { links: { id: '', url: '' } })).toEqual({});
    expect(restoreUntouched({ links: null }, { links: { id: '' } })).toEqual({ links: null });
    expect(restoreUntouched({}, { links: { id: '1', url: '' } })).toEqual({ links: { id: '1' } });
  });
});

describe('diffLocations', () => {
  const pass = exampleWithUnknownKeys();
  const [first, second] = pass.passMetadata!.locations!;

  it('changes nothing when nothing was edited, or only the order', () => {
    const values = toFormValues(pass).locations;
    expect(diffLocations(pass, values)).toEqual({ create: [], update: [], remove: [] });
    expect(diffLocations(pass, [...values].reverse())).toEqual({ create: [], update: [], remove: [] });
  });

  it('updates an edited location with its body, unknown keys kept and read-only keys left out', () => {
    const values = toFormValues(pass).locations;
    values[1]!.relevantText = 'Around the corner';
    const changes = diffLocations(pass, values);
    expect(changes.create).toEqual([]);
    expect(changes.remove).toEqual([]);
    expect(changes.update).toHaveLength(1);
    const update = changes.update[0]!;
    expect(update.index).toBe(1);
    expect(update.id).toBe(second!.id);
    expect(update.body).toMatchObject({
      name: 'Bean & Bloom - Hawthorne',
      relevantText: 'Around the corner',
      enabled: false,
      latitude: 45.51203,
      altitude: 42.5,
      walletPass: { id: pass.id },
      passSerialNumber: second!.passSerialNumber,
    });
    expect(update.body).toHaveProperty('x_future_3.at', 3);
    expect(update.body).toHaveProperty('walletPass.x_future_4.at', 4);
    for (const key of ['id', 'locationId', 'createdTime', 'updatedTime', 'createdBy', 'updatedBy', 'workspaceId']) {
      expect(update.body).not.toHaveProperty(key);
    }
  });

  it('creates a new location and removes a deleted one', () => {
    const values = toFormValues(pass).locations.slice(0, 1);
    values.push({
      name: 'Harbour',
      enabled: true,
      latitude: 45.5,
      longitude: -122.7,
      altitude: null,
      relevantText: 'By the water',
    });
    const changes = diffLocations(pass, values);
    expect(changes.update).toEqual([]);
    expect(changes.remove).toEqual([second!.id]);
    expect(changes.create).toEqual([
      {
        index: 1,
        body: {
          name: 'Harbour',
          enabled: true,
          latitude: 45.5,
          longitude: -122.7,
          altitude: undefined,
          relevantText: 'By the water',
          walletPass: { id: pass.id },
        },
      },
    ]);
  });

  it('creates a location whose stored id is unknown, and removes everything when the list is emptied', () => {
    const values = toFormValues(pass).locations;
    values[0]!.locationId = 'gone-elsewhere';
    const changes = diffLocations(pass, values);
    expect(changes.create.map((c) => c.index)).toEqual([0]);
    expect(changes.remove).toEqual([first!.id]);
    expect(diffLocations(pass, []).remove).toEqual([first!.id, second!.id]);
  });
});

describe('countDirty', () => {
  it('counts each dirty leaf once', () => {
    expect(countDirty(undefined)).toBe(0);
    expect(countDirty(true)).toBe(1);
    expect(countDirty(false)).toBe(0);
    expect(countDirty({})).toBe(0);
    expect(
      countDirty({
        passName: true,
        passLinkSlug: false,
        passMetadata: {
          topField: { key: true, label: false },
          secondaryFields: [undefined, { label: true, value: true }, {}],
          backFields: [{ value: [{ link: true }, { text: true, link: true }] }],
        },
        locations: [{ latitude: true }],
        images: { logo: true, icon: false },
      }),
    ).toBe(9);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type TestSandbox,
  WORKSPACE,
  createPass,
  sandboxClient,
  startEditorSandbox,
  storedPass,
  uploadPng,
} from '../../../../testing/editor-route';
import { duplicatePass } from './duplicate-pass';

vi.setConfig({ testTimeout: 60_000 });

const PLACES = [
  { name: 'Harbour shop', latitude: 45.5, longitude: -122.6, relevantText: 'Near the harbour', altitude: 12 },
  { name: 'Old town', latitude: 48.2, longitude: 16.37, relevantText: 'In the old town', enabled: false },
  { name: 'Airport', latitude: 51.47, longitude: -0.45, relevantText: 'At the airport' },
];

describe('duplicatePass against a sandbox server', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startEditorSandbox();
  });
  afterAll(() => sandbox.stop());

  async function sourceWithEverything() {
    const pass = await createPass(sandbox, {
      status: 'Published',
      uploadInfoList: [
        await uploadPng(sandbox, 'logo.png'),
        await uploadPng(sandbox, 'icon.png'),
        await uploadPng(sandbox, 'strip.png'),
      ],
      passMetadata: {
        description: 'Every field',
        organizationName: 'Copy Co.',
        backgroundColor: '#112233',
        displayTextColor: '#FFEEDD',
        topField: { key: 'stamps', label: 'STAMPS', value: '3', changeMessage: 'Now %@ stamps' },
        secondaryFields: [{ key: 'tier', label: 'TIER', value: 'Gold' }],
        backFields: [{ key: 'help', label: 'Help', value: [{ text: 'Call us', link: 'tel:+123' }] }],
        qrUrl: 'https://example.com/q',
        qrText: 'Scan',
      },
    });
    for (const place of PLACES) {
      const response = await sandbox.api('POST', '/v1/wallet-pass-location', {
        workspace: WORKSPACE,
        json: { ...place, walletPass: { id: pass.id } },
      });
      expect(response.status).toBe(201);
    }
    return storedPass(sandbox, pass.id);
  }

  const placesOf = (pass: Awaited<ReturnType<typeof storedPass>>) =>
    (pass.passMetadata?.locations ?? [])
      .map(({ name, latitude, longitude, altitude, relevantText, enabled }) => ({
        name,
        latitude,
        longitude,
        altitude: altitude ?? null,
        relevantText,
        enabled: enabled ?? true,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));

  it('copies every field, image and location as a Draft, and reports nothing missing', async () => {
    const source = await sourceWithEverything();
    const client = sandboxClient(sandbox);
    const { pass, notCopied } = await duplicatePass(client, WORKSPACE, source.id, {
      passName: `${source.passName} copy`,
    });

    expect(notCopied).toEqual([]);
    const copy = await storedPass(sandbox, pass.id);
    expect(copy.id).not.toBe(source.id);
    expect(copy.status).toBe('Draft');
    expect(copy.passName).toBe(`${source.passName} copy`);
    expect(copy.notificationHeader).toBe(source.notificationHeader);
    const { locations: _a, ...sourceMeta } = source.passMetadata ?? {};
    const { locations: _b, ...copyMeta } = copy.passMetadata ?? {};
    expect(copyMeta).toEqual(sourceMeta);
    const images = (p: typeof copy) =>
      (p.uploadInfoList ?? []).map(({ fileName, uploadKey }) => ({ fileName, uploadKey })).sort();
    expect(images(copy)).toEqual(images(source));
    expect(images(copy)).toHaveLength(3);
    expect(placesOf(copy)).toEqual(placesOf(source));
    expect(placesOf(copy)).toHaveLength(3);
  });

  it('numbers "Copy of …" until the name is free when no name is given', async () => {
    const source = await createPass(sandbox);
    const client = sandboxClient(sandbox);
    const first = await duplicatePass(client, WORKSPACE, source.id);
    const second = await duplicatePass(client, WORKSPACE, source.id);
    expect(first.pass.passName).toBe(`Copy of ${source.passName}`);
    expect(second.pass.passName).toBe(`Copy of ${source.passName} (2)`);
  });

  it('names exactly the location that could not be copied and keeps the rest', async () => {
    const source = await sourceWithEverything();
    // The connection drops on the second location create: the copy exists, that location does not.
    let locationCreates = 0;
    const client = sandboxClient(sandbox, (input, init) => {
      if (String(input).endsWith('/wallet-pass-location') && init?.method === 'POST' && ++locationCreates === 2)
        return Promise.reject(new TypeError('Failed to fetch'));
      return fetch(input, init);
    });
    const { pass, notCopied } = await duplicatePass(client, WORKSPACE, source.id, {
      passName: `${source.passName} part`,
    });

    const lost = source.passMetadata?.locations?.[1]?.name;
    expect(notCopied).toHaveLength(1);
    expect(notCopied[0]?.what).toBe(`Location “${lost}”`);
    const copy = await storedPass(sandbox, pass.id);
    expect(placesOf(copy).map((p) => p.name)).toEqual(
      placesOf(source)
        .map((p) => p.name)
        .filter((name) => name !== lost),
    );
  });

  it('creates nothing when the name is taken', async () => {
    const source = await createPass(sandbox);
    const client = sandboxClient(sandbox);
    await expect(duplicatePass(client, WORKSPACE, source.id, { passName: source.passName ?? '' })).rejects.toThrow();
  });
});

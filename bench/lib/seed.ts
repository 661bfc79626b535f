/** Seeds the bench server through its public API, as a client would. */
import { REQUIRED_PASS_IMAGES } from '../../src/contract/rules';
import type { WalletPass } from '../../src/contract/schemas';
import type { CreatePassRequest } from '../../src/contract/input-schemas';
import { appleImageSize, imageSlotOf } from '../../src/contract/wallet-rules';
import { buildCreatePass } from '../../src/testing/factories';
import { solidPng } from '../../src/testing/png-files';

export interface SeededPass {
  id: string;
  passName: string;
  topValue: string;
}

export interface Seeded {
  apiKey: string;
  workspaceId: string;
  /** The large pass of the editor figures. */
  large: SeededPass;
  /** A pass with 50 back fields of 10 links each: keystroke cost against the number of links. */
  links: SeededPass;
  /** A pass of the demo data as seeded by the sandbox (for the editor's Lighthouse runs). */
  typical: { id: string };
  /** Ids of the workspace's passes (at least 1,000). */
  passIds: string[];
}

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
    readonly workspaceId?: string,
  ) {}

  private headers(json = false): Record<string, string> {
    return {
      'api-key': this.apiKey,
      ...(this.workspaceId ? { 'x-workspace-id': this.workspaceId } : {}),
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  async request<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: this.headers(body !== undefined),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async upload(fileName: string, png: Uint8Array): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), fileName);
    const response = await fetch(`${this.baseUrl}/v1/uploads`, { method: 'POST', headers: this.headers(), body: form });
    if (!response.ok) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { key: string }).key;
  }

  async listIds(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null | undefined;
    do {
      const params = new URLSearchParams({ limit: '20', ...(cursor ? { cursor } : {}) });
      const page = await this.request<{ items: { id: string }[]; hasMore: boolean; cursor?: string | null }>(
        'GET',
        `/v1/wallet-pass?${params}`,
      );
      ids.push(...page.items.map((p) => p.id));
      cursor = page.hasMore ? page.cursor : undefined;
    } while (cursor);
    return ids;
  }
}

export async function seed(baseUrl: string, passCount = 1000): Promise<Seeded> {
  const config = (await (await fetch(`${baseUrl}/studio/config`)).json()) as {
    workspaces: { id: string }[];
    demoKeys?: { apiKey: string; workspaceIds: string[] }[];
  };
  // The key the dashboard connects with in sandbox mode (the first demo key) and its first workspace,
  // which the dashboard opens at `/`.
  const key = config.demoKeys?.[0];
  if (!key) throw new Error('The sandbox lists no demo keys');
  const workspaceId = key.workspaceIds[0] ?? config.workspaces[0]!.id;
  const api = new Api(baseUrl, key.apiKey, workspaceId);

  const [typicalId] = await api.listIds();
  if (!typicalId) throw new Error('The sandbox workspace has no demo passes');

  const images: CreatePassRequest['uploadInfoList'] = [];
  for (const fileName of REQUIRED_PASS_IMAGES) {
    const { width, height } = appleImageSize(imageSlotOf(fileName));
    images.push({ fileName, uploadKey: await api.upload(fileName, solidPng(width, height, '#2A4BCB')) } as never);
  }

  const stamp = Date.now().toString(36);
  const topValue = `BENCH-${stamp}`;
  const largeName = `Bench large pass ${stamp}`;
  const base = buildCreatePass();
  const large = await api.request<WalletPass>(
    'POST',
    '/v1/wallet-pass',
    buildCreatePass({
      passName: largeName,
      status: 'Draft',
      uploadInfoList: images,
      passMetadata: {
        ...base.passMetadata!,
        topField: { key: 'points', label: 'POINTS', value: topValue, changeMessage: 'You now have %@ points' },
        secondaryFields: Array.from({ length: 10 }, (_, i) => ({
          key: `secondary${i + 1}`,
          label: `Label ${i + 1}`,
          value: `Value ${i + 1}`,
          changeMessage: 'Now %@',
        })),
        backFields: Array.from({ length: 20 }, (_, i) => ({
          key: `back${i + 1}`,
          label: `Back field ${i + 1}`,
          value: Array.from({ length: 5 }, (_, j) => ({
            text: `Link ${i + 1}.${j + 1}`,
            link: `https://example.com/${i + 1}/${j + 1}`,
          })),
          changeMessage: '',
        })),
      },
    }),
    201,
  );
  const linksName = `Bench links pass ${stamp}`;
  const links = await api.request<WalletPass>(
    'POST',
    '/v1/wallet-pass',
    buildCreatePass({
      passName: linksName,
      status: 'Draft',
      uploadInfoList: images,
      passMetadata: {
        ...base.passMetadata!,
        topField: { key: 'points', label: 'POINTS', value: topValue, changeMessage: 'You now have %@ points' },
        secondaryFields: Array.from({ length: 4 }, (_, i) => ({
          key: `secondary${i + 1}`,
          label: `Label ${i + 1}`,
          value: `Value ${i + 1}`,
        })),
        backFields: Array.from({ length: 50 }, (_, i) => ({
          key: `back${i + 1}`,
          label: `Back field ${i + 1}`,
          value: Array.from({ length: 10 }, (_, j) => ({
            text: `Link ${i + 1}.${j + 1}`,
            link: `https://example.com/${i + 1}/${j + 1}`,
          })),
        })),
      },
    }),
    201,
  );
  for (let i = 0; i < 10; i++) {
    await api.request(
      'POST',
      '/v1/wallet-pass-location',
      {
        name: `Shop ${i + 1}`,
        latitude: 45 + i / 10,
        longitude: -122 - i / 10,
        relevantText: `Near shop ${i + 1}`,
        enabled: true,
        walletPass: { id: large.id },
      },
      201,
    );
  }

  let ids = await api.listIds();
  const missing = Math.max(0, passCount - ids.length);
  const created: Promise<unknown>[] = [];
  for (let i = 0; i < missing; i++) {
    const published = i % 4 === 0;
    created.push(
      api.request(
        'POST',
        '/v1/wallet-pass',
        buildCreatePass({
          passName: `Bench ${stamp} ${String(i + 1).padStart(4, '0')}`,
          status: published ? 'Published' : 'Draft',
          ...(published ? { uploadInfoList: images } : {}),
        }),
        201,
      ),
    );
    if (created.length >= 8) await Promise.all(created.splice(0));
  }
  await Promise.all(created);
  ids = await api.listIds();
  return {
    apiKey: key.apiKey,
    workspaceId,
    large: { id: large.id, passName: largeName, topValue },
    links: { id: links.id, passName: linksName, topValue },
    typical: { id: typicalId },
    passIds: ids,
  };
}

import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { StudioConfigSchema, type StudioConfig } from '../src/contract/queries';
import { REQUIRED_PASS_IMAGES } from '../src/contract/rules';
import { appleImageSize, imageSlotOf } from '../src/contract/wallet-rules';
import { WalletPassPageSchema, WalletPassSchema, type WalletPass } from '../src/contract/schemas';
import { type CreatePassRequest } from '../src/contract/input-schemas';
import { buildCreatePass } from '../src/testing/factories';
import { noisePng, solidPng } from '../src/testing/png-files';

export { noisePng, solidPng };

/** A small Passport client for seeding and checking data through the real API. */
export class PassportApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly apiKey: string,
  ) {}

  private headers(workspaceId?: string) {
    return { 'api-key': this.apiKey, ...(workspaceId ? { 'x-workspace-id': workspaceId } : {}) };
  }

  async listPasses(workspaceId: string, query: Record<string, string> = {}): Promise<WalletPass[]> {
    const items: WalletPass[] = [];
    let cursor: string | undefined;
    do {
      const params = new URLSearchParams({ limit: '20', ...query, ...(cursor ? { cursor } : {}) });
      const response = await this.request.get(`/v1/wallet-pass?${params}`, { headers: this.headers(workspaceId) });
      expect(response.status()).toBe(200);
      const page = WalletPassPageSchema.parse(await response.json());
      items.push(...page.items);
      cursor = page.hasMore ? (page.cursor ?? undefined) : undefined;
    } while (cursor);
    return items;
  }

  async getPass(workspaceId: string, id: string): Promise<WalletPass> {
    const response = await this.request.get(`/v1/wallet-pass/${id}`, { headers: this.headers(workspaceId) });
    expect(response.status()).toBe(200);
    const [pass] = (await response.json()) as unknown[];
    return WalletPassSchema.parse(pass);
  }

  async upload(workspaceId: string, png: Buffer, name = 'image.png'): Promise<{ key: string; url: string }> {
    const response = await this.request.post('/v1/uploads', {
      headers: this.headers(workspaceId),
      multipart: { file: { name, mimeType: 'image/png', buffer: png } },
    });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { key: string; url: string };
  }

  /** Uploads the three required images and answers the `uploadInfoList` naming them. */
  async requiredImages(workspaceId: string): Promise<{ fileName: string; uploadKey: string }[]> {
    const list = [];
    for (const fileName of REQUIRED_PASS_IMAGES) {
      const { width, height } = appleImageSize(imageSlotOf(fileName));
      const { key } = await this.upload(workspaceId, solidPng(width, height), fileName);
      list.push({ fileName, uploadKey: key });
    }
    return list;
  }

  /** Creates a pass; a Published one gets the required images (the API refuses it without). */
  async createPass(workspaceId: string, overrides: Partial<CreatePassRequest> = {}): Promise<WalletPass> {
    const images =
      overrides.status === 'Published' && !overrides.uploadInfoList
        ? await this.requiredImages(workspaceId)
        : undefined;
    const response = await this.request.post('/v1/wallet-pass', {
      headers: this.headers(workspaceId),
      data: buildCreatePass({
        ...(images ? { uploadInfoList: images as CreatePassRequest['uploadInfoList'] } : {}),
        ...overrides,
      }),
    });
    expect(response.status(), await response.text()).toBe(201);
    return WalletPassSchema.parse(await response.json());
  }

  async createLocation(
    workspaceId: string,
    passId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string }> {
    const response = await this.request.post('/v1/wallet-pass-location', {
      headers: this.headers(workspaceId),
      data: {
        name: 'Shop',
        latitude: 45.5,
        longitude: -122.6,
        relevantText: 'Near the shop',
        enabled: true,
        walletPass: { id: passId },
        ...overrides,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string };
  }

  async deletePass(workspaceId: string, id: string): Promise<void> {
    const response = await this.request.delete(`/v1/wallet-pass/${id}`, { headers: this.headers(workspaceId) });
    expect(response.status()).toBe(204);
  }

  async patchPass(workspaceId: string, id: string, body: Record<string, unknown>): Promise<WalletPass> {
    const response = await this.request.patch(`/v1/wallet-pass/${id}`, {
      headers: this.headers(workspaceId),
      data: body,
    });
    expect(response.status(), await response.text()).toBe(200);
    return WalletPassSchema.parse(await response.json());
  }
}

interface Fixtures {
  studioConfig: StudioConfig;
  /** The demo key that reaches every workspace. */
  api: PassportApi;
  /** The sandbox's workspaces: `[first, second]`. */
  workspaces: StudioConfig['workspaces'];
}

export const test = base.extend<Fixtures>({
  studioConfig: async ({ request }, use) => {
    const response = await request.get('/studio/config');
    await use(StudioConfigSchema.parse(await response.json()));
  },
  api: async ({ request, studioConfig }, use) => {
    const key = studioConfig.demoKeys?.[0]?.apiKey;
    if (!key) throw new Error('The sandbox lists no demo keys');
    await use(new PassportApi(request, key));
  },
  workspaces: async ({ studioConfig }, use) => {
    await use(studioConfig.workspaces);
  },
});

export { expect };

import { describe, expect, it } from 'vitest';
import { REQUIRED_PASS_IMAGES, SLUG_PATTERN } from '../../contract/rules';
import { CreateLocationRequestSchema, CreatePassRequestSchema } from '../../contract/input-schemas';
import { buildSeed } from './seed-data';
import type { SeedPass } from './seed-types';
import { Buffer } from 'node:buffer';

const seed = buildSeed();
const allPasses = seed.workspaces.flatMap((w) => w.passes);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The body a client would send to create the pass (upload keys stand in for the images). */
function createBody(pass: SeedPass) {
  return {
    passName: pass.passName,
    status: pass.status,
    notificationHeader: pass.notificationHeader,
    passLinkSlug: pass.passLinkSlug,
    passMetadata: pass.passMetadata,
    uploadInfoList: pass.images.map((image, i) => ({
      fileName: image.fileName,
      uploadKey: `upload-${i}`,
    })),
  };
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 0xff) + 0.7152 * channel((n >> 8) & 0xff) + 0.0722 * channel(n & 0xff);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('buildSeed', () => {
  it('has two named workspaces with distinct ids', () => {
    expect(seed.workspaces).toHaveLength(2);
    expect(new Set(seed.workspaces.map((w) => w.id)).size).toBe(2);
    for (const w of seed.workspaces) expect(w.name.trim()).not.toBe('');
  });

  it('creates every pass through the strict request schema', () => {
    for (const pass of allPasses) {
      const result = CreatePassRequestSchema.safeParse(createBody(pass));
      expect(result.error?.issues ?? [], pass.passName).toEqual([]);
    }
  });

  it('creates every location through the strict location schema', () => {
    for (const pass of allPasses) {
      expect(pass.locations.length).toBeLessThanOrEqual(4);
      for (const location of pass.locations) {
        const result = CreateLocationRequestSchema.safeParse({
          ...location,
          walletPass: { id: pass.id },
        });
        expect(result.error?.issues ?? [], `${pass.passName}: ${location.name}`).toEqual([]);
        expect(result.data?.relevantText.length).toBeLessThanOrEqual(255);
      }
    }
  });

  it('keeps names and slugs unique within each workspace, with enough passes of both statuses', () => {
    for (const w of seed.workspaces) {
      expect(w.passes.length).toBeGreaterThanOrEqual(6);
      expect(new Set(w.passes.map((p) => p.passName)).size).toBe(w.passes.length);
      expect(new Set(w.passes.map((p) => p.passLinkSlug)).size).toBe(w.passes.length);
      for (const p of w.passes) expect(p.passLinkSlug).toMatch(SLUG_PATTERN);
      expect(w.passes.filter((p) => p.status === 'Draft').length).toBeGreaterThanOrEqual(2);
      expect(w.passes.filter((p) => p.status === 'Published').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every pass logo, icon and strip images, and some passes a footer', () => {
    for (const pass of allPasses) {
      const names = pass.images.map((i) => i.fileName);
      for (const required of REQUIRED_PASS_IMAGES) expect(names, pass.passName).toContain(required);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(allPasses.filter((p) => p.images.some((i) => i.fileName === 'footer.png')).length).toBeGreaterThanOrEqual(2);
  });

  it('has plausible counts: issued ≥ active, some in thousands, a new pass with none', () => {
    for (const { counts, passName } of allPasses) {
      expect(counts.appleIssued, passName).toBeGreaterThanOrEqual(counts.appleActive);
      expect(counts.googleIssued, passName).toBeGreaterThanOrEqual(counts.googleActive);
      for (const v of Object.values(counts)) expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
    expect(allPasses.some((p) => p.counts.appleIssued + p.counts.googleIssued >= 1000)).toBe(true);
    expect(allPasses.some((p) => Object.values(p.counts).every((v) => v === 0))).toBe(true);
  });

  it('writes change messages with %@ and keeps field keys to 2–4 secondary fields', () => {
    for (const { passMetadata: m, passName } of allPasses) {
      expect(m.topField?.changeMessage, passName).toContain('%@');
      expect(m.secondaryFields?.length).toBeGreaterThanOrEqual(2);
      expect(m.secondaryFields?.length).toBeLessThanOrEqual(4);
      for (const f of m.secondaryFields ?? []) if (f.changeMessage) expect(f.changeMessage).toContain('%@');
      expect(m.backFields?.length).toBeGreaterThanOrEqual(1);
      expect(m.backFields?.length).toBeLessThanOrEqual(4);
      for (const b of m.backFields ?? []) {
        expect(b.value?.length).toBeGreaterThanOrEqual(1);
        expect(b.value?.length).toBeLessThanOrEqual(3);
      }
      expect(m.locations).toBeUndefined();
    }
  });

  it('uses readable colours, with at most one low-contrast pass per workspace', () => {
    for (const w of seed.workspaces) {
      const ratios = w.passes.map((p) => contrast(p.passMetadata.backgroundColor!, p.passMetadata.displayTextColor!));
      expect(ratios.filter((r) => r < 4.5).length).toBeLessThanOrEqual(1);
      for (const r of ratios) expect(r).toBeGreaterThan(2);
    }
  });

  it('sends user deep links with only the fields their app type uses', () => {
    for (const { passMetadata: m } of allPasses) {
      const link = m.userDeepLink!;
      const keys = Object.keys(link).sort();
      if (link.appType === 'Mobile App') {
        expect(keys).toEqual(['appType', 'appleAppStoreUrl', 'googlePlayStoreUrl', 'inputLink', 'launchUrl']);
      } else {
        expect(keys).toEqual(['appType', 'inputLink']);
      }
    }
  });

  it('gives random UUIDs (version 4) and keeps times in 2025–2026', () => {
    const ids = [
      ...seed.workspaces.map((w) => w.id),
      ...allPasses.map((p) => p.id),
      ...allPasses.flatMap((p) =>
        (p.passMetadata.backFields ?? []).flatMap((f) => (f.value ?? []).map((l) => l.shortLinkId)),
      ),
      allPasses[0]!.createdBy,
    ].filter((id) => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    for (const p of allPasses) {
      expect(p.createdTime.slice(0, 3)).toBe('202');
      expect(['2025', '2026']).toContain(p.createdTime.slice(0, 4));
      expect(p.updatedTime >= p.createdTime).toBe(true);
      expect(p.updatedTime.slice(0, 4) <= '2026').toBe(true);
    }
    expect(new Set(allPasses.map((p) => p.createdBy)).size).toBe(1);
  });

  it('lists the demo key reaching every workspace first', () => {
    const [all, first] = seed.demoKeys;
    expect(seed.demoKeys).toHaveLength(2);
    expect(all?.label).toBe('Demo key (all workspaces)');
    expect(all?.workspaceIds).toEqual(seed.workspaces.map((w) => w.id));
    expect(first?.label).toBe('Demo key (first workspace only)');
    expect(first?.workspaceIds).toEqual([seed.workspaces[0]!.id]);
    for (const key of seed.demoKeys) expect(key.apiKey).toMatch(/^ub_test_[a-z0-9_]+$/);
  });

  it('is the same on every build except for its ids, which are new each time', () => {
    const again = buildSeed();
    const ids = (data: typeof seed) => [
      ...data.workspaces.map((w) => w.id),
      ...data.workspaces.flatMap((w) => w.passes.map((p) => p.id)),
    ];
    for (const id of ids(again)) expect(ids(seed)).not.toContain(id);
    // Replace each id by its position among the ids, and compare images by content.
    const shape = (data: typeof seed) => {
      const order = new Map<string, number>();
      return JSON.stringify(data, (key, value: unknown) => {
        if (key === 'png') return Buffer.from(value as Uint8Array).toString('base64');
        if (typeof value === 'string' && UUID_V4.test(value)) {
          if (!order.has(value)) order.set(value, order.size);
          return `id-${order.get(value)}`;
        }
        return value;
      });
    };
    expect(shape(again)).toBe(shape(seed));
  });
});

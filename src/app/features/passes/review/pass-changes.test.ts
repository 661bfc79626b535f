import { describe, expect, it } from 'vitest';
import type { BackField, PassField, WalletPass } from '../../../../contract/schemas';
import { buildPass } from '../../../../testing/factories';
import { type Change, type PassSnapshot, type RowChange, compareVersions } from './pass-changes';

const field = (key: string, label: string, value: string, changeMessage = ''): PassField => ({
  key,
  label,
  value,
  changeMessage,
});
const back = (key: string, label: string, links: [string, string][], changeMessage = ''): BackField => ({
  key,
  label,
  changeMessage,
  value: links.map(([t, link]) => ({ text: t, link })),
});

function base(): WalletPass {
  return buildPass({
    passName: 'Harbor rewards',
    status: 'Published',
    notificationHeader: 'HARBOR',
    passMetadata: {
      organizationName: 'Harbor & Hearth',
      description: 'Collect points at every visit.',
      backgroundColor: '#112233',
      displayTextColor: '#FFFFFF',
      topField: field('points', 'POINTS', '10', 'You now have %@ points'),
      secondaryFields: [
        field('tier', 'Tier', 'Silver', 'You are now %@'),
        field('name', 'Name', 'Ada'),
        field('since', 'Since', '2024'),
      ],
      backFields: [
        back('terms', 'Terms', [
          ['Terms', 'https://example.com/terms'],
          ['Privacy', 'https://example.com/privacy'],
        ]),
        back('offers', 'Offers', [['This week', 'https://example.com/week']], 'New offer: %@'),
      ],
      qrUrl: 'https://example.com/scan',
      qrText: 'Scan me',
      locations: [
        { id: 'loc-1', name: 'Harbor St', latitude: 51.5, longitude: -0.1, relevantText: 'Say hi', enabled: true },
      ],
    },
    uploadInfoList: [
      { fileName: 'logo.png', uploadKey: 'logo-1', url: '/files/logo-1.png' },
      { fileName: 'strip.png', uploadKey: 'strip-1', url: '/files/strip-1.png' },
    ],
  });
}

/** A deep copy with `edit` applied. */
function edited(pass: WalletPass, edit: (p: WalletPass) => void): PassSnapshot {
  const copy = structuredClone(pass);
  edit(copy);
  return copy;
}

const ids = (changes: readonly Change[]): string[] =>
  changes.flatMap((c) => (c.type === 'row' ? [c.id, ...c.changes.map((v) => v.id), ...ids(c.rows)] : [c.id]));

describe('compareVersions', () => {
  it('finds nothing between a pass and itself, nor for null against empty text or key order', () => {
    const pass = base();
    expect(compareVersions(pass, structuredClone(pass))).toEqual({ sections: [], count: 0, banners: [] });
    const reordered = edited(pass, (p) => {
      p.notificationHeader = 'HARBOR';
      p.passMetadata!.qrText = 'Scan me';
      (p as Record<string, unknown>).passLinkSlug = null;
    });
    const nullish = edited(pass, (p) => {
      (p as Record<string, unknown>).passLinkSlug = '';
    });
    expect(compareVersions(reordered, nullish).count).toBe(0);
  });

  it('groups changed values by section with before and after', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.passName = 'Harbor rewards 2';
      p.passMetadata!.backgroundColor = '#445566';
      p.passMetadata!.qrText = 'Show at the till';
    });
    const changes = compareVersions(pass, after);
    expect(changes.sections.map((s) => s.title)).toEqual(['Pass', 'Front', 'QR code']);
    expect(changes.sections[0]!.changes).toEqual([
      {
        type: 'value',
        id: 'passName',
        label: 'Pass name',
        before: 'Harbor rewards',
        after: 'Harbor rewards 2',
        diff: null,
      },
    ]);
    expect(changes.sections[1]!.changes[0]).toMatchObject({
      label: 'Background colour',
      before: '#112233',
      after: '#445566',
    });
    expect(changes.count).toBe(3);
  });

  it('gives long text a word diff', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.passMetadata!.description =
        'Collect double points at every visit to any of our harbour-side restaurants this summer.';
    });
    const change = compareVersions(pass, after).sections[0]!.changes[0];
    expect(change).toMatchObject({ id: 'description' });
    expect(change?.type === 'value' ? change.diff : null).toEqual([
      { kind: 'same', text: 'Collect ' },
      { kind: 'added', text: 'double ' },
      { kind: 'same', text: 'points at every ' },
      { kind: 'removed', text: 'visit.' },
      { kind: 'added', text: 'visit to any of our harbour-side restaurants this summer.' },
    ]);
  });

  it('reports added, removed, moved and edited secondary fields, matched by key', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      const [tier, name, since] = p.passMetadata!.secondaryFields!;
      name!.value = 'Grace';
      // "since" moves to the front, "tier" is removed, "club" is added at the end.
      p.passMetadata!.secondaryFields = [since!, name!, field('club', 'Club', 'Yes')];
      void tier;
    });
    const section = compareVersions(pass, after).sections.find((s) => s.id === 'secondaryFields')!;
    const rows = section.changes as RowChange[];
    expect(rows.map((r) => [r.label, r.kind, r.from, r.to, r.moved])).toEqual([
      ['Secondary field “Tier”', 'removed', 1, null, false],
      ['Secondary field “Since”', 'moved', 3, 1, true],
      ['Secondary field “Name”', 'changed', 2, 2, false],
      ['Secondary field “Club”', 'added', null, 3, false],
    ]);
    expect(rows[2]!.changes).toMatchObject([{ label: 'Value', before: 'Ada', after: 'Grace' }]);
  });

  it('treats a swap of two rows as one move, not two', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      const list = p.passMetadata!.secondaryFields!;
      p.passMetadata!.secondaryFields = [list[1]!, list[0]!, list[2]!];
    });
    const rows = compareVersions(pass, after).sections[0]!.changes as RowChange[];
    expect(rows.filter((r) => r.moved)).toHaveLength(1);
    expect(compareVersions(pass, after).count).toBe(1);
  });

  it('pairs a row whose key was renamed by its label', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.passMetadata!.secondaryFields![0]!.key = 'level';
    });
    const rows = compareVersions(pass, after).sections[0]!.changes as RowChange[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'changed', changes: [{ label: 'Key', before: 'tier', after: 'level' }] });
  });

  it('lists link changes inside a back field, and a removed back field once', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      const terms = p.passMetadata!.backFields![0]!;
      terms.value = [
        { text: 'Privacy policy', link: 'https://example.com/privacy' },
        { text: 'Terms', link: 'https://example.com/terms' },
        { text: 'Contact', link: 'mailto:hi@example.com' },
      ];
      p.passMetadata!.backFields = [terms];
    });
    const rows = compareVersions(pass, after).sections.find((s) => s.id === 'backFields')!.changes as RowChange[];
    expect(rows.map((r) => [r.label, r.kind])).toEqual([
      ['Back field “Terms”', 'changed'],
      ['Back field “Offers”', 'removed'],
    ]);
    // Privacy moved above Terms and was renamed; Terms kept its place and is not listed.
    expect(rows[0]!.rows.map((r) => [r.label, r.kind, r.moved])).toEqual([
      ['Link “Privacy policy”', 'changed', true],
      ['Link “Contact”', 'added', false],
    ]);
    const privacy = rows[0]!.rows.find((r) => r.label === 'Link “Privacy policy”')!;
    expect(privacy.changes).toMatchObject([{ label: 'Text', before: 'Privacy', after: 'Privacy policy' }]);
    expect(rows[0]!.rows.find((r) => r.label === 'Link “Contact”')).toMatchObject({ kind: 'added', to: 3 });
  });

  it('matches locations by id (stored) or locationId (form) and reports their edits', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      const [loc] = p.passMetadata!.locations!;
      const { id, ...rest } = loc!;
      p.passMetadata!.locations = [
        { ...rest, locationId: id, relevantText: 'Welcome back', enabled: false } as never,
        { name: 'Quay', latitude: 50, longitude: 0, relevantText: 'Near the quay' },
      ];
    });
    const rows = compareVersions(pass, after).sections.find((s) => s.id === 'locations')!.changes as RowChange[];
    expect(rows.map((r) => [r.label, r.kind])).toEqual([
      ['Location “Harbor St”', 'changed'],
      ['Location “Quay”', 'added'],
    ]);
    expect(rows[0]!.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Lock-screen text', 'Say hi', 'Welcome back'],
      ['Enabled', 'On', 'Off'],
    ]);
  });

  it('shows images added, replaced and removed with their URLs', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.uploadInfoList = [
        { fileName: 'logo.png', uploadKey: 'logo-2', url: 'blob:logo-2' },
        { fileName: 'icon.png', uploadKey: 'icon-1', url: '/files/icon-1.png' },
      ];
    });
    const section = compareVersions(pass, after).sections.find((s) => s.id === 'images')!;
    expect(section.changes).toEqual([
      {
        type: 'image',
        id: 'images.logo.png',
        label: 'Logo',
        kind: 'replaced',
        before: '/files/logo-1.png',
        after: 'blob:logo-2',
      },
      { type: 'image', id: 'images.icon.png', label: 'Icon', kind: 'added', before: null, after: '/files/icon-1.png' },
      {
        type: 'image',
        id: 'images.strip.png',
        label: 'Strip image',
        kind: 'removed',
        before: '/files/strip-1.png',
        after: null,
      },
    ]);
  });

  it('reports keys the editor does not know', () => {
    const pass = edited(base(), (p) => Object.assign(p, { x_campaign: 'spring' })) as WalletPass;
    const after = edited(pass, (p) => {
      Object.assign(p, { x_campaign: 'summer' });
      Object.assign(p.passMetadata!, { x_style: { dark: true } });
    });
    expect(ids(compareVersions(pass, after).sections.find((s) => s.id === 'other')!.changes)).toEqual([
      'x_campaign',
      'passMetadata.x_style',
    ]);
  });

  it('ignores the counts, times and links the API sets', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.updatedTime = '2030-01-01T00:00:00.000Z';
      p.appleActiveCount = 99;
      p.passLink = 'https://elsewhere.example/p';
    });
    expect(compareVersions(pass, after).count).toBe(0);
  });
});

describe('holder banners', () => {
  it('fills %@ with the new value for each field with a change message whose value changed', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.passMetadata!.topField!.value = '25';
      p.passMetadata!.secondaryFields![0]!.value = 'Gold';
      p.passMetadata!.secondaryFields![1]!.value = 'Grace'; // no change message: no banner
      p.passMetadata!.backFields![1]!.value = [{ text: 'Free coffee', link: 'https://example.com/coffee' }];
    });
    expect(compareVersions(pass, after).banners).toEqual([
      { field: 'Top field', title: 'HARBOR', body: 'You now have 25 points' },
      { field: 'Secondary field “Tier”', title: 'HARBOR', body: 'You are now Gold' },
      { field: 'Back field “Offers”', title: 'HARBOR', body: 'New offer: Free coffee' },
    ]);
  });

  it('uses the organisation name without a notification header, and the new message', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.notificationHeader = null;
      p.passMetadata!.topField = field('points', 'POINTS', '12', 'Balance: %@ (was more)');
    });
    expect(compareVersions(pass, after).banners).toEqual([
      { field: 'Top field', title: 'Harbor & Hearth', body: 'Balance: 12 (was more)' },
    ]);
  });

  it('does not notify for a new field, a changed message alone or a label change', () => {
    const pass = base();
    const after = edited(pass, (p) => {
      p.passMetadata!.secondaryFields!.push(field('bonus', 'Bonus', '5', 'Bonus %@'));
      p.passMetadata!.topField!.changeMessage = 'Points: %@';
      p.passMetadata!.secondaryFields![0]!.label = 'Level';
    });
    expect(compareVersions(pass, after).banners).toEqual([]);
  });
});

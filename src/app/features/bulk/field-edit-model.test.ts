import { describe, expect, it } from 'vitest';
import { buildBackField, buildField, buildPass } from '../../../testing/factories';
import { candidateVersion } from '../passes/review/candidate';
import { compareVersions } from '../passes/review/pass-changes';
import { type EditPlan, type FieldEdit, describePlan, planEdit as plan, validateEdit } from './field-edit-model';

const planEdit = (...args: Parameters<typeof plan> extends [infer P, infer E, unknown] ? [P, E] : never) =>
  plan(...args, { candidateVersion, compareVersions });

const backField = (over: Partial<Extract<FieldEdit, { kind: 'backField' }>> = {}): FieldEdit => ({
  kind: 'backField',
  key: 'hours',
  label: 'Opening hours',
  changeMessage: '',
  links: [{ text: 'See our hours', link: 'https://example.com/hours' }],
  ...over,
});

const changed = (plan: EditPlan) => {
  if (plan.kind !== 'change') throw new Error(`expected a change, got ${plan.kind}`);
  return plan;
};

describe('validateEdit', () => {
  it('checks the edit with the contract, message at each input', () => {
    expect(validateEdit(backField())).toEqual({});
    const errors = validateEdit(backField({ key: 'has space', links: [{ text: '', link: 'javascript:alert(1)' }] }));
    expect(errors.key).toMatch(/letters, digits/);
    expect(errors['links.0.text']).toBeDefined();
    expect(errors['links.0.link']).toBeDefined();
    expect(validateEdit({ kind: 'colours', backgroundColor: 'blue', displayTextColor: '' }).backgroundColor).toMatch(
      /#1F3068/,
    );
    expect(validateEdit({ kind: 'colours', backgroundColor: '', displayTextColor: '' }).backgroundColor).toBeDefined();
    const location = validateEdit({
      kind: 'locations',
      mode: 'add',
      locations: [{ name: 'Shop', latitude: '95', longitude: 'east', relevantText: 'Near' }],
    });
    expect(location['locations.0.latitude']).toMatch(/-90 and 90/);
    expect(location['locations.0.longitude']).toBeDefined();
    expect(validateEdit({ kind: 'notificationHeader', value: 'x'.repeat(256) }).value).toBeDefined();
  });
});

describe('planEdit', () => {
  it('adds a back field at the end, or replaces the one with its key in place, keeping the rest', () => {
    const pass = buildPass({
      passMetadata: {
        backFields: [buildBackField({ key: 'a' }), buildBackField({ key: 'hours' }), buildBackField({ key: 'z' })],
      },
    });
    const replaced = changed(planEdit(pass, backField()));
    const fields = replaced.document.passMetadata?.backFields ?? [];
    expect(fields.map((f) => f.key)).toEqual(['a', 'hours', 'z']);
    expect(fields[1]).toMatchObject({
      label: 'Opening hours',
      value: [{ text: 'See our hours', link: 'https://example.com/hours' }],
    });
    expect(describePlan(replaced, backField())).toBe('Replaces back field “hours”.');

    const other = buildPass();
    const added = changed(planEdit(other, backField()));
    const otherFields = added.document.passMetadata?.backFields ?? [];
    expect(otherFields.at(-1)?.key).toBe('hours');
    expect(otherFields.slice(0, -1)).toEqual(other.passMetadata?.backFields);
    // The review's change list names the row as added, and nothing else changes.
    expect(added.changes.count).toBe(1);
    expect(added.changes.sections.map((s) => s.id)).toEqual(['backFields']);
    expect(describePlan(added, backField())).toBe('Adds back field “Opening hours”.');
  });

  it('keeps what the edit does not touch (unknown keys, status) and says when nothing changes', () => {
    const pass = buildPass({
      status: 'Published',
      passMetadata: { backgroundColor: '#112233', futureKey: 1 } as never,
    });
    const plan = changed(planEdit(pass, { kind: 'colours', backgroundColor: '#abcdef', displayTextColor: '' }));
    expect(plan.document.status).toBe('Published');
    expect(plan.document.passMetadata).toMatchObject({ backgroundColor: '#ABCDEF', futureKey: 1 });
    expect(plan.document.passMetadata?.displayTextColor).toBeUndefined();
    const again = planEdit({ ...pass, passMetadata: plan.document.passMetadata } as never, {
      kind: 'colours',
      backgroundColor: '#ABCDEF',
      displayTextColor: '',
    });
    expect(again.kind).toBe('unchanged');
  });

  it('refuses a key another kind of field of the pass uses, and a location set over ten', () => {
    const pass = buildPass({ passMetadata: { secondaryFields: [buildField({ key: 'hours' })] } });
    const plan = planEdit(pass, backField());
    expect(plan).toMatchObject({ kind: 'invalid' });
    expect(describePlan(plan, backField())).toMatch(/"hours" is already used/);

    const many = buildPass({
      passMetadata: {
        locations: Array.from({ length: 10 }, (_, i) => ({
          id: `loc${i}`,
          name: `S${i}`,
          latitude: 1,
          longitude: i,
          relevantText: 'x',
        })),
      },
    });
    const edit: FieldEdit = {
      kind: 'locations',
      mode: 'add',
      locations: [{ name: 'New', latitude: '1', longitude: '50', relevantText: 'Near' }],
    };
    expect(planEdit(many, edit)).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/11 locations/) });
  });

  it('replacing locations keeps an identical stored one and writes only the difference', () => {
    const pass = buildPass({
      passMetadata: {
        locations: [
          {
            id: 'keep',
            name: 'Harbor',
            latitude: 45.5,
            longitude: -122.6,
            relevantText: 'Near the harbor',
            enabled: true,
          },
          { id: 'drop', name: 'Old shop', latitude: 40, longitude: -70, relevantText: 'Old', enabled: true },
        ],
      },
    });
    const plan = changed(
      planEdit(pass, {
        kind: 'locations',
        mode: 'replace',
        locations: [
          { name: 'Harbor', latitude: '45.5', longitude: '-122.6', relevantText: 'Near the harbor' },
          { name: 'New shop', latitude: '41', longitude: '-71', relevantText: 'Welcome' },
        ],
      }),
    );
    expect(plan.locations.remove).toEqual(['drop']);
    expect(plan.locations.update).toEqual([]);
    expect(plan.locations.create).toHaveLength(1);
    expect(plan.locations.create[0]?.body).toMatchObject({
      name: 'New shop',
      latitude: 41,
      walletPass: { id: pass.id },
    });
    expect(describePlan(plan, { kind: 'locations', mode: 'replace', locations: [] })).toBe(
      'Adds 1 location, removes 1.',
    );
  });

  it('sets or clears the notification header, and a secondary field by key', () => {
    const pass = buildPass({ notificationHeader: 'OLD' });
    expect(changed(planEdit(pass, { kind: 'notificationHeader', value: ' Summit ' })).document.notificationHeader).toBe(
      'Summit',
    );
    expect(
      changed(planEdit(pass, { kind: 'notificationHeader', value: '' })).document.notificationHeader ?? null,
    ).toBeNull();
    const key = pass.passMetadata?.secondaryFields?.[0]?.key ?? '';
    const plan = changed(
      planEdit(pass, { kind: 'secondaryField', key, label: 'Tier', value: 'Gold', changeMessage: 'Now %@' }),
    );
    expect(plan.document.passMetadata?.secondaryFields?.[0]).toMatchObject({ key, label: 'Tier', value: 'Gold' });
    expect(plan.document.passMetadata?.secondaryFields).toHaveLength(pass.passMetadata?.secondaryFields?.length ?? 0);
  });
});

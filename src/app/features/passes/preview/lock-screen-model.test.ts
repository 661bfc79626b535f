import { describe, expect, it } from 'vitest';
import { formatChangeMessage, toLockScreenPreview } from './lock-screen-model';

describe('toLockScreenPreview', () => {
  it('replaces every %@ in the top field change message with its value', () => {
    expect(formatChangeMessage('Now %@ points (%@)', '12')).toBe('Now 12 points (12)');
    const model = toLockScreenPreview({
      notificationHeader: 'BEAN & BLOOM',
      passMetadata: {
        organizationName: 'Bean & Bloom',
        topField: { value: '8 / 10', changeMessage: 'You have %@ beans' },
      },
      images: { 'icon.png': 'icon' },
    });
    expect(model.iconUrl).toBe('icon');
    expect(model.notification).toEqual({
      title: 'BEAN & BLOOM',
      body: 'You have 8 / 10 beans',
      path: 'passMetadata.topField.changeMessage',
    });
  });

  it('falls back to the organisation name and the first field with a change message', () => {
    const model = toLockScreenPreview({
      notificationHeader: '  ',
      passMetadata: {
        organizationName: 'Bean & Bloom',
        topField: { value: '7', changeMessage: '' },
        secondaryFields: [
          { value: 'Gold', changeMessage: null },
          { value: 'Oat latte', changeMessage: 'Next: %@' },
        ],
      },
    });
    expect(model.notification).toEqual({
      title: 'Bean & Bloom',
      body: 'Next: Oat latte',
      path: 'passMetadata.secondaryFields.1.changeMessage',
    });
  });

  it('has no banner when no field has a change message, and tolerates nulls', () => {
    expect(toLockScreenPreview({}).notification).toBeNull();
    expect(toLockScreenPreview(null)).toEqual({
      iconUrl: null,
      notification: null,
      location: null,
    });
    expect(
      toLockScreenPreview({
        passMetadata: {
          topField: null,
          secondaryFields: [null],
          backFields: [null],
          locations: [null],
        },
      }),
    ).toEqual({ iconUrl: null, notification: null, location: null });
  });

  it('uses a placeholder value when the field is empty', () => {
    expect(
      toLockScreenPreview({
        passMetadata: { topField: { changeMessage: 'Now %@' } },
      }).notification?.body,
    ).toBe('Now …');
  });

  it('shows the relevant text of the first enabled location that has one', () => {
    const model = toLockScreenPreview({
      passMetadata: {
        organizationName: 'Bean & Bloom',
        locations: [
          { name: 'Off', enabled: false, relevantText: 'Disabled store' },
          { name: 'Blank', enabled: true, relevantText: '   ' },
          { name: 'Pearl', enabled: true, relevantText: 'A block away' },
          { name: 'Later', enabled: true, relevantText: 'Not this one' },
        ],
      },
    });
    expect(model.location).toEqual({
      title: 'Bean & Bloom',
      text: 'A block away',
      name: 'Pearl',
      path: 'locations.2.relevantText',
    });
    expect(
      toLockScreenPreview({
        passMetadata: { locations: [{ enabled: false, relevantText: 'x' }] },
      }).location,
    ).toBeNull();
  });
});

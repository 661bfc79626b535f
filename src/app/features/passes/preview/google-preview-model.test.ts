import { describe, expect, it } from 'vitest';
import { BLACK, WHITE, toGooglePreview } from './preview-model';

const fields = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `f${i}`,
    label: `Label ${i}`,
    value: `Value ${i}`,
    changeMessage: '',
  }));

describe('toGooglePreview', () => {
  it('draws an empty draft without throwing', () => {
    const model = toGooglePreview({});
    expect(model.backgroundColor).toBe('#FFFFFF');
    expect(model.backgroundIsDefault).toBe(true);
    expect(model.textColor).toBe(BLACK);
    expect(model.rows).toEqual([]);
    expect(model.overflowCount).toBe(0);
    expect(model.header).toBe('');
    expect(model.subheader).toBe('');
    expect(model.heroUrl).toBeNull();
    expect(model.links).toEqual([]);
    expect(model.appLink).toBeNull();
    expect(toGooglePreview(null).cardTitle).toBe('');
  });

  it('normalises the background to #RRGGBB and chooses the text colour', () => {
    const dark = toGooglePreview({
      passMetadata: { backgroundColor: '3b2a20', displayTextColor: '#000000' },
    });
    expect(dark.backgroundColor).toBe('#3B2A20');
    expect(dark.backgroundIsDefault).toBe(false);
    // Google ignores Apple's text colour and picks its own.
    expect(dark.textColor).toBe(WHITE);
    expect(toGooglePreview({ passMetadata: { backgroundColor: '#F4E9D8' } }).textColor).toBe(BLACK);
  });

  it('maps the top field to header and subheader, organisation to card title, strip to hero', () => {
    const model = toGooglePreview({
      passMetadata: {
        organizationName: 'Bean & Bloom',
        topField: { label: 'BEANS', value: '7 / 10' },
        qrUrl: 'q',
        qrText: 't',
      },
      images: { 'logo.png': 'logo', 'strip.png': 'strip' },
    });
    expect(model).toMatchObject({
      cardTitle: 'Bean & Bloom',
      header: '7 / 10',
      subheader: 'BEANS',
      logoUrl: 'logo',
      heroUrl: 'strip',
      barcodeValue: 'q',
      alternateText: 't',
    });
  });

  it('chunks secondary fields into rows of 3, at most 3 rows, and counts the rest', () => {
    const model = toGooglePreview({
      passMetadata: { secondaryFields: fields(12) },
    });
    expect(model.rows.map((row) => row.length)).toEqual([3, 3, 3]);
    expect(model.rows[2]?.[2]?.path).toBe('passMetadata.secondaryFields.8.value');
    expect(model.overflowCount).toBe(3);
    expect(
      toGooglePreview({
        passMetadata: { secondaryFields: fields(4) },
      }).rows.map((r) => r.length),
    ).toEqual([3, 1]);
    expect(toGooglePreview({ passMetadata: { secondaryFields: fields(9) } }).overflowCount).toBe(0);
  });

  it('lists back-field links with their group, flagging unsafe ones', () => {
    const model = toGooglePreview({
      passMetadata: {
        backFields: [
          {
            label: 'Follow',
            value: [{ text: 'Insta', link: 'https://instagram.com/x' }],
          },
          {
            label: 'Bad',
            value: [{ text: 'Click', link: 'javascript:alert(1)' }],
          },
        ],
      },
    });
    expect(model.links).toEqual([
      {
        group: 'Follow',
        text: 'Insta',
        href: 'https://instagram.com/x',
        safe: true,
        path: 'passMetadata.backFields.0.value.0.link',
      },
      {
        group: 'Bad',
        text: 'Click',
        href: 'javascript:alert(1)',
        safe: false,
        path: 'passMetadata.backFields.1.value.0.link',
      },
    ]);
  });

  it('shows the app link button, cut to 30 characters', () => {
    const short = toGooglePreview({
      passMetadata: {
        appDeepLinks: {
          googleDeepLinkData: { displayText: 'Open Bean & Bloom' },
        },
      },
    });
    expect(short.appLink).toEqual({
      path: 'passMetadata.appDeepLinks.googleDeepLinkData.displayText',
      text: 'Open Bean & Bloom',
      fullText: 'Open Bean & Bloom',
      truncated: false,
    });
    const exactly30 = 'a'.repeat(30);
    expect(
      toGooglePreview({
        passMetadata: {
          appDeepLinks: { googleDeepLinkData: { displayText: exactly30 } },
        },
      }).appLink,
    ).toMatchObject({ text: exactly30, truncated: false });
    const long = toGooglePreview({
      passMetadata: {
        appDeepLinks: { googleDeepLinkData: { displayText: 'b'.repeat(31) } },
      },
    });
    expect(long.appLink?.truncated).toBe(true);
    expect([...(long.appLink?.text ?? '')]).toHaveLength(30);
    expect(long.appLink?.text.endsWith('…')).toBe(true);
  });

  it('has no app link without app data, and a default label with only a package', () => {
    expect(
      toGooglePreview({
        passMetadata: { appDeepLinks: { googleDeepLinkData: null } },
      }).appLink,
    ).toBeNull();
    expect(
      toGooglePreview({
        passMetadata: {
          appDeepLinks: { googleDeepLinkData: { displayText: '  ' } },
        },
      }).appLink,
    ).toBeNull();
    expect(
      toGooglePreview({
        passMetadata: {
          appDeepLinks: {
            googleDeepLinkData: { androidPackageName: 'com.x.y' },
          },
        },
      }).appLink?.text,
    ).toBe('Open app');
  });
});

import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, relativeLuminance } from '../../../lib/color';
import type { PreviewPass } from './preview-input';
import { BLACK, WHITE, googleTextColor, hexToRgbString, toApplePreview } from './preview-model';

const fields = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `f${i}`,
    label: `Label ${i}`,
    value: `Value ${i}`,
    changeMessage: '',
  }));

const LONG = 'x'.repeat(5000);

describe('colour helpers', () => {
  it('parses #RRGGBB, with or without #, and refuses anything else', () => {
    expect(parseHex('#3B2A20')).toEqual({ r: 59, g: 42, b: 32 });
    expect(parseHex('3b2a20')).toEqual({ r: 59, g: 42, b: 32 });
    expect(parseHex(' #ffffff ')).toEqual({ r: 255, g: 255, b: 255 });
    for (const bad of ['', '#', '#3B2', 'fff', '#3B2A2', 'red', 'rgb(1, 2, 3)', '#GGGGGG', null, undefined]) {
      expect(parseHex(bad)).toBeNull();
    }
  });

  it('writes colours as Apple wants them, rgb(r, g, b)', () => {
    expect(hexToRgbString('#3B2A20')).toBe('rgb(59, 42, 32)');
    expect(hexToRgbString('#3B2')).toBeNull();
    expect(hexToRgbString('nope')).toBeNull();
  });

  it('computes WCAG luminance and contrast', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBe(1);
    expect(contrastRatio('#000000', '#FFFFFF')).toBe(21);
    expect(contrastRatio('#FFFFFF', '#000000')).toBe(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, '#FFFFFF')).toBe(21);
    expect(contrastRatio('#FFFFFF', '#767676')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('nope', '#FFFFFF')).toBeNaN();
  });

  it('picks white text on dark backgrounds and black on light ones, like Google', () => {
    expect(googleTextColor('#3B2A20')).toBe(WHITE);
    expect(googleTextColor('#000000')).toBe(WHITE);
    expect(googleTextColor('#1F3068')).toBe(WHITE);
    expect(googleTextColor('#FFFFFF')).toBe(BLACK);
    expect(googleTextColor('#F4E9D8')).toBe(BLACK);
    expect(googleTextColor('#FFD400')).toBe(BLACK);
    // Mid grey: black reads better (5.3:1 against 3.9:1).
    expect(googleTextColor('#808080')).toBe(BLACK);
    expect(googleTextColor(null)).toBe(BLACK);
    expect(googleTextColor('#12')).toBe(BLACK);
  });
});

describe('toApplePreview', () => {
  it('draws an empty draft without throwing', () => {
    for (const pass of [undefined, null, {}, { passMetadata: null, images: null }, { passMetadata: {}, images: {} }]) {
      const model = toApplePreview(pass as PreviewPass);
      expect(model.backgroundColor).toBe('rgb(255, 255, 255)');
      expect(model.foregroundColor).toBe('rgb(0, 0, 0)');
      expect(model.labelColor).toBe('rgb(0, 0, 0)');
      expect(model.logoUrl).toBeNull();
      expect(model.stripUrl).toBeNull();
      expect(model.headerField).toBeNull();
      expect(model.secondaryFields).toEqual([]);
      expect(model.overflowCount).toBe(0);
      expect(model.qrMessage).toBe('');
      expect(model.backFields).toEqual([]);
      expect(model.footerIgnored).toBe(false);
    }
  });

  it('tolerates null everywhere inside the metadata', () => {
    const model = toApplePreview({
      passMetadata: {
        organizationName: null,
        topField: { key: null, label: null, value: null, changeMessage: null },
        secondaryFields: [null, undefined, { label: null, value: null }],
        backFields: [null, { label: null, value: null }, { label: 'L', value: [null, { text: null, link: null }] }],
        qrUrl: null,
        qrText: null,
        backgroundColor: null,
        displayTextColor: null,
        locations: null,
        appDeepLinks: null,
      },
      images: { 'logo.png': null, 'strip.png': '' },
    });
    expect(model.headerField).toBeNull();
    expect(model.secondaryFields).toEqual([{ path: 'passMetadata.secondaryFields.2.value', label: '', value: '' }]);
    expect(model.backFields).toEqual([{ path: 'passMetadata.backFields.2.label', label: 'L', links: [] }]);
    expect(model.logoUrl).toBeNull();
    expect(model.stripUrl).toBeNull();
  });

  it('uses the pass colours as rgb(), the text colour for labels too', () => {
    const model = toApplePreview({
      passMetadata: { backgroundColor: '#3B2A20', displayTextColor: '#FFF8EE' },
    });
    expect(model.backgroundColor).toBe('rgb(59, 42, 32)');
    expect(model.foregroundColor).toBe('rgb(255, 248, 238)');
    expect(model.labelColor).toBe('rgb(255, 248, 238)');
  });

  it('picks a readable text colour when none (or a half-typed one) is set', () => {
    expect(toApplePreview({ passMetadata: { backgroundColor: '#101010' } }).foregroundColor).toBe('rgb(255, 255, 255)');
    expect(
      toApplePreview({
        passMetadata: { backgroundColor: '#101010', displayTextColor: '#FF' },
      }).foregroundColor,
    ).toBe('rgb(255, 255, 255)');
  });

  it('puts the top field in the header, top right', () => {
    const model = toApplePreview({
      passMetadata: { topField: { label: 'BEANS', value: '7 / 10' } },
    });
    expect(model.headerField).toEqual({
      path: 'passMetadata.topField.value',
      label: 'BEANS',
      value: '7 / 10',
    });
  });

  it('shows at most 4 secondary fields and counts the rest', () => {
    const model = toApplePreview({
      passMetadata: { secondaryFields: fields(12) },
    });
    expect(model.secondaryFields).toHaveLength(4);
    expect(model.secondaryFields.map((f) => f.value)).toEqual(['Value 0', 'Value 1', 'Value 2', 'Value 3']);
    expect(model.secondaryFields[3]?.path).toBe('passMetadata.secondaryFields.3.value');
    expect(model.overflowCount).toBe(8);
    expect(toApplePreview({ passMetadata: { secondaryFields: fields(4) } }).overflowCount).toBe(0);
  });

  it('keeps very long values whole (the layout cuts them with an ellipsis)', () => {
    const model = toApplePreview({
      passMetadata: {
        organizationName: LONG,
        topField: { label: LONG, value: LONG },
        secondaryFields: [{ value: LONG }],
      },
    });
    expect(model.organizationName).toBe(LONG);
    expect(model.headerField?.value).toBe(LONG);
    expect(model.secondaryFields[0]?.value).toBe(LONG);
  });

  it('maps images and flags the footer a store card ignores', () => {
    const model = toApplePreview({
      images: {
        'logo.png': 'blob:logo',
        'strip.png': 'https://cdn/strip.png',
        'icon.png': 'i',
        'footer.png': 'f',
      },
    });
    expect(model.logoUrl).toBe('blob:logo');
    expect(model.stripUrl).toBe('https://cdn/strip.png');
    expect(model.iconUrl).toBe('i');
    expect(model.footerIgnored).toBe(true);
  });

  it('marks back-field links safe only for https, http, mailto and tel', () => {
    const links = [
      'https://example.com/a',
      'http://example.com/b',
      'mailto:hi@example.com',
      'tel:+15035550142',
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'java\tscript:alert(1)',
      '//evil.example',
      'not a url',
      '',
    ];
    const model = toApplePreview({
      passMetadata: {
        backFields: [
          {
            label: 'Links',
            value: links.map((link, i) => ({ text: `Link ${i}`, link })),
          },
        ],
      },
    });
    const safe = Object.fromEntries((model.backFields[0]?.links ?? []).map((l) => [l.href, l.safe]));
    expect(safe).toEqual({
      'https://example.com/a': true,
      'http://example.com/b': true,
      'mailto:hi@example.com': true,
      'tel:+15035550142': true,
      'javascript:alert(1)': false,
      ' JaVaScRiPt:alert(1)': false,
      'JAVASCRIPT:alert(1)': false,
      'data:text/html,<script>alert(1)</script>': false,
      'vbscript:msgbox(1)': false,
      'file:///etc/passwd': false,
      'java\tscript:alert(1)': false,
      '//evil.example': false,
      'not a url': false,
      '': false,
    });
    expect(model.backFields[0]?.links[4]?.path).toBe('passMetadata.backFields.0.value.4.link');
  });

  it('shows a link without text by its address, and drops links with neither', () => {
    const model = toApplePreview({
      passMetadata: {
        backFields: [
          {
            label: 'A',
            value: [
              { text: '', link: 'https://x.example' },
              { text: '', link: '' },
            ],
          },
        ],
      },
    });
    expect(model.backFields[0]?.links).toEqual([
      {
        path: 'passMetadata.backFields.0.value.0.link',
        text: 'https://x.example',
        href: 'https://x.example',
        safe: true,
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type WalletPass, WalletPassSchema } from '../../../../../contract/schemas';
import example from '../../../../../testing/example-pass.json';
import { editableDocument } from '../../model/pass-document';
import { diffLocations, toSaveDocument } from '../../model/form-model';
import { TEST_WORKSPACE_ID, renderSection, savablePass } from '../../../../../testing/editor-harness';
import { BackFieldsSection } from './back-fields-section';
import { DeepLinksSection } from './deep-links-section';
import { ImagesSection } from './images-section';
import { LocationsSection } from './locations-section';
import { LookSection } from './look-section';
import { PassSection } from './pass-section';
import { QrSection } from './qr-section';
import { SecondaryFieldsSection } from './secondary-fields-section';
import { TopFieldSection } from './top-field-section';

/** Every section, as the editor lays them out, so every input reads its value from the DOM. */
function renderEditorSections(pass: WalletPass) {
  return renderSection(
    <>
      <PassSection />
      <LookSection />
      <TopFieldSection />
      <SecondaryFieldsSection />
      <BackFieldsSection />
      <QrSection />
      <ImagesSection workspaceId={TEST_WORKSPACE_ID} />
      <LocationsSection passId={pass.id} />
      <DeepLinksSection />
    </>,
    { pass },
  );
}

function withUnknownKeys(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => withUnknownKeys(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withUnknownKeys(v, depth + 1);
    out[`x_future_${depth}`] = { at: depth, empty: null };
    return out;
  }
  return value;
}

describe('all sections, saved without an edit', () => {
  it('send back the example pass exactly as stored, unknown keys included', async () => {
    const pass = WalletPassSchema.parse(withUnknownKeys(example));
    const h = renderEditorSections(pass);
    await h.submit();
    expect(h.onInvalid).not.toHaveBeenCalled();
    expect(toSaveDocument(pass, h.submitted())).toEqual(editableDocument(pass));
    expect(diffLocations(pass, h.submitted().locations)).toEqual({ create: [], update: [], remove: [] });
  });

  it('add nothing to a sparse pass: no "" for null, no empty deep-link objects', async () => {
    const base = savablePass();
    const pass = WalletPassSchema.parse({
      ...base,
      notificationHeader: null,
      passMetadata: { ...base.passMetadata, description: null, qrText: null, backgroundColor: null },
    });
    const h = renderEditorSections(pass);
    await h.submit();
    const document = toSaveDocument(pass, h.submitted());
    expect(document).toEqual(editableDocument(pass));
    expect(document.notificationHeader).toBeNull();
    expect(document.passMetadata?.qrText).toBeNull();
    expect(document.passMetadata).not.toHaveProperty('appDeepLinks');
    expect(document.passMetadata).not.toHaveProperty('userDeepLink');
  });
});

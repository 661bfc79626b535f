/**
 * Test data shared by unit, component and e2e tests. Every factory parses its result through the
 * contract, so fixtures cannot drift from the API's shapes.
 */
import { type BackField, type PassField, type WalletPass, WalletPassSchema } from '../contract/schemas';
import { type CreatePassRequest, CreatePassRequestSchema } from '../contract/input-schemas';

let sequence = 0;
const next = () => ++sequence;

export function buildField(overrides: Partial<PassField> = {}): PassField {
  const n = next();
  return { key: `field${n}`, label: `Label ${n}`, value: `Value ${n}`, changeMessage: 'Now %@', ...overrides };
}

export function buildBackField(overrides: Partial<BackField> = {}): BackField {
  const n = next();
  return {
    key: `back${n}`,
    label: `Back ${n}`,
    value: [{ text: `Link ${n}`, link: `https://example.com/${n}` }],
    changeMessage: '',
    ...overrides,
  };
}

/** A valid create body; `overrides` replace top-level keys. */
export function buildCreatePass(overrides: Partial<CreatePassRequest> = {}): CreatePassRequest {
  const n = next();
  return CreatePassRequestSchema.parse({
    passName: `Test pass ${n} ${Math.random().toString(36).slice(2, 8)}`,
    status: 'Draft',
    notificationHeader: 'TEST',
    passMetadata: {
      description: 'A pass made by a test.',
      organizationName: 'Test Co.',
      backgroundColor: '#1F3068',
      displayTextColor: '#FFFFFF',
      topField: { key: 'points', label: 'POINTS', value: '10', changeMessage: 'You now have %@ points' },
      secondaryFields: [buildField(), buildField()],
      backFields: [buildBackField()],
      qrUrl: 'https://example.com/scan',
      qrText: 'Scan me',
    },
    ...overrides,
  });
}

/** A stored pass as the API returns it. */
export function buildPass(overrides: Partial<WalletPass> = {}): WalletPass {
  const n = next();
  const created = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  const { passMetadata, ...rest } = buildCreatePass();
  return WalletPassSchema.parse({
    ...rest,
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    workspaceId: 'ws-test',
    createdTime: created,
    updatedTime: created,
    status: 'Draft',
    passMetadata: { ...passMetadata, locations: [] },
    uploadInfoList: [],
    appleIssuedCount: 0,
    googleIssuedCount: 0,
    totalIssuedCount: 0,
    appleActiveCount: 0,
    googleActiveCount: 0,
    totalActiveCount: 0,
    ...overrides,
  });
}

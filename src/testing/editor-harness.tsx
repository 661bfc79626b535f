/**
 * Component tests of the editor's sections: renders them inside the editor's own form
 * (`usePassForm`), with a submit button that runs `handleSubmit(onValid, onInvalid)` so tests can
 * trigger validation and read the saved values.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { type FieldErrors, FormProvider } from 'react-hook-form';
import { expect, vi } from 'vitest';
import type { Location, UploadInfo, WalletPass } from '../contract/schemas';
import { buildPass } from './factories';
import type { ApiClient } from '../app/lib/api-client';
import { ConnectionContext, type ConnectionValue } from '../app/lib/connection';
import { usePassForm } from '../app/features/passes/editor/use-pass-form';
import type { PassFormValues } from '../app/features/passes/model/form-model';
import { PNG_SIGNATURE } from '../contract/wallet-rules';

export const TEST_WORKSPACE_ID = 'ws-test';

/** A stored image as the API lists it. */
export function storedImage(fileName: string, key: string): UploadInfo {
  return { fileName, uploadKey: key, url: `https://assets.example.net/${key}.png` };
}

/** The three images a pass needs to save (logo, icon, strip). */
export function requiredImages(): UploadInfo[] {
  return [
    storedImage('logo.png', 'logo-key'),
    storedImage('icon.png', 'icon-key'),
    storedImage('strip.png', 'strip-key'),
  ];
}

/** A stored pass that passes every editor rule as it is, so a test changes only what it checks. */
export function savablePass(overrides: Partial<WalletPass> = {}): WalletPass {
  return buildPass({ uploadInfoList: requiredImages(), ...overrides });
}

/** A savable pass whose metadata is the factory's with `metadata` laid over it. */
export function passWithMetadata(metadata: NonNullable<WalletPass['passMetadata']>): WalletPass {
  const base = savablePass();
  return savablePass({ passMetadata: { ...base.passMetadata, ...metadata } });
}

/** A stored location; `n` makes its id and name distinct. */
export function storedLocation(passId: string, n: number, overrides: Partial<Location> = {}): Location {
  return {
    id: `loc-${n}`,
    name: `Shop ${n}`,
    enabled: true,
    latitude: 45 + n / 100,
    longitude: -122 - n / 100,
    altitude: null,
    relevantText: `Near shop ${n}`,
    walletPass: { id: passId },
    ...overrides,
  };
}

export type UploadMock = ReturnType<
  typeof vi.fn<(path: string, body: FormData, options: UploadCall) => Promise<unknown>>
>;
export interface UploadCall {
  workspaceId?: string | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
}

function fakeConnection(upload: UploadMock): ConnectionValue {
  return testConnection({
    upload: upload as unknown as ApiClient['upload'],
    request: vi.fn(() => Promise.reject(new Error('No requests in section tests'))) as unknown as ApiClient['request'],
  });
}

/** The connection a test renders under: `client` is what the app calls. */
export function testConnection(client: ApiClient): ConnectionValue {
  return {
    config: { mode: 'sandbox', workspaces: [] },
    client,
    connectionId: 'test-connection',
    keyLabel: undefined,
    workspaces: [],
    defaultWorkspaceId: TEST_WORKSPACE_ID,
    discoveringWorkspace: false,
    connect: vi.fn(),
    disconnect: vi.fn(),
    addWorkspace: vi.fn(),
  };
}

function HarnessForm({
  pass,
  children,
  onValid,
  onInvalid,
}: {
  pass: WalletPass;
  children: ReactNode;
  onValid: (values: PassFormValues) => void;
  onInvalid: (errors: FieldErrors<PassFormValues>) => void;
}) {
  const form = usePassForm(pass);
  return (
    <FormProvider {...form}>
      <form noValidate aria-label="Edit pass" onSubmit={(event) => void form.handleSubmit(onValid, onInvalid)(event)}>
        {children}
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

/**
 * Renders `ui` (one or more sections) in the editor's form. `submit()` clicks Save; `onValid` /
 * `onInvalid` are the handleSubmit callbacks; `upload` is the connection client's upload.
 */
export function renderSection(ui: ReactNode, { pass = savablePass() }: { pass?: WalletPass } = {}) {
  const onValid = vi.fn<(values: PassFormValues) => void>();
  const onInvalid = vi.fn<(errors: FieldErrors<PassFormValues>) => void>();
  const upload: UploadMock = vi.fn<(path: string, body: FormData, options: UploadCall) => Promise<unknown>>();
  // A dropped file skips the input's `accept`, so the section must check the type itself.
  const user = userEvent.setup({ applyAccept: false });
  const view = render(
    <ConnectionContext value={fakeConnection(upload)}>
      <HarnessForm pass={pass} onValid={onValid} onInvalid={onInvalid}>
        {ui}
      </HarnessForm>
    </ConnectionContext>,
  );
  const saveButton = view.getByRole('button', { name: 'Save' });
  return {
    ...view,
    pass,
    user,
    onValid,
    onInvalid,
    upload,
    /** Clicks Save (handleSubmit validates everything first). */
    submit: () => user.click(saveButton),
    /** The values the last successful submit handed to onValid. */
    submitted(): PassFormValues {
      const call = onValid.mock.lastCall;
      if (!call) throw new Error('The form was not submitted successfully');
      return call[0];
    },
  };
}

/** A file whose first bytes are a PNG signature and an IHDR chunk of the given size. */
export function pngFile(width: number, height: number, name = 'image.png'): File {
  const bytes = new Uint8Array(33);
  bytes.set(PNG_SIGNATURE);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12); // "IHDR"
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24); // bit depth, colour type, compression, filter, interlace
  return new File([bytes], name, { type: 'image/png' });
}

/** The field shows `message` as its error: marked invalid and described by the message. */
export function expectFieldError(input: HTMLElement, message: string): void {
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
}

/** The field shows no error. */
export function expectNoFieldError(input: HTMLElement): void {
  expect(input).not.toHaveAttribute('aria-invalid');
}

import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type TestSandbox,
  WORKSPACE,
  createPass,
  renderEditorRoute,
  saveElsewhere,
  startEditorSandbox,
  storedPass,
} from '../../../../testing/editor-route';

// Each test renders the whole editor and talks to a real server: give it room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const saved = () => screen.findByText('All changes saved', undefined, { timeout: 30_000 });
const conflictDialog = () =>
  screen.findByRole('dialog', { name: 'This pass was changed while you were editing' }, { timeout: 30_000 });

describe('the save flow, against a sandbox server', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startEditorSandbox();
  });
  afterAll(() => sandbox.stop());

  it('saves a clean edit: the server, the cache, the header and the form agree afterwards', async () => {
    const pass = await createPass(sandbox);
    const editor = await renderEditorRoute(sandbox, pass);
    const name = `${pass.passName} renamed`;
    await editor.fill('Pass name', name);
    await editor.fill('Description', 'Saved from the editor');
    expect(screen.getByText(/Unsaved changes in 2 fields/)).toBeInTheDocument();
    await editor.save();

    await saved();
    expect(await screen.findByText('Pass saved', undefined, { timeout: 30_000 })).toBeInTheDocument();
    const stored = await storedPass(sandbox, pass.id);
    expect(stored.passName).toBe(name);
    expect(stored.passMetadata?.description).toBe('Saved from the editor');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(name);
    expect(editor.cached(pass.id)).toMatchObject({ passName: name, updatedTime: stored.updatedTime });
  });

  it('a save over a newer version asks; keep mine writes the edit', async () => {
    const pass = await createPass(sandbox);
    const editor = await renderEditorRoute(sandbox, pass);
    await saveElsewhere(sandbox, pass.id, { metadata: { qrText: 'Theirs' } });
    await editor.fill('QR caption', 'Mine');
    await editor.save();

    const dialog = await conflictDialog();
    expect((await storedPass(sandbox, pass.id)).passMetadata?.qrText).toBe('Theirs');
    await editor.user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await saved();
    expect((await storedPass(sandbox, pass.id)).passMetadata?.qrText).toBe('Mine');
    expect(screen.getByLabelText('QR caption')).toHaveValue('Mine');
  });

  it('take theirs writes nothing and moves the form, the header and the cache to the stored version', async () => {
    const pass = await createPass(sandbox);
    const editor = await renderEditorRoute(sandbox, pass);
    const theirs = await saveElsewhere(sandbox, pass.id, {
      passName: `${pass.passName} by a colleague`,
      metadata: { qrText: 'Theirs' },
    });
    await editor.fill('QR caption', 'Mine');
    await editor.save();

    await editor.user.click(within(await conflictDialog()).getByRole('button', { name: 'Take theirs' }));
    await saved();
    expect(screen.getByLabelText('QR caption')).toHaveValue('Theirs');
    expect(screen.getByLabelText('Pass name')).toHaveValue(theirs.passName);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(theirs.passName ?? '');
    expect((await storedPass(sandbox, pass.id)).updatedTime).toBe(theirs.updatedTime);

    // The editor now stands on their version: the next save goes through without asking.
    await editor.fill('Description', 'After taking theirs');
    await editor.save();
    await saved();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const stored = await storedPass(sandbox, pass.id);
    expect(stored.passMetadata?.description).toBe('After taking theirs');
    expect(stored.passMetadata?.qrText).toBe('Theirs');
  });

  it('merge keeps what each side changed and asks only where both did', async () => {
    const pass = await createPass(sandbox);
    const editor = await renderEditorRoute(sandbox, pass);
    await saveElsewhere(sandbox, pass.id, { metadata: { description: 'Their description', qrText: 'Their caption' } });
    await editor.fill('Description', 'My description');
    await editor.fill('Organisation name', 'My organisation');
    await editor.save();

    const dialog = await conflictDialog();
    // Who saved (shortened, labelled, never the bare id) and when (relative and exact).
    const theirs = await storedPass(sandbox, pass.id);
    const who = `user ${theirs.updatedBy?.slice(0, 8)}…`;
    expect(dialog).toHaveAccessibleDescription(new RegExp(`^Saved by ${who} (just now|.+ ago) \\(.+\\d{4}.+\\)\\.`));
    expect(dialog.textContent).not.toContain(theirs.updatedBy);
    await editor.user.click(within(dialog).getByRole('button', { name: 'Merge field by field' }));
    // Both values side by side before the choice.
    const description = within(dialog).getByRole('radiogroup', { name: 'Description' });
    expect(within(description).getByRole('radio', { name: /^Mine/ })).toHaveAccessibleName('Mine“My description”');
    expect(within(description).getByRole('radio', { name: /^Theirs/ })).toHaveAccessibleName(
      `Theirs (${who})“Their description”`,
    );
    await editor.user.click(within(description).getByRole('radio', { name: /^Theirs/ }));
    await editor.user.click(within(dialog).getByRole('button', { name: 'Save merged version' }));
    await saved();

    const stored = await storedPass(sandbox, pass.id);
    expect(stored.passMetadata?.description).toBe('Their description');
    expect(stored.passMetadata?.qrText).toBe('Their caption');
    expect(stored.passMetadata?.organizationName).toBe('My organisation');
    expect(screen.getByLabelText('Description')).toHaveValue('Their description');
  });

  it('a name the API refuses comes back as an error at the field, and nothing typed is lost', async () => {
    const taken = await createPass(sandbox);
    const pass = await createPass(sandbox);
    const editor = await renderEditorRoute(sandbox, pass);
    await editor.fill('Description', 'Kept through the refusal');
    await editor.fill('Pass name', taken.passName ?? '');
    await editor.save();

    const input = screen.getByLabelText('Pass name');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'), { timeout: 30_000 });
    expect(input).toHaveAccessibleDescription(expect.stringMatching(/already exists/));
    expect(screen.getByRole('alert', { name: 'One problem stops the save' })).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Kept through the refusal');
    expect((await storedPass(sandbox, pass.id)).passName).toBe(pass.passName);
  });

  describe('offline', () => {
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    let online = true;
    beforeAll(() => {
      Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => online });
    });
    afterEach(() => {
      online = true;
    });
    afterAll(() => {
      if (onLine) Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    });

    it('waits for the connection, then saves', async () => {
      const pass = await createPass(sandbox);
      const editor = await renderEditorRoute(sandbox, pass);
      await editor.fill('Description', 'Written on the train');
      online = false;
      window.dispatchEvent(new Event('offline'));
      await editor.save();

      expect(
        await screen.findByText('Offline: the save starts when the connection returns.', undefined, {
          timeout: 30_000,
        }),
      ).toBeInTheDocument();
      expect((await storedPass(sandbox, pass.id)).passMetadata?.description).not.toBe('Written on the train');

      online = true;
      window.dispatchEvent(new Event('online'));
      await saved();
      expect((await storedPass(sandbox, pass.id)).passMetadata?.description).toBe('Written on the train');
    });
  });
});

describe('the save flow, against a rate-limited sandbox', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startEditorSandbox({ app: { rateLimit: 1 } });
  });
  afterAll(() => sandbox.stop());

  it('a 429 waits for Retry-After, says so, retries and saves', async () => {
    const pass = await createPass(sandbox);
    const editor = await renderEditorRoute(sandbox, pass);
    await editor.fill('Description', 'Saved despite the rate limit');
    // Keep the key's allowance used up while the save starts, so it meets 429s first.
    const statuses: number[] = [];
    let hammering = true;
    const hammerOnce = async () => {
      while (hammering) {
        // A dropped connection under this load is just another refused request here.
        const response = await sandbox
          .api('GET', '/v1/wallet-pass?limit=1', { workspace: WORKSPACE })
          .catch(() => null);
        statuses.push(response?.status ?? 0);
      }
    };
    // Three at a time against an allowance of one a second keeps it empty on a slow machine too.
    const hammer = Promise.all([hammerOnce(), hammerOnce(), hammerOnce()]);
    await waitFor(() => expect(statuses).toContain(429), { timeout: 30_000 });
    // Every text the save bar shows, however briefly.
    const shown = new Set<string>();
    const record = () => {
      for (const status of screen.queryAllByRole('status')) shown.add(status.textContent ?? '');
    };
    const observer = new MutationObserver(record);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await editor.save();

    try {
      await waitFor(() => expect([...shown].join('\n')).toMatch(/Trying again in \d+ s \(attempt \d\)/), {
        timeout: 30_000,
      });
    } finally {
      hammering = false;
      await hammer;
    }
    await saved();
    observer.disconnect();
    // The test's own read shares the key's allowance of one a second: read again after a 429.
    await waitFor(
      async () =>
        expect((await storedPass(sandbox, pass.id)).passMetadata?.description).toBe('Saved despite the rate limit'),
      { timeout: 10_000 },
    );
  });
});

import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPass,
  renderComposer,
  startComposerSandbox,
  storedNotifications,
} from '../../../testing/notifications-route';
import type { TestSandbox } from '../../../testing/notifications-route';

let sandbox: TestSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function write(user: Awaited<ReturnType<typeof renderComposer>>['user'], name: string, message: string) {
  await user.type(screen.getByLabelText('Internal name'), name);
  await user.click(screen.getByLabelText('Message'));
  await user.paste(message);
}

describe('composer route against a real sandbox', () => {
  it('puts a server refusal at its field and keeps every edit', async () => {
    // The server's clock is two hours ahead: a time an hour from now is in its past.
    sandbox = await startComposerSandbox({ clockAheadMs: 2 * 3600_000 });
    const pass = await createPass(sandbox);
    const { user } = await renderComposer(sandbox, pass);
    await write(user, 'Too early', 'Our terrace opens');
    await user.click(screen.getByRole('radio', { name: /Schedule/ }));
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    const sendAt = screen.getByLabelText('Send at');
    await waitFor(() => expect(sendAt).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('The scheduled time must be in the future')).toBeInTheDocument();
    expect(screen.getByLabelText('Internal name')).toHaveValue('Too early');
    expect(screen.getByLabelText('Message')).toHaveValue('Our terrace opens');
    expect(await storedNotifications(sandbox, pass.id)).toEqual([]);
  });

  it('retries a send refused with 429 and sends it once', async () => {
    sandbox = await startComposerSandbox({ app: { rateLimit: 1 } });
    const pass = await createPass(sandbox);
    const { user } = await renderComposer(sandbox, pass);
    await write(user, 'Once only', 'Happy hour at six');
    // Spend the key's burst, so the POST is refused first.
    const spent = await Promise.all(Array.from({ length: 4 }, () => sandbox!.api('GET', '/v1/wallet-pass?limit=1')));
    expect(spent.some((r) => r.status === 429)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByText('Sending to holders', undefined, { timeout: 15_000 })).toBeInTheDocument();
    const stored = await storedNotifications(sandbox, pass.id);
    expect(stored.map((n) => n.notificationName)).toEqual(['Once only']);
  });

  it('says a send may have gone out when the answer never came, and keeps the message', async () => {
    sandbox = await startComposerSandbox();
    const pass = await createPass(sandbox);
    const { user } = await renderComposer(sandbox, pass);
    await write(user, 'Lost answer', 'Doors open at noon');
    await sandbox.stop({ keepData: true });
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    const alert = await screen.findByRole('alert', undefined, { timeout: 15_000 });
    expect(alert).toHaveTextContent('It may have been sent: check the history below before sending it again.');
    expect(screen.getByLabelText('Message')).toHaveValue('Doors open at noon');
    sandbox = undefined;
  });
});

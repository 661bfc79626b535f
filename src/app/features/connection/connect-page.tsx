import { type FormEvent, useId, useRef, useState } from 'react';
import type { StudioConfig } from '../../../contract/queries';
import { WalletPassPageSchema } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { createApiClient } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';

/** Why a key could not be used, in words that say what to do next. */
export function connectErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 401) return 'The Passport API did not receive a key. Paste your API key and try again.';
    if (error.status === 403) {
      return 'The Passport API refused this key. Check that you copied the whole key and that it has not been revoked.';
    }
    if (error.kind === 'network' || error.kind === 'timeout' || error.status === 502 || error.status === 504) {
      return 'Could not reach the Passport API. Check your network connection, then try again.';
    }
    if (error.status === 429) return 'The Passport API is busy (rate limited). Wait a few seconds and try again.';
  }
  return 'The key could not be checked because the Passport API had a problem. Try again in a moment.';
}

export function ConnectPage({
  config,
  onConnect,
}: {
  config: StudioConfig;
  onConnect: (apiKey: string, options: { remember: boolean }) => void;
}) {
  const keyId = useId();
  const errorId = useId();
  const [apiKey, setApiKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function verifyAndConnect(key: string) {
    setChecking(true);
    setError(null);
    try {
      // One real request proves the key before it is kept anywhere.
      await createApiClient({ apiKey: key }).request('/wallet-pass', {
        query: { limit: 1 },
        schema: WalletPassPageSchema,
      });
      onConnect(key, { remember });
    } catch (caught) {
      setError(connectErrorMessage(caught));
      inputRef.current?.focus();
    } finally {
      setChecking(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const key = apiKey.trim();
    if (!key) {
      setError('Enter your Passport API key.');
      inputRef.current?.focus();
      return;
    }
    void verifyAndConnect(key);
  }

  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-16 sm:items-center">
      <div className="w-full max-w-md rounded-card border border-surface-border bg-surface p-8 shadow-card">
        <p className="text-sm font-semibold text-brand-700">Pass Studio</p>
        <h1 className="mt-1 text-2xl font-semibold text-ink">Connect to Passport</h1>
        <p className="mt-2 text-sm text-ink-muted">
          Paste an API key from the Passport dashboard (Settings › API keys). The key acts with your rights, so keep it
          private.
        </p>

        <form className="mt-6 space-y-4" onSubmit={handleSubmit} noValidate>
          <div>
            <label htmlFor={keyId} className="block text-sm font-medium text-ink">
              Passport API key
            </label>
            <input
              ref={inputRef}
              id={keyId}
              name="api-key"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className="mt-1 block h-10 w-full rounded-lg border border-surface-strong bg-surface px-3 font-mono text-sm text-ink placeholder:text-ink-subtle focus:border-brand-500 aria-[invalid=true]:border-danger-600"
              placeholder="ub_live_…"
            />
            <p id={errorId} className="mt-1 min-h-5 text-sm text-danger-700" role={error ? 'alert' : undefined}>
              {error}
            </p>
          </div>

          <label className="flex items-start gap-2 text-sm text-ink">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
              className="mt-0.5 size-4 rounded border-surface-strong accent-brand-600"
            />
            <span>
              Remember on this device
              <span className="block text-ink-subtle">Otherwise the key is forgotten when you close this tab.</span>
            </span>
          </label>

          <Button type="submit" variant="primary" className="w-full" busy={checking}>
            {checking ? 'Checking key…' : 'Connect'}
          </Button>
        </form>

        {config.mode === 'sandbox' && (config.demoKeys?.length ?? 0) > 0 ? (
          <div className="mt-8 border-t border-surface-border pt-6">
            <h2 className="text-sm font-semibold text-ink">Sandbox demo keys</h2>
            <p className="mt-1 text-sm text-ink-muted">This server runs the sandbox. Connect with a demo key:</p>
            <ul className="mt-3 space-y-2">
              {config.demoKeys?.map((demo) => (
                <li key={demo.apiKey}>
                  <Button
                    className="w-full justify-start"
                    disabled={checking}
                    onClick={() => void verifyAndConnect(demo.apiKey)}
                  >
                    {demo.label ?? 'Demo key'}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {config.mode === 'sandbox' ? null : (
          <Alert tone="info" className="mt-6">
            Requests go through this server to the Passport API; the key is only forwarded, never stored there.
          </Alert>
        )}
      </div>
    </main>
  );
}

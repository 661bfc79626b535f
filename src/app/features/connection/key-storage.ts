/**
 * Where the API key lives in the browser: sessionStorage by default (gone when the tab closes),
 * localStorage only when the user asks to be remembered. Never in a URL, a cookie or the DOM.
 */
const KEY = 'pass-studio.api-key';

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    // Storage can be disabled (private mode, policies); the app then keeps the key in memory only.
    return fallback;
  }
}

export function readStoredKey(): { apiKey: string; remembered: boolean } | null {
  const session = safe(() => window.sessionStorage.getItem(KEY), null);
  if (session) return { apiKey: session, remembered: false };
  const local = safe(() => window.localStorage.getItem(KEY), null);
  if (local) return { apiKey: local, remembered: true };
  return null;
}

export function storeKey(apiKey: string, remember: boolean): void {
  clearStoredKey();
  safe(() => (remember ? window.localStorage : window.sessionStorage).setItem(KEY, apiKey), undefined);
}

export function clearStoredKey(): void {
  safe(() => window.sessionStorage.removeItem(KEY), undefined);
  safe(() => window.localStorage.removeItem(KEY), undefined);
}

/** A short non-secret fingerprint, so caches of two keys never mix without keeping the key in keys. */
export function fingerprint(apiKey: string): string {
  let hash = 2166136261;
  for (let i = 0; i < apiKey.length; i++) {
    hash ^= apiKey.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(36);
}

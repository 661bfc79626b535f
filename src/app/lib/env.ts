/** Where the app finds the API: always its own origin (the sandbox or the proxy serves both). */
export const env = {
  apiBase: '/v1',
  studioConfigUrl: '/studio/config',
  /** The studio's own endpoints (count history…), called with the same key as the API. */
  studioBase: '/studio',
} as const;

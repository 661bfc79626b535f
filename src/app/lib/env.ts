/** Where the app finds the API: always its own origin (the sandbox or the proxy serves both). */
export const env = {
  apiBase: '/v1',
  studioConfigUrl: '/studio/config',
} as const;

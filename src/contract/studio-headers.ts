/**
 * The dashboard marks its requests with this header, so the studio server can tell a save made
 * here from the same request made with the API directly (the version history records the first
 * as saved, the second as observed). Never forwarded to the Passport API. A module of its own,
 * without a schema library, because the API client of the list route imports it.
 */
export const STUDIO_CLIENT_HEADER = 'x-pass-studio-client';

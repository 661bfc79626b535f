/** An opaque user id (a UUID, as the Passport API gives `updatedBy`): shown shortened, never whole. */
const OPAQUE_ID = /^[0-9a-f]{8}-[0-9a-f-]{27}$/i;

/**
 * How a user id reads in the dashboard: "user 01a2b3c4…" for an opaque id (the full id stays
 * available as a tooltip), anything else (a name or an e-mail address) as given.
 */
export function userLabel(id: string): string {
  return OPAQUE_ID.test(id) ? `user ${id.slice(0, 8)}…` : id;
}

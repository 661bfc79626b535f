/**
 * Unsaved edits kept in this browser, per workspace and pass, with the version (`updatedTime`)
 * and the form values they started from, so a reload, a crashed tab or a closed window loses
 * nothing. Cleared by a successful save or an explicit discard. No API key is ever stored here.
 */
import type { PassFormValues } from './form-model';

const PREFIX = 'pass-studio.draft.';
const VERSION = 1;

export interface StoredDraft {
  version: typeof VERSION;
  workspaceId: string;
  passId: string;
  /** `updatedTime` of the stored pass the edit started from. */
  baseUpdatedTime: string | null;
  /** The form values of that stored pass, for a three-way merge if it changed since. */
  base: PassFormValues;
  values: PassFormValues;
  savedAt: string;
}

const keyOf = (workspaceId: string, passId: string) => `${PREFIX}${workspaceId}.${passId}`;

/** Object URLs of files picked but not uploaded die with the page: keep only uploaded images. */
function storable(values: PassFormValues): PassFormValues {
  const images = { ...values.images };
  for (const slot of Object.keys(images) as (keyof typeof images)[]) {
    const image = images[slot];
    if (image && (image as { pending?: boolean }).pending) images[slot] = null;
    else if (image?.url?.startsWith('blob:')) images[slot] = { ...image, url: null };
  }
  return { ...values, images };
}

export function writeDraft(draft: Omit<StoredDraft, 'version' | 'savedAt'>): void {
  try {
    const record: StoredDraft = {
      ...draft,
      version: VERSION,
      values: storable(draft.values),
      savedAt: new Date().toISOString(),
    };
    window.localStorage.setItem(keyOf(draft.workspaceId, draft.passId), JSON.stringify(record));
  } catch {
    // Storage full or disabled: the edit stays on screen; nothing else to do.
  }
}

export function readDraft(workspaceId: string, passId: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(workspaceId, passId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (parsed.version !== VERSION || !parsed.values || !parsed.base) return null;
    return parsed as StoredDraft;
  } catch {
    return null;
  }
}

export function clearDraft(workspaceId: string, passId: string): void {
  try {
    window.localStorage.removeItem(keyOf(workspaceId, passId));
  } catch {
    // Nothing stored, nothing to clear.
  }
}

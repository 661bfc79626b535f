/**
 * Where the API's refusals land in the editor: field errors onto the fields they name (the
 * API's paths translated to the form's), the rest into one sentence for the form-level alert.
 */
import type { ApiError } from '../../../lib/api-error';
import { describeError, isApiError } from '../../../lib/api-error';
import { IMAGE_SLOTS, type PassFormValues, slotFileName } from '../model/form-model';
import { type Problem, isFormPath } from './form-paths';

const PLACEABLE = /^(passName|notificationHeader|passLinkSlug|passMetadata\.|locations\.|images\.)/;

/** A server path onto the form: `uploadInfoList.2.uploadKey` → the image slot it names. */
function mapServerPath(path: string, uploadInfoList: unknown): string | null {
  const image = /^uploadInfoList\.(\d+)/.exec(path);
  if (image) {
    const info = Array.isArray(uploadInfoList)
      ? (uploadInfoList[Number(image[1])] as { fileName?: string } | undefined)
      : undefined;
    const slot = IMAGE_SLOTS.find((s) => slotFileName(s) === info?.fileName);
    return slot ? `images.${slot}` : null;
  }
  return path.replace(/^passMetadata\.locations\./, 'locations.');
}

interface PlacedErrors {
  /** Errors that name a field of the form. */
  placed: Problem[];
  /** The form-level alert, when something could not be placed on a field. */
  alert: string | null;
}

/** Why a save failed, placed on the form where possible. */
export function placeSaveError(error: unknown, uploadInfoList: unknown): PlacedErrors {
  if (isApiError(error) && error.status === 400 && Object.keys(error.fieldErrors).length > 0) {
    const placed: Problem[] = [];
    const unplaced: string[] = [];
    for (const [rawPath, message] of Object.entries(error.fieldErrors)) {
      const path = mapServerPath(rawPath, uploadInfoList);
      if (path && PLACEABLE.test(path) && isFormPath(path)) placed.push({ path, message });
      else unplaced.push(`${rawPath}: ${message}`);
    }
    return { placed, alert: unplaced.length ? `The Passport API refused the save. ${unplaced.join('; ')}` : null };
  }
  const transient = isApiError(error) && error.isRetryable;
  return {
    placed: [],
    alert: `${describeError(error)}${transient ? ' Pass Studio tried several times.' : ''} Your changes are still here and kept in this browser; save again when ready.`,
  };
}

/**
 * The pass was saved but some location writes were refused: those locations stay in the form,
 * unsaved, after the stored ones; answers the list to show and the errors at their new rows.
 */
export function keepRefusedLocations(
  saved: PassFormValues,
  sent: PassFormValues,
  locationErrors: { index: number; error: ApiError }[],
  savedLocationIndexes: number[],
): { locations: PassFormValues['locations']; problems: Problem[] } {
  const failed = new Set(locationErrors.map((e) => e.index));
  const kept = sent.locations.filter((_, i) => failed.has(i) || !savedLocationIndexes.includes(i));
  const offset = saved.locations.length;
  const problems: Problem[] = [];
  [...failed].forEach((formIndex, k) => {
    const error = locationErrors.find((e) => e.index === formIndex)?.error;
    for (const [field, message] of Object.entries(error?.fieldErrors ?? {})) {
      const path = `locations.${offset + k}.${field}`;
      if (isFormPath(path)) problems.push({ path, message });
    }
    if (error && Object.keys(error.fieldErrors).length === 0) {
      problems.push({ path: `locations.${offset + k}.name`, message: describeError(error) });
    }
  });
  return { locations: [...saved.locations, ...kept], problems };
}

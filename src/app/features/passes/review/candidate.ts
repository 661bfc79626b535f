import type { WalletPass } from '../../../../contract/schemas';
import type { UpdatePassRequest } from '../../../../contract/input-schemas';
import { IMAGE_SLOTS, type PassFormValues, slotFileName, toSaveDocument } from '../model/form-model';
import type { PassSnapshot } from './pass-changes';

/**
 * The version a save would produce, for the review: the stored pass with the save document laid
 * over it, the form's locations (stored ids kept, so rows pair with their stored selves) and the
 * form's image URLs (a new upload's preview), all without asking the server.
 */
export function candidateVersion(
  current: WalletPass,
  values: PassFormValues,
  document: UpdatePassRequest = toSaveDocument(current, values),
): PassSnapshot {
  const storedUrl = new Map((current.uploadInfoList ?? []).map((info) => [info.fileName, info.url]));
  const formUrl = new Map(IMAGE_SLOTS.map((slot) => [slotFileName(slot), values.images[slot]?.url]));
  return {
    ...current,
    ...document,
    passMetadata: {
      ...document.passMetadata,
      locations: values.locations.map(({ locationId, ...location }) => ({ ...location, id: locationId })),
    },
    uploadInfoList: (document.uploadInfoList ?? []).map((info) => ({
      ...info,
      url: formUrl.get(info.fileName as never) ?? storedUrl.get(info.fileName) ?? null,
    })),
  } as PassSnapshot;
}

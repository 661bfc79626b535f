import { READ_ONLY_PASS_KEYS, type WalletPass } from '../../../../contract/schemas';
import { type UpdatePassRequest } from '../../../../contract/input-schemas';

/**
 * The editable document of a stored pass: everything the API returned except what it sets
 * itself, the derived `passMetadata.locations` (managed through the location endpoints) and the
 * hosted image `url`s. Keys we do not know are kept, so a save never drops them.
 */
export function editableDocument(pass: WalletPass): UpdatePassRequest {
  const document: Record<string, unknown> = { ...pass };
  for (const key of READ_ONLY_PASS_KEYS) delete document[key];
  if (pass.passMetadata) {
    const { locations: _locations, ...metadata } = pass.passMetadata;
    document.passMetadata = metadata;
  }
  if (pass.uploadInfoList) {
    document.uploadInfoList = pass.uploadInfoList.map(({ url: _url, ...info }) => info);
  }
  return document as UpdatePassRequest;
}

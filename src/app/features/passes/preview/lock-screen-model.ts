/**
 * What the iPhone lock screen would show for a pass: the update banner of a change message and
 * the banner of a location. Pure, like the wallet models.
 */
import { type PreviewPass, hasText, previewPaths, str, url } from './preview-input';

interface LockScreenPreviewModel {
  iconUrl: string | null;
  /** Update banner: icon + notification header (or organisation name) + change message. */
  notification: { title: string; body: string; path: string } | null;
  /** The pass surfacing near a store: relevant text of the first enabled location. */
  location: { title: string; text: string; name: string; path: string } | null;
}

/** Wallet replaces every `%@` in a change message with the field's new value. */
export function formatChangeMessage(message: string, value: string): string {
  return message.split('%@').join(value);
}

export function toLockScreenPreview(pass: PreviewPass | null | undefined): LockScreenPreviewModel {
  const meta = pass?.passMetadata ?? {};
  const organizationName = str(meta.organizationName);
  const title = hasText(pass?.notificationHeader) ? pass.notificationHeader : organizationName;

  type Candidate = {
    message: string | null | undefined;
    value: string;
    path: string;
  };
  const candidates: Candidate[] = [];
  if (meta.topField) {
    candidates.push({
      message: meta.topField.changeMessage,
      value: str(meta.topField.value),
      path: previewPaths.topFieldChangeMessage,
    });
  }
  (meta.secondaryFields ?? []).forEach((field, i) => {
    if (field)
      candidates.push({
        message: field.changeMessage,
        value: str(field.value),
        path: previewPaths.secondaryChangeMessage(i),
      });
  });
  (meta.backFields ?? []).forEach((field, i) => {
    if (!field) return;
    const value = (field.value ?? [])
      .map((link) => str(link?.text))
      .filter(Boolean)
      .join(', ');
    candidates.push({
      message: field.changeMessage,
      value,
      path: previewPaths.backChangeMessage(i),
    });
  });
  const changed = candidates.find((c) => hasText(c.message));
  const notification = changed
    ? {
        title,
        body: formatChangeMessage(str(changed.message), changed.value || '…'),
        path: changed.path,
      }
    : null;

  let location: LockScreenPreviewModel['location'] = null;
  const locations = meta.locations ?? [];
  for (let i = 0; i < locations.length; i++) {
    const entry = locations[i];
    // The API stores a location without `enabled` as enabled.
    if (entry && entry.enabled !== false && hasText(entry.relevantText)) {
      location = {
        title: organizationName,
        text: entry.relevantText,
        name: str(entry.name),
        path: previewPaths.locationText(i),
      };
      break;
    }
  }

  return { iconUrl: url(pass?.images?.['icon.png']), notification, location };
}

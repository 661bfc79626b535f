/**
 * Pass checks for what each wallet requires, shows and cuts. Every rule names its platform and
 * cites its source with the tags listed at the top of pass-checks.ts.
 */
import {
  APPLE_MAX_SECONDARY,
  GOOGLE_HERO_MIN_RATIO,
  GOOGLE_MAX_ROWS,
  GOOGLE_ROW_SIZE,
  GOOGLE_LOGO_MIN_PX,
  GOOGLE_LOGO_SAFE_MARGIN,
  GOOGLE_MAX_LINKS,
  GOOGLE_MAX_TEXT_MODULES,
  GOOGLE_MODULE_ID,
  GOOGLE_TEXT_LIMITS,
  appleImageSize,
} from '../../../../contract/wallet-rules';
import { previewPaths } from '../preview/preview-input';
import {
  APPLE_SECONDARY_ROW,
  GOOGLE_CARD_ROW,
  TEXT_SLOTS,
  type TextSlot,
  fitText,
  rowValueSlots,
} from '../preview/text-fit';
import type { PassCheckInput, PassCheckPlatform, PassCheckSeverity } from './pass-checks';

const STRIP = appleImageSize('strip');
const APPLE_STRIP_RATIO = STRIP.width / STRIP.height;

export type AddCheck = (
  severity: PassCheckSeverity,
  rule: string,
  path: string,
  platform: PassCheckPlatform,
  message: string,
) => void;

const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const length = (text: string) => [...text].length;

/** Required text of each wallet. */
export function requiredTextChecks(pass: PassCheckInput | null | undefined, add: AddCheck): void {
  const meta = pass?.passMetadata ?? {};
  // [Apple Pass] organizationName is a required key; [Google Generic] cardTitle is required and
  // Passport fills it from the organisation name.
  if (!hasText(meta.organizationName))
    add(
      'error',
      'organization-name',
      previewPaths.organizationName,
      'both',
      'Organisation name: required. Apple Wallet needs it (organizationName, the title of its lock-screen banners) and Google Wallet shows it as the card title.',
    );
  // [Apple Pass] description is a required key (read by VoiceOver, top of the details sheet).
  if (!hasText(meta.description))
    add(
      'error',
      'description',
      previewPaths.description,
      'apple',
      'Description: required by Apple Wallet (VoiceOver reads it; it heads the pass details).',
    );
  // [Google Generic] header is required; Passport fills it from the top field's value.
  if (!hasText(meta.topField?.value))
    add(
      'error',
      'top-field-value',
      previewPaths.topFieldValue,
      'google',
      'Top field: add a value. Google Wallet requires a header and takes it from this value; Apple shows it top right, the only value seen when passes are stacked.',
    );
}

function truncated(
  add: AddCheck,
  path: string,
  platform: PassCheckPlatform,
  what: string,
  text: string,
  slot: TextSlot,
) {
  const fit = fitText(text, slot);
  if (fit.cut > 0)
    add(
      'warning',
      `truncated-${platform}`,
      path,
      platform,
      `${what}: ${platform === 'apple' ? 'Apple Wallet' : 'Google Wallet'} shows about ${fit.shown} of its ${fit.total} characters; about ${count(fit.cut, 'character')} ${fit.cut === 1 ? 'is' : 'are'} cut. Shorten it.`,
    );
}

/** Text the wallets cut with an ellipsis where the previews cut it. */
export function truncationChecks(pass: PassCheckInput | null | undefined, add: AddCheck): void {
  const meta = pass?.passMetadata ?? {};
  const top = meta.topField;
  // [Apple Fields] header fields share the top band with the logo; long values are truncated.
  if (hasText(top?.value)) {
    truncated(add, previewPaths.topFieldValue, 'apple', 'Top field value', top.value, TEXT_SLOTS.appleHeaderValue);
    // [Google Generic] the header is one line across the card.
    truncated(add, previewPaths.topFieldValue, 'google', 'Top field value', top.value, TEXT_SLOTS.googleHeader);
  }
  if (hasText(top?.label))
    truncated(add, previewPaths.topFieldLabel, 'apple', 'Top field label', top.label, TEXT_SLOTS.appleHeaderLabel);
  // [Google Generic] cardTitle sits beside the logo circle on one line.
  if (hasText(meta.organizationName))
    truncated(
      add,
      previewPaths.organizationName,
      'google',
      'Organisation name',
      meta.organizationName,
      TEXT_SLOTS.googleCardTitle,
    );
  // [Apple Fields] store cards lay secondary + auxiliary fields out in one row of at most 4;
  // [Google Generic] card rows hold up to 3 items each.
  const shown = (meta.secondaryFields ?? []).flatMap((field, index) => (field ? [{ field, index }] : []));
  const row = (entries: typeof shown, geometry: typeof APPLE_SECONDARY_ROW, platform: 'apple' | 'google') => {
    const slots = rowValueSlots(
      entries.map(({ field }) => ({ label: str(field.label), value: str(field.value) })),
      geometry,
    );
    entries.forEach(({ field, index }, i) => {
      if (hasText(field.value))
        truncated(
          add,
          previewPaths.secondaryValue(index),
          platform,
          `Secondary field ${index + 1} value`,
          field.value,
          slots[i]!,
        );
    });
  };
  row(shown.slice(0, APPLE_MAX_SECONDARY), APPLE_SECONDARY_ROW, 'apple');
  const google = shown.slice(0, GOOGLE_ROW_SIZE * GOOGLE_MAX_ROWS);
  for (let i = 0; i < google.length; i += GOOGLE_ROW_SIZE)
    row(google.slice(i, i + GOOGLE_ROW_SIZE), GOOGLE_CARD_ROW, 'google');
}

/** Google Wallet's details: module counts, recommended lengths and module ids. */
export function googleModuleChecks(pass: PassCheckInput | null | undefined, add: AddCheck): void {
  const meta = pass?.passMetadata ?? {};
  const secondary = (meta.secondaryFields ?? []).flatMap((field, index) => (field ? [{ field, index }] : []));
  const back = (meta.backFields ?? []).flatMap((field, index) => (field ? [{ field, index }] : []));

  // [Google Generic] textModulesData: "The maximum number of these fields displayed is 10".
  // Passport writes one text module per secondary field and per back field.
  const modules = secondary.length + back.length;
  if (modules > GOOGLE_MAX_TEXT_MODULES) {
    const first = back[Math.max(0, GOOGLE_MAX_TEXT_MODULES - secondary.length)];
    add(
      'warning',
      'google-text-modules',
      first
        ? previewPaths.backLabel(first.index)
        : previewPaths.secondaryValue(secondary[GOOGLE_MAX_TEXT_MODULES]!.index),
      'google',
      `Google Wallet shows at most ${GOOGLE_MAX_TEXT_MODULES} text modules; this pass has ${modules} (secondary and back fields), so the last ${modules - GOOGLE_MAX_TEXT_MODULES} will not appear.`,
    );
  }
  // [Google Generic] linksModuleData.uris: at most 10 displayed.
  const links = back.flatMap(({ field, index }) =>
    (field.value ?? []).flatMap((link, j) =>
      link && (hasText(link.text) || hasText(link.link)) ? [{ link, index, j }] : [],
    ),
  );
  if (links.length > GOOGLE_MAX_LINKS) {
    const first = links[GOOGLE_MAX_LINKS]!;
    add(
      'warning',
      'google-links',
      previewPaths.backLink(first.index, first.j),
      'google',
      `Google Wallet shows at most ${GOOGLE_MAX_LINKS} links; this pass has ${links.length}, so the last ${links.length - GOOGLE_MAX_LINKS} will not appear.`,
    );
  }
  // [Google Modules] recommended maximum lengths: TextModuleData.header 35, body 500;
  // Uri.description 20. [Google Generic] issuer name (card title) 20.
  const limit = (path: string, what: string, text: string, max: number) => {
    if (length(text) > max)
      add(
        'warning',
        'google-length',
        path,
        'google',
        `${what}: ${length(text)} characters; Google Wallet recommends at most ${max}, so it may be cut.`,
      );
  };
  limit(
    previewPaths.organizationName,
    'Organisation name (Google issuer name)',
    str(meta.organizationName),
    GOOGLE_TEXT_LIMITS.issuerName,
  );
  for (const { field, index } of secondary) {
    limit(
      `passMetadata.secondaryFields.${index}.label`,
      `Secondary field ${index + 1} label`,
      str(field.label),
      GOOGLE_TEXT_LIMITS.moduleHeader,
    );
    limit(
      previewPaths.secondaryValue(index),
      `Secondary field ${index + 1} value`,
      str(field.value),
      GOOGLE_TEXT_LIMITS.moduleBody,
    );
  }
  for (const { field, index } of back)
    limit(
      previewPaths.backLabel(index),
      `Back field ${index + 1} label`,
      str(field.label),
      GOOGLE_TEXT_LIMITS.moduleHeader,
    );
  for (const { link, index, j } of links)
    limit(
      `passMetadata.backFields.${index}.value.${j}.text`,
      `Back field ${index + 1} link ${j + 1} text`,
      str(link.text),
      GOOGLE_TEXT_LIMITS.linkDescription,
    );

  // [Google Modules] TextModuleData.id: letters, digits, "_" and "-" only (dots split fieldPaths);
  // Passport uses field keys as module ids, so Google refuses the pass with any other key.
  const key = (path: string, what: string, value: unknown) => {
    if (hasText(value) && !GOOGLE_MODULE_ID.test(value))
      add(
        'error',
        'google-module-id',
        path,
        'google',
        `${what}: the key “${value}” has characters Google Wallet refuses in module ids; use only letters, digits, _ and -.`,
      );
  };
  key('passMetadata.topField.key', 'Top field', meta.topField?.key);
  for (const { field, index } of secondary)
    key(`passMetadata.secondaryFields.${index}.key`, `Secondary field ${index + 1}`, field.key);
  for (const { field, index } of back)
    key(`passMetadata.backFields.${index}.key`, `Back field ${index + 1}`, field.key);
}

/** What Google Wallet does with the shared images. */
export function googleImageChecks(pass: PassCheckInput | null | undefined, add: AddCheck): void {
  const images = pass?.images ?? {};
  const logo = pass?.imageSizes?.logo;
  if (hasText(images['logo.png']) && logo) {
    // [Google Design] logo: at least 660 × 660 px, masked to a circle.
    if (Math.min(logo.width, logo.height) < GOOGLE_LOGO_MIN_PX)
      add(
        'warning',
        'google-logo-size',
        previewPaths.image('logo.png'),
        'google',
        `Logo: ${logo.width}×${logo.height} px; Google Wallet masks the logo to a circle and wants at least ${GOOGLE_LOGO_MIN_PX}×${GOOGLE_LOGO_MIN_PX} px, so it will look soft on Android. A square ${GOOGLE_LOGO_MIN_PX} px logo suits both wallets.`,
      );
    // [Google Design] keep a 15 % margin: the circle crops whatever lies outside it.
    const outside = logo.outsideSafeCircle;
    if (typeof outside === 'number' && outside > 0.02)
      add(
        'warning',
        'google-logo-circle',
        previewPaths.image('logo.png'),
        'google',
        `Logo: about ${Math.round(outside * 100)} % of the artwork lies outside the circle Google Wallet keeps (a ${Math.round(GOOGLE_LOGO_SAFE_MARGIN * 100)} % margin on each side of the centred square). Crop it as a square with room around the artwork.`,
      );
  }
  const strip = pass?.imageSizes?.strip;
  // [Google Generic] heroImage: 3:1 or wider (1032 × 336 recommended); a taller image loses rows
  // at the top and bottom. A store-card strip (375:144, [Apple Builder]) always loses about 13 %,
  // which the crop step and the Google preview show; more than that is flagged.
  if (hasText(images['strip.png']) && strip && strip.width / strip.height < APPLE_STRIP_RATIO - 0.01) {
    const visible = strip.width / GOOGLE_HERO_MIN_RATIO / strip.height;
    add(
      'warning',
      'google-hero-ratio',
      previewPaths.image('strip.png'),
      'google',
      `Strip image: ${strip.width}×${strip.height} px is taller than a store-card strip; Google Wallet shows it as a 3:1 hero and cuts about ${Math.round((1 - visible) * 100)} % of its height (top and bottom). Crop it to ${STRIP.width}×${STRIP.height} px.`,
    );
  }
}

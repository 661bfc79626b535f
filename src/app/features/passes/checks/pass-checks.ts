/**
 * Pass checks: what would make Apple Wallet or Google Wallet refuse, drop or misdraw the pass,
 * read from a (possibly half-filled) draft. Pure, so the editor can run it on every change and
 * the rules are unit-tested on their own. Rules come from `wallet-preview.md` and the contract.
 *
 * Every input value may be missing, null or empty; nothing here throws on a draft.
 *
 * Every rule names its platform and cites its source in a comment, with these tags (the facts are
 * summarised in shared/guides/wallet-preview.md; README lists the checks in a table):
 *   [Apple Pass]      Apple developer documentation, "Pass" (pass.json top-level keys, locations,
 *                     barcodes, associatedStoreIdentifiers / appLaunchURL)
 *   [Apple Fields]    Apple developer documentation, "PassFields", "PassFieldContent" and "Pass
 *                     Design and Creation" (store card layout, changeMessage, images per style)
 *   [Apple Builder]   Apple's pass-builder (2026), PassPackage.swift: image slots and sizes
 *   [Google Generic]  Google Wallet REST reference, "GenericObject" / "GenericClass" (cardTitle,
 *                     header, logo, heroImage, textModulesData, linksModuleData, card template)
 *   [Google Modules]  Google Wallet REST reference, "TextModuleData", "LinksModuleData", "Uri",
 *                     "AppLinkData"
 *   [Google Design]   Google Wallet generic pass design guidelines (logo circle, hero image)
 *   [Passport]        Passport API documentation (shared/api/passport-api.md): what it publishes
 *   [WCAG]            W3C WCAG 2.2, success criterion 1.4.3 (contrast, minimum)
 */
import { type PassImageName, REQUIRED_PASS_IMAGES } from '../../../../contract/rules';
import {
  APPLE_MAX_SECONDARY,
  GOOGLE_MAX_ROWS,
  GOOGLE_ROW_SIZE,
  MAX_GOOGLE_DISPLAY_TEXT,
  MAX_LOCATIONS,
  type WalletImageSlot,
} from '../../../../contract/wallet-rules';
import { MIN_TEXT_CONTRAST, textContrast } from '../../../lib/color';
import { sizeWarning } from '../model/png-info';
import {
  type PreviewField,
  type PreviewLocation,
  type PreviewMetadata,
  type PreviewPass,
  previewPaths,
} from '../preview/preview-input';
import {
  type AddCheck,
  googleImageChecks,
  googleModuleChecks,
  requiredTextChecks,
  truncationChecks,
} from './wallet-checks';

export type PassCheckSeverity = 'error' | 'warning';
export type PassCheckPlatform = 'apple' | 'google' | 'both';

export interface PassCheck {
  /** Stable for one problem on one field (e.g. `change-message:passMetadata.secondaryFields.1.changeMessage`). */
  id: string;
  severity: PassCheckSeverity;
  /** A short sentence naming the field and what to do. */
  message: string;
  /** Form path of the field to fix, e.g. `images.logo` or `locations.3.relevantText`. */
  path: string;
  platform: PassCheckPlatform;
}

/** An image's pixel size, and for a logo the share of its artwork outside Google's safe circle. */
type ImageSize = { width: number; height: number; outsideSafeCircle?: number | null };

type LooseText = string | null | undefined;

/** Metadata as the checks read it: the preview's reading plus Apple's app link. */
export type PassCheckMetadata = Omit<PreviewMetadata, 'appDeepLinks'> & {
  appDeepLinks?: {
    appleDeepLinkData?: { appStoreId?: LooseText; launchUrl?: LooseText } | null;
    googleDeepLinkData?: { displayText?: LooseText; androidPackageName?: LooseText; webAppUrl?: LooseText } | null;
  } | null;
};

export type PassCheckInput = Omit<PreviewPass, 'passMetadata'> & {
  passMetadata?: PassCheckMetadata | null;
  /** Pixel sizes of the images, by slot, where known (files read in the browser). */
  imageSizes?: Partial<Record<WalletImageSlot, ImageSize | null | undefined>> | null;
  /** The form's locations; when absent, `passMetadata.locations` is read instead. */
  locations?: readonly (PreviewLocation | null | undefined)[] | null;
};

// ---------------------------------------------------------------------------------------------

const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** "Secondary field 2" or "Secondary field 2 (Points)". */
function fieldName(kind: string, index: number | null, label: LooseText): string {
  const base = index === null ? kind : `${kind} ${index + 1}`;
  return hasText(label) ? `${base} (${label.trim()})` : base;
}

const IMAGE_TITLES: Record<WalletImageSlot, string> = {
  logo: 'Logo',
  icon: 'Icon',
  strip: 'Strip image',
  footer: 'Footer image',
};

const slotOf = (name: PassImageName) => name.replace(/\.png$/, '') as WalletImageSlot;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Section = (add: AddCheck) => void;
type Memo = { inputs: readonly unknown[]; checks: PassCheck[] };

/**
 * A pass checker that remembers each group of rules' answer with the inputs it read (compared by
 * identity): the live editor hands over a new value only for the part of the form a keystroke
 * changed, so only that part's rules run again. Every rule reads only the inputs listed with it.
 */
export function createPassCheckRunner(): (pass: PassCheckInput | null | undefined) => PassCheck[] {
  const memo: Memo[] = [];
  let slot = 0;
  const section = (inputs: readonly unknown[], run: Section): PassCheck[] => {
    const at = slot++;
    const last = memo[at];
    if (last && last.inputs.length === inputs.length && last.inputs.every((v, i) => Object.is(v, inputs[i])))
      return last.checks;
    const checks: PassCheck[] = [];
    run((severity, rule, path, platform, message) =>
      checks.push({ id: `${rule}:${path}`, severity, message, path, platform }),
    );
    memo[at] = { inputs, checks };
    return checks;
  };
  return (pass) => {
    slot = 0;
    const found = passCheckSections(pass, section).flat();
    return [...found.filter((c) => c.severity === 'error'), ...found.filter((c) => c.severity === 'warning')];
  };
}

/** Runs every rule and returns errors first, then warnings, each group in form order. */
export function runPassChecks(pass: PassCheckInput | null | undefined): PassCheck[] {
  return createPassCheckRunner()(pass);
}

/** The rules in form order, each group with the inputs it reads. */
function passCheckSections(
  pass: PassCheckInput | null | undefined,
  section: (inputs: readonly unknown[], run: Section) => PassCheck[],
): PassCheck[][] {
  const meta: PassCheckMetadata = pass?.passMetadata ?? {};
  const changeMessage = (add: AddCheck, message: LooseText, path: string, name: string) => {
    // [Apple Fields] PassFieldContent.changeMessage must contain %@, replaced by the new value.
    if (hasText(message) && !message.includes('%@'))
      add('error', 'change-message', path, 'apple', `${name}: the change message needs %@ where the new value goes.`);
  };
  const top = meta.topField;
  const images = pass?.images ?? {};
  const sizes = pass?.imageSizes ?? {};
  const locations = pass?.locations ?? meta.locations ?? [];
  const appLinks = meta.appDeepLinks;
  return [
    section([meta.organizationName, meta.description, top], (add) => requiredTextChecks(pass, add)),
    section([meta.backgroundColor, meta.displayTextColor], (add) => {
      // [WCAG] 1.4.3: 4.5:1 for text. [Apple Pass] foregroundColor / labelColor draw the fields in
      // the chosen colour; [Google Generic] Google picks its own text colour, so Apple only.
      const ratio = textContrast(meta.backgroundColor?.trim(), meta.displayTextColor?.trim());
      if (ratio !== null && ratio < MIN_TEXT_CONTRAST)
        add(
          'warning',
          'contrast',
          'passMetadata.displayTextColor',
          'apple',
          `Text colour: contrast with the background is ${(Math.floor(ratio * 10) / 10).toFixed(1)}:1; pick colours with at least ${MIN_TEXT_CONTRAST}:1 so the pass stays readable.`,
        );
    }),
    section([top], (add) => {
      if (top)
        changeMessage(
          add,
          top.changeMessage,
          previewPaths.topFieldChangeMessage,
          fieldName('Top field', null, top.label),
        );
    }),
    section([meta.secondaryFields], (add) => secondaryFieldChecks(meta, add, changeMessage)),
    section([meta.backFields], (add) => {
      (meta.backFields ?? []).forEach((field, index) => {
        if (field)
          changeMessage(
            add,
            field.changeMessage,
            previewPaths.backChangeMessage(index),
            fieldName('Back field', index, field.label),
          );
      });
    }),
    section([meta.qrUrl], (add) => {
      // [Apple Pass] barcodes / [Google Generic] barcode: a pass without one cannot be scanned.
      if (!hasText(meta.qrUrl))
        add(
          'warning',
          'qr-missing',
          previewPaths.qrUrl,
          'both',
          'QR code: add the QR content (a URL or text) so the pass can be scanned at the till or the door.',
        );
    }),
    section([images, sizes], (add) => imageChecks(images, sizes, add)),
    section([locations], (add) => locationChecks(locations, add)),
    section([appLinks], (add) => appLinkChecks(appLinks, add)),
    section([top, meta.organizationName, meta.secondaryFields], (add) => truncationChecks(pass, add)),
    section([top, meta.organizationName, meta.secondaryFields, meta.backFields], (add) =>
      googleModuleChecks(pass, add),
    ),
    section([images, pass?.imageSizes], (add) => googleImageChecks(pass, add)),
  ];
}

type ChangeMessageCheck = (add: AddCheck, message: LooseText, path: string, name: string) => void;

function secondaryFieldChecks(meta: PassCheckMetadata, add: AddCheck, changeMessage: ChangeMessageCheck) {
  // [Apple Fields] store cards: secondary + auxiliary fields at most 4 combined;
  // [Google Generic] cardTemplateOverride: at most 3 card rows of up to 3 items.
  const googleMax = GOOGLE_ROW_SIZE * GOOGLE_MAX_ROWS;
  const secondary = (meta.secondaryFields ?? [])
    .map((field, index) => ({ field, index }))
    .filter((entry): entry is { field: PreviewField; index: number } => Boolean(entry.field));
  secondary.forEach(({ field, index }, shown) => {
    if (shown === APPLE_MAX_SECONDARY)
      add(
        'warning',
        'apple-secondary-count',
        previewPaths.secondaryValue(index),
        'apple',
        `Secondary fields: Apple Wallet shows only the first ${APPLE_MAX_SECONDARY} on a store card, so ${plural(secondary.length - APPLE_MAX_SECONDARY, 'field')} from field ${shown + 1} on will not appear; remove or merge fields.`,
      );
    if (shown === googleMax)
      add(
        'warning',
        'google-secondary-count',
        previewPaths.secondaryValue(index),
        'google',
        `Secondary fields: Google Wallet shows at most ${GOOGLE_MAX_ROWS} rows of ${GOOGLE_ROW_SIZE} (${googleMax} fields), so ${plural(secondary.length - googleMax, 'field')} from field ${shown + 1} on will not appear.`,
      );
    changeMessage(
      add,
      field.changeMessage,
      previewPaths.secondaryChangeMessage(index),
      fieldName('Secondary field', index, field.label),
    );
  });
}

function imageChecks(
  images: NonNullable<PassCheckInput['images']>,
  sizes: NonNullable<PassCheckInput['imageSizes']>,
  add: AddCheck,
) {
  for (const name of ['logo.png', 'icon.png', 'strip.png', 'footer.png'] as const) {
    const slot = slotOf(name);
    const path = previewPaths.image(name);
    const present = hasText(images[name]);
    if (!present) {
      // [Passport] a pass is published only with logo, icon and strip; [Apple Pass] icon.png is
      // required for the pass to install.
      if (REQUIRED_PASS_IMAGES.includes(name))
        add(
          'error',
          'image-missing',
          path,
          slot === 'icon' ? 'apple' : 'both',
          `${IMAGE_TITLES[slot]}: add ${name}; a pass cannot be published without it.`,
        );
      continue;
    }
    // [Apple Fields] images per style: footer.png is drawn on boarding passes only.
    if (slot === 'footer')
      add(
        'warning',
        'footer-ignored',
        path,
        'apple',
        'Footer image: Apple Wallet draws footer.png only on boarding passes, not on store cards; remove it unless another pass style needs it.',
      );
    // [Apple Fields] image sizes at @3x; [Apple Builder] store-card strip 375 × 144 pt.
    const size = sizes[slot];
    if (size && Number.isFinite(size.width) && Number.isFinite(size.height)) {
      const warning = sizeWarning(slot, size);
      if (warning)
        add(
          'warning',
          'image-size',
          path,
          'apple',
          `${IMAGE_TITLES[slot]}: ${warning.charAt(0).toLowerCase()}${warning.slice(1)}`,
        );
    }
  }
}

function locationChecks(locations: NonNullable<PassCheckInput['locations']>, add: AddCheck) {
  // [Apple Pass] locations: at most 10; an enabled one surfaces the pass on the lock screen with
  // its relevantText, so one without text shows nothing.
  locations.forEach((location, index) => {
    if (index === MAX_LOCATIONS)
      add(
        'error',
        'location-count',
        `locations.${index}.name`,
        'apple',
        `Locations: ${locations.length} are set but Apple Wallet allows at most ${MAX_LOCATIONS}; remove ${plural(locations.length - MAX_LOCATIONS, 'location')}.`,
      );
    // The API stores a location without `enabled` as enabled.
    if (location && location.enabled !== false && !hasText(location.relevantText))
      add(
        'error',
        'location-text',
        previewPaths.locationText(index),
        'apple',
        `${fieldName('Location', index, location.name)}: add the relevant text shown on the lock screen, or turn the location off.`,
      );
  });
}

function appLinkChecks(appLinks: PassCheckMetadata['appDeepLinks'], add: AddCheck) {
  // [Apple Pass] appLaunchURL is allowed only with associatedStoreIdentifiers.
  const apple = appLinks?.appleDeepLinkData;
  if (apple && hasText(apple.launchUrl) && !hasText(apple.appStoreId))
    add(
      'error',
      'launch-url-store-id',
      'passMetadata.appDeepLinks.appleDeepLinkData.appStoreId',
      'apple',
      'Apple app link: a launch URL works only with an App Store id; add the id or clear the launch URL.',
    );
  // [Google Modules] AppLinkData displayText: at most 30 characters.
  const displayText = appLinks?.googleDeepLinkData?.displayText;
  if (typeof displayText === 'string' && displayText.length > MAX_GOOGLE_DISPLAY_TEXT)
    add(
      'error',
      'google-display-text',
      previewPaths.googleDisplayText,
      'google',
      `Google app link: the button text is ${displayText.length} characters; shorten it to ${MAX_GOOGLE_DISPLAY_TEXT} or fewer.`,
    );
}

/** Checks that block publishing (the editor's publish confirmation lists their messages). */
export const blockingChecks = (checks: readonly PassCheck[]): PassCheck[] =>
  checks.filter((check) => check.severity === 'error');

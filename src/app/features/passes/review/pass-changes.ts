/**
 * What changes between two versions of a pass, as a marketer reads it: grouped by the editor's
 * sections, every changed value before → after (with a word diff for long text), rows of lists
 * added, removed, moved or edited, images replaced, and the lock-screen banners holders get.
 * Pure: the save review (form values against the cached server version) and the version
 * history (any two stored versions) both render its result.
 */
import { canonicalJson } from '../../../../contract/pass-versions';
import { READ_ONLY_PASS_KEYS } from '../../../../contract/schemas';
import type { BackField, BackFieldLink, Location, PassField, WalletPass } from '../../../../contract/schemas';
import { formatChangeMessage } from '../preview/lock-screen-model';
import { matchRows } from './row-match';
import { type TextDiffPart, diffText, isLongText } from './text-diff';

/** A pass as compared: a stored version, or the form's values laid over the stored pass. */
export type PassSnapshot = Partial<WalletPass>;

export interface ValueChange {
  type: 'value';
  id: string;
  label: string;
  before: string;
  after: string;
  /** Word diff for long values; null when before → after reads better. */
  diff: TextDiffPart[] | null;
}

export interface RowChange {
  type: 'row';
  id: string;
  kind: 'added' | 'removed' | 'changed' | 'moved';
  label: string;
  /** 1-based positions, as the editor numbers rows. */
  from: number | null;
  to: number | null;
  moved: boolean;
  changes: ValueChange[];
  /** Rows inside the row (the links of a back field). */
  rows: RowChange[];
}

export interface ImageChange {
  type: 'image';
  id: string;
  label: string;
  kind: 'added' | 'removed' | 'replaced';
  before: string | null;
  after: string | null;
}

export type Change = ValueChange | RowChange | ImageChange;

export interface ChangeSection {
  id: string;
  title: string;
  changes: Change[];
}

/** The lock-screen banner a field with a change message produces when its value changes. */
export interface HolderBanner {
  field: string;
  title: string;
  body: string;
}

export interface PassChanges {
  sections: ChangeSection[];
  /** Every change counted once (a moved and edited row counts its edits and the move). */
  count: number;
  banners: HolderBanner[];
}

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  return canonicalJson(value);
};

function value(id: string, label: string, before: unknown, after: unknown): ValueChange | null {
  const a = text(before);
  const b = text(after);
  if (a === b) return null;
  return { type: 'value', id, label, before: a, after: b, diff: isLongText(a, b) ? diffText(a, b) : null };
}

const values = (changes: (ValueChange | null)[]) => changes.filter((c): c is ValueChange => c !== null);

type Row = Record<string, unknown>;

interface ListSpec<T extends Row> {
  id: string;
  /** "Secondary field", "Link": the row's kind in labels. */
  noun: string;
  identity: (row: T) => string | null;
  similar: (a: T, b: T) => boolean;
  name: (row: T) => string;
  fields: (id: string, before: T, after: T) => ValueChange[];
  rows?: (id: string, before: T | null, after: T | null) => RowChange[];
}

function listChanges<T extends Row>(spec: ListSpec<T>, before: readonly T[], after: readonly T[]): RowChange[] {
  const out: RowChange[] = [];
  for (const pair of matchRows(before, after, spec.identity, spec.similar)) {
    const shown = pair.after?.row ?? pair.before!.row;
    const name = spec.name(shown);
    const position = (pair.after ?? pair.before)!.index + 1;
    const id = `${spec.id}.${pair.after ? `to${pair.after.index}` : `from${pair.before!.index}`}`;
    const label = name ? `${spec.noun} “${name}”` : `${spec.noun} ${position}`;
    const b = pair.before?.row ?? null;
    const a = pair.after?.row ?? null;
    const rows = spec.rows ? spec.rows(id, b, a) : [];
    const base = { type: 'row' as const, id, label, from: pair.before ? pair.before.index + 1 : null };
    const to = pair.after ? pair.after.index + 1 : null;
    if (!b) out.push({ ...base, kind: 'added', to, moved: false, changes: [], rows });
    else if (!a) out.push({ ...base, kind: 'removed', to, moved: false, changes: [], rows });
    else {
      const changes = spec.fields(id, b, a);
      if (changes.length === 0 && rows.length === 0 && !pair.moved) continue;
      const kind = changes.length === 0 && rows.length === 0 ? 'moved' : 'changed';
      out.push({ ...base, kind, to, moved: pair.moved, changes, rows });
    }
  }
  return out;
}

const fieldValues = (id: string, a: Row, b: Row) =>
  values([
    value(`${id}.label`, 'Label', a.label, b.label),
    value(`${id}.value`, 'Value', a.value, b.value),
    value(`${id}.changeMessage`, 'Change message', a.changeMessage, b.changeMessage),
    value(`${id}.key`, 'Key', a.key, b.key),
  ]);

const keyOf = (row: Row) => (typeof row.key === 'string' && row.key !== '' ? row.key : null);

const SECONDARY: ListSpec<PassField> = {
  id: 'secondaryFields',
  noun: 'Secondary field',
  identity: keyOf,
  similar: (a, b) => text(a.label) === text(b.label) || (text(a.value) !== '' && text(a.value) === text(b.value)),
  name: (row) => text(row.label) || text(row.key),
  fields: fieldValues,
};

const LINKS: ListSpec<BackFieldLink> = {
  id: 'links',
  noun: 'Link',
  identity: (row) => (text(row.link) ? text(row.link) : null),
  similar: (a, b) => text(a.text) === text(b.text),
  name: (row) => text(row.text),
  fields: (id, a, b) =>
    values([value(`${id}.text`, 'Text', a.text, b.text), value(`${id}.link`, 'Link', a.link, b.link)]),
};

const BACK: ListSpec<BackField> = {
  id: 'backFields',
  noun: 'Back field',
  identity: keyOf,
  similar: (a, b) => text(a.label) === text(b.label),
  name: (row) => text(row.label) || text(row.key),
  fields: (id, a, b) =>
    values([
      value(`${id}.label`, 'Label', a.label, b.label),
      value(`${id}.changeMessage`, 'Change message', a.changeMessage, b.changeMessage),
      value(`${id}.key`, 'Key', a.key, b.key),
    ]),
  // Links of an added or removed back field are part of that row, not changes of their own.
  rows: (id, a, b) => (a && b ? listChanges({ ...LINKS, id: `${id}.links` }, a.value ?? [], b.value ?? []) : []),
};

/** Form locations carry the stored id as `locationId`; stored ones as `id`. */
const locationId = (row: Location) => {
  const id = row.id ?? (row as { locationId?: unknown }).locationId;
  return typeof id === 'string' && id !== '' ? id : null;
};

const LOCATIONS: ListSpec<Location> = {
  id: 'locations',
  noun: 'Location',
  identity: locationId,
  similar: (a, b) => text(a.name) !== '' && text(a.name) === text(b.name),
  name: (row) => text(row.name),
  fields: (id, a, b) =>
    values([
      value(`${id}.name`, 'Name', a.name, b.name),
      value(`${id}.relevantText`, 'Lock-screen text', a.relevantText, b.relevantText),
      value(`${id}.latitude`, 'Latitude', a.latitude, b.latitude),
      value(`${id}.longitude`, 'Longitude', a.longitude, b.longitude),
      value(`${id}.altitude`, 'Altitude', a.altitude, b.altitude),
      value(`${id}.enabled`, 'Enabled', a.enabled ?? true, b.enabled ?? true),
    ]),
};

const IMAGES = [
  ['logo.png', 'Logo'],
  ['icon.png', 'Icon'],
  ['strip.png', 'Strip image'],
  ['footer.png', 'Footer image'],
] as const;

function imageChanges(before: PassSnapshot, after: PassSnapshot): ImageChange[] {
  const find = (pass: PassSnapshot, name: string) => (pass.uploadInfoList ?? []).find((i) => i?.fileName === name);
  const out: ImageChange[] = [];
  for (const [name, label] of IMAGES) {
    const a = find(before, name);
    const b = find(after, name);
    const keyA = a ? (a.uploadKey ?? a.fileKey ?? a.url ?? '') : null;
    const keyB = b ? (b.uploadKey ?? b.fileKey ?? b.url ?? '') : null;
    if (keyA === keyB) continue;
    out.push({
      type: 'image',
      id: `images.${name}`,
      label,
      kind: !a ? 'added' : !b ? 'removed' : 'replaced',
      before: a?.url ?? null,
      after: b?.url ?? null,
    });
  }
  return out;
}

const KNOWN_TOP = new Set<string>([
  ...READ_ONLY_PASS_KEYS,
  'passName',
  'status',
  'notificationHeader',
  'passLinkSlug',
  'passMetadata',
  'uploadInfoList',
  'account',
]);
const KNOWN_META = new Set([
  'description',
  'organizationName',
  'backgroundColor',
  'displayTextColor',
  'topField',
  'secondaryFields',
  'backFields',
  'qrUrl',
  'qrText',
  'locations',
  'appDeepLinks',
  'userDeepLink',
]);

/** Keys the editor does not show still count: they go to holders just the same. */
function otherChanges(before: PassSnapshot, after: PassSnapshot): ValueChange[] {
  const differing = (a: Row, b: Row, known: Set<string>, prefix: string) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((key) => !known.has(key))
      .sort()
      .map((key) => value(`${prefix}${key}`, `${prefix}${key}`, a[key], b[key]));
  return values([
    ...differing(before as Row, after as Row, KNOWN_TOP, ''),
    ...differing((before.passMetadata ?? {}) as Row, (after.passMetadata ?? {}) as Row, KNOWN_META, 'passMetadata.'),
  ]);
}

function countOf(change: Change): number {
  if (change.type !== 'row') return 1;
  if (change.kind === 'added' || change.kind === 'removed') return 1;
  return (change.moved ? 1 : 0) + change.changes.length + change.rows.reduce((n, r) => n + countOf(r), 0);
}

const linkText = (field: BackField) =>
  (field.value ?? [])
    .map((link) => text(link?.text))
    .filter(Boolean)
    .join(', ');

/**
 * Wallet shows a field's change message when the value of a field with the same key changes
 * (a new field has no old value to compare, so it notifies no one).
 */
function holderBanners(before: PassSnapshot, after: PassSnapshot): HolderBanner[] {
  const meta = after.passMetadata ?? {};
  const title = text(after.notificationHeader) || text(meta.organizationName) || 'Wallet';
  type Candidate = { key: string; field: string; value: string; message: string };
  const read = (pass: PassSnapshot): Candidate[] => {
    const m = pass.passMetadata ?? {};
    const out: Candidate[] = [];
    const add = (f: PassField | BackField | null | undefined, fieldName: string, val: string) => {
      if (f && keyOf(f as Row))
        out.push({ key: text(f.key), field: fieldName, value: val, message: text(f.changeMessage) });
    };
    add(m.topField, 'Top field', text(m.topField?.value));
    (m.secondaryFields ?? []).forEach((f, i) => add(f, `Secondary field “${text(f.label) || i + 1}”`, text(f.value)));
    (m.backFields ?? []).forEach((f, i) => add(f, `Back field “${text(f.label) || i + 1}”`, linkText(f)));
    return out;
  };
  const old = new Map(read(before).map((c) => [c.key, c.value]));
  return read(after)
    .filter((c) => c.message.trim() !== '' && old.has(c.key) && old.get(c.key) !== c.value)
    .map((c) => ({ field: c.field, title, body: formatChangeMessage(c.message, c.value) }));
}

export function compareVersions(before: PassSnapshot, after: PassSnapshot): PassChanges {
  const a = before.passMetadata ?? {};
  const b = after.passMetadata ?? {};
  const apple = (m: typeof a) => m.appDeepLinks?.appleDeepLinkData ?? {};
  const google = (m: typeof a) => m.appDeepLinks?.googleDeepLinkData ?? {};
  const user = (m: typeof a) => m.userDeepLink ?? {};
  const top = (m: typeof a) => (m.topField ?? {}) as Row;
  const sections: ChangeSection[] = [
    {
      id: 'pass',
      title: 'Pass',
      changes: values([
        value('passName', 'Pass name', before.passName, after.passName),
        value('status', 'Status', before.status, after.status),
        value('notificationHeader', 'Notification header', before.notificationHeader, after.notificationHeader),
        value('passLinkSlug', 'Pass link slug', before.passLinkSlug, after.passLinkSlug),
      ]),
    },
    {
      id: 'front',
      title: 'Front',
      changes: values([
        value('organizationName', 'Organisation name', a.organizationName, b.organizationName),
        value('description', 'Description', a.description, b.description),
        value('backgroundColor', 'Background colour', a.backgroundColor, b.backgroundColor),
        value('displayTextColor', 'Text colour', a.displayTextColor, b.displayTextColor),
        ...fieldValues('topField', top(a), top(b)).map((c) => ({ ...c, label: `Top field: ${c.label.toLowerCase()}` })),
      ]),
    },
    {
      id: 'secondaryFields',
      title: 'Secondary fields',
      changes: listChanges(SECONDARY, a.secondaryFields ?? [], b.secondaryFields ?? []),
    },
    { id: 'backFields', title: 'Back fields', changes: listChanges(BACK, a.backFields ?? [], b.backFields ?? []) },
    {
      id: 'qr',
      title: 'QR code',
      changes: values([
        value('qrUrl', 'QR code content', a.qrUrl, b.qrUrl),
        value('qrText', 'QR caption', a.qrText, b.qrText),
      ]),
    },
    {
      id: 'appLinks',
      title: 'App links',
      changes: values([
        value('apple.appStoreId', 'App Store id', apple(a).appStoreId, apple(b).appStoreId),
        value('apple.launchUrl', 'Apple launch URL', apple(a).launchUrl, apple(b).launchUrl),
        value(
          'google.androidPackageName',
          'Android package',
          google(a).androidPackageName,
          google(b).androidPackageName,
        ),
        value('google.webAppUrl', 'Web app URL', google(a).webAppUrl, google(b).webAppUrl),
        value('google.displayText', 'Google link text', google(a).displayText, google(b).displayText),
        value('user.appType', 'User deep link: app', user(a).appType, user(b).appType),
        value('user.inputLink', 'User deep link', user(a).inputLink, user(b).inputLink),
        value(
          'user.appleAppStoreUrl',
          'User deep link: App Store URL',
          user(a).appleAppStoreUrl,
          user(b).appleAppStoreUrl,
        ),
        value('user.launchUrl', 'User deep link: launch URL', user(a).launchUrl, user(b).launchUrl),
        value(
          'user.googlePlayStoreUrl',
          'User deep link: Play Store URL',
          user(a).googlePlayStoreUrl,
          user(b).googlePlayStoreUrl,
        ),
      ]),
    },
    { id: 'locations', title: 'Locations', changes: listChanges(LOCATIONS, a.locations ?? [], b.locations ?? []) },
    { id: 'images', title: 'Images', changes: imageChanges(before, after) },
    { id: 'other', title: 'Other data', changes: otherChanges(before, after) },
  ].filter((section) => section.changes.length > 0);
  return {
    sections,
    count: sections.reduce((n, s) => n + s.changes.reduce((m, c) => m + countOf(c), 0), 0),
    banners: holderBanners(before, after),
  };
}

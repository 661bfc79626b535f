/**
 * Field-level comparison and three-way merge of form values: the version an edit started from
 * (base), the user's (mine) and the one saved meanwhile by someone else (theirs). Units are the
 * pieces a marketer recognises (a colour, the top field, the list of secondary fields…), so a
 * conflict reads as "Secondary fields: changed by both".
 */
import type { PassFormValues } from './form-model';
import { sameValue } from './same-value';

interface MergeUnit {
  id: string;
  label: string;
  get: (values: PassFormValues) => unknown;
  set: (values: PassFormValues, value: unknown) => PassFormValues;
}

const meta = (key: string, label: string): MergeUnit => ({
  id: `passMetadata.${key}`,
  label,
  get: (v) => (v.passMetadata as Record<string, unknown>)[key],
  set: (v, value) => ({ ...v, passMetadata: { ...v.passMetadata, [key]: value } }),
});

const top = (key: 'passName' | 'notificationHeader' | 'passLinkSlug', label: string): MergeUnit => ({
  id: key,
  label,
  get: (v) => v[key],
  set: (v, value) => ({ ...v, [key]: value }),
});

const image = (slot: keyof PassFormValues['images'], label: string): MergeUnit => ({
  id: `images.${slot}`,
  label,
  get: (v) => v.images[slot]?.uploadKey ?? v.images[slot]?.fileKey ?? null,
  set: (v, _value) => v,
});

const MERGE_UNITS: MergeUnit[] = [
  top('passName', 'Pass name'),
  top('notificationHeader', 'Notification header'),
  top('passLinkSlug', 'Pass link slug'),
  meta('organizationName', 'Organisation name'),
  meta('description', 'Description'),
  meta('backgroundColor', 'Background colour'),
  meta('displayTextColor', 'Text colour'),
  meta('topField', 'Top field'),
  meta('secondaryFields', 'Secondary fields'),
  meta('backFields', 'Back fields'),
  meta('qrUrl', 'QR code content'),
  meta('qrText', 'QR caption'),
  meta('appDeepLinks', 'App links'),
  meta('userDeepLink', 'User deep link'),
  {
    id: 'locations',
    label: 'Locations',
    // Compare what the user sees, not the ids and times the API adds.
    get: (v) =>
      v.locations.map(({ name, enabled, latitude, longitude, altitude, relevantText }) => ({
        name,
        enabled,
        latitude,
        longitude,
        altitude: altitude ?? null,
        relevantText,
      })),
    set: (v, _value) => v,
  },
  image('logo', 'logo.png'),
  image('icon', 'icon.png'),
  image('strip', 'strip.png'),
  image('footer', 'footer.png'),
];

export interface ThreeWayDiff {
  /** Changed on both sides, differently: the user must choose. */
  conflicts: MergeUnit[];
  mineOnly: MergeUnit[];
  theirsOnly: MergeUnit[];
}

export function diffThreeWay(base: PassFormValues, mine: PassFormValues, theirs: PassFormValues): ThreeWayDiff {
  const diff: ThreeWayDiff = { conflicts: [], mineOnly: [], theirsOnly: [] };
  for (const unit of MERGE_UNITS) {
    const b = unit.get(base);
    const m = unit.get(mine);
    const t = unit.get(theirs);
    const mineChanged = !sameValue(b, m);
    const theirsChanged = !sameValue(b, t);
    if (mineChanged && theirsChanged && !sameValue(m, t)) diff.conflicts.push(unit);
    else if (mineChanged && !theirsChanged) diff.mineOnly.push(unit);
    else if (theirsChanged && !mineChanged) diff.theirsOnly.push(unit);
  }
  return diff;
}

export type Choice = 'mine' | 'theirs';

/**
 * The merged values: every unit only one side changed takes that side; conflicts take the choice
 * (mine by default). Images and locations are taken whole from the chosen side.
 */
export function mergeValues(
  mine: PassFormValues,
  theirs: PassFormValues,
  diff: ThreeWayDiff,
  choices: Record<string, Choice> = {},
): PassFormValues {
  // Start from theirs (the stored version) and lay my changes over it.
  let merged: PassFormValues = { ...theirs, images: { ...theirs.images }, locations: theirs.locations };
  const takeMine = (unit: MergeUnit) => {
    if (unit.id === 'locations') merged = { ...merged, locations: mine.locations };
    else if (unit.id.startsWith('images.')) {
      const slot = unit.id.slice('images.'.length) as keyof PassFormValues['images'];
      merged = { ...merged, images: { ...merged.images, [slot]: mine.images[slot] } };
    } else merged = unit.set(merged, unit.get(mine));
  };
  for (const unit of diff.mineOnly) takeMine(unit);
  for (const unit of diff.conflicts) if ((choices[unit.id] ?? 'mine') === 'mine') takeMine(unit);
  return merged;
}

/** Labels of the units where two versions differ (for "what differs" lists). */
export function changedUnits(a: PassFormValues, b: PassFormValues): MergeUnit[] {
  return MERGE_UNITS.filter((unit) => !sameValue(unit.get(a), unit.get(b)));
}

/**
 * The bulk field edit: one change (a back field, a secondary field, the colours, a location set
 * or the notification header) laid over each selected pass exactly as the editor would make it:
 * the pass as form values, the change, then the editor's own save document, location writes and
 * review candidate. Pure; the dialog reads the passes and runs the saves.
 */
import { HEX_COLOR, normalizeHexColor } from '../../../contract/rules';
import { type WalletPass } from '../../../contract/schemas';
import {
  BackFieldInputSchema,
  PassFieldInputSchema,
  UpdateLocationRequestSchema,
  UpdatePassRequestSchema,
  type UpdatePassRequest,
  duplicateFieldKeys,
} from '../../../contract/input-schemas';
import {
  type LocationChanges,
  type PassFormValues,
  diffLocations,
  toFormValues,
  toSaveDocument,
} from '../passes/model/form-model';
import type { candidateVersion } from '../passes/review/candidate';
import type { PassChanges, PassSnapshot, compareVersions } from '../passes/review/pass-changes';

/**
 * The change review's functions, passed in: the editor loads them on use (their chunk is listed in
 * the bundle budget), so the bulk editor loads the same chunk with `import()` rather than its own copy.
 */
export interface ReviewTools {
  candidateVersion: typeof candidateVersion;
  compareVersions: typeof compareVersions;
}

export const loadReviewTools = async (): Promise<ReviewTools> => {
  const [candidate, changes] = await Promise.all([
    import('../passes/review/candidate'),
    import('../passes/review/pass-changes'),
  ]);
  return { candidateVersion: candidate.candidateVersion, compareVersions: changes.compareVersions };
};

export interface LinkInput {
  text: string;
  link: string;
}

/** As typed: coordinates are text until the edit is checked. */
export interface LocationInput {
  name: string;
  latitude: string;
  longitude: string;
  relevantText: string;
}

const coordinate = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function locationOf(input: LocationInput) {
  return {
    name: input.name.trim(),
    latitude: coordinate(input.latitude),
    longitude: coordinate(input.longitude),
    relevantText: input.relevantText.trim(),
  };
}

export type FieldEdit =
  | { kind: 'backField'; key: string; label: string; changeMessage: string; links: LinkInput[] }
  | { kind: 'secondaryField'; key: string; label: string; value: string; changeMessage: string }
  | { kind: 'colours'; backgroundColor: string; displayTextColor: string }
  | { kind: 'locations'; mode: 'replace' | 'add'; locations: LocationInput[] }
  | { kind: 'notificationHeader'; value: string };

/** Apple Wallet uses at most 10 locations of a pass. */
const MAX_LOCATIONS = 10;

export type EditPlan =
  | {
      kind: 'change';
      /** The pass as the review read it: the save is skipped if it is not the stored one any more. */
      pass: WalletPass;
      document: UpdatePassRequest;
      locations: LocationChanges;
      after: PassSnapshot;
      changes: PassChanges;
    }
  | { kind: 'unchanged'; pass: WalletPass }
  | { kind: 'invalid'; pass: WalletPass; reason: string };

type Issue = { path: readonly PropertyKey[]; message: string };
const firstIssues = (issues: readonly Issue[], prefix: string, into: Record<string, string>) => {
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    into[key] ??= issue.message;
  }
};

/**
 * Problems with the edit itself, by input name (`key`, `links.0.link`, `locations.1.latitude`,
 * `backgroundColor`…), checked with the contract's own rules before any pass is read.
 */
export function validateEdit(edit: FieldEdit): Record<string, string> {
  const errors: Record<string, string> = {};
  if (edit.kind === 'backField') {
    const result = BackFieldInputSchema.safeParse(backFieldOf(edit));
    if (!result.success) firstIssues(result.error.issues, '', errors);
    if (edit.links.length === 0) errors.links = 'Add at least one link.';
    for (const [from, to] of Object.entries(errors)) {
      if (from.startsWith('value.')) {
        errors[from.replace(/^value\./, 'links.')] = to;
        delete errors[from];
      }
    }
  } else if (edit.kind === 'secondaryField') {
    const result = PassFieldInputSchema.safeParse(secondaryFieldOf(edit));
    if (!result.success) firstIssues(result.error.issues, '', errors);
  } else if (edit.kind === 'colours') {
    for (const key of ['backgroundColor', 'displayTextColor'] as const) {
      if (edit[key].trim() !== '' && !HEX_COLOR.test(normalizeHexColor(edit[key]) ?? ''))
        errors[key] = 'Use a colour like #1F3068.';
    }
    if (edit.backgroundColor.trim() === '' && edit.displayTextColor.trim() === '')
      errors.backgroundColor = 'Set the background colour, the text colour or both.';
  } else if (edit.kind === 'locations') {
    if (edit.locations.length === 0) errors.locations = 'Add at least one location.';
    if (edit.locations.length > MAX_LOCATIONS)
      errors.locations = `Apple Wallet uses at most ${MAX_LOCATIONS} locations.`;
    edit.locations.forEach((location, i) => {
      const result = UpdateLocationRequestSchema.safeParse({ ...locationOf(location), enabled: true });
      if (!result.success) firstIssues(result.error.issues, `locations.${i}`, errors);
    });
  } else if (edit.value.length > 255) {
    errors.value = 'The notification header must be at most 255 characters.';
  }
  return errors;
}

function backFieldOf(edit: Extract<FieldEdit, { kind: 'backField' }>) {
  return {
    key: edit.key.trim(),
    label: edit.label,
    ...(edit.changeMessage.trim() ? { changeMessage: edit.changeMessage } : {}),
    value: edit.links.map((l) => ({ text: l.text, link: l.link.trim() })),
  };
}

function secondaryFieldOf(edit: Extract<FieldEdit, { kind: 'secondaryField' }>) {
  return {
    key: edit.key.trim(),
    label: edit.label,
    value: edit.value,
    ...(edit.changeMessage.trim() ? { changeMessage: edit.changeMessage } : {}),
  };
}

/** Adds `row` at the end, or puts it in the place of the row with its key (keeping that row's other data). */
function upsertByKey<T extends { key?: string | null | undefined }>(rows: readonly T[], row: T): T[] {
  const index = rows.findIndex((r) => r.key === row.key);
  if (index < 0) return [...rows, row];
  return rows.map((r, i) => (i === index ? { ...r, ...row } : r));
}

const sameSpot = (
  a: ReturnType<typeof locationOf>,
  b: { name?: unknown; latitude?: unknown; longitude?: unknown; relevantText?: unknown },
) => a.name === b.name && a.latitude === b.latitude && a.longitude === b.longitude && a.relevantText === b.relevantText;

function applyEdit(values: PassFormValues, edit: FieldEdit, passId: string): PassFormValues {
  const meta = values.passMetadata;
  switch (edit.kind) {
    case 'backField':
      return {
        ...values,
        passMetadata: { ...meta, backFields: upsertByKey(meta.backFields ?? [], backFieldOf(edit)) },
      };
    case 'secondaryField':
      return {
        ...values,
        passMetadata: { ...meta, secondaryFields: upsertByKey(meta.secondaryFields ?? [], secondaryFieldOf(edit)) },
      };
    case 'colours': {
      const colour = (v: string) => (v.trim() ? { value: normalizeHexColor(v) } : null);
      const bg = colour(edit.backgroundColor);
      const fg = colour(edit.displayTextColor);
      return {
        ...values,
        passMetadata: {
          ...meta,
          ...(bg ? { backgroundColor: bg.value } : {}),
          ...(fg ? { displayTextColor: fg.value } : {}),
        },
      };
    }
    case 'notificationHeader':
      return { ...values, notificationHeader: edit.value.trim() === '' ? null : edit.value.trim() };
    case 'locations': {
      const stored = [...values.locations];
      const fresh = edit.locations.map(locationOf).map((location) => {
        // A location the pass has already (same name, place and text) is kept as it is.
        const same = stored.findIndex((s) => sameSpot(location, s));
        if (same >= 0) return stored.splice(same, 1)[0]!;
        return { ...location, enabled: true, altitude: null, walletPass: { id: passId } };
      });
      const kept = edit.mode === 'add' ? values.locations.filter((l) => stored.includes(l)) : [];
      return { ...values, locations: [...kept, ...fresh] };
    }
  }
}

/**
 * What the edit does to one pass as stored: the document and location writes the save sends, the
 * version it produces and the changes the review shows; or why it cannot apply (a key taken by
 * another kind of field, too many locations, a value the contract refuses), or that it changes nothing.
 */
export function planEdit(
  pass: WalletPass,
  edit: FieldEdit,
  { candidateVersion, compareVersions }: ReviewTools,
): EditPlan {
  const values = applyEdit(toFormValues(pass), edit, pass.id);
  if (values.locations.length > MAX_LOCATIONS)
    return {
      kind: 'invalid',
      pass,
      reason: `It would have ${values.locations.length} locations; Apple Wallet uses at most ${MAX_LOCATIONS}.`,
    };
  const document = toSaveDocument(pass, values);
  if (pass.status === 'Draft' || pass.status === 'Published') document.status = pass.status;
  else delete document.status;
  const after = candidateVersion(pass, values, document);
  const changes = compareVersions(pass, after);
  if (changes.count === 0) return { kind: 'unchanged', pass };
  const duplicate = duplicateFieldKeys(document.passMetadata ?? {})[0];
  if (duplicate) return { kind: 'invalid', pass, reason: `${duplicate.message}.` };
  const checked = UpdatePassRequestSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { kind: 'invalid', pass, reason: `${issue?.message ?? 'A value is not valid'} (${issue?.path.join('.')}).` };
  }
  return { kind: 'change', pass, document, locations: diffLocations(pass, values.locations), after, changes };
}

/** One line for a pass in the review: what the edit does to it. */
export function describePlan(plan: EditPlan, edit: FieldEdit): string {
  if (plan.kind === 'invalid') return `Cannot apply: ${plan.reason}`;
  if (plan.kind === 'unchanged') return 'Already like this: nothing to save.';
  const meta = plan.pass.passMetadata ?? {};
  switch (edit.kind) {
    case 'backField':
      return (meta.backFields ?? []).some((f) => f.key === edit.key.trim())
        ? `Replaces back field “${edit.key.trim()}”.`
        : `Adds back field “${edit.label || edit.key.trim()}”.`;
    case 'secondaryField':
      return (meta.secondaryFields ?? []).some((f) => f.key === edit.key.trim())
        ? `Replaces secondary field “${edit.key.trim()}”.`
        : `Adds secondary field “${edit.label || edit.key.trim()}”.`;
    case 'colours':
      return 'Changes the colours.';
    case 'notificationHeader':
      return edit.value.trim() ? 'Sets the notification header.' : 'Removes the notification header.';
    case 'locations': {
      const { create, remove } = plan.locations;
      return [
        create.length ? `Adds ${create.length} location${create.length === 1 ? '' : 's'}` : '',
        remove.length ? `removes ${remove.length}` : '',
      ]
        .filter(Boolean)
        .join(', ')
        .replace(/^./, (c) => c.toUpperCase())
        .concat('.');
    }
  }
}

/**
 * What the form model's property tests do to form values: how the mounted form reads them before
 * the user touches anything, and the user's edits, each with the change it must make to the stored
 * document.
 */
import fc from 'fast-check';
import type { WalletPass } from '../../../../contract/schemas';
import type { PassFormValues } from './form-model';

// ---------------------------------------------------------------------------------------------
// What the mounted form does to the values before the user touches anything

export type InputReading = 'none' | 'undefined-as-empty' | 'null-and-undefined-as-empty';

/**
 * A registered text input whose value is undefined hands "" back to the form (react-hook-form
 * reads the DOM's value); 'null-and-undefined-as-empty' is the harsher reading where null also
 * comes back as "". A select reads "" as null. Intermediate objects are created as the form does.
 */
export function readInputs(values: PassFormValues, reading: InputReading): PassFormValues {
  if (reading === 'none') return values;
  const form = structuredClone(values) as unknown as Record<string, unknown>;
  const emptyish = (v: unknown) => v === undefined || (reading === 'null-and-undefined-as-empty' && v === null);
  const read = (path: string, empty: '' | null = '') => {
    const parts = path.split('.');
    let node = form;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === null || typeof next !== 'object') node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const last = parts.at(-1)!;
    if (empty === null ? node[last] === undefined || node[last] === '' : emptyish(node[last])) node[last] = empty;
  };
  for (const path of ['passName', 'notificationHeader', 'passLinkSlug']) read(path);
  for (const key of ['organizationName', 'description', 'backgroundColor', 'displayTextColor', 'qrUrl', 'qrText']) {
    read(`passMetadata.${key}`);
  }
  for (const key of ['label', 'value', 'key', 'changeMessage']) read(`passMetadata.topField.${key}`);
  values.passMetadata.secondaryFields?.forEach((_, i) => {
    for (const key of ['label', 'value', 'key', 'changeMessage']) read(`passMetadata.secondaryFields.${i}.${key}`);
  });
  values.passMetadata.backFields?.forEach((field, i) => {
    for (const key of ['label', 'key', 'changeMessage']) read(`passMetadata.backFields.${i}.${key}`);
    field.value?.forEach((_, j) => {
      read(`passMetadata.backFields.${i}.value.${j}.text`);
      read(`passMetadata.backFields.${i}.value.${j}.link`);
    });
  });
  for (const key of ['appStoreId', 'launchUrl']) read(`passMetadata.appDeepLinks.appleDeepLinkData.${key}`);
  for (const key of ['androidPackageName', 'webAppUrl', 'displayText']) {
    read(`passMetadata.appDeepLinks.googleDeepLinkData.${key}`);
  }
  read('passMetadata.userDeepLink.appType', null);
  const appType = (form.passMetadata as PassFormValues['passMetadata']).userDeepLink?.appType;
  if (appType) {
    const inputs = appType === 'Mobile App' ? ['appleAppStoreUrl', 'googlePlayStoreUrl', 'launchUrl'] : ['inputLink'];
    for (const key of inputs) read(`passMetadata.userDeepLink.${key}`);
  }
  return form as unknown as PassFormValues;
}

// ---------------------------------------------------------------------------------------------
// User edits, each with the change it must make to the stored document (and nothing else)

export type Doc = Record<string, unknown> & { passMetadata?: Record<string, unknown> | null };

interface Edit {
  describe: string;
  apply(values: PassFormValues): void;
  expect(document: Doc): void;
}

const editValue = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((s) => s.trim() !== '');

export function editsFor(pass: WalletPass): fc.Arbitrary<Edit | null>[] {
  const meta = pass.passMetadata;
  const arbs: fc.Arbitrary<Edit | null>[] = [
    fc.constant(null),
    editValue.map((name) => ({
      describe: `passName = ${JSON.stringify(name)}`,
      apply: (v) => void (v.passName = name),
      expect: (d) => void (d.passName = name),
    })),
  ];
  if (meta?.topField) {
    arbs.push(
      editValue.map((value) => ({
        describe: `topField.value = ${JSON.stringify(value)}`,
        apply: (v) => void (v.passMetadata.topField!.value = value),
        expect: (d) => void ((d.passMetadata!.topField as Record<string, unknown>).value = value),
      })),
    );
  }
  const secondary = meta?.secondaryFields ?? [];
  if (secondary.length > 0) {
    arbs.push(
      fc.tuple(fc.nat({ max: secondary.length - 1 }), editValue).map(([index, label]) => ({
        describe: `secondaryFields[${index}].label = ${JSON.stringify(label)}`,
        apply: (v) => void (v.passMetadata.secondaryFields![index]!.label = label),
        expect: (d) => {
          const fields = d.passMetadata!.secondaryFields as Record<string, unknown>[];
          fields[index]!.label = label;
        },
      })),
    );
  }
  const backLinks = (meta?.backFields ?? []).flatMap((field, i) => (field.value ?? []).map((_, j) => [i, j] as const));
  if (backLinks.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...backLinks), editValue).map(([[i, j], value]) => ({
        describe: `backFields[${i}].value[${j}].text = ${JSON.stringify(value)}`,
        apply: (v) => void (v.passMetadata.backFields![i]!.value![j]!.text = value),
        expect: (d) => {
          const fields = d.passMetadata!.backFields as { value: Record<string, unknown>[] }[];
          fields[i]!.value[j]!.text = value;
        },
      })),
    );
  }
  return arbs;
}

type Rows = 'secondaryFields' | 'backFields' | { backField: number };

function rowsOf(metadata: Record<string, unknown>, rows: Rows): { get(): unknown[]; set(list: unknown[]): void } {
  if (typeof rows === 'string') {
    return { get: () => metadata[rows] as unknown[], set: (list) => void (metadata[rows] = list) };
  }
  const field = () => (metadata.backFields as { value: unknown[] }[])[rows.backField]!;
  return { get: () => field().value, set: (list) => void (field().value = list) };
}

/** Keeps the rows at `order` (old indexes, in their new order): a move, a removal, or both. */
export function moveRows(rows: Rows, order: number[]): Edit {
  const reorder = (metadata: Record<string, unknown>) => {
    const list = rowsOf(metadata, rows);
    const before = list.get();
    list.set(order.map((from) => before[from]));
  };
  return {
    describe: `${JSON.stringify(rows)} → rows ${JSON.stringify(order)}`,
    apply: (v) => reorder(v.passMetadata as Record<string, unknown>),
    expect: (d) => reorder(d.passMetadata!),
  };
}

/**
 * Moving or removing rows (secondary fields, back fields, a back field's links) moves whole rows:
 * unknown keys, nulls and absent keys go with them.
 */
export function moveOrRemoveFor(pass: WalletPass): fc.Arbitrary<Edit> | null {
  const meta = pass.passMetadata;
  const targets: { rows: Rows; length: number }[] = [
    { rows: 'secondaryFields' as const, length: meta?.secondaryFields?.length ?? 0 },
    { rows: 'backFields' as const, length: meta?.backFields?.length ?? 0 },
    ...(meta?.backFields ?? []).map((field, i) => ({ rows: { backField: i }, length: field.value?.length ?? 0 })),
  ].filter((t) => t.length >= 2);
  if (targets.length === 0) return null;
  return fc.constantFrom(...targets).chain(({ rows, length }) =>
    fc
      .shuffledSubarray(
        Array.from({ length }, (_, i) => i),
        { minLength: 1 },
      )
      .filter((order) => order.length < length || order.some((from, to) => from !== to))
      .map((order) => moveRows(rows, order)),
  );
}

/** What the API receives: the payload as JSON. */
export const onTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

export const readings = fc.constantFrom<InputReading>('none', 'undefined-as-empty', 'null-and-undefined-as-empty');

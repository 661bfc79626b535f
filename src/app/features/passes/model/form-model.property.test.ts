/**
 * Property: load → form values → save payload changes nothing the user did not change.
 *
 * Passes are generated with random unknown keys at every level (as a future API might send),
 * random valid values, and optional values that are null or missing altogether. The payload must
 * equal the stored pass's editable document, on the wire (as JSON), except for the edited path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editableDocument } from './pass-document';
import { WalletPassSchema } from '../../../../contract/schemas';
import { toFormValues, toSaveDocument } from './form-model';
import { passArb, storedPass } from './form-model.arbitraries.test-utils';
import {
  type Doc,
  editsFor,
  moveOrRemoveFor,
  moveRows,
  onTheWire,
  readInputs,
  readings,
} from './form-model.edits.test-utils';

describe('form model round trip (property)', () => {
  it('saves exactly the stored editable document when nothing was edited', () => {
    fc.assert(
      fc.property(storedPass, readings, (pass, reading) => {
        const values = readInputs(toFormValues(pass), reading);
        expect(onTheWire(toSaveDocument(pass, values))).toEqual(onTheWire(editableDocument(pass)));
      }),
      { numRuns: 200 },
    );
  });

  it('changes only the path the user edited', () => {
    const passWithEdit = storedPass.chain((pass) => fc.tuple(fc.constant(pass), fc.oneof(...editsFor(pass)), readings));
    fc.assert(
      fc.property(passWithEdit, ([pass, edit, reading]) => {
        const values = readInputs(toFormValues(pass), reading);
        edit?.apply(values);
        const expected = structuredClone(editableDocument(pass)) as Doc;
        edit?.expect(expected);
        expect(onTheWire(toSaveDocument(pass, values)), edit?.describe ?? 'no edit').toEqual(onTheWire(expected));
      }),
      { numRuns: 200 },
    );
  });

  /**
   * Known bug: `restoreUntouched` (form-model.ts) matches list items by index, so a row moved
   * or removed is compared with the stored row that used to be at its new index. A moved row
   * then loses unknown keys whose value is "", null or [] and optional keys that are null, or
   * gains "" for keys it never had. `it.fails` turns red once that is fixed: make it `it` then.
   */
  it('keeps every key of a row when rows are moved or removed', () => {
    const passWithMove = storedPass
      .filter((pass) => moveOrRemoveFor(pass) !== null)
      .chain((pass) => fc.tuple(fc.constant(pass), moveOrRemoveFor(pass)!, readings));
    const moved = WalletPassSchema.parse({
      id: 'p1',
      passName: 'Moved',
      passMetadata: {
        secondaryFields: [
          { key: 'a', label: 'A', value: '1', changeMessage: null, x_note: '' },
          { key: 'b', label: 'B', value: '2', changeMessage: 'Now %@' },
        ],
      },
    });
    fc.assert(
      fc.property(passWithMove, ([pass, edit, reading]) => {
        const values = readInputs(toFormValues(pass), reading);
        edit.apply(values);
        const expected = structuredClone(editableDocument(pass)) as Doc;
        edit.expect(expected);
        expect(onTheWire(toSaveDocument(pass, values)), edit.describe).toEqual(onTheWire(expected));
      }),
      // Swapping the two fields saves field "a" without `changeMessage: null` and `x_note: ""`.
      {
        numRuns: 200,
        examples: [[[moved, moveRows('secondaryFields', [1, 0]), 'none']]],
      },
    );
  });

  /** Known bug: `uploadInfoList` (form-model.ts) answers [] for a stored `uploadInfoList: null`. */
  it('keeps a stored uploadInfoList: null as null', () => {
    const pass = WalletPassSchema.parse({ id: 'p2', passName: 'No images', uploadInfoList: null });
    expect(onTheWire(toSaveDocument(pass, toFormValues(pass)))).toEqual(onTheWire(editableDocument(pass)));
    fc.assert(
      fc.property(passArb({ nullUploadInfoList: true }), readings, (stored, reading) => {
        const values = readInputs(toFormValues(stored), reading);
        expect(onTheWire(toSaveDocument(stored, values))).toEqual(onTheWire(editableDocument(stored)));
      }),
      { numRuns: 200 },
    );
  });

  it('does not change the stored pass or its form values while building the payload', () => {
    fc.assert(
      fc.property(storedPass, readings, (pass, reading) => {
        const before = structuredClone(pass);
        const values = readInputs(toFormValues(pass), reading);
        const valuesBefore = structuredClone(values);
        toSaveDocument(pass, values);
        expect(pass).toEqual(before);
        expect(values).toEqual(valuesBefore);
      }),
      { numRuns: 100 },
    );
  });
});

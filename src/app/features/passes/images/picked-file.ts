/**
 * What becomes of an image dropped or chosen on a slot: refused with a reason, uploaded as it is
 * (a PNG already at the slot's exact size), or sent through the crop step. Loaded when a file is
 * picked, not with the editor.
 */
import { MAX_UPLOAD_BYTES } from '../../../../contract/rules';
import { readPngInfo } from '../model/png-info';
import { type CropSlot, fitsSlotAsIs } from './slot-crop';
import { sourceProblem } from './source-check';

export type PickedFileRoute = { kind: 'refused'; reason: string } | { kind: 'upload' } | { kind: 'crop' };

export async function routePickedFile(slot: CropSlot, file: File): Promise<PickedFileRoute> {
  const refused = await sourceProblem(file);
  if (refused) return { kind: 'refused', reason: refused };
  const info = await readPngInfo(file);
  return info && fitsSlotAsIs(slot, info) && file.size <= MAX_UPLOAD_BYTES ? { kind: 'upload' } : { kind: 'crop' };
}

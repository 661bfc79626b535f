import { useFieldArray, useFormContext } from 'react-hook-form';
import type { PassFormValues } from '../../model/form-model';
import { MAX_LOCATIONS } from '../../../../../contract/wallet-rules';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { CheckboxField, EditorSection, NumberField, TextField, useFieldError } from '../form-fields';
import { emptyLocation } from '../../model/form-model';
import { CoordinateFields, LocationLocatorFor } from './coordinate-fields';
import { RowFieldset } from './row-controls';

export function LocationsSection({ passId }: { passId: string }) {
  const { control } = useFormContext<PassFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'locations', keyName: 'fieldKey' });
  const listError = useFieldError('locations.root');
  const full = fields.length >= MAX_LOCATIONS;

  return (
    <EditorSection
      id="section-locations"
      title="Locations"
      description="Near one of these places, Apple Wallet shows the pass on the lock screen with its relevant text."
      actions={
        <Button size="sm" disabled={full} onClick={() => append(emptyLocation(passId))}>
          Add location
        </Button>
      }
    >
      {full || listError ? (
        <Alert tone={listError ? 'danger' : 'info'} className="mb-4">
          {listError ?? `This pass has ${MAX_LOCATIONS} locations, the most Apple Wallet uses for one pass.`}
        </Alert>
      ) : null}
      {fields.length === 0 ? <p className="text-sm text-ink-subtle">No locations yet.</p> : null}
      <div className="space-y-4">
        {fields.map((field, index) => (
          <RowFieldset
            key={field.fieldKey}
            className="rounded-lg border border-surface-border p-4"
            legend={`Location ${index + 1}`}
            what={`location ${index + 1}`}
            index={index}
            count={fields.length}
            onMove={move}
            onRemove={remove}
          >
            <div className="grid gap-x-4 sm:grid-cols-2">
              <TextField name={`locations.${index}.name`} label="Name" maxLength={255} />
              <div className="flex items-center pb-4 sm:pt-6">
                <CheckboxField name={`locations.${index}.enabled`} label="Enabled" hint="Off: kept, but never shown." />
              </div>
              <div className="grid grid-cols-3 gap-x-3 sm:col-span-2">
                <CoordinateFields index={index} />
                <NumberField
                  name={`locations.${index}.altitude`}
                  label="Altitude"
                  hint="Metres, optional"
                  emptyAs={null}
                />
              </div>
              <LocationLocatorFor index={index} />
              <div className="sm:col-span-2">
                <TextField
                  name={`locations.${index}.relevantText`}
                  label="Relevant text"
                  hint="Shown on the lock screen near this place (up to 255 characters)."
                  maxLength={255}
                />
              </div>
            </div>
          </RowFieldset>
        ))}
      </div>
    </EditorSection>
  );
}

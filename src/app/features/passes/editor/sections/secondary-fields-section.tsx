import { useFieldArray, useFormContext } from 'react-hook-form';
import { APPLE_MAX_SECONDARY } from '../../../../../contract/wallet-rules';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { EditorSection, TextField } from '../form-fields';
import type { PassFormValues } from '../../model/form-model';
import { FieldRows, nextFieldKey } from './row-controls';
import { CHANGE_MESSAGE_HINT } from './top-field-section';

export function SecondaryFieldsSection() {
  const { control, getValues } = useFormContext<PassFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'passMetadata.secondaryFields' });

  function add() {
    const meta = getValues('passMetadata');
    append({ key: nextFieldKey('field', meta), label: '', value: '', changeMessage: '' });
  }

  return (
    <EditorSection
      id="section-secondary-fields"
      title="Secondary fields"
      description="A row of details under the strip image."
      actions={
        <Button size="sm" onClick={add}>
          Add secondary field
        </Button>
      }
    >
      {fields.length > APPLE_MAX_SECONDARY ? (
        <Alert tone="warning" className="mb-4">
          Apple Wallet store cards show at most {APPLE_MAX_SECONDARY} secondary fields; fields {APPLE_MAX_SECONDARY + 1}{' '}
          to {fields.length} appear on Google Wallet only.
        </Alert>
      ) : null}
      <FieldRows fields={fields} noun="Secondary field" onMove={move} onRemove={remove}>
        {(index) => (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField name={`passMetadata.secondaryFields.${index}.label`} label="Label" maxLength={255} />
            <TextField name={`passMetadata.secondaryFields.${index}.value`} label="Value" maxLength={255} />
            <TextField name={`passMetadata.secondaryFields.${index}.key`} label="Key" mono maxLength={255} />
            <TextField
              name={`passMetadata.secondaryFields.${index}.changeMessage`}
              label="Change message"
              hint={CHANGE_MESSAGE_HINT}
              maxLength={255}
            />
          </div>
        )}
      </FieldRows>
    </EditorSection>
  );
}

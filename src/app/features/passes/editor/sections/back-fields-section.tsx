import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '../../../../components/ui/button';
import type { BackFieldLink } from '../../../../../contract/schemas';
import { EditorSection, TextField } from '../form-fields';
import { useFormValue } from '../use-form-value';
import type { PassFormValues } from '../../model/form-model';
import { FieldRows, RowFieldset, nextFieldKey } from './row-controls';
import { LinkField } from './link-field';
import { CHANGE_MESSAGE_HINT } from './top-field-section';

const LINK_HINT = 'An https:, http:, mailto: or tel: link.';

export function BackFieldsSection() {
  const { control, getValues } = useFormContext<PassFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'passMetadata.backFields' });

  function add() {
    const meta = getValues('passMetadata');
    append({ key: nextFieldKey('back', meta), label: '', changeMessage: '', value: [{ text: '', link: 'https://' }] });
  }

  return (
    <EditorSection
      id="section-back-fields"
      title="Back fields"
      description="Lists of links on the back of the Apple pass and in the Google pass details."
      actions={
        <Button size="sm" onClick={add}>
          Add back field
        </Button>
      }
    >
      <FieldRows fields={fields} noun="Back field" onMove={move} onRemove={remove}>
        {(index) => (
          <>
            <div className="grid gap-x-4 sm:grid-cols-3">
              <TextField name={`passMetadata.backFields.${index}.label`} label="Label" maxLength={255} />
              <TextField name={`passMetadata.backFields.${index}.key`} label="Key" mono maxLength={255} />
              <TextField
                name={`passMetadata.backFields.${index}.changeMessage`}
                label="Change message"
                hint={CHANGE_MESSAGE_HINT}
                maxLength={255}
              />
            </div>
            <BackFieldLinks fieldIndex={index} />
          </>
        )}
      </FieldRows>
    </EditorSection>
  );
}

function BackFieldLinks({ fieldIndex }: { fieldIndex: number }) {
  const { control } = useFormContext<PassFormValues>();
  const name = `passMetadata.backFields.${fieldIndex}.value` as const;
  const { fields, append, remove, move } = useFieldArray({ control, name });
  return (
    <div className="mt-2 space-y-3 border-l-2 border-brand-100 pl-4">
      {fields.map((link, linkIndex) => (
        <RowFieldset
          key={link.id}
          className="rounded-lg bg-surface-sunken/60 p-3"
          legend={`Back field ${fieldIndex + 1} link ${linkIndex + 1}`}
          what={`link ${linkIndex + 1} of back field ${fieldIndex + 1}`}
          index={linkIndex}
          count={fields.length}
          onMove={move}
          onRemove={remove}
          strong={false}
        >
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField name={`${name}.${linkIndex}.text`} label="Link text" maxLength={100} />
            <LinkField name={`${name}.${linkIndex}.link`} label="Link" hint={LINK_HINT} />
          </div>
          <LinkExtras name={`${name}.${linkIndex}`} />
        </RowFieldset>
      ))}
      <Button size="sm" variant="ghost" onClick={() => append({ text: '', link: 'https://' })}>
        + Add link to back field {fieldIndex + 1}
      </Button>
    </div>
  );
}

const EXTRA_LABELS: [keyof BackFieldLink, string][] = [
  ['slug', 'Slug'],
  ['shortLinkValue', 'Short link'],
  ['shortLinkId', 'Short link id'],
  ['utmSource', 'UTM source'],
];

/** Tracking properties the API adds to links: shown, never edited, always sent back. */
function LinkExtras({ name }: { name: string }) {
  const link = useFormValue(name) as BackFieldLink | undefined;
  const extras = EXTRA_LABELS.filter(([key]) => typeof link?.[key] === 'string' && link[key] !== '');
  if (extras.length === 0) return null;
  return (
    <dl className="mt-1 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-2">
      {extras.map(([key, label]) => (
        <div key={key} className="flex min-w-0 gap-2">
          <dt className="shrink-0 text-ink-subtle">{label}</dt>
          <dd className="truncate font-mono text-ink-muted" title={String(link?.[key])}>
            {String(link?.[key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

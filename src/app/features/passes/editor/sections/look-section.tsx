import { useFormContext } from 'react-hook-form';
import type { PassFormValues } from '../../model/form-model';
import { HEX_COLOR, normalizeHexColor } from '../../../../../contract/rules';
import { Field, inputClass } from '../../../../components/ui/field';
import { MIN_TEXT_CONTRAST, textContrast } from '../../../../lib/color';
import { cx } from '../../../../lib/cx';
import { EditorSection, type FormPath, TextAreaField, TextField, useFieldError } from '../form-fields';
import { useFormValue } from '../use-form-value';
import { ArtworkColorSuggestion } from './color-suggestion';

export function LookSection() {
  return (
    <EditorSection id="section-look" title="Look" description="The words and colours holders see on the pass.">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="passMetadata.organizationName"
          label="Organisation name"
          hint="Top of the Google pass; Apple shows it on the lock screen."
          maxLength={255}
        />
        <div className="sm:col-span-2">
          <TextAreaField
            name="passMetadata.description"
            label="Description"
            hint="Back of the Apple pass and the Google pass details; also read by VoiceOver."
            maxLength={2000}
          />
        </div>
        <ColorField name="passMetadata.backgroundColor" label="Background colour" />
        <ColorField name="passMetadata.displayTextColor" label="Text colour" />
      </div>
      <ContrastMeter />
      <ArtworkColorSuggestion />
    </EditorSection>
  );
}

/** A colour picker and a `#RRGGBB` text input on one form value; valid text is upper-cased on blur. */
function ColorField({ name, label }: { name: FormPath; label: string }) {
  const { register, setValue } = useFormContext<PassFormValues>();
  const value = useFormValue(name) as string | null | undefined;
  const error = useFieldError(name);
  const valid = typeof value === 'string' && HEX_COLOR.test(value);
  return (
    <Field label={label} hint="Written as #RRGGBB, for example #1F3068." error={error}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label={`${label} picker`}
            value={valid ? value.toLowerCase() : '#000000'}
            onChange={(e) => setValue(name, e.target.value.toUpperCase(), { shouldDirty: true, shouldValidate: true })}
            className="h-9 w-12 shrink-0 cursor-pointer rounded-lg border border-surface-strong bg-surface p-1"
          />
          <input
            {...control}
            {...register(name, {
              onBlur: (event: { target: { value: string } }) => {
                const normalised = normalizeHexColor(event.target.value);
                if (normalised && normalised !== event.target.value) {
                  setValue(name, normalised, { shouldDirty: true, shouldValidate: true });
                }
              },
            })}
            type="text"
            spellCheck={false}
            autoComplete="off"
            maxLength={7}
            placeholder="#RRGGBB"
            className={cx(inputClass, 'font-mono uppercase')}
          />
        </div>
      )}
    </Field>
  );
}

/** The contrast of text on background, live; Apple draws labels and values in the text colour. */
function ContrastMeter() {
  const [background, text] = [
    useFormValue('passMetadata.backgroundColor'),
    useFormValue('passMetadata.displayTextColor'),
  ];
  const ratio = textContrast(background, text);
  const low = ratio !== null && ratio < MIN_TEXT_CONTRAST;
  return (
    <div
      role="status"
      aria-live="polite"
      className={cx(
        'mt-1 flex items-center gap-3 rounded-lg border px-3 py-2 text-sm',
        low
          ? 'border-warning-600/40 bg-warning-50 text-warning-700'
          : 'border-surface-border bg-surface-sunken text-ink-muted',
      )}
    >
      <span
        aria-hidden="true"
        className="flex h-7 w-12 items-center justify-center rounded-md border border-surface-border text-xs font-semibold"
        style={ratio !== null ? { backgroundColor: background ?? undefined, color: text ?? undefined } : undefined}
      >
        Aa
      </span>
      {ratio === null ? (
        <span>Contrast appears once both colours are valid.</span>
      ) : (
        <span>
          Text contrast <strong className="tabular-nums">{ratio.toFixed(2)}:1</strong>
          {low ? ' — below 4.5:1, hard to read for many holders.' : ' — readable (4.5:1 or more).'}
        </span>
      )}
    </div>
  );
}

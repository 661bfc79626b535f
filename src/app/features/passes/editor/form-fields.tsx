/**
 * Inputs bound to the editor's form. Each one subscribes to its own error only, so typing in one
 * field re-renders that field and nothing else.
 */
import type { ReactNode } from 'react';
import { type Path, type RegisterOptions, get, useFormContext, useFormState } from 'react-hook-form';
import { Field, inputClass } from '../../../components/ui/field';
import { cx } from '../../../lib/cx';
import type { PassFormValues } from '../model/form-model';

/** A path of the editor's form, checked against its values' type. */
export type FormPath = Path<PassFormValues>;

/**
 * The error of one field, or a list's own error (`locations.root`). A field's error shows only
 * once the user acted on it: left it, or tried to save (or the server placed it there). The form
 * checks a whole list again whenever a row is added, so a fresh row holds errors before anyone
 * typed in it; those wait here until the user gets to the row.
 */
export function useFieldError(name: FormPath | `${FormPath}.root`): string | undefined {
  // A list's own error sits under `root`, a path the values' type does not name.
  const { errors, touchedFields, isSubmitted } = useFormState<PassFormValues>({ name: name as FormPath, exact: true });
  const error = get(errors, name) as { message?: unknown; type?: unknown } | undefined;
  if (typeof error?.message !== 'string') return undefined;
  const listError = name.endsWith('.root');
  const acted = isSubmitted || error.type === 'server' || get(touchedFields, name) === true;
  return listError || acted ? error.message : undefined;
}

interface BaseProps {
  name: FormPath;
  label: ReactNode;
  hint?: ReactNode;
  warning?: ReactNode;
  className?: string;
  labelAction?: ReactNode;
}

export function TextField({
  name,
  label,
  hint,
  warning,
  className,
  labelAction,
  placeholder,
  maxLength,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  mono,
  options,
}: BaseProps & {
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'url' | 'email' | 'tel';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url';
  autoComplete?: string;
  mono?: boolean;
  options?: RegisterOptions<PassFormValues, FormPath>;
}) {
  const { register } = useFormContext<PassFormValues>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} warning={warning} className={className} labelAction={labelAction}>
      {(control) => (
        <input
          {...control}
          {...register(name, options)}
          type={type}
          inputMode={inputMode}
          placeholder={placeholder}
          maxLength={maxLength}
          autoComplete={autoComplete}
          spellCheck={mono ? false : undefined}
          className={cx(inputClass, mono && 'font-mono')}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  className,
  rows = 3,
  maxLength,
}: BaseProps & { rows?: number; maxLength?: number }) {
  const { register } = useFormContext<PassFormValues>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <textarea
          {...control}
          {...register(name)}
          rows={rows}
          maxLength={maxLength}
          className={cx(inputClass, 'h-auto py-2 leading-relaxed')}
        />
      )}
    </Field>
  );
}

/** Numbers typed as text: empty → `emptyAs` (NaN fails validation with the field's message). */
export function NumberField({
  name,
  label,
  hint,
  className,
  emptyAs,
  step = 'any',
}: BaseProps & { emptyAs: number | null; step?: string }) {
  const { register } = useFormContext<PassFormValues>();
  const error = useFieldError(name);
  const registration = register(name, {
    setValueAs: (value: unknown) => {
      if (typeof value === 'number') return value;
      const text = String(value ?? '')
        .trim()
        .replace(',', '.');
      return text === '' ? emptyAs : Number(text);
    },
  });
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <input
          {...control}
          {...registration}
          // "Not yet a number" is held as NaN; the input shows it as empty, never as "NaN".
          ref={(element) => {
            registration.ref(element);
            if (element?.value === 'NaN') element.value = '';
          }}
          type="text"
          inputMode="decimal"
          step={step}
          autoComplete="off"
          className={cx(inputClass, 'tabular-nums')}
        />
      )}
    </Field>
  );
}

export function SelectField({ name, label, hint, className, children }: BaseProps & { children: ReactNode }) {
  const { register } = useFormContext<PassFormValues>();
  const error = useFieldError(name);
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select
          {...control}
          {...register(name, { setValueAs: (value: unknown) => (value === '' ? null : value) })}
          className={cx(inputClass, 'px-2')}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ name, label, hint }: { name: FormPath; label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext<PassFormValues>();
  return (
    <label className="flex items-start gap-2 text-sm text-ink">
      <input
        type="checkbox"
        {...register(name)}
        className="mt-0.5 size-4 rounded border-surface-strong accent-brand-600"
      />
      <span>
        {label}
        {hint ? <span className="block text-xs text-ink-subtle">{hint}</span> : null}
      </span>
    </label>
  );
}

/**
 * A titled block of the editor; `id` makes it reachable from links. Sections off screen are not
 * laid out or painted (`content-visibility: auto`), which keeps typing cheap on large passes.
 */
export function EditorSection({
  id,
  title,
  description,
  children,
  actions,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-32 rounded-card border border-surface-border bg-surface p-5 shadow-card [contain-intrinsic-size:auto_520px] [content-visibility:auto]"
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-ink">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-ink-muted">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

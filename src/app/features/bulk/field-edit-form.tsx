import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { Field, type FieldControlProps } from '../../components/ui/field';
import { parseCoordinates } from '../../lib/coordinates';
import type { FieldEdit, LocationInput } from './field-edit-model';

export type EditKind = FieldEdit['kind'];

export const EDIT_KINDS: { kind: EditKind; label: string; hint: string }[] = [
  { kind: 'backField', label: 'Back field', hint: 'Added, or replaces the back field with the same key.' },
  {
    kind: 'secondaryField',
    label: 'Secondary field',
    hint: 'Added, or replaces the secondary field with the same key.',
  },
  { kind: 'colours', label: 'Colours', hint: 'Background and text colour of the pass.' },
  { kind: 'locations', label: 'Locations', hint: 'Where the pass shows on the lock screen.' },
  { kind: 'notificationHeader', label: 'Notification header', hint: 'The title of the pass’s notifications.' },
];

/** A fresh edit of each kind: what the inputs start from. */
export function emptyEdit(kind: EditKind): FieldEdit {
  switch (kind) {
    case 'backField':
      return { kind, key: '', label: '', changeMessage: '', links: [{ text: '', link: '' }] };
    case 'secondaryField':
      return { kind, key: '', label: '', value: '', changeMessage: '' };
    case 'colours':
      return { kind, backgroundColor: '', displayTextColor: '' };
    case 'locations':
      return { kind, mode: 'add', locations: [{ name: '', latitude: '', longitude: '', relevantText: '' }] };
    case 'notificationHeader':
      return { kind, value: '' };
  }
}

const inputClass = 'block h-10 w-full rounded-lg border border-surface-strong bg-surface px-3 text-sm text-ink';

function TextInput({
  label,
  value,
  onChange,
  error,
  hint,
  className,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  placeholder?: string;
  inputMode?: 'decimal' | 'url' | 'text';
}) {
  return (
    <Field label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {(props: FieldControlProps) => (
        <input {...props} {...rest} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} />
      )}
    </Field>
  );
}

/** The inputs of one kind of edit; errors (validateEdit) show at their input. */
export function FieldEditInputs({
  edit,
  onChange,
  errors,
}: {
  edit: FieldEdit;
  onChange: (edit: FieldEdit) => void;
  errors: Record<string, string>;
}) {
  if (edit.kind === 'backField' || edit.kind === 'secondaryField') {
    return (
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextInput
          label="Key"
          value={edit.key}
          onChange={(key) => onChange({ ...edit, key })}
          error={errors.key}
          hint="Passes with a field of this key get it replaced; the others get it added."
        />
        <TextInput
          label="Label"
          value={edit.label}
          onChange={(label) => onChange({ ...edit, label })}
          error={errors.label}
        />
        {edit.kind === 'secondaryField' ? (
          <TextInput
            label="Value"
            value={edit.value}
            onChange={(value) => onChange({ ...edit, value })}
            error={errors.value}
          />
        ) : null}
        <TextInput
          label="Change message (optional)"
          value={edit.changeMessage}
          onChange={(changeMessage) => onChange({ ...edit, changeMessage })}
          error={errors.changeMessage}
          hint="Shown on holders’ lock screens when the value changes; %@ stands for the new value."
        />
        {edit.kind === 'backField' ? (
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-ink">Links</legend>
            {errors.links ? <p className="text-xs font-medium text-danger-700">{errors.links}</p> : null}
            {edit.links.map((link, i) => (
              <div
                key={i}
                role="group"
                aria-label={`Link ${i + 1}`}
                className="mt-2 grid items-start gap-x-3 sm:grid-cols-[1fr_1.5fr_auto]"
              >
                <TextInput
                  label={`Link ${i + 1} text`}
                  value={link.text}
                  onChange={(text) =>
                    onChange({ ...edit, links: edit.links.map((l, j) => (j === i ? { ...l, text } : l)) })
                  }
                  error={errors[`links.${i}.text`]}
                />
                <TextInput
                  label={`Link ${i + 1} URL`}
                  value={link.link}
                  inputMode="url"
                  placeholder="https://"
                  onChange={(url) =>
                    onChange({ ...edit, links: edit.links.map((l, j) => (j === i ? { ...l, link: url } : l)) })
                  }
                  error={errors[`links.${i}.link`]}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  className="sm:mt-6"
                  disabled={edit.links.length === 1}
                  onClick={() => onChange({ ...edit, links: edit.links.filter((_, j) => j !== i) })}
                  aria-label={`Remove link ${i + 1}`}
                >
                  Remove
                </Button>
              </div>
            ))}
            <Button
              size="sm"
              className="mt-1"
              onClick={() => onChange({ ...edit, links: [...edit.links, { text: '', link: '' }] })}
            >
              Add a link
            </Button>
          </fieldset>
        ) : null}
      </div>
    );
  }
  if (edit.kind === 'colours') {
    return (
      <div className="grid gap-x-4 sm:grid-cols-2">
        {(
          [
            ['backgroundColor', 'Background colour'],
            ['displayTextColor', 'Text colour'],
          ] as const
        ).map(([key, label]) => (
          <div key={key} className="flex items-start gap-2">
            <TextInput
              className="flex-1"
              label={label}
              value={edit[key]}
              placeholder="#1F3068 (leave empty to keep)"
              onChange={(value) => onChange({ ...edit, [key]: value })}
              error={errors[key]}
            />
            <input
              type="color"
              aria-label={`${label} picker`}
              value={/^#[0-9a-f]{6}$/i.test(edit[key]) ? edit[key] : '#000000'}
              onChange={(e) => onChange({ ...edit, [key]: e.target.value.toUpperCase() })}
              className="mt-6 h-10 w-12 shrink-0 rounded-lg border border-surface-strong bg-surface p-1"
            />
          </div>
        ))}
      </div>
    );
  }
  if (edit.kind === 'notificationHeader') {
    return (
      <TextInput
        label="Notification header"
        value={edit.value}
        onChange={(value) => onChange({ ...edit, value })}
        error={errors.value}
        hint="Leave empty to remove it: notifications then show the organisation name."
      />
    );
  }
  const setLocation = (i: number, patch: Partial<LocationInput>) =>
    onChange({ ...edit, locations: edit.locations.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-ink">What happens to each pass’s locations</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {(
            [
              ['add', 'Add these (keep the others)'],
              ['replace', 'Replace them with these'],
            ] as const
          ).map(([mode, label]) => (
            <label key={mode} className="flex items-center gap-2">
              <input
                type="radio"
                name="location-mode"
                checked={edit.mode === mode}
                onChange={() => onChange({ ...edit, mode })}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {errors.locations ? <p className="text-xs font-medium text-danger-700">{errors.locations}</p> : null}
      {edit.locations.map((location, i) => (
        <fieldset key={i} className="rounded-lg border border-surface-border p-3">
          <legend className="px-1 text-sm font-medium text-ink">Location {i + 1}</legend>
          <div className="grid gap-x-3 sm:grid-cols-2">
            <TextInput
              label="Name"
              value={location.name}
              onChange={(name) => setLocation(i, { name })}
              error={errors[`locations.${i}.name`]}
            />
            <TextInput
              label="Lock-screen text"
              value={location.relevantText}
              onChange={(relevantText) => setLocation(i, { relevantText })}
              error={errors[`locations.${i}.relevantText`]}
            />
            <TextInput
              label="Latitude"
              inputMode="decimal"
              value={location.latitude}
              hint="Or paste “lat, long” or a maps link."
              onChange={(text) => {
                const pair = parseCoordinates(text);
                setLocation(
                  i,
                  pair ? { latitude: String(pair.latitude), longitude: String(pair.longitude) } : { latitude: text },
                );
              }}
              error={errors[`locations.${i}.latitude`]}
            />
            <TextInput
              label="Longitude"
              inputMode="decimal"
              value={location.longitude}
              onChange={(longitude) => setLocation(i, { longitude })}
              error={errors[`locations.${i}.longitude`]}
            />
          </div>
          <Button
            size="sm"
            variant="ghost"
            disabled={edit.locations.length === 1}
            onClick={() => onChange({ ...edit, locations: edit.locations.filter((_, j) => j !== i) })}
          >
            Remove location {i + 1}
          </Button>
        </fieldset>
      ))}
      <Button
        size="sm"
        onClick={() =>
          onChange({
            ...edit,
            locations: [...edit.locations, { name: '', latitude: '', longitude: '', relevantText: '' }],
          })
        }
      >
        Add a location
      </Button>
    </div>
  );
}

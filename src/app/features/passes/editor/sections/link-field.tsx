import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { PassFormValues } from '../../model/form-model';
import { type FormPath, TextField } from '../form-fields';

// A bare host with an optional port and path ("www.example.com", "menu.example/today").
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i;

/** `www.example.com` → `https://www.example.com`; anything else (a link, empty, not a host) as it is. */
export function withHttps(value: string): string {
  const text = value.trim();
  return BARE_HOST.test(text) ? `https://${text}` : value;
}

/**
 * A web link input (a back field's link, the web app and store URLs, the user deep link) that,
 * when left holding a bare host, puts `https://` in front of it and says so under the field, so
 * the change is never silent.
 */
export function LinkField({ name, label, hint }: { name: FormPath; label: string; hint: string }) {
  const { getValues, setValue } = useFormContext<PassFormValues>();
  const [added, setAdded] = useState(false);
  return (
    <TextField
      name={name}
      label={label}
      hint={hint}
      warning={added ? 'Added https://' : undefined}
      type="url"
      mono
      maxLength={2048}
      options={{
        onChange: () => setAdded(false),
        onBlur: () => {
          const value = getValues(name);
          if (typeof value !== 'string') return;
          const fixed = withHttps(value);
          if (fixed === value) return;
          setValue(name, fixed, { shouldDirty: true, shouldValidate: true });
          setAdded(true);
        },
      }}
    />
  );
}

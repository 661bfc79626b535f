/**
 * Latitude and longitude of one location. Either input also takes a pasted "lat, long" pair or a
 * maps link carrying coordinates (Apple Maps, Google Maps) and fills both, then shows the point
 * on a small locator beside the pass's other locations.
 */
import type { ClipboardEvent, FormEvent } from 'react';
import { useFormContext } from 'react-hook-form';
import type { PassFormValues } from '../../model/form-model';
import { parseCoordinates } from '../../../../lib/coordinates';
import { NumberField } from '../form-fields';
import { useFormValue } from '../use-form-value';
import { LocationLocator } from './location-locator';

type LooseLocation = { latitude?: unknown; longitude?: unknown; name?: unknown } | null | undefined;

export function CoordinateFields({ index }: { index: number }) {
  const { setValue } = useFormContext<PassFormValues>();
  const latitude = `locations.${index}.latitude` as const;
  const longitude = `locations.${index}.longitude` as const;

  /** True when the text held a pair (a plain number is left to the field itself). */
  function fill(text: string): boolean {
    if (/^\s*[-+−]?\d+(?:[.,]\d+)?\s*$/.test(text)) return false;
    const found = parseCoordinates(text);
    if (!found) return false;
    const options = { shouldDirty: true, shouldValidate: true } as const;
    setValue(latitude, found.latitude, options);
    setValue(longitude, found.longitude, options);
    return true;
  }

  return (
    <div
      className="contents"
      onPaste={(event: ClipboardEvent) => {
        if (fill(event.clipboardData.getData('text'))) event.preventDefault();
      }}
      // After the field's own change handler: a pair that arrives whole (filled in, dropped,
      // autocompleted) replaces what it stored; typing key by key is left alone.
      onInput={(event: FormEvent) => {
        const native = event.nativeEvent as InputEvent;
        const typed = native.inputType === 'insertText' && (native.data ?? '').length <= 1;
        if (!typed && !native.inputType?.startsWith('delete')) fill((event.target as HTMLInputElement).value);
      }}
    >
      <NumberField
        name={latitude}
        label="Latitude"
        hint="−90 to 90, or paste “lat, long” or a maps link"
        emptyAs={Number.NaN}
      />
      <NumberField name={longitude} label="Longitude" hint="−180 to 180" emptyAs={Number.NaN} />
    </div>
  );
}

/** The locator for location `index`, with every other location of the form as context. */
export function LocationLocatorFor({ index }: { index: number }) {
  const locations = (useFormValue('locations') ?? []) as LooseLocation[];
  const nameOf = (location: LooseLocation, i: number) =>
    typeof location?.name === 'string' && location.name.trim() ? location.name.trim() : `Location ${i + 1}`;
  const self = locations[index];
  const others = locations.flatMap((location, i) =>
    i === index || !location
      ? []
      : [{ latitude: location.latitude, longitude: location.longitude, name: nameOf(location, i) }],
  );
  return (
    <LocationLocator
      point={{ latitude: self?.latitude, longitude: self?.longitude, name: nameOf(self, index) }}
      others={others}
    />
  );
}

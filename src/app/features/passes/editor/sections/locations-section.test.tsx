import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
  savablePass,
  storedLocation,
} from '../../../../../testing/editor-harness';
import { LocationsSection } from './locations-section';

const PASS_ID = savablePass().id;

function renderLocations(count: number) {
  const pass = passWithMetadata({
    locations: Array.from({ length: count }, (_, i) => storedLocation(PASS_ID, i + 1)),
  });
  return renderSection(<LocationsSection passId={pass.id} />, { pass });
}

const group = (n: number) => screen.getByRole('group', { name: `Location ${n}` });
const input = (n: number, label: string) => within(group(n)).getByLabelText(label);

async function fill(h: ReturnType<typeof renderLocations>, n: number, label: string, value: string) {
  await h.user.clear(input(n, label));
  if (value) await h.user.type(input(n, label), value);
  await h.user.tab();
}

describe('LocationsSection', () => {
  it('adds an empty location that must be filled in before saving', async () => {
    const h = renderLocations(1);
    await h.user.click(screen.getByRole('button', { name: 'Add location' }));
    expect(input(2, 'Name')).toHaveValue('');
    expect(within(group(2)).getByRole('checkbox', { name: /^Enabled/ })).toBeChecked();
    // Coordinates not yet typed read as empty, never as "NaN".
    expect(input(2, 'Latitude')).toHaveValue('');
    expect(input(2, 'Longitude')).toHaveValue('');

    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expectFieldError(input(2, 'Name'), 'Name is required');
    expectFieldError(input(2, 'Latitude'), 'Latitude must be a number');
    expectFieldError(input(2, 'Longitude'), 'Longitude must be a number');
    expectFieldError(input(2, 'Relevant text'), 'Relevant text is required');
    expectNoFieldError(input(2, 'Altitude'));
    expectNoFieldError(input(1, 'Name'));

    await fill(h, 2, 'Name', 'Harbour');
    await fill(h, 2, 'Latitude', '45,5');
    await fill(h, 2, 'Longitude', '-122.75');
    await fill(h, 2, 'Relevant text', 'Coffee by the water');
    await h.submit();
    const added = h.submitted().locations[1];
    expect(added).toMatchObject({
      name: 'Harbour',
      latitude: 45.5,
      longitude: -122.75,
      altitude: null,
      relevantText: 'Coffee by the water',
      enabled: true,
      walletPass: { id: h.pass.id },
    });
    expect(added?.locationId).toBeUndefined();
    expect(h.submitted().locations[0]?.locationId).toBe('loc-1');
  });

  it('shows no error on an added location until the user leaves a field or saves', async () => {
    const h = renderLocations(1);
    await h.user.click(screen.getByRole('button', { name: 'Add location' }));
    // The new row's first field takes focus, with no error on any of its fields yet.
    expect(input(2, 'Name')).toHaveFocus();
    for (const label of ['Name', 'Latitude', 'Longitude', 'Relevant text']) expectNoFieldError(input(2, label));
    expect(screen.queryByText('Name is required')).not.toBeInTheDocument();

    // Leaving the name empty shows its error; the next added row starts clean.
    await h.user.tab();
    expectFieldError(input(2, 'Name'), 'Name is required');
    await h.user.click(screen.getByRole('button', { name: 'Add location' }));
    for (const label of ['Name', 'Latitude', 'Longitude', 'Relevant text']) expectNoFieldError(input(3, label));
    expectNoFieldError(input(2, 'Latitude'));
  });

  it('removes a location', async () => {
    const h = renderLocations(3);
    await h.user.click(screen.getByRole('button', { name: 'Remove location 1' }));
    expect(screen.queryByRole('group', { name: 'Location 3' })).not.toBeInTheDocument();
    expect(input(1, 'Name')).toHaveValue('Shop 2');
    await h.submit();
    expect(h.submitted().locations.map((l) => l.locationId)).toEqual(['loc-2', 'loc-3']);
  });

  it('moves locations up and down', async () => {
    const h = renderLocations(3);
    expect(screen.getByRole('button', { name: 'Move location 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move location 3 down' })).toBeDisabled();
    await h.user.click(screen.getByRole('button', { name: 'Move location 3 up' }));
    expect(input(2, 'Name')).toHaveValue('Shop 3');
    await h.user.click(screen.getByRole('button', { name: 'Move location 1 down' }));
    expect(input(1, 'Name')).toHaveValue('Shop 3');
    await h.submit();
    expect(h.submitted().locations.map((l) => l.locationId)).toEqual(['loc-3', 'loc-1', 'loc-2']);
  });

  it.each([
    ['Latitude', '91', 'Latitude must be between -90 and 90'],
    ['Latitude', '-90.5', 'Latitude must be between -90 and 90'],
    ['Longitude', '-181', 'Longitude must be between -180 and 180'],
    ['Longitude', '180.01', 'Longitude must be between -180 and 180'],
    ['Latitude', '', 'Latitude must be a number'],
    ['Longitude', '', 'Longitude must be a number'],
    ['Latitude', 'north', 'Latitude must be a number'],
    ['Altitude', 'high', 'Altitude must be a number'],
  ])('refuses %s %j', async (label, value, message) => {
    const h = renderLocations(1);
    await fill(h, 1, label, value);
    expectFieldError(input(1, label), message);
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it('accepts the edges of the ranges and an empty altitude', async () => {
    const h = renderLocations(1);
    await fill(h, 1, 'Latitude', '-90');
    await fill(h, 1, 'Longitude', '180');
    await fill(h, 1, 'Altitude', '');
    await h.submit();
    expect(h.submitted().locations[0]).toMatchObject({ latitude: -90, longitude: 180, altitude: null });
  });

  it('requires relevant text and a name', async () => {
    const h = renderLocations(1);
    await fill(h, 1, 'Relevant text', '');
    expectFieldError(input(1, 'Relevant text'), 'Relevant text is required');
    await fill(h, 1, 'Name', '  ');
    expectFieldError(input(1, 'Name'), 'Name is required');
  });

  it('refuses stored relevant text over 255 characters', async () => {
    const pass = passWithMetadata({ locations: [storedLocation(PASS_ID, 1, { relevantText: 'r'.repeat(256) })] });
    const h = renderSection(<LocationsSection passId={pass.id} />, { pass });
    expect(input(1, 'Relevant text')).toHaveAttribute('maxlength', '255');
    await h.submit();
    expectFieldError(input(1, 'Relevant text'), 'Relevant text must be at most 255 characters');
  });

  it('stops adding at 10 locations and says why', async () => {
    const h = renderLocations(9);
    const add = screen.getByRole('button', { name: 'Add location' });
    expect(screen.queryByText(/the most Apple Wallet uses/)).not.toBeInTheDocument();
    await h.user.click(add);
    expect(screen.getByRole('group', { name: 'Location 10' })).toBeInTheDocument();
    expect(add).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(
      'This pass has 10 locations, the most Apple Wallet uses for one pass.',
    );
    await h.user.click(screen.getByRole('button', { name: 'Remove location 10' }));
    expect(add).toBeEnabled();
  });

  it('refuses to save more than 10 locations', async () => {
    const h = renderLocations(11);
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('At most 10 locations: Apple Wallet uses no more than 10');
  });
});

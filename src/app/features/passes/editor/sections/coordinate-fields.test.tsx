import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { passWithMetadata, renderSection, savablePass, storedLocation } from '../../../../../testing/editor-harness';
import { CoordinateFields, LocationLocatorFor } from './coordinate-fields';

const PASS_ID = savablePass().id;

function renderCoordinates() {
  const pass = passWithMetadata({
    locations: [
      storedLocation(PASS_ID, 1, { name: 'Portland shop', latitude: 45.5231, longitude: -122.6765 }),
      storedLocation(PASS_ID, 2, { name: 'Seattle shop', latitude: 47.6062, longitude: -122.3321 }),
    ],
  });
  return renderSection(
    <div>
      <CoordinateFields index={0} />
      <LocationLocatorFor index={0} />
    </div>,
    { pass },
  );
}

const latitude = () => screen.getByLabelText('Latitude');
const longitude = () => screen.getByLabelText('Longitude');

describe('CoordinateFields', () => {
  it('fills both from a Google Maps link pasted into the latitude', async () => {
    const h = renderCoordinates();
    await h.user.clear(latitude());
    await h.user.paste('https://www.google.com/maps/place/Big+Ben/@51.5007,-0.1246,17z');
    expect(latitude()).toHaveValue('51.5007');
    expect(longitude()).toHaveValue('-0.1246');
    await h.submit();
    expect(h.submitted().locations[0]).toMatchObject({ latitude: 51.5007, longitude: -0.1246 });
  });

  it('fills both from a "lat, long" pair or an Apple Maps link pasted into the longitude', async () => {
    const h = renderCoordinates();
    await h.user.click(longitude());
    await h.user.paste('-33.8568, 151.2153');
    expect(latitude()).toHaveValue('-33.8568');
    expect(longitude()).toHaveValue('151.2153');
    await h.user.click(longitude());
    await h.user.paste('https://maps.apple.com/?ll=48.8584,2.2945&q=Eiffel');
    expect(latitude()).toHaveValue('48.8584');
    expect(longitude()).toHaveValue('2.2945');
  });

  it('leaves a number typed key by key (with a decimal comma) to the field', async () => {
    const h = renderCoordinates();
    await h.user.clear(latitude());
    await h.user.type(latitude(), '45,5');
    await h.user.tab();
    expect(longitude()).toHaveValue('-122.6765');
    await h.submit();
    expect(h.submitted().locations[0]).toMatchObject({ latitude: 45.5, longitude: -122.6765 });
  });

  it('shows the point on a world locator with the distance to the nearest other location', async () => {
    const h = renderCoordinates();
    expect(
      screen.getByRole('img', {
        name: /^Portland shop at 45\.5231° N, 122\.6765° W on a world map; 2\d\d km from Seattle shop$/,
      }),
    ).toBeInTheDocument();
    // A lost minus sign puts the shop in China: the distance gives it away.
    await h.user.clear(longitude());
    await h.user.type(longitude(), '122.6765');
    await h.user.tab();
    const locator = screen.getByRole('img', { name: /^Portland shop at 45\.5231° N, 122\.6765° E/ });
    expect(locator).toHaveAccessibleName(/[0-9],\d{3} km from Seattle shop$/);
    expect(within(locator.closest('figure')!).getByText(/km from Seattle shop/)).toBeInTheDocument();
  });
});

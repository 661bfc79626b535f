import { describe, expect, it } from 'vitest';
import { parseCoordinates } from './coordinates';

describe('parseCoordinates', () => {
  it.each([
    ['51.5072, -0.1276', 51.5072, -0.1276],
    ['  -33.8568 151.2153 ', -33.8568, 151.2153],
    ['45.52;-122.68', 45.52, -122.68],
    ['https://maps.apple.com/?ll=45.5231,-122.6765&q=Powell%27s', 45.5231, -122.6765],
    ['https://maps.apple.com/?q=48.8584,2.2945', 48.8584, 2.2945],
    ['https://www.google.com/maps/@40.7580,-73.9855,15z', 40.758, -73.9855],
    [
      'https://www.google.com/maps/place/Caf%C3%A9/@52.37,4.89,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d52.3731!4d4.8922',
      52.3731,
      4.8922,
    ],
    ['https://www.google.com/maps?q=35.6595,139.7005', 35.6595, 139.7005],
    ['https://www.google.com/maps/search/?api=1&query=-22.9519,-43.2105', -22.9519, -43.2105],
  ])('reads %s', (input, latitude, longitude) => {
    expect(parseCoordinates(input)).toEqual({ latitude, longitude });
  });

  it.each([
    '',
    '51.5072',
    'Main Street 12',
    '91, 10',
    '10, 181',
    'https://maps.apple.com/?q=Powell%27s%20Books',
    'javascript:alert(1)//51.5,0.1',
  ])('finds nothing in %j', (input) => {
    expect(parseCoordinates(input)).toBeNull();
  });
});

/**
 * Reads a place's coordinates from what people paste: a "lat, long" pair or a maps link that
 * carries them (Apple Maps `ll=` / `q=` / `sll=`, Google Maps `@lat,long`, `q=`, `query=`,
 * `ll=` and `!3d…!4d…`). Null when no pair in range is found.
 */
import { LATITUDE_RANGE, LONGITUDE_RANGE } from '../../contract/rules';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

const NUMBER = String.raw`[-+−]?\d{1,3}(?:\.\d+)?`;
const PAIR = new RegExp(String.raw`^\s*(${NUMBER})\s*[,;\s]\s*(${NUMBER})\s*$`);

const toNumber = (text: string) => Number(text.replace('−', '-').replace('+', ''));

function inRange(latitude: number, longitude: number): Coordinates | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (latitude < LATITUDE_RANGE.min || latitude > LATITUDE_RANGE.max) return null;
  if (longitude < LONGITUDE_RANGE.min || longitude > LONGITUDE_RANGE.max) return null;
  return { latitude, longitude };
}

function pairOf(text: string | null | undefined): Coordinates | null {
  const match = text ? PAIR.exec(text) : null;
  return match ? inRange(toNumber(match[1]!), toNumber(match[2]!)) : null;
}

export function parseCoordinates(input: string): Coordinates | null {
  const text = input.trim();
  if (!text) return null;
  const pair = pairOf(text);
  if (pair) return pair;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'maps:') return null;
  // A place's own pin (Google's "!3d<lat>!4d<long>") is more exact than the map's centre.
  const pin = /!3d(-?\d+(?:\.\d+)?)!4d(-?\d+(?:\.\d+)?)/.exec(url.pathname);
  if (pin) return inRange(Number(pin[1]), Number(pin[2]));
  for (const key of ['ll', 'q', 'query', 'sll', 'daddr', 'destination', 'center'])
    for (const value of url.searchParams.getAll(key)) {
      const found = pairOf(value);
      if (found) return found;
    }
  const at = /@(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)/.exec(url.pathname);
  return at ? inRange(Number(at[1]), Number(at[2])) : null;
}

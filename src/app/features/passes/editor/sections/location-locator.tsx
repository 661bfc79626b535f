/**
 * A small static map: the world in an equirectangular frame with the equator and the prime
 * meridian, this location highlighted and the pass's other locations as dots, plus the distance
 * to the nearest of them. A swapped or dropped minus sign lands the point in another hemisphere
 * or thousands of kilometres away, which this makes obvious without any map tiles.
 */
export interface LocatorPoint {
  latitude: number;
  longitude: number;
  name: string;
}

const W = 240;
const H = 120;
const x = (longitude: number) => ((longitude + 180) / 360) * W;
const y = (latitude: number) => ((90 - latitude) / 180) * H;

const valid = (p: { latitude: unknown; longitude: unknown }): p is LocatorPoint =>
  typeof p.latitude === 'number' &&
  typeof p.longitude === 'number' &&
  Number.isFinite(p.latitude) &&
  Number.isFinite(p.longitude) &&
  Math.abs(p.latitude) <= 90 &&
  Math.abs(p.longitude) <= 180;

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: LocatorPoint, b: LocatorPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const hemisphere = (p: LocatorPoint) =>
  `${Math.abs(p.latitude).toFixed(4)}° ${p.latitude < 0 ? 'S' : 'N'}, ${Math.abs(p.longitude).toFixed(4)}° ${p.longitude < 0 ? 'W' : 'E'}`;

const formatKm = (km: number) =>
  km < 1 ? `${Math.round(km * 1000)} m` : `${km < 10 ? km.toFixed(1) : Math.round(km).toLocaleString('en-GB')} km`;

export function LocationLocator({
  point,
  others,
}: {
  point: { latitude: unknown; longitude: unknown; name: string };
  others: readonly { latitude: unknown; longitude: unknown; name: string }[];
}) {
  if (!valid(point)) return null;
  const placed = others.filter(valid);
  const nearest = placed.map((other) => ({ other, km: distanceKm(point, other) })).sort((a, b) => a.km - b.km)[0];
  const summary = nearest
    ? `${formatKm(nearest.km)} from ${nearest.other.name}`
    : 'The only location of this pass with coordinates';
  return (
    <figure className="mt-1 mb-4 flex flex-wrap items-center gap-3 sm:col-span-2">
      <svg
        role="img"
        aria-label={`${point.name} at ${hemisphere(point)} on a world map; ${summary}`}
        viewBox={`0 0 ${W} ${H}`}
        className="h-[90px] w-[180px] shrink-0 rounded-md border border-surface-border bg-[#EAF2FB]"
      >
        {[-60, -30, 30, 60].map((lat) => (
          <line key={lat} x1={0} x2={W} y1={y(lat)} y2={y(lat)} stroke="#C9D8EA" strokeWidth={0.5} />
        ))}
        {[-120, -60, 60, 120].map((lng) => (
          <line key={lng} x1={x(lng)} x2={x(lng)} y1={0} y2={H} stroke="#C9D8EA" strokeWidth={0.5} />
        ))}
        <line x1={0} x2={W} y1={y(0)} y2={y(0)} stroke="#7E97B8" strokeWidth={0.8} />
        <line x1={x(0)} x2={x(0)} y1={0} y2={H} stroke="#7E97B8" strokeWidth={0.8} />
        {placed.map((other, i) => (
          <circle key={i} cx={x(other.longitude)} cy={y(other.latitude)} r={2.5} fill="#5B6B7F" />
        ))}
        <circle cx={x(point.longitude)} cy={y(point.latitude)} r={7} fill="#C2410C" fillOpacity={0.2} />
        <circle cx={x(point.longitude)} cy={y(point.latitude)} r={3.5} fill="#C2410C" stroke="#fff" strokeWidth={1} />
      </svg>
      <figcaption className="min-w-0 text-xs text-ink-muted">
        <span className="block font-medium text-ink tabular-nums">{hemisphere(point)}</span>
        <span className="block">{summary}</span>
      </figcaption>
    </figure>
  );
}

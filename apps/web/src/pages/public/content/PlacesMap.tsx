import type { DistrictShape } from './types';

/**
 * The partnership's places on a map drawn as plain SVG on the server: each district's boundary,
 * projected simply (longitude scaled by the cosine of the middle latitude, so shapes are not
 * stretched), labelled with its name at the middle of its largest part. The list of places beside
 * it says the same in text.
 */

const WIDTH = 640;
const PAD = 12;

type Ring = number[][];
const ringsOf = (d: DistrictShape): Ring[][] => (d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates);

/** Twice the signed area of a ring (for choosing the largest part). */
const area = (ring: Ring) => Math.abs(ring.reduce((s, p, i) => { const q = ring[(i + 1) % ring.length]!; return s + p[0]! * q[1]! - q[0]! * p[1]!; }, 0));

/** The centroid of a ring (area-weighted), where its label goes. */
function centroid(ring: Ring): [number, number] {
  let a = 0, x = 0, y = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!, q = ring[(i + 1) % ring.length]!;
    const cross = p[0]! * q[1]! - q[0]! * p[1]!;
    a += cross;
    x += (p[0]! + q[0]!) * cross;
    y += (p[1]! + q[1]!) * cross;
  }
  if (a === 0) return [ring[0]![0]!, ring[0]![1]!];
  return [x / (3 * a), y / (3 * a)];
}

export function PlacesMap({ districts, attribution, title }: { districts: DistrictShape[]; attribution: string; title: string }) {
  const points = districts.flatMap((d) => ringsOf(d).flatMap((polygon) => polygon[0] ?? []));
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (WIDTH - 2 * PAD) / ((maxLon - minLon) * k || 1);
  const height = Math.round((maxLat - minLat) * scale + 2 * PAD);
  const x = (lon: number) => PAD + (lon - minLon) * k * scale;
  const y = (lat: number) => PAD + (maxLat - lat) * scale;
  const path = (d: DistrictShape) =>
    ringsOf(d)
      .flatMap((polygon) => polygon.map((ring) => `M${ring.map((p) => `${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join('L')}Z`))
      .join('');
  return (
    <figure className="fp-map" data-testid="places-map">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="fp-map__svg" role="img" aria-labelledby="places-map-title">
        <title id="places-map-title">{title}</title>
        {districts.map((d, i) => (
          <path key={d.properties.code} d={path(d)} className={`fp-map__place fp-map__place--${i % 3}`} data-code={d.properties.code} />
        ))}
        {districts.map((d) => {
          const largest = ringsOf(d).map((polygon) => polygon[0]!).sort((a, b) => area(b) - area(a))[0]!;
          const [lon, lat] = centroid(largest);
          return (
            <text key={d.properties.code} x={x(lon).toFixed(1)} y={y(lat).toFixed(1)} textAnchor="middle" dominantBaseline="middle" className="fp-map__label">
              {d.properties.name}
            </text>
          );
        })}
      </svg>
      <figcaption className="nhsuk-body-s">{attribution}</figcaption>
    </figure>
  );
}

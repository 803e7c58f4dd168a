import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { useNavigate } from 'react-router-dom';
import type { BoundaryCollection } from '@footprint/server';
import { useApi } from '../../api/useApi';
import { Load } from '../Status';
import { groupColour, groupIndex } from './palette';

/** GET /api/public/boundaries: districts as GeoJSON, with the attribution their licences ask for. */
type Boundaries = Pick<BoundaryCollection, 'attribution' | 'features'>;

/** A place to draw: its district code, its name as the register has it, and its group (delivery system). */
export interface MapPlace {
  code: string;
  name: string;
  group: string | null;
}

const NO_GROUP = 'Not in a delivery system';

/**
 * Where to write a place's name: the centroid of its largest piece of land, since Leaflet's own
 * label point uses the first ring, which for a district with islands or sandbanks may be a speck.
 */
export function labelPoint(district: Boundaries['features'][number]): [lat: number, lon: number] {
  const outers = district.geometry.type === 'Polygon' ? [district.geometry.coordinates[0]] : district.geometry.coordinates.map((p) => p[0]);
  let best: { area: number; lat: number; lon: number } = { area: -1, lat: 0, lon: 0 };
  for (const ring of outers) {
    let twiceArea = 0;
    let x = 0;
    let y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      twiceArea += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    const area = Math.abs(twiceArea / 2);
    if (area > best.area && twiceArea !== 0) best = { area, lon: x / (3 * twiceArea), lat: y / (3 * twiceArea) };
  }
  return [best.lat, best.lon];
}

/**
 * A map of places coloured by group, drawn by Leaflet as SVG over the boundaries Footprint ships
 * (no tile server: it works offline). Each place is a link, reachable by keyboard, to its place
 * page; the legend names the groups; the attribution is shown under the map. The map repeats what
 * a table next to it says, so it is never the only way to the information.
 */
export function PlacesMap({ places, groups, label }: { places: MapPlace[]; groups: string[]; label: string }) {
  const codes = places.map((p) => p.code).join(',');
  const boundaries = useApi<Boundaries>(places.length ? `/public/boundaries?codes=${encodeURIComponent(codes)}` : null);
  const legend = [...groups.map((g) => ({ name: g, index: groupIndex(groups, g) })), ...(places.some((p) => groupIndex(groups, p.group) < 0) ? [{ name: NO_GROUP, index: -1 }] : [])];
  if (!places.length) return <p>No places to show on a map.</p>;
  return (
    <div className="footprint-map-figure" data-testid="places-map">
      <ul className="footprint-map__legend" aria-label="Map key" data-testid="map-legend">
        {legend.map((g) => (
          <li key={g.name}>
            <span className={`footprint-map__swatch footprint-map__swatch--${g.index < 0 ? 'none' : g.index}`} aria-hidden="true" />
            {g.name}
          </li>
        ))}
      </ul>
      <Load state={boundaries} what="the map">
        {(data) => (
          <>
            <LeafletMap boundaries={data} places={places} groups={groups} label={label} />
            <p className="footprint-map__attribution" data-testid="map-attribution">
              Map drawn with Leaflet. {data.attribution}
            </p>
          </>
        )}
      </Load>
    </div>
  );
}

function LeafletMap({ boundaries, places, groups, label }: { boundaries: Boundaries; places: MapPlace[]; groups: string[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  // Redraw when what is drawn changes, not whenever the page re-renders with equal arrays.
  const drawn = JSON.stringify([places, groups, label]);
  useEffect(() => {
    if (!container.current) return;
    const [places, groups, label] = JSON.parse(drawn) as [MapPlace[], string[], string];
    const map = L.map(container.current, { renderer: L.svg({ padding: 0.2 }), attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25, minZoom: 5, maxZoom: 12 });
    const byCode = new Map(places.map((p) => [p.code, p]));
    const drawnPlaces: { place: MapPlace; layer: L.GeoJSON; district: Boundaries['features'][number] }[] = [];
    for (const district of boundaries.features) {
      const place = byCode.get(district.properties.code);
      if (!place) continue;
      const layer = L.geoJSON(district, {
        style: { color: '#ffffff', weight: 1.5, fillColor: groupColour(groupIndex(groups, place.group)), fillOpacity: 0.8, className: 'footprint-map__place' },
      });
      drawnPlaces.push({ place, layer, district });
    }
    // The view first: Leaflet waits for one before it draws anything added to the map.
    const bounds = drawnPlaces.length ? L.featureGroup(drawnPlaces.map((d) => d.layer)).getBounds() : undefined;
    const fit = () => (bounds ? map.fitBounds(bounds, { padding: [12, 12] }) : map.setView([52.8, -1.5], 6));
    fit();
    for (const { place, layer, district } of drawnPlaces) {
      const group = groupIndex(groups, place.group) < 0 ? NO_GROUP : place.group!;
      const open = () => navigate(`/footprint/places/${encodeURIComponent(place.code)}`);
      layer.on('click', () => void open());
      layer.addTo(map);
      // Text through a node, never HTML: names come from the register, which people edit.
      const text = document.createElement('span');
      text.textContent = place.name;
      L.tooltip({ permanent: true, direction: 'center', className: 'footprint-map__label', opacity: 1 }).setLatLng(labelPoint(district)).setContent(text).addTo(map);
      layer.eachLayer((shape) => {
        const path = (shape as L.Path).getElement();
        if (!path) return;
        path.setAttribute('tabindex', '0');
        path.setAttribute('role', 'link');
        path.setAttribute('aria-label', `${place.name} (${group}): open the place`);
        path.setAttribute('data-code', place.code);
        path.addEventListener('keydown', (event) => {
          if ((event as KeyboardEvent).key === 'Enter') void open();
        });
      });
    }
    const element = map.getContainer();
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', label);
    // Leaflet marks its panes' tooltips for the pointer; the names are in each place's link already.
    map.getPane('tooltipPane')?.setAttribute('aria-hidden', 'true');
    // A container laid out after the map was made (still zero-sized then) gets its view fitted again.
    let sized = element.clientWidth > 0 && element.clientHeight > 0;
    const resize = new ResizeObserver(() => {
      map.invalidateSize();
      if (!sized && element.clientWidth > 0 && element.clientHeight > 0) {
        sized = true;
        fit();
      }
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      map.remove();
    };
  }, [boundaries, drawn, navigate]);
  return <div ref={container} className="footprint-map" data-testid="map-canvas" />;
}

import { Link } from 'react-router-dom';
import type { FootprintDetail } from '@footprint/partnership';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { PlacesMap, type MapPlace } from '../../../components/map/PlacesMap';

const history = (itemId: string | undefined, what: string) => (itemId ? <Link to={`/partnership/changes/${encodeURIComponent(itemId)}`} aria-label={`History of ${what}`}>History</Link> : null);

/**
 * The footprint's places (local authorities) and local delivery systems: the map, and the same
 * facts as tables beside it, so the map is never the only way to them.
 */
export function PlacesSection({ detail }: { detail: FootprintDetail }) {
  const systemOf = new Map<string, string>();
  for (const system of detail.deliverySystems) for (const code of system.places) if (!systemOf.has(code)) systemOf.set(code, system.name);
  const places: MapPlace[] = detail.places.map((p) => ({ code: p.code, name: p.name, group: systemOf.get(p.code) ?? null }));
  const nameOf = new Map(detail.places.map((p) => [p.code, p.name]));
  return (
    <>
      <h2 id="places">Places and local delivery systems</h2>
      <p>Each place is a local authority. Places are coloured by the local delivery system they belong to; select a place to see its practices and population.</p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-full">
          <PlacesMap places={places} groups={detail.deliverySystems.map((s) => s.name)} label={`Map of ${detail.name}’s places by local delivery system`} />
        </div>
      </div>
      <FigureTable
        caption="Places and their local delivery system"
        testId="partnership-places"
        csvName="places"
        columns={[
          { key: 'name', header: 'Place', render: (p) => <Link to={`/footprint/places/${encodeURIComponent(p.code)}`}>{p.name}</Link>, csv: (p) => p.name },
          { key: 'code', header: 'District code' },
          { key: 'system', header: 'Local delivery system', render: (p) => systemOf.get(p.code) ?? 'None', csv: (p) => systemOf.get(p.code) ?? '' },
          { key: 'start', header: 'Since', nowrap: true, render: (p) => (p.start ? formatDate(p.start) : 'Always'), csv: (p) => p.start ?? '' },
          { key: 'history', header: 'Changes', render: (p) => history(p.itemId, p.name), csv: () => null },
        ]}
        rows={detail.places}
        emptyText="The register holds no places for this footprint."
      />
      <FigureTable
        caption="Local delivery systems"
        testId="partnership-delivery-systems"
        columns={[
          { key: 'name', header: 'Local delivery system' },
          { key: 'places', header: 'Places', render: (s) => s.places.map((c) => nameOf.get(c) ?? c).join(', ') },
          { key: 'history', header: 'Changes', render: (s) => history(s.id, s.name) },
        ]}
        rows={detail.deliverySystems}
        emptyText="The register holds no local delivery systems for this footprint."
      />
    </>
  );
}

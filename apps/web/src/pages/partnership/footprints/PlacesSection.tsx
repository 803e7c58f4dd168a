import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DeliverySystemData, Item, PlaceData, PlacesResponse } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { Loading, ProblemMessage } from '../../../components/Status';
import { PlaceForm, type Editing } from './PlaceForm';

const date = (value?: string) => (value ? formatDate(value) : '');
const historyLink = (item: Item<{ name: string }>) => (
  <Link to={`/partnership/changes/${item.id}`}>
    History<span className="nhsuk-u-visually-hidden"> of {item.data.name}</span>
  </Link>
);

/**
 * The footprint's places and delivery systems on a date, each with a link to its history; for
 * partnership leads and administrators, buttons to change one or add one. Only the footprint this
 * instance runs holds places, which the server says with a 403 for any other.
 */
export function PlacesSection({ code, on }: { code: string; on: string }) {
  const state = useApi<PlacesResponse>(`/partnership/footprints/${encodeURIComponent(code)}/places?on=${encodeURIComponent(on)}`);
  const [editing, setEditing] = useState<Editing | undefined>();
  if (state.status === 'loading') return <Loading what="places and delivery systems" />;
  if (state.status === 'error') {
    if (state.error.status === 403 && state.error.title === 'Not this footprint') return <p data-testid="places-elsewhere">{state.error.detail} Its places are kept by its own partnership.</p>;
    return <ProblemMessage error={state.error} onRetry={state.reload} />;
  }
  const { places, deliverySystems, editable } = state.data;
  const nameOf = new Map(places.map((p) => [p.data.code, p.data.name]));
  const edit = (e: Editing) => () => setEditing(e);
  const editButton = (label: string, e: Editing) => (
    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={edit(e)}>
      Change<span className="nhsuk-u-visually-hidden"> {label}</span>
    </button>
  );
  return (
    <>
      <FigureTable
        caption={`${places.length} places (local authorities) on ${formatDate(on)}`}
        testId="places-table"
        emptyText="No places on this date."
        columns={[
          { key: 'name', header: 'Place', render: (p) => p.data.name, csv: (p) => p.data.name },
          { key: 'code', header: 'District code', render: (p) => p.data.code, csv: (p) => p.data.code },
          { key: 'start', header: 'From', nowrap: true, render: (p) => date(p.data.period.start), csv: (p) => p.data.period.start ?? '' },
          { key: 'end', header: 'To', nowrap: true, render: (p) => date(p.data.period.end) || 'now', csv: (p) => p.data.period.end ?? '' },
          { key: 'history', header: 'Changes', render: historyLink, csv: (p) => p.id },
          ...(editable ? [{ key: 'edit', header: 'Edit', render: (p: Item<PlaceData>) => editButton(p.data.name, { kind: 'place', item: p }), csv: () => '' }] : []),
        ]}
        rows={places}
      />
      <FigureTable
        caption={`${deliverySystems.length} local delivery systems on ${formatDate(on)}`}
        testId="delivery-systems-table"
        emptyText="No delivery systems on this date."
        columns={[
          { key: 'name', header: 'Delivery system', render: (s) => s.data.name, csv: (s) => s.data.name },
          { key: 'places', header: 'Places', render: (s) => s.data.places.map((c) => nameOf.get(c) ?? c).join(', '), csv: (s) => s.data.places.join('; ') },
          { key: 'start', header: 'From', nowrap: true, render: (s) => date(s.data.period.start), csv: (s) => s.data.period.start ?? '' },
          { key: 'end', header: 'To', nowrap: true, render: (s) => date(s.data.period.end) || 'now', csv: (s) => s.data.period.end ?? '' },
          { key: 'history', header: 'Changes', render: historyLink, csv: (s) => s.id },
          ...(editable ? [{ key: 'edit', header: 'Edit', render: (s: Item<DeliverySystemData>) => editButton(s.data.name, { kind: 'delivery-system', item: s }), csv: () => '' }] : []),
        ]}
        rows={deliverySystems}
      />
      {editable && !editing && (
        <div className="footprint-inline-list">
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={edit({ kind: 'place' })}>
            Add a place
          </button>{' '}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={edit({ kind: 'delivery-system' })}>
            Add a delivery system
          </button>
        </div>
      )}
      {editable && editing && (
        <PlaceForm
          key={editing.item?.id ?? editing.kind}
          code={code}
          editing={editing}
          places={places}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) state.reload();
          }}
        />
      )}
    </>
  );
}

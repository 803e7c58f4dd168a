import { Link, useParams } from 'react-router-dom';
import type { PlaceDetail } from '../api/types';
import { useApi } from '../api/useApi';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { FigureTable } from '../components/FigureTable';
import { formatCount } from '../components/format';
import { PrevalenceTable } from '../components/PrevalenceTable';
import { Load } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';

/** One place (local authority area): its GP practices, its partner organisations and its registers. */
export function PlacePage() {
  const { placeCode = '' } = useParams();
  const detail = useApi<PlaceDetail>(`/footprint/places/${encodeURIComponent(placeCode)}`);
  usePageTitle(detail.status === 'ready' ? detail.data.place.name : 'Place');
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Footprint overview', to: '/footprint' }]} />
      <Load state={detail} what="this place">
        {(data) => (
          <>
            <h1>
              <span className="nhsuk-caption-l">Place</span>
              {data.place.name}
            </h1>
            <h2>GP practices</h2>
            <FigureTable
              caption={`GP practices in ${data.place.name}`}
              testId="practices"
              csvName={`practices-${data.place.code}`}
              columns={[
                {
                  key: 'name',
                  header: 'Practice',
                  render: (p) => <Link to={`/footprint/practices/${encodeURIComponent(p.code)}`}>{p.name}</Link>,
                  csv: (p) => p.name,
                },
                { key: 'code', header: 'ODS code' },
                { key: 'listSize', header: 'Registered patients', numeric: true, render: (p) => formatCount(p.listSize), csv: (p) => p.listSize },
              ]}
              rows={data.practices}
            />
            <h2>Registers</h2>
            <PrevalenceTable figure={data.prevalence} area={data.place.name} csvName={`prevalence-${data.place.code}`} />
            {data.organisations.length > 0 && (
              <>
                <h2>Other partner organisations here</h2>
                <FigureTable
                  caption={`Partner organisations in ${data.place.name}`}
                  testId="place-organisations"
                  columns={[
                    { key: 'name', header: 'Organisation' },
                    { key: 'code', header: 'ODS code' },
                    { key: 'kindLabel', header: 'Kind' },
                  ]}
                  rows={data.organisations}
                />
              </>
            )}
          </>
        )}
      </Load>
    </>
  );
}

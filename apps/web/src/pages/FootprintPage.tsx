import { Link } from 'react-router-dom';
import type { FootprintOverview } from '../api/types';
import { useApi } from '../api/useApi';
import { AboutFigure } from '../components/AboutFigure';
import { BarFigure, PyramidChart } from '../components/Charts';
import { FigureTable } from '../components/FigureTable';
import { formatCount, formatDate } from '../components/format';
import { Load } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { usePageTitle } from '../components/usePageTitle';

/** Folds pyramid rows (one per age band and sex) into one row per age band. */
export function pyramidRows(rows: FootprintOverview['pyramid']['rows']) {
  const bands = new Map<string, { age_band: string; male: number | null; female: number | null }>();
  for (const row of rows) {
    const band = bands.get(row.age_band) ?? { age_band: row.age_band, male: null, female: null };
    if (row.sex === 'male') band.male = row.people;
    if (row.sex === 'female') band.female = row.people;
    bands.set(row.age_band, band);
  }
  return [...bands.values()];
}

/** The partnership at a glance: places and organisations, who lives here, and how deprived. */
export function FootprintPage() {
  usePageTitle('Footprint overview');
  const overview = useApi<FootprintOverview>('/footprint');
  return (
    <>
      <h1>Footprint overview</h1>
      <Load state={overview} what="the footprint overview">
        {(data) => {
          const pyramid = pyramidRows(data.pyramid.rows);
          const kinds = new Map<string, number>();
          for (const org of data.organisations) kinds.set(org.kindLabel, (kinds.get(org.kindLabel) ?? 0) + 1);
          return (
            <>
              <p className="nhsuk-lede-text">
                {data.name}: {data.places.length} places and {data.organisations.length} partner organisations.
              </p>
              {data.identity && (
                <SummaryList
                  testId="footprint-identity"
                  rows={[
                    ['ONS code', data.identity.code],
                    ['ODS code', data.identity.odsCode ?? 'None'],
                    ['Status', `${data.identity.status ?? 'Not recorded'}${data.identity.statusSince ? ` since ${formatDate(data.identity.statusSince)}` : ''}`],
                  ]}
                />
              )}
              {data.identity && (
                <p>
                  Who the footprint is and its places come from the partnership register: <Link to="/partnership">see the partnership</Link>.
                </p>
              )}
              <h2>Places</h2>
              <FigureTable
                caption="Places in the footprint"
                testId="places"
                csvName="places"
                columns={[
                  { key: 'name', header: 'Place', render: (p) => <Link to={`/footprint/places/${encodeURIComponent(p.code)}`}>{p.name}</Link>, csv: (p) => p.name },
                  { key: 'code', header: 'Code' },
                  { key: 'practices', header: 'GP practices', numeric: true },
                  { key: 'population', header: 'Registered population', numeric: true, render: (p) => formatCount(p.population), csv: (p) => p.population },
                ]}
                rows={data.places}
              />
              <AboutFigure definition={data.population.definition} disclosure={data.population.disclosure} asAt={data.population.asAt} />

              <h2>Partner organisations</h2>
              <FigureTable
                caption="Partner organisations by kind"
                testId="organisation-kinds"
                columns={[
                  { key: 'kind', header: 'Kind of organisation' },
                  { key: 'count', header: 'Organisations', numeric: true },
                ]}
                rows={[...kinds.entries()].map(([kind, count]) => ({ kind, count }))}
              />
              <details className="nhsuk-details">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">List every partner organisation</span>
                </summary>
                <div className="nhsuk-details__text">
                  <FigureTable
                    caption="Partner organisations"
                    testId="organisations"
                    csvName="organisations"
                    columns={[
                      { key: 'name', header: 'Organisation' },
                      { key: 'code', header: 'ODS code' },
                      { key: 'kindLabel', header: 'Kind' },
                    ]}
                    rows={data.organisations}
                  />
                </div>
              </details>

              <h2>Population by age and sex</h2>
              <PyramidChart data={pyramid} />
              <FigureTable
                caption="Registered population by age band and sex"
                testId="pyramid"
                csvName="population-pyramid"
                columns={[
                  { key: 'age_band', header: 'Age band' },
                  { key: 'male', header: 'Male', numeric: true, render: (r) => formatCount(r.male), csv: (r) => r.male },
                  { key: 'female', header: 'Female', numeric: true, render: (r) => formatCount(r.female), csv: (r) => r.female },
                ]}
                rows={pyramid}
              />
              <AboutFigure definition={data.pyramid.definition} disclosure={data.pyramid.disclosure} asAt={data.pyramid.asAt} />

              <h2>Deprivation profile</h2>
              <p>
                People by the Index of Multiple Deprivation (2019) decile of the neighbourhood (LSOA) they live in. Decile 1 is the most
                deprived tenth of neighbourhoods in England; deciles 1 and 2 are the Core20.
              </p>
              <BarFigure
                label="Deprivation profile"
                valueName="People"
                data={data.deprivation.rows.map((r) => ({ label: r.imd_decile === null ? 'Unknown' : `Decile ${r.imd_decile}`, value: r.people }))}
              />
              <FigureTable
                caption="Registered population by IMD decile"
                testId="deprivation"
                csvName="deprivation-profile"
                columns={[
                  { key: 'imd_decile', header: 'IMD decile', render: (r) => (r.imd_decile === null ? 'Unknown' : String(r.imd_decile)), csv: (r) => r.imd_decile },
                  { key: 'core20', header: 'Core20', render: (r) => (r.core20 ? 'Yes' : 'No'), csv: (r) => (r.core20 ? 'yes' : 'no') },
                  { key: 'people', header: 'People', numeric: true, render: (r) => formatCount(r.people), csv: (r) => r.people },
                ]}
                rows={data.deprivation.rows}
              />
              <AboutFigure definition={data.deprivation.definition} disclosure={data.deprivation.disclosure} asAt={data.deprivation.asAt} />
            </>
          );
        }}
      </Load>
    </>
  );
}

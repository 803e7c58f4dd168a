import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { FootprintHistory } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { DateChooser } from './DateChooser';
import { todayInEngland } from './dates';
import { LinkList } from './LinkList';
import { PlacesSection } from './PlacesSection';
import { SourceNotes, Timeline } from './Timeline';

/** One footprint's history (STP → ICS → ICB, its names, predecessors and successors) and, on a chosen date, its places and delivery systems. */
export function FootprintHistoryPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const history = useApi<FootprintHistory>(`/partnership/footprints/${encodeURIComponent(code)}/history`);
  const name = history.status === 'ready' ? (history.data.names.at(-1)?.value ?? code) : code;
  usePageTitle(`${name} – footprint history`);
  const onParam = params.get('on');
  return (
    <>
      <PartnershipNav />
      <p className="nhsuk-u-margin-bottom-2">
        <Link to="/partnership/footprints">All footprints</Link>
      </p>
      <Load state={history} what="the footprint's history">
        {(h) => {
          // Outside the footprint's life, show it on its last (or first) day rather than nothing.
          const wanted = onParam ?? todayInEngland();
          const on = h.end && wanted > h.end ? h.end : wanted < h.start ? h.start : wanted;
          return (
            <>
              <h1>
                {name} <span className="nhsuk-caption-l nhsuk-caption--bottom">{h.code}</span>
              </h1>
              <p>
                A footprint from {formatDate(h.start)}
                {h.end ? ` to ${formatDate(h.end)}` : ''}.
              </p>
              <h2>From STP to ICB</h2>
              <Timeline history={h} />
              <h2>Predecessors and successors</h2>
              <dl className="nhsuk-summary-list" data-testid="footprint-lineage">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Came from</dt>
                  <dd className="nhsuk-summary-list__value">
                    <LinkList links={h.predecessors} none="No predecessor: it has kept this code since it began" />
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Became</dt>
                  <dd className="nhsuk-summary-list__value">
                    <LinkList links={h.successors} none="No successor: it still has this code" />
                  </dd>
                </div>
              </dl>
              <SourceNotes history={h} />
              <h2>Places and delivery systems on {formatDate(on)}</h2>
              {on !== wanted && <p>This footprint did not exist on {formatDate(wanted)}; shown on {formatDate(on)} instead.</p>}
              <DateChooser key={on} id="places-on" on={on} onChoose={(date) => setParams({ on: date })} />
              <PlacesSection code={h.code} on={on} />
            </>
          );
        }}
      </Load>
    </>
  );
}

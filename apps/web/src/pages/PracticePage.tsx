import { Link, useParams } from 'react-router-dom';
import type { PracticeDetail } from '../api/types';
import { useApi } from '../api/useApi';
import { AboutFigure } from '../components/AboutFigure';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { FigureTable } from '../components/FigureTable';
import { formatCount } from '../components/format';
import { PrevalenceTable } from '../components/PrevalenceTable';
import { Load } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';

/** One GP practice: its registers and case-finding counts, and for its own staff the way into its worklist. */
export function PracticePage() {
  const { practiceCode = '' } = useParams();
  const detail = useApi<PracticeDetail>(`/footprint/practices/${encodeURIComponent(practiceCode)}`);
  usePageTitle(detail.status === 'ready' ? detail.data.practice.name : 'Practice');
  const trail = [{ label: 'Footprint overview', to: '/footprint' }];
  if (detail.status === 'ready' && detail.data.place) {
    trail.push({ label: detail.data.place.name, to: `/footprint/places/${encodeURIComponent(detail.data.place.code)}` });
  }
  return (
    <>
      <Breadcrumbs trail={trail} />
      <Load state={detail} what="this practice">
        {(data) => (
          <>
            <h1>
              <span className="nhsuk-caption-l">GP practice {data.practice.code}</span>
              {data.practice.name}
            </h1>
            {data.worklistAvailable && (
              <div className="nhsuk-action-link">
                <Link className="nhsuk-action-link__link" to="/worklist">
                  <svg className="nhsuk-icon nhsuk-icon--arrow-right-circle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                    <path d="M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.4 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z" />
                  </svg>
                  <span className="nhsuk-action-link__text">Open this practice’s case-finding worklist</span>
                </Link>
              </div>
            )}
            <h2>Registers</h2>
            <PrevalenceTable figure={data.prevalence} area={data.practice.name} csvName={`prevalence-${data.practice.code}`} />
            <h2>Case finding</h2>
            <p>People registered here whom a case-finding rule flags as possibly having an undiagnosed condition.</p>
            <FigureTable
              caption={`Case-finding counts, ${data.practice.name}`}
              testId="practice-case-finding"
              csvName={`case-finding-${data.practice.code}`}
              columns={[
                { key: 'name', header: 'Rule' },
                { key: 'flagged', header: 'People flagged', numeric: true, render: (r) => formatCount(r.flagged), csv: (r) => r.flagged },
                { key: 'population', header: 'Eligible population', numeric: true, render: (r) => formatCount(r.population), csv: (r) => r.population },
              ]}
              rows={data.caseFinding.rows}
            />
            <AboutFigure definition={data.caseFinding.definition} disclosure={data.caseFinding.disclosure} asAt={data.caseFinding.asAt} />
          </>
        )}
      </Load>
    </>
  );
}

import { useParams } from 'react-router-dom';
import type { AmbitionAnswer } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { PlanItemOutcomes } from '../../engage/results/PlanItemOutcomes';
import { PartnershipNav } from '../PartnershipNav';
import { GAP_LABELS, HistoryLink, IllustrativeTag, measured, planPath } from './PlanTags';

/** One ambition: the commitment, its triple-aim gap, what is measured, baseline → target with the trajectory, and the indicators linked to it. */
export function AmbitionPage() {
  const { planId = '', ambitionId = '' } = useParams();
  const answer = useApi<AmbitionAnswer>(`/partnership/plans/${encodeURIComponent(planId)}/ambitions/${encodeURIComponent(ambitionId)}`);
  usePageTitle(answer.status === 'ready' ? answer.data.ambition.data.statement : 'Ambition');
  return (
    <>
      <PartnershipNav />
      <Load state={answer} what="the ambition">
        {({ plan, ambition }) => {
          const a = ambition.data;
          return (
            <>
              <Breadcrumbs trail={[{ label: 'The plan', to: planPath(plan.id) }]} />
              <h1>
                <span className="nhsuk-caption-l">Ambition · {GAP_LABELS[a.gap]}</span>
                {a.statement}
              </h1>
              <p>
                <IllustrativeTag shown={a.illustrative} /> <HistoryLink id={ambition.id} what="this ambition" />
              </p>
              {a.illustrative && a.note && (
                <div className="nhsuk-warning-callout">
                  <h2 className="nhsuk-warning-callout__label">
                    <span role="text">
                      <span className="nhsuk-u-visually-hidden">Important: </span>Illustrative figures
                    </span>
                  </h2>
                  <p>{a.note}</p>
                </div>
              )}
              <SummaryList
                testId="ambition-details"
                rows={[
                  ['Triple-aim gap', GAP_LABELS[a.gap]],
                  ['Measure', a.measure],
                  ['Baseline', measured(a.baseline, a.unit)],
                  ['Target', measured(a.target, a.unit)],
                  ...(!a.illustrative && a.note ? ([['Note', a.note]] as Array<[string, string]>) : []),
                ]}
              />
              <h2>Trajectory</h2>
              <table className="nhsuk-table" data-testid="trajectory">
                <caption className="nhsuk-u-visually-hidden">The trajectory from the baseline to the target</caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Expected ({a.unit})</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {[{ ...a.baseline, what: 'baseline' }, ...a.trajectory.map((p) => ({ ...p, what: '' })), { ...a.target, what: 'target' }].map((p) => (
                    <tr key={p.date}>
                      <td>
                        {formatDate(p.date)}
                        {p.what && ` (${p.what})`}
                      </td>
                      <td>{p.value.toLocaleString('en-GB')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>Indicators</h2>
              {a.indicators.length === 0 ? (
                <p>No indicators linked yet.</p>
              ) : (
                <>
                  <p>The indicator catalogue will measure this ambition by these indicators.</p>
                  <ul className="nhsuk-list nhsuk-list--bullet" data-testid="indicators">
                    {a.indicators.map((l) => (
                      <li key={l.id}>
                        <code>{l.id}</code> ({l.role})
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <PlanItemOutcomes kind="ambition" id={ambition.id} />
            </>
          );
        }}
      </Load>
    </>
  );
}

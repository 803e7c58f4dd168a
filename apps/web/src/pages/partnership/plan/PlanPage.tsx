import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanList, PlanTree, PriorityView } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { useSession } from '../../../session/SessionContext';
import { AmbitionsByGap } from './AmbitionsByGap';
import { NewVersionForm } from './NewVersionForm';
import { HistoryLink, IllustrativeTag, programmePath, riskRegisterPath, RiskScoreTag } from './PlanTags';

/** Chooses which version of the plan to show (the current one unless asked). */
function VersionPicker({ list, shown }: { list: PlanList; shown: string }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(shown);
  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(`/partnership/plan?version=${encodeURIComponent(chosen)}`);
  }
  if (list.plans.length < 2) return null;
  return (
    <form onSubmit={submit} className="footprint-plan-versions" data-testid="version-picker">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="plan-version">
          Version of the plan
        </label>
        <select className="nhsuk-select" id="plan-version" name="version" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {list.plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.data.version}
              {p.data.status === 'current' ? ' (current)' : p.data.status === 'superseded' ? ' (superseded)' : ' (draft)'}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show this version
      </button>
    </form>
  );
}

function milestoneSummary(s: PriorityView['programmes'][number]['summary']): string {
  if (s.milestones === 0) return 'No milestones yet';
  const parts = [`${s.complete} complete`, ...(s.overdue ? [`${s.overdue} overdue`] : []), ...(s.atRiskOrDelayed ? [`${s.atRiskOrDelayed} at risk or delayed`] : [])];
  return `${s.milestones} milestone${s.milestones === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function Priorities({ tree, type }: { tree: PlanTree; type: 'clinical' | 'enabling' }) {
  const priorities = tree.priorities.filter((p) => p.data.type === type);
  if (priorities.length === 0) return null;
  return (
    <>
      <h3>{type === 'clinical' ? 'Clinical priorities' : 'Enablers'}</h3>
      {priorities.map((priority) => (
        <section key={priority.id} className="footprint-plan-priority" data-testid="priority" aria-labelledby={`priority-${priority.id}`}>
          <h4 id={`priority-${priority.id}`}>{priority.data.name}</h4>
          {priority.data.description && <p>{priority.data.description}</p>}
          {priority.programmes.length === 0 ? (
            <p className="nhsuk-body-s">No programmes yet.</p>
          ) : (
            <table className="nhsuk-table footprint-plan-table">
              <caption className="nhsuk-u-visually-hidden">Programmes of {priority.data.name}</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Programme</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Milestones</th>
                  <th scope="col">Highest risk</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {priority.programmes.map((p) => (
                  <tr key={p.id} data-testid="programme-row">
                    <td>
                      <Link to={programmePath(tree.plan.id, p.id)}>{p.data.name}</Link> <IllustrativeTag shown={p.data.illustrative} />
                    </td>
                    <td>{p.leadOrganisationName ?? p.data.leadOrganisation ?? 'Not named'}</td>
                    <td data-testid="milestone-summary">{milestoneSummary(p.summary)}</td>
                    <td>{p.summary.highestRisk ? <RiskScoreTag {...p.summary.highestRisk} /> : 'None open'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="nhsuk-body-s">
            <HistoryLink id={priority.id} what={priority.data.name} />
          </p>
        </section>
      ))}
    </>
  );
}

function PlanBody({ list, tree, onStarted }: { list: PlanList; tree: PlanTree; onStarted(planId: string): void }) {
  const { plan } = tree;
  const { can } = useSession();
  const illustrative = tree.ambitions.some((a) => a.data.illustrative) || tree.priorities.some((p) => p.programmes.some((g) => g.data.illustrative));
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">{list.footprint.name}: the plan</span>
        {plan.data.name}
      </h1>
      <p>
        <strong className={`nhsuk-tag ${plan.data.status === 'current' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{plan.data.status === 'current' ? 'Current' : plan.data.status === 'superseded' ? 'Superseded' : 'Draft'}</strong>{' '}
        {plan.data.version}
        {plan.data.published ? `, published ${formatDate(plan.data.published)}` : ''} · <HistoryLink id={plan.id} what="the plan" />
      </p>
      <VersionPicker key={plan.id} list={list} shown={plan.id} />
      {can('partnership-edit') && plan.data.status !== 'superseded' && <NewVersionForm key={`new-${plan.id}`} plan={plan} onStarted={onStarted} />}
      {plan.data.status === 'superseded' && plan.data.supersededBy && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This version has been superseded. <Link to={`/partnership/plan?version=${encodeURIComponent(plan.data.supersededBy)}`}>See the version that replaced it</Link>.
          </p>
        </div>
      )}
      {plan.data.mission && (
        <div className="nhsuk-inset-text" data-testid="mission">
          <h2 className="nhsuk-heading-s">Mission</h2>
          <p>{plan.data.mission}</p>
        </div>
      )}
      {plan.data.source && <p className="nhsuk-body-s">Source: {plan.data.source}</p>}
      {illustrative && (
        <div className="nhsuk-warning-callout" data-testid="illustrative-warning">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Illustrative figures
            </span>
          </h2>
          <p>Items marked Illustrative were made up for the demonstration: the published plan does not state them. Replace them with the partnership’s own figures.</p>
        </div>
      )}
      <AmbitionsByGap tree={tree} />
      <h2>Priorities and programmes</h2>
      <p>
        <Link to={riskRegisterPath(plan.id)}>The risk register</Link> ({tree.priorities.reduce((n, p) => n + p.programmes.reduce((m, g) => m + g.risks.length, 0), tree.risks.length)} risks)
      </p>
      <Priorities tree={tree} type="clinical" />
      <Priorities tree={tree} type="enabling" />
      <h2>Download</h2>
      <ul className="nhsuk-list">
        {(['ambitions', 'milestones', 'risks'] as const).map((file) => (
          <li key={file}>
            <a href={`/api/partnership/plans/${encodeURIComponent(plan.id)}/${file}.csv`} download>
              {file.charAt(0).toUpperCase() + file.slice(1)} (CSV)
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function ShownPlan({ list, planId, onStarted }: { list: PlanList; planId: string; onStarted(planId: string): void }) {
  const tree = useApi<PlanTree>(`/partnership/plans/${encodeURIComponent(planId)}`);
  return (
    <Load state={tree} what="the plan">
      {(data) => <PlanBody list={list} tree={data} onStarted={onStarted} />}
    </Load>
  );
}

/**
 * The partnership's plan: its mission, ambitions grouped by triple-aim gap with baseline → target,
 * priorities → programmes with their milestones and risks summarised, and a version picker.
 */
export function PlanPage() {
  usePageTitle('The plan');
  const [params] = useSearchParams();
  const list = useApi<PlanList>('/partnership/plans');
  const navigate = useNavigate();
  /** A new version was started: the list of versions has grown, so read it again and show the new one. */
  function started(planId: string) {
    list.reload();
    void navigate(`/partnership/plan?version=${encodeURIComponent(planId)}`);
  }
  return (
    <>
      <PartnershipNav />
      <Load state={list} what="the plans">
        {(data) => {
          const planId = params.get('version') ?? data.current;
          if (!planId) {
            return (
              <>
                <h1>The plan</h1>
                <p>{data.footprint.name} has no plan in the register yet.</p>
              </>
            );
          }
          return <ShownPlan key={planId} list={data} planId={planId} onStarted={started} />;
        }}
      </Load>
    </>
  );
}

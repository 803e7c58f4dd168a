import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ProgrammeAnswer } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { PartnershipNav } from '../PartnershipNav';
import { MilestoneForm } from './MilestoneForm';
import { HistoryLink, IllustrativeTag, MilestoneStatusTag, planPath, riskRegisterPath } from './PlanTags';
import { RiskForm } from './RiskForm';
import { RiskTable } from './RiskTable';

function Programme({ answer, reload }: { answer: ProgrammeAnswer; reload(): void }) {
  const { can } = useSession();
  const editable = can('partnership-edit');
  const [editing, setEditing] = useState<string | null>(null);
  const [rescoring, setRescoring] = useState<string | null>(null);
  const { plan, priority, programme } = answer;
  const editingMilestone = programme.milestones.find((m) => m.id === editing);
  const editingRisk = programme.risks.find((r) => r.id === rescoring);
  return (
    <>
      <Breadcrumbs trail={[{ label: 'The plan', to: planPath(plan.id) }]} />
      <h1>
        <span className="nhsuk-caption-l">
          {priority.data.name} · {plan.data.version}
        </span>
        {programme.data.name}
      </h1>
      <p>
        <IllustrativeTag shown={programme.data.illustrative} /> <HistoryLink id={programme.id} what={programme.data.name} />
      </p>
      {programme.data.description && <p>{programme.data.description}</p>}
      <SummaryList
        testId="programme-details"
        rows={[
          ['Lead organisation', programme.leadOrganisationName ? `${programme.leadOrganisationName} (${programme.data.leadOrganisation})` : (programme.data.leadOrganisation ?? 'Not named')],
          ['Senior responsible owner', programme.data.seniorResponsibleOwner ?? 'Not named'],
          ['Places in scope', programme.placesInScope.length ? programme.placesInScope.map((p) => p.name).join(', ') : 'The whole footprint'],
        ]}
      />
      <h2>Milestones</h2>
      {programme.milestones.length === 0 ? (
        <p>No milestones yet.</p>
      ) : (
        <table className="nhsuk-table footprint-plan-table" data-testid="milestones">
          <caption className="nhsuk-u-visually-hidden">Milestones of {programme.data.name}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {programme.milestones.map((m) => (
              <tr key={m.id} data-testid="milestone-row" data-id={m.id}>
                <td>
                  {m.data.name} <IllustrativeTag shown={m.data.illustrative} />
                </td>
                <td data-column="due">{formatDate(m.data.due)}</td>
                <td data-column="status">
                  <MilestoneStatusTag status={m.data.status} overdue={m.overdue} />
                </td>
                <td className="footprint-plan-nowrap">
                  <HistoryLink id={m.id} what={m.data.name} />
                  {editable && (
                    <>
                      {' · '}
                      <button className="footprint-link-button" type="button" onClick={() => setEditing(m.id)} aria-expanded={editing === m.id}>
                        Change<span className="nhsuk-u-visually-hidden"> {m.data.name}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && editingMilestone && (
        <MilestoneForm
          key={`${editingMilestone.id}-${editingMilestone.version}`}
          planId={plan.id}
          milestone={editingMilestone}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <h2>Risks</h2>
      <RiskTable risks={programme.risks} caption={`Risks of ${programme.data.name}`} editing={rescoring} {...(editable ? { onChange: setRescoring } : {})} />
      {editable && editingRisk && (
        <RiskForm
          key={`${editingRisk.id}-${editingRisk.version}`}
          planId={plan.id}
          risk={editingRisk}
          onCancel={() => setRescoring(null)}
          onSaved={() => {
            setRescoring(null);
            reload();
          }}
        />
      )}
      <p>
        <Link to={riskRegisterPath(plan.id)}>The plan’s risk register</Link>
      </p>
    </>
  );
}

/** One programme of the plan: lead, owner and places, its milestones (status, due, overdue) and risks; editors change milestones here. */
export function ProgrammePage() {
  const { planId = '', programmeId = '' } = useParams();
  const answer = useApi<ProgrammeAnswer>(`/partnership/plans/${encodeURIComponent(planId)}/programmes/${encodeURIComponent(programmeId)}`);
  usePageTitle(answer.status === 'ready' ? answer.data.programme.data.name : 'Programme');
  return (
    <>
      <PartnershipNav />
      <Load state={answer} what="the programme">
        {(data) => <Programme answer={data} reload={answer.reload} />}
      </Load>
    </>
  );
}

import type { CarePlanResponse } from '@footprint/server';
import { formatDate, formatDateTime } from '../../../components/format';
import { SummaryList } from '../../../components/SummaryList';

const ACTIVITY_STATUS: Record<string, string> = {
  'not-started': 'Not started',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  'on-hold': 'On hold',
  completed: 'Done',
  cancelled: 'Stopped',
  // An activity that is a referral or a team's action reads as its Task does.
  requested: 'Asked, waiting to be accepted',
  accepted: 'Accepted',
  rejected: 'Declined',
  failed: 'Could not be done',
};
const RESUSCITATION: Record<string, string> = { 'do-not-attempt-cpr': 'Do not attempt cardiopulmonary resuscitation (DNACPR)', 'attempt-cpr': 'Attempt cardiopulmonary resuscitation' };

/**
 * A shared care plan as everyone in it reads it, staff and the person alike: what matters to the
 * person, their goals, who does what, what to do if things change, end of life wishes, and every
 * change with who made it, for which organisation, and when. `you` words it for the person.
 */
export function CarePlanDetails({ plan, you = false }: { plan: CarePlanResponse; you?: boolean }) {
  const org = (ref: string) => plan.organisations[ref] ?? 'An organisation';
  const eol = plan.endOfLife;
  return (
    <div data-testid="care-plan">
      <SummaryList
        rows={[
          [you ? 'What matters to you' : 'What matters to the person', plan.whatMattersToMe ?? 'Not written yet'],
          ['If things change', plan.contingency ?? 'Not written yet'],
          ['Next review', plan.reviewOn ? formatDate(plan.reviewOn) : 'Not set'],
        ]}
      />
      {eol && (
        <>
          <h3>End of life wishes</h3>
          <SummaryList
            testId="end-of-life"
            rows={[
              ['Preferred place of care', eol.preferredPlaceOfCare ?? 'Not recorded'],
              ['Preferred place of death', eol.preferredPlaceOfDeath ?? 'Not recorded'],
              ...(eol.resuscitation
                ? ([['Resuscitation', `${RESUSCITATION[eol.resuscitation.decision] ?? eol.resuscitation.decision}: decided ${formatDate(eol.resuscitation.date)} by ${eol.resuscitation.madeBy}`]] as Array<[string, string]>)
                : []),
            ]}
          />
        </>
      )}
      <h3>{you ? 'Your goals' : 'Goals, in the person’s words'}</h3>
      {plan.goals.length === 0 ? (
        <p>No goals yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="care-plan-goals">
          {plan.goals.map((g) => (
            <li key={g.id}>
              {g.description}
              {g.addedByPerson && <span className="nhsuk-body-s"> ({you ? 'added by you' : 'added by the person'})</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Who does what</h3>
      {plan.activities.length === 0 ? (
        <p>No activities yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border" data-testid="care-plan-activities">
          {plan.activities.map((a, i) => (
            <li key={i}>
              <strong>{a.description}</strong>
              <span className="nhsuk-body-s nhsuk-u-display-block">
                {a.ownerName ? `${a.ownerName}, ` : ''}
                {a.owner ? `${org(a.owner)} · ` : ''}
                {ACTIVITY_STATUS[a.status] ?? a.status}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{you ? 'Your care team' : 'Care team'}</h3>
      {plan.team.length === 0 && <p>No care team named on this plan yet.</p>}
      <ul className="nhsuk-list" data-testid="care-plan-team">
        {plan.team.map((m, i) => (
          <li key={i}>
            {m.name}, {m.role} <span className="nhsuk-body-s">({org(m.organisation)})</span>
          </li>
        ))}
      </ul>
      {plan.notes.length > 0 && (
        <>
          <h3>Notes</h3>
          <ul className="nhsuk-list">
            {plan.notes.map((n, i) => (
              <li key={i}>
                {n.text}
                <span className="nhsuk-body-s nhsuk-u-display-block">
                  {n.author ?? 'Care team'}
                  {n.time && `, ${formatDateTime(n.time)}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Who changed this plan</h3>
      <ol className="nhsuk-list" data-testid="care-plan-history">
        {plan.history.map((h, i) => (
          <li key={i}>
            <strong>{h.what}</strong>
            <span className="nhsuk-body-s nhsuk-u-display-block">
              {you && h.by === 'The person' ? 'You' : h.by}
              {h.organisationName && `, ${h.organisationName}`}, {formatDateTime(h.at)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

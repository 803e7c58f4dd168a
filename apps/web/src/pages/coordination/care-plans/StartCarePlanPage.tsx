import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CarePlanResponse, CarePlanTemplate, ReferralOptionsResponse } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { Load, ProblemMessage } from '../../../components/Status';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { EndOfLifeEditor, endOfLifeBody, NO_END_OF_LIFE, type EndOfLifeDraft } from './EndOfLifeEditor';
import { ActivitiesEditor, activityBody, TeamEditor, type ActivityDraft, type MemberDraft, type OrganisationChoice } from './PlanEditors';
import { TextArea } from '../../partnership/governance/form-fields';

/** Six months from today, the usual first review of a shared plan. */
function inSixMonths(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 6);
  return d.toISOString().slice(0, 10);
}

function PlanForm({ patientId, template, organisations, own }: { patientId: string; template: CarePlanTemplate; organisations: OrganisationChoice[]; own: string }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const [title, setTitle] = useState(template.title);
  const [whatMattersToMe, setWhatMatters] = useState('');
  const [contingency, setContingency] = useState('');
  const [reviewOn, setReviewOn] = useState(inSixMonths());
  const [goals, setGoals] = useState('');
  const [team, setTeam] = useState<MemberDraft[]>([{ organisation: own, name: user?.displayName ?? '', role: user?.roleLabel ?? '' }]);
  const [activities, setActivities] = useState<ActivityDraft[]>(template.activities.map((description) => ({ description, owner: own, ownerName: '', status: 'not-started' })));
  const [endOfLife, setEndOfLife] = useState<EndOfLifeDraft>(NO_END_OF_LIFE);
  const { submit, busy, problem } = useSubmit(async () => {
    const made = await api<CarePlanResponse>('/coordination/care-plans', {
      method: 'POST',
      body: {
        patientId,
        template: template.code,
        title,
        whatMattersToMe,
        contingency,
        reviewOn,
        team,
        goals: goals.split('\n').map((g) => g.trim()).filter(Boolean),
        activities: activities.map((a) => activityBody(a, false)),
        ...(template.endOfLife ? { endOfLife: endOfLifeBody(endOfLife) } : {}),
      },
    });
    void navigate(`/coordination/care-plans/${encodeURIComponent(made.id)}`);
  }, 'The care plan was not started');
  return (
    <form onSubmit={submit} noValidate data-testid="care-plan-form">
      {problem && <ProblemMessage error={problem} />}
      <div className="nhsuk-inset-text">
        <p>{template.purpose}</p>
        <p className="nhsuk-body-s">Based on: {template.basis}</p>
      </div>
      <TextInput id="plan-title" label="Title" value={title} onChange={setTitle} />
      <TextArea id="plan-what-matters" label="What matters to the person" hint="In their own words, as they said it." value={whatMattersToMe} onChange={setWhatMatters} />
      <TextArea id="plan-goals" label="The person’s goals" hint="One goal on each line, in the person’s own words." value={goals} onChange={setGoals} />
      <TextArea id="plan-contingency" label="If things change" hint="What to do in a crisis or if the person gets worse, and who to call first." value={contingency} onChange={setContingency} />
      <TextInput id="plan-review" label="Review by" type="date" value={reviewOn} onChange={setReviewOn} width="nhsuk-input--width-10" />
      <TeamEditor team={team} organisations={organisations} onChange={setTeam} />
      <ActivitiesEditor activities={activities} organisations={organisations} withStatus={false} onChange={setActivities} />
      {template.endOfLife && <EndOfLifeEditor value={endOfLife} onChange={setEndOfLife} />}
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Start the care plan
      </button>
    </form>
  );
}

/**
 * Start a shared care plan for a person from one of the templates (docs/coordination.md §2): the
 * template fills in the activities its national guidance expects, and the team changes everything.
 */
export function StartCarePlanPage() {
  const { patientId = '' } = useParams();
  usePageTitle('Start a shared care plan');
  const templates = useApi<{ templates: CarePlanTemplate[] }>('/coordination/care-plan-templates');
  const options = useApi<ReferralOptionsResponse>('/coordination/referral-options');
  const [chosen, setChosen] = useState('');
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Care coordination</span>
        Start a shared care plan
      </h1>
      <Load state={templates} what="the care plan templates">
        {(t) => (
          <Load state={options} what="the organisations in the partnership">
            {(o) => {
              const organisations = [...(o.own ? [o.own] : []), ...o.organisations];
              const template = t.templates.find((x) => x.code === chosen);
              return (
                <>
                  <fieldset className="nhsuk-fieldset" data-testid="care-plan-templates">
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">What kind of plan?</legend>
                    <div className="nhsuk-radios">
                      {t.templates.map((x) => (
                        <div className="nhsuk-radios__item" key={x.code}>
                          <input className="nhsuk-radios__input" id={`template-${x.code}`} name="template" type="radio" value={x.code} checked={chosen === x.code} onChange={() => setChosen(x.code)} aria-describedby={`template-${x.code}-hint`} />
                          <label className="nhsuk-label nhsuk-radios__label" htmlFor={`template-${x.code}`}>
                            {x.title}
                          </label>
                          <div className="nhsuk-hint nhsuk-radios__hint" id={`template-${x.code}-hint`}>
                            {x.purpose}
                          </div>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  {template && <PlanForm key={template.code} patientId={patientId} template={template} organisations={organisations} own={o.own?.reference ?? ''} />}
                </>
              );
            }}
          </Load>
        )}
      </Load>
      <p>
        <Link to={`/care-record/patients/${encodeURIComponent(patientId)}`}>Back to the record</Link>
      </p>
    </>
  );
}

import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CarePlanResponse, ReferralOptionsResponse } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { Load, ProblemMessage } from '../../../components/Status';
import { TextArea } from '../../partnership/governance/form-fields';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { CarePlanDetails } from './CarePlanDetails';
import { EndOfLifeEditor, endOfLifeBody, NO_END_OF_LIFE, type EndOfLifeDraft } from './EndOfLifeEditor';
import { ActivitiesEditor, activityBody, type ActivityDraft, type OrganisationChoice } from './PlanEditors';

const EDITABLE_STATUS = new Set(['not-started', 'in-progress', 'completed', 'cancelled']);

function ChangePlan({ plan, organisations, onSaved, onCancel }: { plan: CarePlanResponse; organisations: OrganisationChoice[]; onSaved(p: CarePlanResponse): void; onCancel(): void }) {
  const [whatMattersToMe, setWhatMatters] = useState(plan.whatMattersToMe ?? '');
  const [contingency, setContingency] = useState(plan.contingency ?? '');
  const [reviewOn, setReviewOn] = useState(plan.reviewOn ?? '');
  const [activities, setActivities] = useState<ActivityDraft[]>(
    plan.activities.filter((a) => !a.reference).map((a) => ({ description: a.description, owner: a.owner, ownerName: a.ownerName ?? '', status: EDITABLE_STATUS.has(a.status) ? a.status : 'in-progress' })),
  );
  const eol = plan.endOfLife;
  const [endOfLife, setEndOfLife] = useState<EndOfLifeDraft>(
    eol ? { preferredPlaceOfCare: eol.preferredPlaceOfCare ?? '', preferredPlaceOfDeath: eol.preferredPlaceOfDeath ?? '', decision: eol.resuscitation?.decision ?? '', date: eol.resuscitation?.date ?? '', madeBy: eol.resuscitation?.madeBy ?? '' } : NO_END_OF_LIFE,
  );
  const endOfLifePlan = plan.template?.code === 'end-of-life';
  const { submit, busy, problem } = useSubmit(async () => {
    const saved = await api<CarePlanResponse>(`/coordination/care-plans/${encodeURIComponent(plan.id)}`, {
      method: 'PUT',
      body: { version: plan.version, whatMattersToMe, contingency, reviewOn, activities: activities.map((a) => activityBody(a, true)), ...(endOfLifePlan ? { endOfLife: endOfLifeBody(endOfLife) } : {}) },
    });
    onSaved(saved);
  }, 'The care plan was not changed');
  return (
    <form onSubmit={submit} noValidate data-testid="change-care-plan">
      <h2>Change this plan</h2>
      {problem && <ProblemMessage error={problem} />}
      <TextArea id="change-what-matters" label="What matters to the person" value={whatMattersToMe} onChange={setWhatMatters} />
      <TextArea id="change-contingency" label="If things change" value={contingency} onChange={setContingency} />
      <TextInput id="change-review" label="Review by" type="date" value={reviewOn} onChange={setReviewOn} width="nhsuk-input--width-10" />
      <ActivitiesEditor activities={activities} organisations={organisations} withStatus onChange={setActivities} />
      {plan.activities.some((a) => a.reference) && <p className="nhsuk-body-s">Actions from team meetings and referrals follow their own tasks, and are not changed here.</p>}
      {endOfLifePlan && <EndOfLifeEditor value={endOfLife} onChange={setEndOfLife} />}
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save changes
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddGoal({ plan, onAdded }: { plan: CarePlanResponse; onAdded(p: CarePlanResponse): void }) {
  const [description, setDescription] = useState('');
  const { submit, busy, problem } = useSubmit(async () => {
    onAdded(await api<CarePlanResponse>(`/coordination/care-plans/${encodeURIComponent(plan.id)}/goals`, { method: 'POST', body: { description } }));
    setDescription('');
  }, 'The goal was not added');
  return (
    <form onSubmit={submit} noValidate data-testid="staff-add-goal">
      {problem && <ProblemMessage error={problem} />}
      <TextArea id="staff-goal" label="Add a goal the person has told you, in their words" rows={2} value={description} onChange={setDescription} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        Add goal
      </button>
    </form>
  );
}

/**
 * One shared care plan, as its care team works on it (docs/coordination.md §2): everything the
 * person sees, and the team's changes, each checked against the version it was made on.
 */
export function CarePlanPage() {
  const { id = '' } = useParams();
  const loaded = useApi<CarePlanResponse>(`/coordination/care-plans/${encodeURIComponent(id)}`);
  const options = useApi<ReferralOptionsResponse>('/coordination/referral-options');
  const [saved, setSaved] = useState<CarePlanResponse | null>(null);
  const [changing, setChanging] = useState(false);
  // A voluntary organisation reads the plan the person shared with it; the care team changes it.
  const { user } = useSession();
  const mayChange = user?.role !== 'voluntary_worker';
  usePageTitle(loaded.status === 'ready' ? loaded.data.title : 'Shared care plan');
  return (
    <Load state={loaded} what="the care plan">
      {(fetched) => {
        const plan = saved?.version && Number(saved.version) >= Number(fetched.version) ? saved : fetched;
        const organisations = options.status === 'ready' ? [...(options.data.own ? [options.data.own] : []), ...options.data.organisations] : [];
        const accept = (p: CarePlanResponse) => {
          setSaved(p);
          setChanging(false);
        };
        return (
          <>
            <h1>
              <span className="nhsuk-caption-l">Shared care plan</span>
              {plan.title}
            </h1>
            {plan.status !== 'active' && <p><strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong></p>}
            {changing ? (
              <ChangePlan plan={plan} organisations={organisations} onSaved={accept} onCancel={() => setChanging(false)} />
            ) : (
              <>
                {plan.status === 'active' && mayChange && (
                  <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setChanging(true)} disabled={organisations.length === 0}>
                    Change this plan
                  </button>
                )}
                <CarePlanDetails plan={plan} />
                {plan.status === 'active' && mayChange && <AddGoal plan={plan} onAdded={setSaved} />}
              </>
            )}
            <p>
              <Link to={`/care-record/patients/${encodeURIComponent(plan.patientId)}`}>Back to the record</Link>
            </p>
          </>
        );
      }}
    </Load>
  );
}

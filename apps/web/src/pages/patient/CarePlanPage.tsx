import { useState } from 'react';
import type { CarePlanResponse } from '@footprint/server';
import { ApiError } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { Load, ProblemMessage } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { CarePlanDetails } from '../coordination/care-plans/CarePlanDetails';
import { patientApi } from './patient-api';
import { usePatientApi } from './usePatientApi';

function AddGoal({ plan, onAdded }: { plan: CarePlanResponse; onAdded(): void }) {
  const [description, setDescription] = useState('');
  const id = `goal-${plan.id}`;
  const { submit, busy, problem } = useSubmit(async () => {
    if (!description.trim()) throw new ApiError(400, 'Your goal is empty', 'Write your goal in the box, then choose Add goal');
    await patientApi(`/care-plans/${encodeURIComponent(plan.id)}/goals`, { method: 'POST', body: { description } });
    setDescription('');
    onAdded();
  }, 'Your goal was not added');
  return (
    <form onSubmit={submit} noValidate data-testid="add-goal">
      {problem && <ProblemMessage error={problem} />}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          Add a goal, in your own words
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Something you want to be able to do, or that matters to you. Your care team will see it.
        </div>
        <textarea className="nhsuk-textarea" id={id} rows={2} aria-describedby={`${id}-hint`} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        Add goal
      </button>
    </form>
  );
}

/** The person's shared care plans: what their care team agreed with them, who does what, who changed what; and their own goals added. */
export function CarePlanPage() {
  usePageTitle('Your care plan');
  const plans = usePatientApi<{ carePlans: CarePlanResponse[] }>('/care-plans');
  return (
    <>
      <h1>Your care plan</h1>
      <p className="nhsuk-lede-text">What you and the people caring for you have agreed: what matters to you, your goals, and who does what.</p>
      <Load state={plans} what="your care plans">
        {(data) =>
          data.carePlans.length === 0 ? (
            <p>You do not have a shared care plan yet. If you would like one, ask your GP practice.</p>
          ) : (
            data.carePlans.map((plan) => (
              <section key={plan.id} className="nhsuk-u-margin-bottom-7">
                <h2>{plan.title}</h2>
                {plan.status !== 'active' && <p><strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong></p>}
                <CarePlanDetails plan={plan} you />
                {plan.status === 'active' && <AddGoal plan={plan} onAdded={() => plans.reload()} />}
              </section>
            ))
          )
        }
      </Load>
    </>
  );
}

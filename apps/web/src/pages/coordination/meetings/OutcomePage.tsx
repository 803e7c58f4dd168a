import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MeetingView, ReferralOptionsResponse } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { Load, ProblemMessage } from '../../../components/Status';
import { Select } from '../../../components/Select';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';

interface Action {
  description: string;
  owner: string;
  dueDate: string;
  category: string;
}

function TextArea({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: string; onChange(v: string): void }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        {hint}
      </div>
      <textarea className="nhsuk-textarea" id={id} rows={4} aria-describedby={`${id}-hint`} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function OutcomeForm({ meeting, person, options }: { meeting: MeetingView; person: MeetingView['people'][number]; options: ReferralOptionsResponse }) {
  const navigate = useNavigate();
  const own = options.own?.reference ?? '';
  const owners = [...(options.own ? [options.own] : []), ...options.organisations].map((o) => ({ value: o.reference, label: o.reference === own ? `${o.name} (us)` : o.name }));
  const [summary, setSummary] = useState('');
  const [carePlanChange, setCarePlanChange] = useState('');
  const [actions, setActions] = useState<Action[]>([]);
  const change = (i: number, field: keyof Action, value: string) => setActions((list) => list.map((a, j) => (j === i ? { ...a, [field]: value } : a)));
  const { submit, busy, problem } = useSubmit(async () => {
    await api(`/coordination/meetings/${encodeURIComponent(meeting.id)}/outcomes`, {
      method: 'POST',
      body: {
        patientId: person.patientId,
        summary,
        ...(carePlanChange.trim() ? { carePlanChange } : {}),
        actions: actions.map((a) => ({ description: a.description, owner: a.owner, ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...(a.owner !== own && a.category ? { category: a.category } : {}) })),
      },
    });
    void navigate(`/coordination/meetings/${encodeURIComponent(meeting.id)}`);
  }, 'The outcome was not recorded');
  return (
    <form onSubmit={submit} noValidate data-testid="outcome-form">
      {problem && <ProblemMessage error={problem} />}
      <TextArea id="outcome-summary" label="What was discussed and decided" hint="The team and the person will read this in the record." value={summary} onChange={setSummary} />
      <TextArea id="outcome-care-plan" label="Change to the care plan (optional)" hint="Added as a note to the person’s care plan, with an activity for each action below." value={carePlanChange} onChange={setCarePlanChange} />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Actions</legend>
        <p className="nhsuk-hint">An action for your organisation goes on your worklist. An action for another organisation is a referral to it, which lets it see what it needs of the record.</p>
        {actions.map((a, i) => (
          <div key={i} data-testid="outcome-action">
            <h3 className="nhsuk-heading-s">Action {i + 1}</h3>
            <TextInput id={`action-${i}-description`} label="What needs doing" value={a.description} onChange={(v) => change(i, 'description', v)} />
            <Select id={`action-${i}-owner`} label="Who will do it" value={a.owner} onChange={(v) => change(i, 'owner', v)} options={[{ value: '', label: 'Choose an organisation' }, ...owners]} />
            {a.owner && a.owner !== own && (
              <Select id={`action-${i}-category`} label="Kind of referral" value={a.category} onChange={(v) => change(i, 'category', v)} options={[{ value: '', label: 'Choose a kind' }, ...options.categories.map((c) => ({ value: c.code, label: c.label }))]} />
            )}
            <TextInput id={`action-${i}-due`} label="Due by (optional)" type="date" value={a.dueDate} onChange={(v) => change(i, 'dueDate', v)} width="nhsuk-input--width-10" />
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setActions((list) => list.filter((_, j) => j !== i))}>
              Remove action {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setActions((list) => [...list, { description: '', owner: '', dueDate: '', category: '' }])}>
          Add an action
        </button>
      </fieldset>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Record the outcome
      </button>
    </form>
  );
}

/**
 * Record what a team meeting decided about one person (docs/coordination.md §3): written to their
 * record in one go as a message to the attending organisations, tasks and referrals, and a change to
 * their care plan, each marked with the meeting.
 */
export function OutcomePage() {
  const { id = '', patientId = '' } = useParams();
  usePageTitle('Record a meeting outcome');
  const meeting = useApi<MeetingView>(`/coordination/meetings/${encodeURIComponent(id)}`);
  const options = useApi<ReferralOptionsResponse>('/coordination/referral-options');
  return (
    <Load state={meeting} what="the meeting">
      {(m) => {
        const person = m.people.find((p) => p.patientId === patientId);
        return (
          <>
            <h1>
              <span className="nhsuk-caption-l">{m.title}</span>
              Outcome for {person?.name ?? 'this person'}
            </h1>
            {!person ? (
              <p>This person is not on the meeting’s list.</p>
            ) : person.discussedAt ? (
              <p>An outcome for this person has already been recorded at this meeting.</p>
            ) : (
              <Load state={options} what="the partner organisations">
                {(o) => <OutcomeForm meeting={m} person={person} options={o} />}
              </Load>
            )}
            <p>
              <Link to={`/coordination/meetings/${encodeURIComponent(m.id)}`}>Back to the meeting</Link>
            </p>
          </>
        );
      }}
    </Load>
  );
}

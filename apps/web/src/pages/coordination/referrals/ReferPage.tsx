import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ReferralOptionsResponse } from '@footprint/server';
import { api } from '../../../api/client';
import { useSubmit } from '../../../api/useSubmit';
import { useApi } from '../../../api/useApi';
import { Load, ProblemMessage } from '../../../components/Status';
import { Select } from '../../../components/Select';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';

/**
 * Refer a person to another partner (docs/coordination.md §4): the receiving organisation, the
 * kind of referral, what is asked and by when. The referral lets the receiving organisation see
 * what it needs of the person's record, unless the person's sharing choice keeps it out, which the
 * page says before anything is sent.
 */
export function ReferPage() {
  const { patientId = '' } = useParams();
  usePageTitle('Refer to another organisation');
  const navigate = useNavigate();
  const options = useApi<ReferralOptionsResponse>('/coordination/referral-options');
  const [to, setTo] = useState('');
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [urgent, setUrgent] = useState(false);
  const { submit, busy, problem } = useSubmit(async () => {
    const made = await api<{ taskId: string }>('/coordination/referrals', {
      method: 'POST',
      body: { patientId, to, category, reason, ...(dueDate ? { dueDate } : {}), priority: urgent ? 'urgent' : 'routine' },
    });
    void navigate(`/coordination/tasks/${encodeURIComponent(made.taskId)}`);
  }, 'The referral was not sent');

  return (
    <Load state={options} what="the organisations you can refer to">
      {(data) => (
        <>
          <h1>
            <span className="nhsuk-caption-l">Care coordination</span>
            Refer to another organisation
          </h1>
          <p className="nhsuk-lede-text">The organisation you refer to can then see what it needs of this person’s shared care record, and you will see each step it takes.</p>
          <form onSubmit={submit} noValidate data-testid="referral-form">
            {problem && <ProblemMessage error={problem} />}
            <Select id="referral-to" label="Refer to" value={to} onChange={setTo} options={[{ value: '', label: 'Choose an organisation' }, ...data.organisations.map((o) => ({ value: o.reference, label: o.name }))]} />
            <Select id="referral-category" label="Kind of referral" value={category} onChange={setCategory} options={[{ value: '', label: 'Choose a kind' }, ...data.categories.map((c) => ({ value: c.code, label: c.label }))]} />
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="referral-reason">
                What are you asking them to do, and why?
              </label>
              <div className="nhsuk-hint" id="referral-reason-hint">
                Write what the receiving team needs to act on.
              </div>
              <textarea className="nhsuk-textarea" id="referral-reason" rows={4} aria-describedby="referral-reason-hint" value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <TextInput id="referral-due" label="Needed by (optional)" type="date" value={dueDate} onChange={setDueDate} width="nhsuk-input--width-10" />
            <div className="nhsuk-form-group">
              <div className="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id="referral-urgent" type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="referral-urgent">
                    Urgent
                  </label>
                </div>
              </div>
            </div>
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Send referral
            </button>
          </form>
          <p>
            <Link to={`/care-record/patients/${encodeURIComponent(patientId)}`}>Back to the record</Link>
          </p>
        </>
      )}
    </Load>
  );
}

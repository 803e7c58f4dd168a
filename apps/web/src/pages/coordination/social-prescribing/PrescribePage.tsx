import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { DirectoryService } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { Load, ProblemMessage } from '../../../components/Status';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { TextArea } from '../../partnership/governance/form-fields';
import { ServiceCard } from './ServiceCard';

/**
 * A link worker refers a person to a service of the directory (docs/coordination.md §5): what
 * matters to them and what they hope for, and their agreement to the referral and to share who
 * they are, their care plan, goals and care team with the service's organisation, which is
 * recorded as a Consent with the referral. Without it nothing is sent.
 */
export function PrescribePage() {
  const { serviceId = '' } = useParams();
  const [params] = useSearchParams();
  const patientId = params.get('patientId') ?? '';
  usePageTitle('Refer to a community service');
  const navigate = useNavigate();
  const service = useApi<DirectoryService>(`/coordination/directory/services/${encodeURIComponent(serviceId)}`);
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [consent, setConsent] = useState(false);
  const { submit, busy, problem } = useSubmit(async () => {
    const made = await api<{ taskId: string }>('/coordination/social-prescribing/referrals', { method: 'POST', body: { patientId, serviceId, reason, consent, ...(dueDate ? { dueDate } : {}) } });
    void navigate(`/coordination/tasks/${encodeURIComponent(made.taskId)}`);
  }, 'The referral was not sent');
  return (
    <Load state={service} what="the service">
      {(s) => (
        <>
          <h1>
            <span className="nhsuk-caption-l">Social prescribing</span>
            Refer to {s.name}
          </h1>
          <ServiceCard service={s} />
          <form onSubmit={submit} noValidate data-testid="prescription-form">
            {problem && <ProblemMessage error={problem} />}
            <TextArea id="prescription-reason" label="What matters to the person, and what they hope for" hint={`${s.organisation.name} reads this to welcome them.`} value={reason} onChange={setReason} />
            <TextInput id="prescription-due" label="Contact them by (optional)" type="date" value={dueDate} onChange={setDueDate} width="nhsuk-input--width-10" />
            <div className="nhsuk-form-group">
              <fieldset className="nhsuk-fieldset" aria-describedby="prescription-consent-hint">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">The person’s agreement</legend>
                <div className="nhsuk-hint" id="prescription-consent-hint">
                  Ask the person. If they do not agree, do not refer: give them the service’s details instead.
                </div>
                <div className="nhsuk-checkboxes">
                  <div className="nhsuk-checkboxes__item">
                    <input className="nhsuk-checkboxes__input" id="prescription-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="prescription-consent">
                      The person agrees to be referred to {s.organisation.name}, and to share with it who they are and how to contact them, their care plan, goals and care team, and this referral
                    </label>
                  </div>
                </div>
              </fieldset>
            </div>
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Send referral
            </button>
          </form>
          <p>
            <Link to={`/coordination/directory?patientId=${encodeURIComponent(patientId)}`}>Back to the directory</Link>
          </p>
        </>
      )}
    </Load>
  );
}

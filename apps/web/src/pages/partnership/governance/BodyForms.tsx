import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { GovernanceOptions, Stamp, TermsOfReference, Versioned } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Checkbox, Field, FormCard, FormErrors, Radios, SelectField, TextArea, useSave } from './form-fields';

const base = '/partnership/governance';

/** Writes (or rewrites) a body's terms of reference: each save is a new version in their history. */
export function TermsForm({ bodyId, current, onSaved }: { bodyId: string; current: Versioned<TermsOfReference> | null; onSaved(): void }) {
  const [text, setText] = useState(current?.text ?? '');
  const [approvedOn, setApprovedOn] = useState(current?.approvedOn ?? '');
  const [reviewDue, setReviewDue] = useState(current?.reviewDue ?? '');
  const form = useSave({ text: 'tor-text', approvedOn: 'tor-approved', reviewDue: 'tor-review' });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.fail(text.trim() ? [] : [{ field: 'tor-text', message: 'Enter the terms of reference' }])) return;
    if (await form.save('PUT', `${base}/bodies/${encodeURIComponent(bodyId)}/terms-of-reference`, { text, approvedOn, reviewDue, ...(current ? { ifVersion: current.version } : {}) })) onSaved();
  }
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{current ? 'Change the terms of reference' : 'Add terms of reference'}</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={submit} noValidate data-testid="terms-form">
          <FormErrors id="tor-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
          <TextArea id="tor-text" label="Terms of reference" hint="Separate paragraphs with a blank line." rows={10} value={text} onChange={setText} error={form.errorFor('tor-text')} />
          <Field id="tor-approved" label="Approved on" type="date" value={approvedOn} onChange={setApprovedOn} error={form.errorFor('tor-approved')} />
          <Field id="tor-review" label="Review due" type="date" value={reviewDue} onChange={setReviewDue} error={form.errorFor('tor-review')} />
          <button className="nhsuk-button" type="submit" disabled={form.busy}>
            Save the terms of reference
          </button>
        </form>
      </div>
    </details>
  );
}

/** Adds a member: one of the partnership's organisations, a role title, or both. */
export function MemberForm({ bodyId, onSaved }: { bodyId: string; onSaved(): void }) {
  const options = useApi<GovernanceOptions>(`${base}/options`);
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState('');
  const [membership, setMembership] = useState('voting');
  const [start, setStart] = useState('');
  const form = useSave({ organisation: 'member-organisation', role: 'member-role', membership: 'member-membership', 'period.start': 'member-start', period: 'member-start' });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.fail(organisation || role.trim() ? [] : [{ field: 'member-organisation', message: 'Choose an organisation or enter a role title' }])) return;
    const saved = await form.save('POST', `${base}/bodies/${encodeURIComponent(bodyId)}/members`, { organisation, role, membership, ...(start ? { period: { start } } : {}) });
    if (saved) {
      setOrganisation('');
      setRole('');
      onSaved();
    }
  }
  const organisations = options.status === 'ready' ? options.data.organisations : [];
  return (
    <FormCard title="Add a member" testId="member-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="member-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        <SelectField id="member-organisation" label="Organisation" value={organisation} onChange={setOrganisation} error={form.errorFor('member-organisation')} options={[{ value: '', label: 'No organisation (a role only)' }, ...organisations.map((o) => ({ value: o.id, label: o.odsCode ? `${o.name} (${o.odsCode})` : o.name }))]} />
        <Field id="member-role" label="Role title" hint="For example, Chief Executive or Director of Public Health" value={role} onChange={setRole} error={form.errorFor('member-role')} />
        <Radios id="member-membership" legend="Membership" value={membership} onChange={setMembership} error={form.errorFor('member-membership')} options={options.status === 'ready' ? options.data.vocabulary.memberships : []} />
        <Field id="member-start" label="Member since" type="date" value={start} onChange={setStart} error={form.errorFor('member-start')} />
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Add the member
        </button>
      </form>
    </FormCard>
  );
}

/** Plans a meeting; its page then takes the agenda, papers, minutes, decisions and actions. */
export function MeetingForm({ bodyId, onSaved }: { bodyId: string; onSaved(): void }) {
  const options = useApi<GovernanceOptions>(`${base}/options`);
  const navigate = useNavigate();
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [location, setLocation] = useState('');
  const [online, setOnline] = useState(false);
  const [isPublic, setPublic] = useState(true);
  const [status, setStatus] = useState('planned');
  const form = useSave({ date: 'meeting-date', startTime: 'meeting-time', location: 'meeting-location', status: 'meeting-status' });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.fail(date ? [] : [{ field: 'meeting-date', message: 'Enter the meeting’s date' }])) return;
    const saved = await form.save<Stamp>('POST', `${base}/bodies/${encodeURIComponent(bodyId)}/meetings`, { date, startTime, location, online, public: isPublic, status });
    if (saved) {
      onSaved();
      void navigate(`/partnership/governance/meetings/${encodeURIComponent(saved.id)}`);
    }
  }
  return (
    <FormCard title="Add a meeting" testId="meeting-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="meeting-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        <Field id="meeting-date" label="Date" type="date" value={date} onChange={setDate} error={form.errorFor('meeting-date')} />
        <Field id="meeting-time" label="Start time" type="time" value={startTime} onChange={setStartTime} error={form.errorFor('meeting-time')} />
        <Field id="meeting-location" label="Location" value={location} onChange={setLocation} error={form.errorFor('meeting-location')} />
        <Checkbox id="meeting-online" label="Held online" checked={online} onChange={setOnline} />
        <Checkbox id="meeting-public" label="Held in public" checked={isPublic} onChange={setPublic} />
        <Radios id="meeting-status" legend="Status" value={status} onChange={setStatus} error={form.errorFor('meeting-status')} options={options.status === 'ready' ? options.data.vocabulary.meetingStatuses : []} />
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Add the meeting
        </button>
      </form>
    </FormCard>
  );
}

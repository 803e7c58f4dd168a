import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { MeetingSummary, ReferralOptionsResponse } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { Load, ProblemMessage } from '../../../components/Status';
import { Select } from '../../../components/Select';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';

interface Attendee {
  organisation: string;
  name: string;
  role: string;
}

/** Plan a meeting: its title, date and who will come, from any of the partners. */
function PlanForm({ options }: { options: ReferralOptionsResponse }) {
  const { user } = useSession();
  const own = options.own;
  const choices = [...(own ? [own] : []), ...options.organisations].map((o) => ({ value: o.reference, label: o.name }));
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [attendees, setAttendees] = useState<Attendee[]>([{ organisation: own?.reference ?? '', name: user?.displayName ?? '', role: '' }]);
  const change = (i: number, field: keyof Attendee, value: string) => setAttendees((list) => list.map((a, j) => (j === i ? { ...a, [field]: value } : a)));
  const { submit, busy, problem } = useSubmit(async () => {
    const meeting = await api<{ id: string }>('/coordination/meetings', { method: 'POST', body: { title, heldOn, attendees } });
    void navigate(`/coordination/meetings/${encodeURIComponent(meeting.id)}`);
  }, 'The meeting was not planned');
  return (
    <form onSubmit={submit} noValidate data-testid="plan-meeting">
      <h2>Plan a meeting</h2>
      {problem && <ProblemMessage error={problem} />}
      <TextInput id="meeting-title" label="Title" hint="For example, Frailty MDT, Riverside neighbourhood" value={title} onChange={setTitle} />
      <TextInput id="meeting-date" label="Date" type="date" value={heldOn} onChange={setHeldOn} width="nhsuk-input--width-10" />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who will attend</legend>
        {attendees.map((a, i) => (
          <div key={i} className="footprint-attendee" data-testid="attendee">
            <Select id={`attendee-${i}-organisation`} label={`Attendee ${i + 1}: organisation`} value={a.organisation} onChange={(v) => change(i, 'organisation', v)} options={[{ value: '', label: 'Choose an organisation' }, ...choices]} />
            <TextInput id={`attendee-${i}-name`} label="Name" value={a.name} onChange={(v) => change(i, 'name', v)} />
            <TextInput id={`attendee-${i}-role`} label="Role" hint="For example, GP, district nurse, social worker" value={a.role} onChange={(v) => change(i, 'role', v)} />
          </div>
        ))}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setAttendees((list) => [...list, { organisation: '', name: '', role: '' }])}>
          Add another attendee
        </button>
      </fieldset>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Plan the meeting
      </button>
    </form>
  );
}

/**
 * The organisation's multidisciplinary team meetings (docs/coordination.md §3), newest first, and
 * a form to plan the next one. Only the host organisation sees its meetings.
 */
export function MeetingsPage() {
  usePageTitle('Team meetings');
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/coordination/meetings');
  const options = useApi<ReferralOptionsResponse>('/coordination/referral-options');
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Care coordination</span>
        Team meetings
      </h1>
      <p className="nhsuk-lede-text">Bring the partners together to discuss the people who need it most, and write what you decide to each person’s record.</p>
      <Load state={meetings} what="your meetings">
        {(data) => (
          <FigureTable
            caption="Your organisation’s team meetings"
            emptyText="Your organisation has not planned a team meeting yet."
            testId="meetings"
            columns={[
              { key: 'title', header: 'Meeting', render: (m) => <Link to={`/coordination/meetings/${encodeURIComponent(m.id)}`}>{m.title}</Link> },
              { key: 'heldOn', header: 'Date', nowrap: true, render: (m) => formatDate(m.heldOn) },
              { key: 'people', header: 'People to discuss', numeric: true },
              { key: 'status', header: 'Status', render: (m) => (m.status === 'held' ? 'Held' : 'Planned') },
            ]}
            rows={data.meetings}
          />
        )}
      </Load>
      <Load state={options} what="the partner organisations">
        {(data) => <PlanForm options={data} />}
      </Load>
      <p>
        <Link to="/coordination">Back to referrals and tasks</Link>
      </p>
    </>
  );
}

import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MeetingSummary } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { formatDate } from '../../../components/format';
import { Load, ProblemMessage } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';

function AddTo({ meeting, patientId }: { meeting: MeetingSummary; patientId: string }) {
  const navigate = useNavigate();
  const { submit, busy, problem } = useSubmit(async () => {
    await api(`/coordination/meetings/${encodeURIComponent(meeting.id)}/people`, { method: 'POST', body: { patientId, source: 'by-hand' } });
    void navigate(`/coordination/meetings/${encodeURIComponent(meeting.id)}`);
  }, 'The person was not added');
  return (
    <li data-testid="planned-meeting">
      <form onSubmit={submit} noValidate>
        {problem && <ProblemMessage error={problem} />}
        <p className="nhsuk-u-margin-bottom-2">
          <strong>{meeting.title}</strong>, {formatDate(meeting.heldOn)} ({meeting.people} {meeting.people === 1 ? 'person' : 'people'} listed)
        </p>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
          Add to this meeting<span className="nhsuk-u-visually-hidden">: {meeting.title}</span>
        </button>
      </form>
    </li>
  );
}

/** Add one person, from their care record, to one of the organisation's planned team meetings. */
export function AddToMeetingPage() {
  const { patientId = '' } = useParams();
  usePageTitle('Add to a team meeting');
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/coordination/meetings');
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Care coordination</span>
        Add to a team meeting
      </h1>
      <Load state={meetings} what="your meetings">
        {(data) => {
          const planned = data.meetings.filter((m) => m.status === 'planned');
          return planned.length === 0 ? (
            <p>
              Your organisation has no planned meetings. <Link to="/coordination/meetings">Plan a meeting</Link> first.
            </p>
          ) : (
            <ul className="nhsuk-list">
              {planned.map((m) => (
                <AddTo key={m.id} meeting={m} patientId={patientId} />
              ))}
            </ul>
          );
        }}
      </Load>
      <p>
        <Link to={`/care-record/patients/${encodeURIComponent(patientId)}`}>Back to the record</Link>
      </p>
    </>
  );
}

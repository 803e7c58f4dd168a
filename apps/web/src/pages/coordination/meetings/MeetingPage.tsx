import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { MeetingView } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate, formatDateTime, formatNhsNumber } from '../../../components/format';
import { Load, ProblemMessage } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { SOURCE_LABELS, Suggestions } from './Suggestions';

type Person = MeetingView['people'][number];

function Discussed({ meeting, person }: { meeting: MeetingView; person: Person }) {
  if (person.discussedAt)
    return (
      <>
        <strong className="nhsuk-tag nhsuk-tag--green">Outcome recorded</strong>
        <span className="nhsuk-body-s nhsuk-u-display-block">{formatDateTime(person.discussedAt)}</span>
      </>
    );
  if (!person.name) return <>Not visible to you</>;
  return (
    <Link to={`/coordination/meetings/${encodeURIComponent(meeting.id)}/outcomes/${encodeURIComponent(person.patientId)}`} data-testid="record-outcome">
      Record outcome<span className="nhsuk-u-visually-hidden"> for {person.name}</span>
    </Link>
  );
}

function HeldButton({ meeting, onHeld }: { meeting: MeetingView; onHeld(): void }) {
  const { submit, busy, problem } = useSubmit(async () => {
    await api(`/coordination/meetings/${encodeURIComponent(meeting.id)}/held`, { method: 'POST' });
    onHeld();
  }, 'The meeting was not marked as held');
  return (
    <form onSubmit={submit} noValidate>
      {problem && <ProblemMessage error={problem} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        Mark the meeting as held
      </button>
    </form>
  );
}

/**
 * One team meeting (docs/coordination.md §3): who attends, the people to discuss and where each
 * came from, suggestions from the worklists while it is planned, and, for each person, the
 * outcome to record in their record.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const [refreshed, setRefreshed] = useState(0);
  const state = useApi<MeetingView>(`/coordination/meetings/${encodeURIComponent(id)}`);
  usePageTitle(state.status === 'ready' ? `Team meeting: ${state.data.title}` : 'Team meeting');
  const changed = () => {
    state.refresh();
    setRefreshed((n) => n + 1);
  };
  return (
    <Load state={state} what="the meeting">
      {(meeting) => (
        <>
          <h1>
            <span className="nhsuk-caption-l">Team meeting, {formatDate(meeting.heldOn)}</span>
            {meeting.title}
          </h1>
          <p>
            <strong className={`nhsuk-tag ${meeting.status === 'held' ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue'}`}>{meeting.status === 'held' ? 'Held' : 'Planned'}</strong>
          </p>
          <h2>Attending</h2>
          {meeting.attendees.length === 0 ? (
            <p>No attendees are listed.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet" data-testid="attendees">
              {meeting.attendees.map((a, i) => (
                <li key={i}>
                  {a.name}, {a.role}
                </li>
              ))}
            </ul>
          )}
          <h2>People to discuss</h2>
          <FigureTable
            caption="People to discuss at this meeting"
            hideCaption
            emptyText="Nobody is on the list yet. Add people from the worklists below, or from a person’s care record."
            testId="meeting-people"
            columns={[
              {
                key: 'name',
                header: 'Person',
                render: (p) =>
                  p.name ? (
                    <>
                      <Link to={`/care-record/patients/${encodeURIComponent(p.patientId)}`}>{p.name}</Link>
                      {p.nhsNumber && <span className="nhsuk-body-s nhsuk-u-display-block">NHS {formatNhsNumber(p.nhsNumber)}</span>}
                    </>
                  ) : (
                    'A person your organisation may no longer see'
                  ),
              },
              { key: 'source', header: 'Why listed', render: (p) => SOURCE_LABELS[p.source] ?? p.source },
              { key: 'outcome', header: 'Outcome', render: (p) => <Discussed meeting={meeting} person={p} /> },
            ]}
            rows={meeting.people}
          />
          {meeting.status === 'planned' && (
            <>
              <Suggestions meetingId={meeting.id} refreshed={refreshed} onAdded={changed} />
              <HeldButton meeting={meeting} onHeld={changed} />
            </>
          )}
          <p>
            <Link to="/coordination/meetings">Back to team meetings</Link>
          </p>
        </>
      )}
    </Load>
  );
}

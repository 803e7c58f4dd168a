import { useEffect, useState, type FormEvent } from 'react';
import type { EnquiryAnswer } from '@footprint/engage';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { SelectField, TextArea } from '../../partnership/governance/form-fields';
import { EnquiryHistory, MailNotice, mailStatus, StateTag, TypedText } from './EnquiryParts';

/** Sends one action and gives back the enquiry as it is now, or the problem in words. */
function useAction(reference: string, onDone: (answer: EnquiryAnswer) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run(path: string, body: unknown, confirmation: string): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const answer = await api<EnquiryAnswer>(`/engage/enquiries/${reference}/${path}`, { method: 'POST', body });
      onDone(answer);
      setDone(answer.delivery?.status === 'failed' ? `${confirmation} The email could not be sent: ${answer.delivery.reason ?? ''}` : confirmation);
      return true;
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'Not saved');
      setProblem(e.detail ? `${e.title}: ${e.detail}` : e.title);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, problem, done };
}

function Actions({ answer, onDone }: { answer: EnquiryAnswer; onDone(a: EnquiryAnswer): void }) {
  const { enquiry, teams, outcomes, mail } = answer;
  const [team, setTeam] = useState(enquiry.team?.id ?? teams[0]?.id ?? '');
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<string>(outcomes[0]?.id ?? '');
  const action = useAction(enquiry.reference, onDone);
  const submit = (path: string, body: unknown, confirmation: string, clear?: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(path, body, confirmation)) clear?.();
  };
  if (enquiry.personalDataRemovedAt) return <p data-testid="retained">Its personal data was removed under the retention policy on {formatDateTime(enquiry.personalDataRemovedAt)}: it is kept as facts only and cannot be changed.</p>;
  return (
    <>
      {action.problem && (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1} aria-labelledby="action-problem-title" data-testid="action-problem">
          <h2 className="nhsuk-error-summary__title" id="action-problem-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{action.problem}</p>
          </div>
        </div>
      )}
      {action.done && (
        <p className="nhsuk-body" role="status" data-testid="action-done">
          {action.done}
        </p>
      )}
      {enquiry.state === 'closed' ? (
        <form onSubmit={submit('reopen', {}, 'The enquiry was reopened.')} data-testid="reopen-form">
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={action.busy}>
            Reopen the enquiry
          </button>
        </form>
      ) : (
        <>
          <form onSubmit={submit('assign', { team }, 'The enquiry was assigned.')} data-testid="assign-form" noValidate>
            <h2>Assign to a team</h2>
            <SelectField id="assign-team" label="Team" value={team} onChange={setTeam} options={teams.map((t) => ({ value: t.id, label: t.name }))} />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={action.busy}>
              Assign
            </button>
          </form>
          <form onSubmit={submit('reply', { text: reply }, enquiry.email ? 'Your reply was recorded.' : 'Your reply was recorded (no email address was given).', () => setReply(''))} data-testid="reply-form" noValidate>
            <h2>Reply</h2>
            <TextArea
              id="reply-text"
              label="Your reply"
              hint={enquiry.email ? (mail.configured ? `Sent by email to ${enquiry.email}, with the reference.` : 'Email is not configured: the reply is recorded, and emailed once it is.') : 'No email address was given: the reply is recorded for a letter or a call.'}
              value={reply}
              onChange={setReply}
              rows={6}
            />
            <button className="nhsuk-button" type="submit" disabled={action.busy}>
              Send reply
            </button>
          </form>
          <form onSubmit={submit('notes', { text: note }, 'The note was added.', () => setNote(''))} data-testid="note-form" noValidate>
            <h2>Internal note</h2>
            <TextArea id="note-text" label="Note" hint="Only staff see notes." value={note} onChange={setNote} rows={3} />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={action.busy}>
              Add note
            </button>
          </form>
          <form onSubmit={submit('close', { outcome }, 'The enquiry was closed.')} data-testid="close-form" noValidate>
            <h2>Close</h2>
            <SelectField id="close-outcome" label="Outcome" value={outcome} onChange={setOutcome} options={outcomes.map((o) => ({ value: o.id, label: o.label }))} />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={action.busy}>
              Close the enquiry
            </button>
          </form>
        </>
      )}
      {enquiry.mail.length > 0 && (
        <>
          <h2>Emails</h2>
          <table className="nhsuk-table" data-testid="enquiry-mail">
            <caption className="nhsuk-u-visually-hidden">Replies sent by email</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {enquiry.mail.map((m) => (
                <tr key={m.id} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">{m.subject}</td>
                  <td className="nhsuk-table__cell" data-testid={`mail-status-${m.id}`}>
                    {mailStatus(m.status)}
                    {m.sentAt && ` ${formatDateTime(m.sentAt)}`}
                    {m.lastError && <span className="nhsuk-body-s"><br />{m.lastError}</span>}
                  </td>
                  <td className="nhsuk-table__cell">{m.attempts}</td>
                  <td className="nhsuk-table__cell">
                    {m.status === 'failed' && mail.configured && m.recipient !== null && (
                      <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button" disabled={action.busy} onClick={() => void action.run(`mail/${m.id}/retry`, {}, 'Tried sending the email again.')}>
                        Try again
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** One enquiry: the message as text, who sent it, its history, and assign, reply, note, close or reopen. */
export function EnquiryPage() {
  const { reference = '' } = useParams();
  usePageTitle(`Enquiry ${reference}`);
  const loaded = useApi<EnquiryAnswer>(`/engage/enquiries/${encodeURIComponent(reference)}`);
  const [answer, setAnswer] = useState<EnquiryAnswer | null>(null);
  useEffect(() => setAnswer(null), [reference]);
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Enquiries', to: '/engage/enquiries' }]} />
      <h1>
        Enquiry <span className="fp-reference">{reference}</span>
      </h1>
      <Load state={loaded} what="the enquiry">
        {(initial) => {
          const current = answer ?? initial;
          const { enquiry } = current;
          return (
            <div className="nhsuk-grid-row">
              <div className="nhsuk-grid-column-two-thirds">
                <MailNotice mail={current.mail} />
                <SummaryList
                  testId="enquiry-summary"
                  rows={[
                    ['State', <StateTag key="s" state={enquiry.state} />],
                    ['About', enquiry.topicLabel],
                    ['Received', formatDateTime(enquiry.receivedAt)],
                    ['Team', enquiry.team?.name ?? 'Not assigned'],
                    ...(enquiry.outcome ? ([['Outcome', current.outcomes.find((o) => o.id === enquiry.outcome)?.label ?? enquiry.outcome]] as Array<[string, string]>) : []),
                    ['Name', enquiry.name ?? (enquiry.personalDataRemovedAt ? 'Removed' : 'Not given')],
                    ['Email address', enquiry.email ?? (enquiry.personalDataRemovedAt ? 'Removed' : 'Not given')],
                    ['May be contacted again', enquiry.consentToContact ? 'Yes' : 'No'],
                  ]}
                />
                <h2>Message</h2>
                {enquiry.message === null ? <p>The message was removed under the retention policy.</p> : <TypedText text={enquiry.message} testId="enquiry-message" />}
                <Actions answer={current} onDone={setAnswer} />
              </div>
              <div className="nhsuk-grid-column-one-third">
                <h2>History</h2>
                <EnquiryHistory events={enquiry.events} outcomes={current.outcomes} />
              </div>
            </div>
          );
        }}
      </Load>
    </>
  );
}

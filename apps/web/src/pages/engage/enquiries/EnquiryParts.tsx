import type { EnquiryEvent, EnquirySummary, MailState, OutgoingMail } from '@footprint/engage';
import { formatDateTime } from '../../../components/format';

/** An enquiry's state as a tag. */
export function StateTag({ state }: { state: EnquirySummary['state'] }) {
  const colour = state === 'new' ? 'nhsuk-tag--blue' : state === 'open' ? 'nhsuk-tag--yellow' : 'nhsuk-tag--grey';
  return <strong className={`nhsuk-tag ${colour}`}>{state === 'new' ? 'New' : state === 'open' ? 'Open' : 'Closed'}</strong>;
}

/** Whether replies are emailed: a warning when email is not configured, a note when it goes to the demo's sink. */
export function MailNotice({ mail }: { mail: MailState }) {
  if (!mail.configured)
    return (
      <div className="nhsuk-warning-callout" data-testid="mail-not-configured">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Email is not configured
          </span>
        </h3>
        <p>Replies are recorded on the enquiry but not emailed. Your administrator sets FOOTPRINT_SMTP_URL to send them; queued replies go out then.</p>
      </div>
    );
  if (mail.demoSink)
    return (
      <p className="nhsuk-body-s" data-testid="mail-demo-sink">
        This is the demo: replies go to its own mail sink, not to anyone. Read them in <a href="/engage/mail">the demo mail sink</a>.
      </p>
    );
  return null;
}

/** Text as the sender or staff typed it: shown as text, line breaks kept, never as markup. */
export function TypedText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="fp-enquiry-text" data-testid={testId}>
      {text}
    </div>
  );
}

const MAIL_STATUS: Record<OutgoingMail['status'], string> = { pending: 'Waiting to be sent', sent: 'Sent', failed: 'Not sent' };
export const mailStatus = (status: OutgoingMail['status']) => MAIL_STATUS[status];

/** One line of an enquiry's history, in words. */
export function describeEvent(event: EnquiryEvent, outcomes: Array<{ id: string; label: string }>): string {
  const d = event.details;
  switch (event.kind) {
    case 'received':
      return `Received through the ${d.channel === 'api' ? 'public API' : 'website form'}`;
    case 'assigned':
      return `Assigned to ${String(d.teamName ?? d.team)}`;
    case 'replied':
      return d.byEmail ? 'Replied (to be emailed)' : 'Replied (no email address: for a letter or a call)';
    case 'noted':
      return 'Added an internal note';
    case 'closed':
      return `Closed: ${outcomes.find((o) => o.id === d.outcome)?.label ?? String(d.outcome)}`;
    case 'reopened':
      return 'Reopened';
    case 'mail-sent':
      return `Reply emailed (attempt ${String(d.attempt)})`;
    case 'mail-failed':
      return `Reply could not be emailed (attempt ${String(d.attempt)}): ${String(d.error)}`;
    case 'personal-data-removed':
      return `Name, email address and message removed after ${String(d.retentionDays)} days under the retention policy`;
  }
}

/** The history, oldest first: who did what, when, and the reply or note's text. */
export function EnquiryHistory({ events, outcomes }: { events: EnquiryEvent[]; outcomes: Array<{ id: string; label: string }> }) {
  return (
    <ol className="fp-enquiry-history" data-testid="enquiry-history">
      {events.map((e) => (
        <li key={e.id} data-kind={e.kind}>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            <strong>{describeEvent(e, outcomes)}</strong>
            <br />
            {formatDateTime(e.at)} by {e.by ? e.by.name : e.kind === 'received' ? 'the member of the public' : 'Footprint'}
          </p>
          {e.body !== null && <TypedText text={e.body} />}
        </li>
      ))}
    </ol>
  );
}

import type { SinkMessage } from '@footprint/engage';
import { useApi } from '../../../api/useApi';
import { formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';

interface MailSinkAnswer {
  demoSink: boolean;
  configured: boolean;
  description: string;
  messages: SinkMessage[];
}

/** The demo's mail sink: every email Footprint sent in the demo, as it arrived (nothing reaches anyone). */
export function MailSinkPage() {
  usePageTitle('Demo mail sink');
  const sink = useApi<MailSinkAnswer>('/engage/mail');
  return (
    <>
      <h1>Demo mail sink</h1>
      <Load state={sink} what="the mail">
        {(data) =>
          !data.demoSink ? (
            <p data-testid="no-sink">This server does not run the demo’s mail sink: {data.configured ? `mail goes to ${data.description}.` : data.description}</p>
          ) : (
            <>
              <p className="nhsuk-lede-text">In the demo, replies to enquiries go to a mail server of its own ({data.description}) instead of to anyone. This is what it received, newest first.</p>
              {data.messages.length === 0 ? (
                <p data-testid="no-mail">No mail yet. Reply to an enquiry that gave an email address to see one here.</p>
              ) : (
                <ul className="nhsuk-list" data-testid="sink-messages">
                  {data.messages.map((m) => (
                    <li key={m.id} className="nhsuk-card">
                      <div className="nhsuk-card__content">
                        <h2 className="nhsuk-card__heading nhsuk-heading-s">{m.subject ?? '(no subject)'}</h2>
                        <p className="nhsuk-body-s">
                          To {m.envelopeTo.join(', ')}, from {m.from ?? m.envelopeFrom ?? 'unknown'}, received {formatDateTime(m.receivedAt)}
                        </p>
                        <div className="fp-mail-text">{m.text ?? ''}</div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )
        }
      </Load>
    </>
  );
}

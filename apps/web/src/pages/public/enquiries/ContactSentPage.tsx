/**
 * After "Get in touch": the reference to quote, and what happens next. Shown for any sent form
 * (a robot caught by the honeypot sees it too, without a reference), so it says nothing about the
 * message itself.
 */
export function ContactSentPage({ reference, replyDays }: { reference: string | null; replyDays: number }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-card nhsuk-card--confirmation fp-contact-sent" data-testid="contact-sent">
          <div className="nhsuk-card__content">
            <h1 className="nhsuk-card__heading">Your message has been sent</h1>
            {reference && (
              <p className="nhsuk-card__description">
                Your reference is <strong className="fp-reference" data-testid="reference">{reference}</strong>
              </p>
            )}
          </div>
        </div>
        <h2>What happens next</h2>
        <p>We will read your message and pass it to the team that can best answer it.</p>
        <p>If you gave us your email address, we aim to reply within {replyDays} working days. Quote your reference if you contact us about this again.</p>
        <p>If you did not give an email address, we cannot reply to you, but your message will still be read.</p>
        <p>
          <a href="/public/contact">Send another message</a>
        </p>
        <p>
          <a href="/public">Go back to the home page</a>
        </p>
      </div>
    </div>
  );
}

/** Too many messages from this address in the last hour: the form is refused until later. */
export function ContactTooManyPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You have sent too many messages</h1>
        <p>To protect this service, we only accept a limited number of messages from each address in an hour.</p>
        <p>Please try again later. Nothing you sent just now has been kept.</p>
        <p>
          <a href="/public">Go back to the home page</a>
        </p>
      </div>
    </div>
  );
}

import { ErrorSummary } from '../../../components/ErrorSummary';

/** What the contact form was sent with, to show it again beside its errors. */
export interface ContactFormValues {
  topic: string;
  message: string;
  name: string;
  email: string;
  consent: boolean;
}

/** A field's error as the form shows it: `field` is the input's id, which the error summary links to. */
export interface ContactFormError {
  field: 'topic' | 'message' | 'name' | 'email' | 'consent';
  message: string;
}

export interface ContactPageProps {
  /** The topics to choose from, as [id, words shown]. */
  topics: ReadonlyArray<readonly [string, string]>;
  values: ContactFormValues;
  errors: ContactFormError[];
  /** Size limits in characters. */
  limits: { message: number; name: number; email: number };
  /** The honeypot's field name (abuse.ts): a field people never see or fill in. */
  honeypot: string;
  /** How long personal data is kept after the enquiry is closed, in days. */
  retentionDays: number;
}

const EMPTY: ContactFormValues = { topic: '', message: '', name: '', email: '', consent: false };
export const EMPTY_CONTACT_FORM = EMPTY;

function ErrorMessage({ id, error }: { id: string; error?: ContactFormError }) {
  if (!error) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error.message}
    </span>
  );
}

const describedBy = (...ids: Array<string | false | undefined>): string | undefined => ids.filter(Boolean).join(' ') || undefined;

/**
 * "Get in touch": a plain HTML form (NHS.UK patterns) that posts to /public/contact and works
 * without JavaScript. The topic as radios, the message with its size as a hint, an optional name
 * and email address, consent to be contacted, and a honeypot hidden from people and from
 * assistive technology. Sent back with an error summary linking to each field when it is wrong.
 */
export function ContactPage({ topics, values, errors, limits, honeypot, retentionDays }: ContactPageProps) {
  const errorOf = (field: ContactFormError['field']) => errors.find((e) => e.field === field);
  const group = (field: ContactFormError['field']) => `nhsuk-form-group${errorOf(field) ? ' nhsuk-form-group--error' : ''}`;
  const years = retentionDays % 365 === 0 ? `${retentionDays / 365} year${retentionDays === 365 ? '' : 's'}` : `${retentionDays} days`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary id="error-summary" errors={errors} />
        <h1>Get in touch</h1>
        <p className="nhsuk-lede-text">Ask us a question about the partnership, our plan or a consultation, or tell us what you think.</p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>This form is not for medical advice. If you need help now, call 111 or go to 111.nhs.uk. In an emergency, call 999.</p>
        </div>
        <form method="post" action="/public/contact" noValidate className="fp-contact-form">
          <div className={group('topic')}>
            <fieldset className="nhsuk-fieldset" aria-describedby={describedBy('topic-hint', errorOf('topic') && 'topic-error')}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 className="nhsuk-fieldset__heading">What is your message about?</h2>
              </legend>
              <div className="nhsuk-hint" id="topic-hint">
                This helps us send it to the right team.
              </div>
              <ErrorMessage id="topic" error={errorOf('topic')} />
              <div className="nhsuk-radios">
                {topics.map(([id, label], i) => (
                  <div className="nhsuk-radios__item" key={id}>
                    <input className="nhsuk-radios__input" id={i === 0 ? 'topic' : `topic-${id}`} name="topic" type="radio" value={id} defaultChecked={values.topic === id} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={i === 0 ? 'topic' : `topic-${id}`}>
                      {label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>

          <div className={group('message')}>
            <h2 className="nhsuk-label-wrapper">
              <label className="nhsuk-label nhsuk-label--m" htmlFor="message">
                Your message
              </label>
            </h2>
            <div className="nhsuk-hint" id="message-hint">
              Do not include personal medical information. You can enter up to {limits.message.toLocaleString('en-GB')} characters.
            </div>
            <ErrorMessage id="message" error={errorOf('message')} />
            <textarea className={`nhsuk-textarea${errorOf('message') ? ' nhsuk-textarea--error' : ''}`} id="message" name="message" rows={8} aria-describedby={describedBy('message-hint', errorOf('message') && 'message-error')} defaultValue={values.message} />
          </div>

          <h2 className="nhsuk-heading-m">If you would like a reply</h2>
          <p>You do not have to tell us who you are. We can only reply by email if you give us your email address.</p>
          <div className={group('name')}>
            <label className="nhsuk-label" htmlFor="name">
              Your name (optional)
            </label>
            <ErrorMessage id="name" error={errorOf('name')} />
            <input className={`nhsuk-input nhsuk-u-width-two-thirds${errorOf('name') ? ' nhsuk-input--error' : ''}`} id="name" name="name" type="text" autoComplete="name" spellCheck={false} aria-describedby={describedBy(errorOf('name') && 'name-error')} defaultValue={values.name} />
          </div>
          <div className={group('email')}>
            <label className="nhsuk-label" htmlFor="email">
              Email address (optional)
            </label>
            <div className="nhsuk-hint" id="email-hint">
              We will only use this to reply to your message.
            </div>
            <ErrorMessage id="email" error={errorOf('email')} />
            <input className={`nhsuk-input nhsuk-u-width-two-thirds${errorOf('email') ? ' nhsuk-input--error' : ''}`} id="email" name="email" type="email" autoComplete="email" spellCheck={false} aria-describedby={describedBy('email-hint', errorOf('email') && 'email-error')} defaultValue={values.email} />
          </div>
          <div className={group('consent')}>
            <fieldset className="nhsuk-fieldset" aria-describedby={describedBy('consent-hint', errorOf('consent') && 'consent-error')}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Can we contact you again?</legend>
              <div className="nhsuk-hint" id="consent-hint">
                For example, to invite you to a consultation about the same subject. You can tell us to stop at any time.
              </div>
              <ErrorMessage id="consent" error={errorOf('consent')} />
              <div className="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id="consent" name="consent" type="checkbox" value="yes" defaultChecked={values.consent} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="consent">
                    Yes, you can contact me about this subject
                  </label>
                </div>
              </div>
            </fieldset>
          </div>

          <div className="fp-honeypot" aria-hidden="true">
            <label htmlFor={honeypot}>Leave this field empty</label>
            <input id={honeypot} name={honeypot} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>

          <p className="nhsuk-body-s">
            We keep your name, email address and message for {years} after we have dealt with your message, then delete them. <a href="/public/privacy">How we use your information</a>.
          </p>
          <button className="nhsuk-button" type="submit" data-module="nhsuk-button">
            Send message
          </button>
        </form>
      </div>
    </div>
  );
}

import type { AboutYouQuestion, FieldProblem, FormBody, Question } from '@footprint/engage';
import { ConsultationPage, type PublicConsultationView } from './ConsultationPage';
import { controlId, ErrorMessage, firstControlId, QuestionField } from './QuestionField';

export interface RespondPageProps {
  consultation: PublicConsultationView;
  /** The "about you" questions, with the footprint's places (empty when the consultation does not ask). */
  aboutYou: AboutYouQuestion[];
  /** What the respondent entered (re-shown after a problem or when a draft is resumed). */
  values: FormBody;
  problems: FieldProblem[];
  /** The draft being continued (a hidden field; the link's token). */
  resumeToken?: string;
  /** Just saved: the link to come back with, shown this once. */
  savedLink?: string;
  /** A saved draft's link followed after the consultation closed: its answers were never sent. */
  lateDraft?: boolean;
}

const valueOf = (values: FormBody, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The display condition in words, for when JavaScript is off. */
function conditionWords(q: Question, questions: Question[]): string | undefined {
  if (!q.showIf) return undefined;
  const n = questions.findIndex((x) => x.id === q.showIf!.question);
  const earlier = questions[n];
  if (!earlier) return undefined;
  const labels = q.showIf.anyOf.map((v) => ('options' in earlier ? (earlier.options.find((o) => o.id === v)?.label ?? v) : v));
  return `Answer this only if you answered ${labels.map((l) => `“${l}”`).join(' or ')} to question ${n + 1}`;
}

function fieldLink(field: string, questions: Question[]): string {
  const q = questions.find((x) => field === `answers.${x.id}`);
  if (q) return `#${firstControlId(q)}`;
  if (field === 'publishFreeText') return `#${controlId('publishFreeText', 'yes')}`;
  return `#${controlId(field)}`;
}

/** The NHS.UK error summary: each problem a link to its field. */
function ErrorSummary({ problems, questions }: { problems: FieldProblem[]; questions: Question[] }) {
  if (!problems.length) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {problems.map((p, i) => (
            <li key={i}>
              <a href={fieldLink(p.field, questions)}>{messageFor(p, questions)}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function messageFor(p: FieldProblem, questions: Question[]): string {
  const n = questions.findIndex((q) => p.field === `answers.${q.id}`);
  if (n >= 0) return `Question ${n + 1}: ${p.message}`;
  if (p.field === 'publishFreeText') return 'Say whether we may publish your written answers';
  return p.message.charAt(0).toUpperCase() + p.message.slice(1);
}

function Radio({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  return (
    <div className="nhsuk-radios__item">
      <input className="nhsuk-radios__input" id={controlId(name, value)} name={name} type="radio" value={value} defaultChecked={checked} />
      <label className="nhsuk-label nhsuk-radios__label" htmlFor={controlId(name, value)}>
        {label}
      </label>
    </div>
  );
}

function AboutYouSection({ questions, values }: { questions: AboutYouQuestion[]; values: FormBody }) {
  if (!questions.length) return null;
  return (
    <section aria-labelledby="about-you">
      <h2 id="about-you">About you (optional)</h2>
      <p>These questions help us see who we have and have not heard from. You do not have to answer them. Your answers are never published on their own, only as totals.</p>
      {questions.map((q) => {
        const name = `aboutYou.${q.key}`;
        return (
          <div key={q.key} className="nhsuk-form-group">
            <label className="nhsuk-label nhsuk-label--s" htmlFor={controlId(name)}>
              {q.title}
            </label>
            <select className="nhsuk-select" id={controlId(name)} name={name} defaultValue={valueOf(values, name) ?? ''}>
              <option value="">Not answered</option>
              {q.options.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </section>
  );
}

function problemOf(problems: FieldProblem[], field: string) {
  return problems.find((p) => p.field === field)?.message;
}

/**
 * /public/consultations/:id/respond: the questionnaire as a plain HTML form that works without
 * JavaScript (consultation.js only hides questions whose conditions are not met), then "about you",
 * contact and consent, and the publication choice; "Save and come back later" or "Submit".
 * A consultation not open shows why, and links to its results when they are published.
 */
export function RespondPage({ consultation: c, aboutYou, values, problems, resumeToken, savedLink, lateDraft }: RespondPageProps) {
  if (c.state !== 'open')
    return (
      <>
        {lateDraft && (
          <div className="nhsuk-warning-callout" data-testid="late-draft">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Your saved answers were not sent
              </span>
            </h2>
            <p>You saved answers to this consultation but did not submit them before it closed, so they are not part of the responses. If you still want to tell us something, <a href="/public/contact">get in touch</a>.</p>
          </div>
        )}
        <ConsultationPage consultation={c} />
      </>
    );
  const qs = c.questions;
  const publishError = problemOf(problems, 'publishFreeText') && 'Say whether we may publish your written answers';
  const emailError = problemOf(problems, 'contact.email');
  const consentError = problemOf(problems, 'contact.consentToContact');
  return (
    <>
      <ErrorSummary problems={problems} questions={qs} />
      {savedLink && (
        <div className="nhsuk-inset-text fp-saved" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h2>Your answers are saved</h2>
          <p>Keep this link to come back and finish. We show it only this once, and anyone with the link can see your answers.</p>
          <p className="fp-saved__link">
            <a href={savedLink}>{savedLink}</a>
          </p>
        </div>
      )}
      <span className="nhsuk-caption-l">Respond to the consultation</span>
      <h1>{c.title}</h1>
      <p>
        Answer as many questions as you like; questions marked (optional) can be left out. <a href={`/public/consultations/${c.id}`}>Read about the consultation</a> first if you have not.
      </p>
      <form method="post" action={`/public/consultations/${c.id}/respond`} noValidate className="fp-respond-form">
        {resumeToken && <input type="hidden" name="resume" value={resumeToken} />}
        <div className="fp-honeypot" aria-hidden="true">
          <label htmlFor="website">Leave this empty</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <h2>Your answers</h2>
        {qs.map((q, i) => (
          <QuestionField key={q.id} question={q} number={i + 1} values={values} error={problemOf(problems, `answers.${q.id}`)} condition={conditionWords(q, qs)} />
        ))}
        <AboutYouSection questions={aboutYou} values={values} />
        <h2>Publishing what you wrote</h2>
        <div className={`nhsuk-form-group${publishError ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset className="nhsuk-fieldset" aria-describedby="publish-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">May we publish your written answers?</legend>
            <div className="nhsuk-hint" id="publish-hint">
              We would publish them without your name, after removing anything that could identify you or anyone else.
            </div>
            <ErrorMessage message={publishError} />
            <div className="nhsuk-radios">
              <Radio name="publishFreeText" value="yes" label="Yes, you may publish them" checked={valueOf(values, 'publishFreeText') === 'yes'} />
              <Radio name="publishFreeText" value="no" label="No, do not publish them" checked={valueOf(values, 'publishFreeText') === 'no'} />
            </div>
          </fieldset>
        </div>
        <h2>Contact details (optional)</h2>
        <p>You can respond anonymously. Leave these empty unless you would like us to contact you about this consultation.</p>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={controlId('contact.name')}>
            Your name (optional)
          </label>
          <input className="nhsuk-input" id={controlId('contact.name')} name="contact.name" type="text" autoComplete="name" maxLength={200} defaultValue={valueOf(values, 'contact.name') ?? ''} />
        </div>
        <div className={`nhsuk-form-group${emailError ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={controlId('contact.email')}>
            Your email address (optional)
          </label>
          <ErrorMessage message={emailError} />
          <input className={`nhsuk-input${emailError ? ' nhsuk-input--error' : ''}`} id={controlId('contact.email')} name="contact.email" type="email" autoComplete="email" spellCheck={false} maxLength={254} defaultValue={valueOf(values, 'contact.email') ?? ''} />
        </div>
        <div className={`nhsuk-form-group${consentError ? ' nhsuk-form-group--error' : ''}`}>
          <ErrorMessage message={consentError} />
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id={controlId('contact.consentToContact')} name="contact.consentToContact" type="checkbox" value="yes" defaultChecked={valueOf(values, 'contact.consentToContact') === 'yes'} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={controlId('contact.consentToContact')}>
                I agree to be contacted about this consultation
              </label>
            </div>
          </div>
        </div>
        <div className="nhsuk-button-group fp-respond-actions">
          <button className="nhsuk-button" type="submit" name="action" value="submit">
            Submit your response
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" name="action" value="save">
            Save and come back later
          </button>
        </div>
      </form>
    </>
  );
}

/** After submitting: the reference, kept as a receipt. */
export function RespondedPage({ consultation: c, reference }: { consultation: Pick<PublicConsultationView, 'id' | 'title' | 'closesOn'>; reference: string }) {
  return (
    <>
      <div className="nhsuk-panel nhsuk-panel--confirmation fp-confirmation">
        <h1 className="nhsuk-panel__title">Thank you: your response is received</h1>
        <div className="nhsuk-panel__body">
          Your reference is
          <br />
          <strong className="fp-reference">{reference}</strong>
        </div>
      </div>
      <p>Keep your reference if you may want to ask us about your response. We do not publish it.</p>
      <h2>What happens next</h2>
      <p>We will read every response to “{c.title}”. After the consultation closes we will publish what people told us and what we will do about it.</p>
      <p>
        <a href="/public/consultations">See other consultations</a>
      </p>
    </>
  );
}

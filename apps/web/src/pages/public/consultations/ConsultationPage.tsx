import type { ConsultationDefinition, ConsultationState } from '@footprint/engage';
import { audienceText, Fact, inWords, Paragraphs, Sections, StateTag, type AudienceWords } from './parts';

/** A published consultation as the public pages show it. */
export interface PublicConsultationView extends Omit<ConsultationDefinition, 'audience'> {
  id: string;
  state: ConsultationState;
  audience: AudienceWords;
  resultsPublished: boolean;
  /** Why it does not take responses now (closed, upcoming), in words. */
  notAccepting?: string;
  /** Once its results are published: the parts of the plan its "we did" changed, linked. */
  planChanges?: Array<{ label: string; href: string }>;
}

/** After the results are published: where to read them, what the partnership did, and what it changed in the plan. */
function Published({ c }: { c: PublicConsultationView }) {
  const results = `/public/consultations/${c.id}/results`;
  return (
    <>
      <ul className="nhsuk-list" data-testid="published-links">
        <li>
          <a href={results}>Read what people told us</a>
        </li>
        <li>
          <a href={`${results}#we-asked-you-said-we-did`}>We asked, you said, we did: what we are changing</a>
        </li>
      </ul>
      {c.planChanges && c.planChanges.length > 0 && (
        <>
          <h3>What this changed in our plan</h3>
          <ul className="nhsuk-list nhsuk-list--bullet" data-testid="plan-changes">
            {c.planChanges.map((p) => (
              <li key={p.label}>
                <a href={p.href}>{p.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function HowToRespond({ c }: { c: PublicConsultationView }) {
  if (c.state === 'open')
    return (
      <>
        <p>
          You can answer online until {inWords(c.closesOn)}. It takes about {Math.max(5, Math.round(c.questions.length * 1.5))} minutes. You do not have to answer every question, and you can save your answers and come back later.
        </p>
        <a className="nhsuk-button" href={`/public/consultations/${c.id}/respond`} draggable="false">
          Respond to this consultation
        </a>
        <p>
          If you need this in another format or language, or would like to answer on paper, <a href="/public/contact">get in touch</a>.
        </p>
      </>
    );
  return (
    <>
      <p>{c.notAccepting}</p>
      {c.resultsPublished ? (
        <Published c={c} />
      ) : c.state === 'closed' ? (
        <>
          <h3>What happens next</h3>
          <p data-testid="what-happens-next">
            We are reading every response. Before we publish any written answer, a member of our team checks it and removes anything that could identify someone. Then we will publish what people told us, what we will change as a result, and which parts of our plan it affects, on this page.
          </p>
          <p>
            If you responded by {inWords(c.closesOn)}, your response counts. If you have something to add, you can <a href="/public/contact">get in touch</a>.
          </p>
        </>
      ) : null}
    </>
  );
}

/** /public/consultations/:id (and its easy read version at …/easy-read): summary, background, dates, who it is for, and how to respond. */
export function ConsultationPage({ consultation: c, easyRead = false }: { consultation: PublicConsultationView; easyRead?: boolean }) {
  return (
    <>
      <span className="nhsuk-caption-l">{easyRead ? 'Easy read' : 'Consultation'}</span>
      <h1>{c.title}</h1>
      <p className="nhsuk-lede-text">{c.summary}</p>
      <dl className="nhsuk-summary-list">
        <Fact label="Status"><StateTag state={c.state} /></Fact>
        <Fact label="Opens">{inWords(c.opensOn)}</Fact>
        <Fact label="Closes">{inWords(c.closesOn)}</Fact>
        <Fact label="Who it is for">{audienceText(c.audience)}</Fact>
      </dl>
      {easyRead ? (
        <>
          {c.easyRead.length ? <Sections sections={c.easyRead} /> : <Paragraphs text="There is no easy read version of this consultation yet. Get in touch and we will send you one." />}
          <p>
            <a href={`/public/consultations/${c.id}`}>Read the full version</a>
          </p>
        </>
      ) : (
        <>
          {c.easyRead.length > 0 && (
            <p>
              <a href={`/public/consultations/${c.id}/easy-read`}>Read the easy read version</a>
            </p>
          )}
          <Sections sections={c.background} />
        </>
      )}
      <h2>How to respond</h2>
      <HowToRespond c={c} />
    </>
  );
}

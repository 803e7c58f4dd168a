import type { ConsultationState } from '@footprint/engage';
import { audienceText, Fact, inWords, StateTag, type AudienceWords } from './parts';

/** One consultation in the public list. */
export interface ConsultationListItem {
  id: string;
  title: string;
  summary: string;
  state: ConsultationState;
  opensOn: string;
  closesOn: string;
  audience: AudienceWords;
  resultsPublished: boolean;
}

const GROUPS: Array<[ConsultationState, string, string]> = [
  ['open', 'Open now', 'No open consultations at the moment.'],
  ['upcoming', 'Opening soon', 'None planned yet.'],
  ['closed', 'Closed', 'None yet.'],
];

/** /public/consultations: the partnership's consultations, open first, then upcoming, then closed, with dates and who each is for. */
export function ConsultationsListPage({ consultations }: { consultations: ConsultationListItem[] }) {
  return (
    <>
      <h1>Have your say</h1>
      <p className="nhsuk-lede-text">We ask people who live and work here before we change health and care services. Tell us what you think while a consultation is open.</p>
      {GROUPS.map(([state, heading, none]) => {
        const items = consultations.filter((c) => c.state === state);
        return (
          <section key={state} aria-labelledby={`consultations-${state}`}>
            <h2 id={`consultations-${state}`}>{heading}</h2>
            {items.length === 0 ? (
              <p>{none}</p>
            ) : (
              <ul className="nhsuk-list fp-consultation-list">
                {items.map((c) => (
                  <li key={c.id} className="nhsuk-card fp-consultation-card">
                    <div className="nhsuk-card__content">
                      <h3 className="nhsuk-card__heading">
                        <a className="nhsuk-card__link" href={`/public/consultations/${c.id}`}>
                          {c.title}
                        </a>
                      </h3>
                      <p className="nhsuk-card__description">{c.summary}</p>
                      <dl className="nhsuk-summary-list fp-consultation-facts">
                        <Fact label="Status"><StateTag state={c.state} />
                            {c.resultsPublished ? ' Results published' : ''}</Fact>
                        <Fact label="Dates">{inWords(c.opensOn)} to {inWords(c.closesOn)}</Fact>
                        <Fact label="Who it is for">{audienceText(c.audience)}</Fact>
                      </dl>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

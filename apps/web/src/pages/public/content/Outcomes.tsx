import type { PublicOutcome } from './types';

/** "We asked, you said, we did" for a part of the plan: what each consultation changed, or a plain sentence when nothing has yet. */
export function Outcomes({ outcomes, about }: { outcomes: PublicOutcome[]; about: string }) {
  return (
    <section aria-labelledby="outcomes-heading" data-testid="outcomes">
      <h2 id="outcomes-heading">We asked, you said, we did</h2>
      {outcomes.length === 0 ? (
        <p className="nhsuk-body" data-testid="outcomes-none">
          No consultation has changed {about} yet. When one does, we will say here what we asked, what you said and what we did. See <a href="/public/consultations">consultations</a> to have your say.
        </p>
      ) : (
        outcomes.map((o, i) => (
          <div className="nhsuk-card" key={`${o.consultationId}-${i}`} data-testid="outcome">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s">
                <a href={`/public/consultations/${encodeURIComponent(o.consultationId)}`}>{o.consultationTitle}</a>
              </h3>
              <dl className="fp-outcome">
                <dt>We asked</dt>
                <dd className="fp-plain-text">{o.weAsked}</dd>
                <dt>You said</dt>
                <dd className="fp-plain-text">{o.youSaid}</dd>
                <dt>We did</dt>
                <dd className="fp-plain-text">{o.weDid}</dd>
              </dl>
            </div>
          </div>
        ))
      )}
    </section>
  );
}

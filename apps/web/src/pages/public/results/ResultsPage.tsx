import type { ConsultationResults, QuestionSummary } from '@footprint/engage';
import { FiguresTable, Heading, Paragraphs } from './FiguresTable';
import { QuestionResults } from './QuestionResults';

const longDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const show = (c: number | '*') => (c === '*' ? '*' : c.toLocaleString('en-GB'));

/** "We asked, you said, we did" for one consultation. */
export function OutcomesList({ outcomes, level = 3 }: { outcomes: ConsultationResults['outcomes']; level?: number }) {
  if (outcomes.length === 0) return <p>The partnership has not yet said what it will change.</p>;
  return (
    <ol className="nhsuk-list fp-outcomes">
      {outcomes.map((o) => (
        <li key={o.position} className="nhsuk-card fp-outcome">
          <div className="nhsuk-card__content">
            <Heading level={level} className="nhsuk-heading-s">
              We asked
            </Heading>
            <Paragraphs text={o.weAsked} />
            <Heading level={level} className="nhsuk-heading-s">
              You said
            </Heading>
            <Paragraphs text={o.youSaid} />
            <Heading level={level} className="nhsuk-heading-s">
              We did
            </Heading>
            <Paragraphs text={o.weDid} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * A consultation's published results for the public: what people told us (each question's summary,
 * SVG bars and a table of the same published numbers, approved comments), who responded, "we
 * asked, you said, we did", themes not covered, and the report to download. Pure rendering.
 */
export function ResultsPage({ results, summaries, embedded = false }: { results: ConsultationResults; summaries: QuestionSummary[]; embedded?: boolean }) {
  const top = embedded ? 2 : 1;
  const c = results.consultation;
  const base = `/public/consultations/${encodeURIComponent(c.id)}`;
  return (
    <>
      <Heading level={top}>
        <span className="nhsuk-caption-l">Consultation results</span>
        {c.title}
      </Heading>
      <p className="nhsuk-lede-text">{c.summary}</p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Ran from</dt>
          <dd className="nhsuk-summary-list__value">
            {longDate(c.opensOn)} to {longDate(c.closesOn)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Responses</dt>
          <dd className="nhsuk-summary-list__value" data-testid="total-responses">
            {show(results.total)}
          </dd>
        </div>
        {results.publishedAt && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Results published</dt>
            <dd className="nhsuk-summary-list__value">{longDate(results.publishedAt)}</dd>
          </div>
        )}
      </dl>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{results.suppression}</p>
      </div>
      <p>
        Download the consultation report: <a href={`${base}/report.html`}>as a web page (HTML)</a> or <a href={`${base}/report.pdf`}>as a PDF</a>.
      </p>

      <Heading level={top + 1} id="we-asked-you-said-we-did">
        We asked, you said, we did
      </Heading>
      <OutcomesList outcomes={results.outcomes} level={top + 2} />

      <Heading level={top + 1}>What you told us</Heading>
      {results.questions.map((q, i) => (
        <QuestionResults key={q.id} question={q} summary={summaries[i]!} level={top + 2} />
      ))}

      <Heading level={top + 1}>Themes the questions did not cover</Heading>
      {results.themesNotCovered ? <Paragraphs text={results.themesNotCovered} /> : <p>None were recorded.</p>}

      {results.byGroup.length > 0 && (
        <>
          <Heading level={top + 1}>Who responded</Heading>
          <p>The questions about the people who responded were optional. We use the answers to see who has and has not been heard.</p>
          {results.byGroup.map((g) => (
            <details key={g.key} className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">{g.title}</span>
              </summary>
              <div className="nhsuk-details__text">
                <FiguresTable caption={g.title} first="Answer" options={g.options} />
              </div>
            </details>
          ))}
        </>
      )}
      <p className="nhsuk-body-s">
        <a href={base}>Back to the consultation</a>
      </p>
    </>
  );
}

/** The page shown when results are not (or no longer) published. */
export function ResultsNotPublished({ id }: { id: string }) {
  return (
    <>
      <h1>Results not published</h1>
      <p>The results of this consultation have not been published yet. They are published after the consultation closes and the comments have been checked.</p>
      <p>
        <a href={`/public/consultations/${encodeURIComponent(id)}`}>Back to the consultation</a>
      </p>
    </>
  );
}

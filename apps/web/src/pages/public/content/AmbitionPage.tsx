import { Outcomes } from './Outcomes';
import { StatusTag, ambitionGoalWords } from './PlanPages';
import { PublicSpc } from './PublicSpc';
import type { PublicAmbition, PublicIndicator } from './types';
import { figure, monthWords } from './words';

const POLARITY_WORDS: Record<PublicIndicator['polarity'], string> = {
  'RAG - High is good': 'Higher is better.',
  'RAG - Low is good': 'Lower is better.',
  'BOB - Blue orange blue': 'Higher is neither better nor worse.',
  'Not applicable': 'Higher is neither better nor worse.',
};

function Indicator({ indicator, suppressionWords }: { indicator: PublicIndicator; suppressionWords: string }) {
  const hiddenPlaces = indicator.places.filter((p) => p.latest?.suppressed).length;
  return (
    <section aria-labelledby={`indicator-${indicator.id}`} className="fp-indicator" data-testid="public-indicator" data-indicator={indicator.id}>
      <h3 id={`indicator-${indicator.id}`}>
        {indicator.name}
        {indicator.role === 'primary' ? <span className="nhsuk-caption-m">The main measure of this ambition</span> : <span className="nhsuk-caption-m">Another measure we watch</span>}
      </h3>
      <p className="nhsuk-body">
        {indicator.definition} {POLARITY_WORDS[indicator.polarity]}
      </p>
      <p className="nhsuk-body-s">Source: {indicator.source}</p>
      {indicator.synthetic && (
        <p className="nhsuk-body-s" data-testid="synthetic">
          These figures come from synthetic (made-up) people: the demonstration holds no real patients.
        </p>
      )}
      {indicator.spc === null && (
        <p className="nhsuk-body" data-testid="no-chart">
          {indicator.series.length === 0 ? 'There are no figures for this measure yet.' : indicator.suppressedCount > 0 ? 'There are too few figures we can show to draw a chart.' : 'There are too few figures yet to draw a chart.'}
        </p>
      )}
      <PublicSpc id={indicator.id} name={indicator.name} unit={indicator.unit} result={indicator.spc} series={indicator.series} suppressionWords={suppressionWords} />
      {indicator.places.some((p) => p.latest) && (
        <div className="fp-table-scroll" tabIndex={0} role="region" aria-label={`The latest figure in each place: ${indicator.name}`}>
          <table className="nhsuk-table" data-testid="places-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">The latest figure in each place</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Place
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Month
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Value
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {indicator.places.map((p) => (
                <tr key={p.code} className="nhsuk-table__row" data-suppressed={p.latest?.suppressed ? 'true' : undefined}>
                  <th scope="row" className="nhsuk-table__cell">
                    {p.name}
                  </th>
                  <td className="nhsuk-table__cell">{p.latest ? monthWords(p.latest.period) : ''}</td>
                  <td className="nhsuk-table__cell">{!p.latest ? 'No figure yet' : p.latest.suppressed ? 'Hidden (small number)' : p.latest.value === null ? 'No figure' : figure(p.latest.value, indicator.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hiddenPlaces > 0 && (
        <p className="nhsuk-body" data-testid="places-suppressed-note">
          {hiddenPlaces} place{hiddenPlaces === 1 ? '’s figure is' : 's’ figures are'} hidden. {suppressionWords}
        </p>
      )}
    </section>
  );
}

/** One ambition: what it means, how we are doing with its public indicators (SPC chart, icons in words, tables), and what consultations changed. */
export function AmbitionPage({ view }: { view: PublicAmbition }) {
  const a = view.ambition;
  return (
    <>
      <span className="nhsuk-caption-l">{a.gapLabel}</span>
      <h1>{a.statement}</h1>
      <section aria-labelledby="means-heading">
        <h2 id="means-heading">What this means</h2>
        <p className="nhsuk-body">
          This is one of the ambitions in our plan ({view.plan.version}). We measure it by {a.measure.charAt(0).toLowerCase() + a.measure.slice(1)}: we aim to go {ambitionGoalWords(a)}.
        </p>
        {a.trajectory.length > 0 && (
          <p className="nhsuk-body">
            On the way, we planned to reach {a.trajectory.map((t) => `${figure(t.value, a.unit)} by ${monthWords(t.period)}`).join(', ')}.
          </p>
        )}
        {a.illustrative && (
          <div className="nhsuk-inset-text" data-testid="illustrative">
            <p>{a.note ?? 'The figures for this ambition are illustrative.'}</p>
          </div>
        )}
      </section>
      <section aria-labelledby="progress-heading" data-testid="ambition-progress">
        <h2 id="progress-heading">How we are doing</h2>
        <p className="nhsuk-body">
          <StatusTag status={a.status} words={a.statusWords} />
        </p>
        <p className="nhsuk-body" data-testid="ambition-reason">
          {a.reason}
        </p>
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">How to read the charts</span>
          </summary>
          <div className="nhsuk-details__text">
            <p>Each chart is a statistical process control chart. It shows each month’s figure, the average, and the usual range either side of it (the process limits). A figure outside the usual range, or a run of figures on one side of the average, is unusual: something has changed.</p>
            <p>The first icon says whether anything has changed. The second says whether we can expect to meet the target if things carry on as they are. Each icon is explained in words next to it, and the table under each chart has the same figures.</p>
          </div>
        </details>
        {view.indicators.length === 0 && <p className="nhsuk-body">We do not publish figures for this ambition yet.</p>}
        {view.indicators.map((i) => (
          <Indicator key={i.id} indicator={i} suppressionWords={view.suppressionWords} />
        ))}
        {view.unpublished.length > 0 && (
          <div className="nhsuk-inset-text" data-testid="unpublished-indicators">
            <p>
              We also use {view.unpublished.map((u) => u.name).join(', ')}. {view.unpublished.length === 1 ? 'It is' : 'They are'} not published, so {view.unpublished.length === 1 ? 'its' : 'their'} figures are not shown here.
            </p>
          </div>
        )}
      </section>
      <Outcomes outcomes={view.outcomes} about="this ambition" />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ComparisonRow, IndicatorComparison } from '@footprint/performance';
import { useApi } from '../../api/useApi';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { FunnelPlot } from './FunnelPlot';
import { PerformanceNav } from './PerformanceNav';
import { formatValue, monthName } from './ScorecardParts';

interface IndicatorList {
  indicators: Array<{ id: string; name: string; latestPeriod: string | null }>;
}

const LEVELS = [
  ['places', 'Places of the footprint'],
  ['practices', 'Practices'],
  ['footprints', 'Footprints'],
] as const;

const COMPARISON_TAG: Record<string, string> = { Better: 'nhsuk-tag--green', Worse: 'nhsuk-tag--red', Similar: 'nhsuk-tag--yellow', Higher: 'nhsuk-tag--blue', Lower: 'nhsuk-tag--purple', 'Not compared': 'nhsuk-tag--grey' };

function ChooseComparison({ indicators, comparison }: { indicators: IndicatorList['indicators']; comparison: IndicatorComparison | null }) {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState({ indicator: params.get('indicator') ?? '', level: params.get('level') ?? 'places', place: params.get('place') ?? '', period: params.get('period') ?? '' });
  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = { indicator: form.indicator, level: form.level };
    if (form.level === 'practices' && form.place) next.place = form.place;
    if (form.period && form.indicator === params.get('indicator')) next.period = form.period;
    setParams(next);
  }
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form onSubmit={submit} data-testid="compare-form">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="compare-indicator">
          Indicator
        </label>
        <select className="nhsuk-select" id="compare-indicator" value={form.indicator} onChange={set('indicator')}>
          <option value="">Choose an indicator</option>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
              {i.latestPeriod ? '' : ' (no values yet)'}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="compare-level">
          Compare
        </label>
        <select className="nhsuk-select" id="compare-level" value={form.level} onChange={set('level')}>
          {LEVELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {form.level === 'practices' && comparison && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="compare-place">
            Practices in
          </label>
          <select className="nhsuk-select" id="compare-place" value={form.place} onChange={set('place')}>
            <option value="">Every place</option>
            {comparison.places.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {comparison && comparison.periods.length > 1 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="compare-period">
            Month
          </label>
          <select className="nhsuk-select" id="compare-period" value={form.period || comparison.period} onChange={set('period')}>
            {comparison.periods.map((p) => (
              <option key={p} value={p}>
                {monthName(p)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button className="nhsuk-button" type="submit" disabled={!form.indicator}>
        Compare
      </button>
    </form>
  );
}

const interval = (r: ComparisonRow, unit: string) => (r.lower95 === null || r.upper95 === null ? 'No interval' : `${formatValue(r.lower95, unit)} to ${formatValue(r.upper95, unit)}`);

function ComparisonView({ c }: { c: IndicatorComparison }) {
  const { unit } = c.indicator;
  const what = c.level === 'places' ? 'Places' : c.level === 'practices' ? `Practices${c.place ? ` in ${c.place.name}` : ''}` : 'Footprints';
  const title = `${c.indicator.name}: ${what.toLowerCase()}, ${monthName(c.period)}`;
  return (
    <section aria-labelledby="comparison-title" data-testid="comparison">
      <h2 id="comparison-title">{title}</h2>
      <p data-testid="comparison-benchmark">
        {c.benchmark ? `Benchmark: ${c.benchmark.name}, ${formatValue(c.benchmark.value, unit)}${c.benchmark.lower95 !== null && c.benchmark.upper95 !== null ? ` (95% CI ${formatValue(c.benchmark.lower95, unit)} to ${formatValue(c.benchmark.upper95, unit)})` : ''}.` : 'No benchmark value.'}{' '}
        Polarity: {c.indicator.polarity}.
      </p>
      {c.notes.map((n) => (
        <p key={n} className="nhsuk-body-s" data-testid="comparison-note">
          {n}
        </p>
      ))}
      {c.funnel && <FunnelPlot funnel={c.funnel} rows={c.rows} unit={unit} title={`Funnel plot of ${title}`} />}
      {c.rows.length > 0 && (
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={`${what} compared`}>
          <table className="nhsuk-table nhsuk-body-s" data-testid="comparison-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">
              {what} compared with {c.benchmark ? c.benchmark.name : 'no benchmark'} and on the funnel
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                {['Area', 'Value', '95% confidence interval', 'Numerator', 'Denominator', `Against ${c.benchmark?.name ?? 'the benchmark'}`, 'On the funnel'].map((h) => (
                  <th key={h} scope="col" className="nhsuk-table__header">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {c.rows.map((r) => (
                <tr key={r.area.code} className="nhsuk-table__row" data-testid="comparison-row" data-area={r.area.code} data-comparison={r.comparison}>
                  <th scope="row" className="nhsuk-table__header">
                    {r.area.name}
                    {r.synthetic ? <span className="nhsuk-body-s"> · Synthetic</span> : null}
                  </th>
                  <td className="nhsuk-table__cell">{formatValue(r.value, unit)}</td>
                  <td className="nhsuk-table__cell">
                    {interval(r, unit)}
                    {r.limitsComputed ? <span className="nhsuk-body-s"> (from the counts)</span> : null}
                  </td>
                  <td className="nhsuk-table__cell">{r.numerator?.toLocaleString('en-GB') ?? '–'}</td>
                  <td className="nhsuk-table__cell">{r.denominator?.toLocaleString('en-GB') ?? '–'}</td>
                  <td className="nhsuk-table__cell">
                    <strong className={`nhsuk-tag ${COMPARISON_TAG[r.comparison]}`}>{r.comparison}</strong>
                  </td>
                  <td className="nhsuk-table__cell">{r.significance ?? 'Not on the funnel'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How areas are compared</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{c.methods.benchmark}</p>
          <p>{c.methods.funnel}</p>
        </div>
      </details>
    </section>
  );
}

/** /performance/compare: an indicator's places, practices or footprints on a funnel plot and against the benchmark. */
export function ComparePage() {
  usePageTitle('Comparisons');
  const [params] = useSearchParams();
  const list = useApi<IndicatorList>('/performance/indicators');
  const indicator = params.get('indicator');
  const query = new URLSearchParams();
  for (const key of ['indicator', 'level', 'period', 'place']) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  if (indicator && !query.has('level')) query.set('level', 'places');
  const comparison = useApi<IndicatorComparison>(indicator ? `/performance/compare?${query.toString()}` : null);
  return (
    <>
      <PerformanceNav />
      <h1>Comparisons</h1>
      <p>Places with each other and with the footprint, practices within a place, and footprints with each other where their data is imported: on a funnel plot and by the confidence interval.</p>
      <Load state={list} what="the indicators">
        {(l) => <ChooseComparison key={params.toString()} indicators={l.indicators} comparison={indicator && comparison.status === 'ready' ? comparison.data : null} />}
      </Load>
      {indicator && (
        <Load state={comparison} what="the comparison">
          {(c) => <ComparisonView c={c} />}
        </Load>
      )}
    </>
  );
}

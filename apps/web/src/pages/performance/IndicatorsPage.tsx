import { Link } from 'react-router-dom';
import type { IndicatorSummaryView } from '@footprint/performance';
import { useApi } from '../../api/useApi';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { PerformanceNav } from './PerformanceNav';
import { INDICATOR_GAP_LABELS, INDICATOR_GAPS, periodLabel, polarityWords, SyntheticTag, valueWithInterval } from './IndicatorTags';

/** What GET /api/performance/indicators answers. */
interface IndicatorList {
  footprint: { onsCode: string; name: string } | null;
  indicators: IndicatorSummaryView[];
}

export const indicatorPath = (id: string) => `/performance/indicators/${encodeURIComponent(id)}`;

function LatestValue({ indicator }: { indicator: IndicatorSummaryView }) {
  const latest = indicator.latestFootprintValue;
  if (!latest) return <>{indicator.latestPeriod ? `No footprint value (latest values ${periodLabel(indicator.latestPeriod)})` : 'No values yet'}</>;
  return (
    <>
      <span data-testid="latest-value">{valueWithInterval(latest, indicator.unit)}</span>
      <br />
      <span className="nhsuk-body-s">{periodLabel(latest.period)}</span> <SyntheticTag shown={latest.synthetic} />
    </>
  );
}

function GapTable({ gap, indicators, footprintName }: { gap: IndicatorSummaryView['gap']; indicators: IndicatorSummaryView[]; footprintName: string }) {
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby={`gap-${gap}`} data-testid="indicator-gap">
      <h2 id={`gap-${gap}`}>{INDICATOR_GAP_LABELS[gap]}</h2>
      <div className="nhsuk-table-container">
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Indicators of the {INDICATOR_GAP_LABELS[gap].toLowerCase()}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Better when</th>
              <th scope="col">Latest for {footprintName}</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {indicators.map((i) => (
              <tr key={i.id} data-testid="indicator-row" data-indicator={i.id}>
                <td>
                  <Link to={indicatorPath(i.id)}>{i.name}</Link>
                  <details className="nhsuk-details nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2">
                    <summary className="nhsuk-details__summary">
                      <span className="nhsuk-details__summary-text">
                        Definition<span className="nhsuk-u-visually-hidden"> of {i.name}</span>
                      </span>
                    </summary>
                    <div className="nhsuk-details__text">
                      <p>{i.definition}</p>
                    </div>
                  </details>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Source: {i.source}</p>
                </td>
                <td>{polarityWords(i.polarity)}</td>
                <td>
                  <LatestValue indicator={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** /performance/indicators: the catalogue by triple-aim gap, each with its definition, source, polarity and latest footprint value. */
export function IndicatorsPage() {
  usePageTitle('Indicators');
  const list = useApi<IndicatorList>('/api/performance/indicators');
  return (
    <>
      <PerformanceNav />
      <Load state={list} what="the indicators">
        {(data) => {
          const footprintName = data.footprint?.name ?? 'the footprint';
          const synthetic = data.indicators.some((i) => i.latestFootprintValue?.synthetic);
          return (
            <>
              <h1>
                <span className="nhsuk-caption-l">{footprintName}</span>
                Indicators
              </h1>
              <p>
                Every indicator the plan is measured by, grouped by the gap of the triple aim it closes. Open one for its values for the footprint, its places and practices, charted
                with statistical process control.
              </p>
              {synthetic && (
                <div className="nhsuk-inset-text">
                  <span className="nhsuk-u-visually-hidden">Information: </span>
                  <p>
                    Values tagged <SyntheticTag /> are made up for the demo: the national statistics (A&amp;E, waiting times, cancer, finance) are not in the shared care record.
                  </p>
                </div>
              )}
              {INDICATOR_GAPS.map((gap) => (
                <GapTable key={gap} gap={gap} indicators={data.indicators.filter((i) => i.gap === gap)} footprintName={footprintName} />
              ))}
              <p>
                <a href="/api/performance/indicators/export.csv" download>
                  Download every value as CSV
                </a>{' '}
                (long format: one row per indicator, area, breakdown and month).
              </p>
            </>
          );
        }}
      </Load>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { IndicatorAreaView, IndicatorDetailView, IndicatorSpcView } from '@footprint/performance';
import { useApi } from '../../api/useApi';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { PerformanceNav } from './PerformanceNav';
import { SpcChart } from './SpcChart';
import { INDICATOR_GAP_LABELS, methodWords, periodLabel, polarityWords, SyntheticTag } from './IndicatorTags';

/** What GET /api/performance/indicators/:id/spc answers. */
interface SpcAnswer extends IndicatorSpcView {
  areaName: string | null;
}

const AREA_GROUPS: Array<[IndicatorAreaView['areaType'], string]> = [
  ['footprint', 'Footprint'],
  ['place', 'Places'],
  ['practice', 'Practices'],
  ['england', 'England'],
];

const breakdownLabel = (b: string) => (b === '' ? 'Everyone' : b.replace(':', ': ').replace(/_/g, ' '));
const areaLabel = (a: IndicatorAreaView) => a.name ?? a.areaCode;

/** Chooses the area and breakdown to chart; a GET form, so the choice is in the address. */
function AreaPicker({ areas, area, breakdown, ambition }: { areas: IndicatorAreaView[]; area: string; breakdown: string; ambition: string | null }) {
  const navigate = useNavigate();
  const [chosenArea, setChosenArea] = useState(area);
  const [chosenBreakdown, setChosenBreakdown] = useState(breakdown);
  const breakdowns = areas.find((a) => a.areaCode === chosenArea)?.breakdowns ?? [''];
  function submit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ area: chosenArea });
    if (chosenBreakdown && breakdowns.includes(chosenBreakdown)) params.set('breakdown', chosenBreakdown);
    if (ambition) params.set('ambition', ambition);
    void navigate(`?${params.toString()}`);
  }
  return (
    <form onSubmit={submit} data-testid="area-picker" className="nhsuk-u-margin-bottom-4">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="indicator-area">
          Area
        </label>
        <select className="nhsuk-select" id="indicator-area" name="area" value={chosenArea} onChange={(e) => setChosenArea(e.target.value)}>
          {AREA_GROUPS.map(([type, label]) => {
            const inGroup = areas.filter((a) => a.areaType === type);
            if (inGroup.length === 0) return null;
            return (
              <optgroup key={type} label={label}>
                {inGroup.map((a) => (
                  <option key={a.areaCode} value={a.areaCode}>
                    {areaLabel(a)}
                    {a.name ? ` (${a.areaCode})` : ''}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="indicator-breakdown">
          Breakdown
        </label>
        <select className="nhsuk-select" id="indicator-breakdown" name="breakdown" value={breakdowns.includes(chosenBreakdown) ? chosenBreakdown : ''} onChange={(e) => setChosenBreakdown(e.target.value)}>
          {breakdowns.map((b) => (
            <option key={b} value={b}>
              {breakdownLabel(b)}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
        Show this area
      </button>
    </form>
  );
}

/** Says the chart is judged against an ambition's trajectory, with the way back to the ambition and to the catalogue's target. */
function AmbitionNote({ answer, indicatorId }: { answer: SpcAnswer; indicatorId: string }) {
  const { ambition } = answer;
  if (!ambition) return null;
  const params = new URLSearchParams({ area: answer.areaCode });
  if (answer.breakdown) params.set('breakdown', answer.breakdown);
  return (
    <div className="nhsuk-inset-text" data-testid="spc-ambition">
      <p>
        Judged against the plan’s ambition <Link to={`/performance/ambitions/${encodeURIComponent(ambition.id)}?area=${encodeURIComponent(answer.areaCode)}`}>{ambition.statement}</Link>: each month’s
        trajectory is the scorecard’s own, interpolated between the plan’s baseline, trajectory points and target, and improvement is the way the plan wants the measure to go.
        {ambition.scaleWords ? ` ${ambition.scaleWords}` : ''}
      </p>
      <p className="nhsuk-u-margin-bottom-0">
        <Link to={`/performance/indicators/${encodeURIComponent(indicatorId)}?${params.toString()}`}>Show the chart against the catalogue’s target instead</Link>
      </p>
    </div>
  );
}

function Chart({ detail, area, breakdown, ambition }: { detail: IndicatorDetailView; area: string; breakdown: string; ambition: string | null }) {
  const { indicator } = detail;
  const params = new URLSearchParams({ area });
  if (breakdown) params.set('breakdown', breakdown);
  if (ambition) params.set('ambition', ambition);
  const state = useApi<SpcAnswer>(`/performance/indicators/${encodeURIComponent(indicator.id)}/spc?${params.toString()}`);
  return (
    <Load state={state} what="the chart">
      {(answer) => {
        const where = answer.areaName ?? answer.areaCode;
        const name = `${indicator.name}, ${where}${breakdown ? `, ${breakdownLabel(breakdown)}` : ''}`;
        return (
          <section aria-labelledby="spc-heading" data-testid="indicator-chart">
            <h2 id="spc-heading">
              {where}
              {breakdown ? `: ${breakdownLabel(breakdown)}` : ''} <SyntheticTag shown={answer.synthetic} />
            </h2>
            <AmbitionNote answer={answer} indicatorId={indicator.id} />
            {answer.spc ? (
              <SpcChart
                result={answer.spc}
                unit={answer.unit}
                name={answer.ambition ? `${name}, against the ambition’s trajectory` : name}
                csvName={`${indicator.id}-${answer.areaCode}-spc`}
                targetLabel={answer.ambition ? 'Trajectory' : 'Target'}
              />
            ) : (
              <p className="nhsuk-body" data-testid="spc-reason">
                {answer.reason}
              </p>
            )}
            <p>
              <a href={`/api/performance/indicators/export.csv?indicator=${encodeURIComponent(indicator.id)}&area=${encodeURIComponent(answer.areaCode)}`} download data-testid="values-csv">
                Download the values for {where} as CSV
              </a>{' '}
              (long format, with numerators, denominators and confidence limits)
            </p>
          </section>
        );
      }}
    </Load>
  );
}

function Definition({ detail }: { detail: IndicatorDetailView }) {
  const { indicator } = detail;
  const rows: Array<[string, string]> = [
    ['Definition', indicator.definition],
    ['Source', indicator.source],
    ['Method', methodWords(indicator)],
    ['Better when', polarityWords(indicator.polarity)],
    ['Unit', indicator.unit],
    ['Target', indicator.target ? `${indicator.target.value}${indicator.unit === '%' ? '%' : ` ${indicator.unit}`} by ${periodLabel(indicator.target.period)}` : 'None set'],
    ['Gap of the triple aim', INDICATOR_GAP_LABELS[indicator.gap]],
  ];
  return (
    <dl className="nhsuk-summary-list" data-testid="indicator-definition">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** /performance/indicators/:indicatorId: the definition, an area and breakdown picker, and the SPC chart with its icons and table. */
export function IndicatorPage() {
  const { indicatorId = '' } = useParams();
  const [search] = useSearchParams();
  const detail = useApi<IndicatorDetailView>(`/performance/indicators/${encodeURIComponent(indicatorId)}`);
  usePageTitle(detail.status === 'ready' ? detail.data.indicator.name : 'Indicator');
  return (
    <>
      <PerformanceNav />
      <Load state={detail} what="the indicator">
        {(data) => {
          const area = search.get('area') ?? data.areas.find((a) => a.areaType === 'footprint')?.areaCode ?? data.areas[0]?.areaCode ?? null;
          const breakdown = search.get('breakdown') ?? '';
          const ambition = search.get('ambition');
          return (
            <>
              <h1>
                <span className="nhsuk-caption-l">
                  <Link to="/performance/indicators">Indicators</Link>
                </span>
                {data.indicator.name}
              </h1>
              <Definition detail={data} />
              {area === null ? (
                <p data-testid="spc-reason">There are no values for this indicator yet.</p>
              ) : (
                <>
                  <AreaPicker key={`${area}|${breakdown}|${ambition ?? ''}`} areas={data.areas} area={area} breakdown={breakdown} ambition={ambition} />
                  <Chart key={`${area}|${breakdown}|${ambition ?? ''}`} detail={data} area={area} breakdown={breakdown} ambition={ambition} />
                </>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}

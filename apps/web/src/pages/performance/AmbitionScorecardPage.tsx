import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { AmbitionDrillDown, DrillDownCell, DrillDownIndicator } from '@footprint/performance';
import { useApi } from '../../api/useApi';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { PerformanceNav } from './PerformanceNav';
import { CellIcons, formatValue, GapText, monthName, StatusTag, TrendText } from './ScorecardParts';

function AreaRows({ cells, unit, primary }: { cells: DrillDownCell[]; unit: string; primary: boolean }) {
  return (
    <>
      {cells.map((c) => (
        <tr key={`${c.area.type}-${c.area.code}`} className="nhsuk-table__row" data-testid="drill-area" data-area={c.area.code}>
          <th scope="row" className="nhsuk-table__header">
            {c.area.name}
            <br />
            <span className="nhsuk-body-s">{c.area.type === 'footprint' ? 'Footprint' : c.area.type === 'place' ? 'Place' : `Practice ${c.area.code}`}</span>
          </th>
          <td className="nhsuk-table__cell">
            {c.latest ? formatValue(c.latest.value, unit) : 'No data yet'}
            <br />
            <span className="nhsuk-body-s">
              {monthName(c.latest?.period)}
              {c.latest?.synthetic ? ' · Synthetic' : ''}
            </span>
          </td>
          {primary && <td className="nhsuk-table__cell">{c.trajectory ? formatValue(c.trajectory.value, unit) : '–'}</td>}
          {primary && (
            <td className="nhsuk-table__cell">
              <GapText cell={c} unit={unit} />
            </td>
          )}
          <td className="nhsuk-table__cell">
            <CellIcons cell={c} />
          </td>
          <td className="nhsuk-table__cell">
            <TrendText trend={c.trend} />
          </td>
          {primary && <td className="nhsuk-table__cell">{c.status ? <StatusTag status={c.status} /> : null}</td>}
          <td className="nhsuk-table__cell">
            <Link to={c.href} data-testid="drill-chart-link">
              SPC chart<span className="nhsuk-u-visually-hidden"> for {c.area.name}</span>
            </Link>
          </td>
        </tr>
      ))}
    </>
  );
}

function IndicatorSection({ indicator: i, unit, ambitionId }: { indicator: DrillDownIndicator; unit: string; ambitionId: string }) {
  const primary = i.ref.role === 'primary';
  // A primary indicator reads in the ambition's units; a supporting one in its own.
  const shownUnit = primary ? unit : i.ref.unit;
  const headers = ['Area', 'Latest', ...(primary ? ['Trajectory', 'Gap to trajectory'] : []), 'Variation and assurance', 'Trend (12 months)', ...(primary ? ['Status'] : []), 'Chart'];
  const table = (cells: DrillDownCell[], caption: string, testId: string) => (
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
      <table className="nhsuk-table nhsuk-body-s" data-testid={testId}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="nhsuk-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          <AreaRows cells={cells} unit={shownUnit} primary={primary} />
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby={`indicator-${i.ref.id}`} data-testid="drill-indicator" data-indicator={i.ref.id} data-role={i.ref.role}>
      <h2 id={`indicator-${i.ref.id}`}>
        {i.ref.name} <span className="nhsuk-caption-m">{primary ? 'Primary indicator' : 'Supporting indicator'}</span>
      </h2>
      {i.definition && <p className="nhsuk-body-s">{i.definition.definition}</p>}
      <p className="nhsuk-body-s">
        <Link to={`/performance/indicators/${encodeURIComponent(i.ref.id)}`}>The indicator’s page</Link> ·{' '}
        {primary && (
          <>
            <Link to={`/performance/indicators/${encodeURIComponent(i.ref.id)}?area=${encodeURIComponent(i.footprint.area.code)}&ambition=${encodeURIComponent(ambitionId)}`} data-testid="drill-trajectory-chart">
              SPC chart against this ambition’s trajectory
            </Link>{' '}
            ·
          </>
        )} <Link to={`/performance/compare?indicator=${encodeURIComponent(i.ref.id)}&level=places`}>Compare places</Link>
      </p>
      {table([i.footprint, ...i.places], `${i.ref.name}: the footprint and its places`, 'drill-places')}
      {i.practices.length > 0 ? table(i.practices, `${i.ref.name}: practices`, 'drill-practices') : <p className="nhsuk-body-s">No practice values for this indicator.</p>}
    </section>
  );
}

function DrillDown({ d, area }: { d: AmbitionDrillDown; area: string | null }) {
  const a = d.ambition;
  const cell = (area && a.places.find((p) => p.area.code === area)) || a.footprint;
  return (
    <>
      <span className="nhsuk-caption-l">{a.gap.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}</span>
      <h1>{a.statement}</h1>
      <p>{a.measure}</p>
      <dl className="nhsuk-summary-list" data-testid="drill-summary">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Baseline → target</dt>
          <dd className="nhsuk-summary-list__value">
            {formatValue(a.baseline.value, a.unit)} ({monthName(a.baseline.period)}) → {formatValue(a.target.value, a.unit)} ({monthName(a.target.period)}){a.illustrative ? ' · illustrative figures' : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status for {cell.area.name}</dt>
          <dd className="nhsuk-summary-list__value">
            <StatusTag status={cell.status} /> <span data-testid="drill-reason">{cell.reason}</span>
          </dd>
        </div>
        {a.scaleWords && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Units</dt>
            <dd className="nhsuk-summary-list__value">{a.scaleWords}</dd>
          </div>
        )}
      </dl>
      {d.indicators.length === 0 && <p>The ambition links no indicators yet.</p>}
      {d.indicators.map((i) => (
        <IndicatorSection key={i.ref.id} indicator={i} unit={a.unit} ambitionId={a.id} />
      ))}
    </>
  );
}

/** /performance/ambitions/:ambitionId: an ambition, its indicators, and every place and practice, each linking to its SPC chart. */
export function AmbitionScorecardPage() {
  const { ambitionId = '' } = useParams();
  const [params] = useSearchParams();
  const state = useApi<AmbitionDrillDown>(`/performance/scorecard/ambitions/${encodeURIComponent(ambitionId)}`);
  usePageTitle(state.status === 'ready' ? state.data.ambition.statement : 'Ambition');
  return (
    <>
      <PerformanceNav />
      <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
        <ol className="nhsuk-breadcrumb__list">
          <li className="nhsuk-breadcrumb__item">
            <Link className="nhsuk-breadcrumb__link" to="/performance">
              The plan's scorecard
            </Link>
          </li>
        </ol>
      </nav>
      <Load state={state} what="the ambition">
        {(d) => <DrillDown d={d} area={params.get('area')} />}
      </Load>
    </>
  );
}

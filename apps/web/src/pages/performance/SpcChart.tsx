import { useId } from 'react';
import type { SpcPointResult, SpcResult } from '@footprint/performance';
import { FigureTable, type Column } from '../../components/FigureTable';
import { SPC_COLOURS, SPC_TEXT_COLOURS, SpcIcons, assuranceWords, pointTypeColour, pointTypeWords, ruleWords, variationWords } from './SpcIcons';

/**
 * A statistical process control chart (XmR, Making Data Count style) drawn as plain SVG from an
 * SpcResult: the values joined by a line with each point coloured by its type, the mean and the
 * process limits per rebase group, the target or trajectory, and the variation and assurance
 * icons with their words. The figure's caption says in words what the chart shows, and the same
 * points are in a table beside it, so nothing depends on seeing the chart. Props only, so the
 * indicator page, the scorecard and the board report share it.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-03-01" → "Mar 2024". */
export function monthLabel(date: string): string {
  const [year, month] = date.split('-');
  const index = Number(month) - 1;
  return index >= 0 && index < 12 ? `${MONTHS[index]} ${year}` : date;
}

/** A value with its unit: "76.4%", "12.3 per 1,000". */
export function formatSpcValue(value: number | null, unit: string, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return '';
  const number = value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (unit === '' || unit === 'count') return number;
  if (unit.startsWith('£ ')) return `${value < 0 ? '−' : ''}£${number.replace('-', '')} ${unit.slice(2)}`;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** The chart in words: what a screen-reader user hears, and what the figure's caption shows. */
export function describeSpc(result: SpcResult, unit: string, name: string, decimals = 1): string {
  const points = result.points;
  if (points.length === 0) return `${name}: no values to chart.`;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const fmt = (v: number | null) => formatSpcValue(v, unit, decimals);
  const count = (type: string) => points.filter((p) => p.pointType === type).length;
  const improvement = count('special_cause_improvement');
  const concern = count('special_cause_concern');
  const neutral = points.filter((p) => p.pointType.startsWith('special_cause_neutral')).length;
  const groups = new Set(points.map((p) => p.group)).size;
  const parts = [
    `Statistical process control chart of ${name}: ${points.length} monthly values from ${monthLabel(first.date)} to ${monthLabel(last.date)}.`,
    `The latest value is ${fmt(last.value)} in ${monthLabel(last.date)}, against a mean of ${fmt(last.mean)} with process limits from ${fmt(last.lpl)} to ${fmt(last.upl)}.`,
    groups > 1 ? `The limits are recalculated ${groups - 1} time${groups > 2 ? 's' : ''}.` : '',
    improvement + concern + neutral === 0
      ? 'No point shows special cause variation.'
      : `${improvement + concern + neutral} point${improvement + concern + neutral === 1 ? ' shows' : 's show'} special cause variation` +
        ` (${[improvement ? `${improvement} improvement` : '', concern ? `${concern} concern` : '', neutral ? `${neutral} neutral` : ''].filter(Boolean).join(', ')}).`,
    `Variation: ${variationWords(result.variation)}.`,
    last.target !== null ? `Target ${fmt(last.target)}. Assurance: ${assuranceWords(result.assurance)}.` : 'No target.',
  ];
  return parts.filter(Boolean).join(' ');
}

const WIDTH = 760;
const HEIGHT = 340;
const MARGIN = { top: 16, right: 20, bottom: 52, left: 72 };

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step / 1e6; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Runs of consecutive points for which `pick` gives a number, so lines break at gaps and at rebases. */
function segments(points: SpcPointResult[], pick: (p: SpcPointResult) => number | null, byGroup: boolean): Array<Array<{ i: number; v: number }>> {
  const runs: Array<Array<{ i: number; v: number }>> = [];
  let current: Array<{ i: number; v: number }> = [];
  points.forEach((p, i) => {
    const v = pick(p);
    const breaks = v === null || (byGroup && i > 0 && points[i - 1]!.group !== p.group);
    if (breaks && current.length > 0) {
      runs.push(current);
      current = [];
    }
    if (v !== null) current.push({ i, v });
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

function SpcSvg({ result, unit, decimals, labelId }: { result: SpcResult; unit: string; decimals: number; labelId: string }) {
  const points = result.points;
  const values = points.flatMap((p) => [p.value, p.lpl, p.upl, ...(p.target === null ? [] : [p.target])]).filter(Number.isFinite);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.06;
  const ticks = niceTicks(low - pad, high + pad);
  const yMin = Math.min(low - pad, ticks[0]!);
  const yMax = Math.max(high + pad, ticks[ticks.length - 1]!);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i: number) => MARGIN.left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => MARGIN.top + (1 - (v - yMin) / (yMax - yMin)) * plotH;
  const path = (run: Array<{ i: number; v: number }>) => run.map((r) => `${x(r.i).toFixed(1)},${y(r.v).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  const rebases = points.map((p, i) => ({ p, i })).filter(({ p, i }) => i > 0 && points[i - 1]!.group !== p.group);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={labelId} data-testid="spc-chart-svg" style={{ maxWidth: WIDTH, display: 'block' }}>
      <rect x={MARGIN.left} y={MARGIN.top} width={plotW} height={plotH} fill="#ffffff" stroke="#d8dde0" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={y(t)} y2={y(t)} stroke="#e8edee" />
          <text x={MARGIN.left - 8} y={y(t) + 4} textAnchor="end" fontSize={13} fill="#212b32">
            {formatSpcValue(t, unit === '%' ? '%' : '', Number.isInteger(t) ? 0 : decimals)}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % labelEvery === 0 ? (
          <text key={p.date} x={x(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="end" fontSize={12} fill="#212b32" transform={`rotate(-35 ${x(i)} ${HEIGHT - MARGIN.bottom + 18})`}>
            {monthLabel(p.date)}
          </text>
        ) : null,
      )}
      {rebases.map(({ p, i }) => (
        <line key={`rebase-${p.date}`} x1={(x(i) + x(i - 1)) / 2} x2={(x(i) + x(i - 1)) / 2} y1={MARGIN.top} y2={MARGIN.top + plotH} stroke="#4c6272" strokeDasharray="2 3" data-testid="spc-rebase" />
      ))}
      {segments(points, (p) => p.upl, true).map((run, k) => (
        <polyline key={`upl-${k}`} points={path(run)} fill="none" stroke="#4c6272" strokeWidth={1.5} strokeDasharray="6 4" />
      ))}
      {segments(points, (p) => p.lpl, true).map((run, k) => (
        <polyline key={`lpl-${k}`} points={path(run)} fill="none" stroke="#4c6272" strokeWidth={1.5} strokeDasharray="6 4" />
      ))}
      {segments(points, (p) => p.mean, true).map((run, k) => (
        <polyline key={`mean-${k}`} points={path(run)} fill="none" stroke="#212b32" strokeWidth={1.5} />
      ))}
      {segments(points, (p) => p.target, false).map((run, k) => (
        <polyline key={`target-${k}`} points={path(run)} fill="none" stroke={SPC_COLOURS.target} strokeWidth={2} strokeDasharray="2 3" data-testid="spc-target-line" />
      ))}
      <polyline points={path(points.map((p, i) => ({ i, v: p.value })))} fill="none" stroke={SPC_COLOURS.common} strokeWidth={2} />
      {points.map((p, i) => (
        <circle
          key={p.date}
          cx={x(i)}
          cy={y(p.value)}
          r={p.pointType === 'common_cause' ? 4 : 5.5}
          fill={pointTypeColour(p.pointType)}
          stroke={p.pointType === 'common_cause' ? '#768692' : '#212b32'}
          strokeWidth={1}
          data-point-type={p.pointType}
        >
          <title>{`${monthLabel(p.date)}: ${formatSpcValue(p.value, unit, decimals)}, ${pointTypeWords(p.pointType)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

function Swatch({ colour, dashed, dot }: { colour: string; dashed?: string; dot?: boolean }) {
  return (
    <svg width={28} height={14} aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle', marginRight: 6 }}>
      {dot ? <circle cx={14} cy={7} r={5} fill={colour} stroke="#212b32" strokeWidth={1} /> : <line x1={1} x2={27} y1={7} y2={7} stroke={colour} strokeWidth={2} strokeDasharray={dashed} />}
    </svg>
  );
}

function Legend({ hasTarget, targetLabel }: { hasTarget: boolean; targetLabel: string }) {
  const items: Array<[React.ReactNode, string]> = [
    [<Swatch key="c" colour={SPC_COLOURS.common} dot />, 'Common cause'],
    [<Swatch key="i" colour={SPC_COLOURS.improvement} dot />, 'Special cause: improvement'],
    [<Swatch key="o" colour={SPC_COLOURS.concern} dot />, 'Special cause: concern'],
    [<Swatch key="n" colour={SPC_COLOURS.neutral} dot />, 'Special cause: neutral'],
    [<Swatch key="m" colour="#212b32" />, 'Mean'],
    [<Swatch key="l" colour="#4c6272" dashed="6 4" />, 'Process limits'],
  ];
  if (hasTarget) items.push([<Swatch key="t" colour={SPC_TEXT_COLOURS.target} dashed="2 3" />, targetLabel]);
  return (
    <ul className="nhsuk-list" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem', fontSize: '1rem' }} data-testid="spc-legend">
      {items.map(([swatch, words]) => (
        <li key={words} style={{ marginBottom: 0 }}>
          {swatch}
          {words}
        </li>
      ))}
    </ul>
  );
}

/** The table of the chart's points: date, value, mean, limits, target, point type and rule in words. */
export function SpcTable({ result, unit, caption, decimals = 1, csvName, targetLabel = 'Target' }: { result: SpcResult; unit: string; caption: string; decimals?: number; csvName?: string; targetLabel?: string }) {
  const fmt = (v: number | null) => formatSpcValue(v, unit, decimals);
  const raw = (v: number | null) => (v === null ? null : Number(v.toFixed(6)));
  const columns: Column<SpcPointResult>[] = [
    { key: 'date', header: 'Month', render: (p) => monthLabel(p.date), csv: (p) => p.date, nowrap: true },
    { key: 'value', header: 'Value', render: (p) => fmt(p.value), csv: (p) => raw(p.value), numeric: true },
    { key: 'mean', header: 'Mean', render: (p) => fmt(p.mean), csv: (p) => raw(p.mean), numeric: true },
    { key: 'lpl', header: 'Lower process limit', render: (p) => fmt(p.lpl), csv: (p) => raw(p.lpl), numeric: true },
    { key: 'upl', header: 'Upper process limit', render: (p) => fmt(p.upl), csv: (p) => raw(p.upl), numeric: true },
    { key: 'target', header: targetLabel, render: (p) => fmt(p.target), csv: (p) => raw(p.target), numeric: true },
    { key: 'pointType', header: 'Point type', render: (p) => pointTypeWords(p.pointType), csv: (p) => p.pointType },
    { key: 'rule', header: 'Rule', render: (p) => ruleWords(p.rule), csv: (p) => p.rule },
  ];
  return <FigureTable caption={caption} columns={columns} rows={result.points} csvName={csvName} testId="spc-table" />;
}

/**
 * The SPC chart as a figure: icons with words, the SVG (labelled by the caption in words), a
 * legend, any warnings, and (unless `table` is false) the table of the same points.
 */
export function SpcChart({
  result,
  unit,
  name,
  decimals = 1,
  table = true,
  csvName,
  targetLabel = 'Target',
}: {
  result: SpcResult;
  unit: string;
  /** What is charted, e.g. "A&E attendances seen within four hours, Cheshire and Merseyside". */
  name: string;
  decimals?: number;
  table?: boolean;
  csvName?: string;
  /** What the target line is called: "Target", or "Trajectory" when it is a plan's trajectory. */
  targetLabel?: string;
}) {
  const captionId = useId();
  const description = describeSpc(result, unit, name, decimals);
  const hasTarget = result.points.some((p) => p.target !== null);
  return (
    <div className="footprint-spc" data-testid="spc-chart" data-variation={result.variation} data-assurance={result.assurance ?? 'none'}>
      <p className="nhsuk-body">
        <SpcIcons variation={result.variation} assurance={result.assurance} />
      </p>
      {result.warnings.length > 0 && (
        <div className="nhsuk-inset-text" data-testid="spc-warnings">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {result.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      )}
      <figure style={{ margin: 0 }}>
        {result.points.length > 0 && <SpcSvg result={result} unit={unit} decimals={decimals} labelId={captionId} />}
        <figcaption id={captionId} className="nhsuk-body-s" data-testid="spc-description">
          {description}
        </figcaption>
      </figure>
      {result.points.length > 0 && <Legend hasTarget={hasTarget} targetLabel={targetLabel} />}
      {table && result.points.length > 0 && <SpcTable result={result} unit={unit} caption={`The chart's points: ${name}`} decimals={decimals} csvName={csvName} targetLabel={targetLabel} />}
    </div>
  );
}

import type { ComparisonRow, FunnelLine, FunnelPlot as Funnel } from '@footprint/performance';
import { formatValue } from './ScorecardParts';

const W = 720;
const H = 380;
const M = { top: 16, right: 24, bottom: 48, left: 72 };

/** Round numbers for an axis from low to high, about five of them. */
function ticks(low: number, high: number): number[] {
  const span = high - low || 1;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= 6) ?? step * 10;
  const out: number[] = [];
  for (let t = Math.ceil(low / nice) * nice; t <= high + 1e-9; t += nice) out.push(Number(t.toPrecision(12)));
  return out;
}

/** Which way a point stands out: its shape and colour say the same as its words in the table. */
function markOf(significance: ComparisonRow['significance']): { shape: 'up' | 'down' | 'circle'; fill: string } {
  if (significance?.startsWith('High')) return { shape: 'up', fill: '#005eb8' };
  if (significance?.startsWith('Low')) return { shape: 'down', fill: '#a14b00' };
  return { shape: 'circle', fill: '#4c6272' };
}

/**
 * The funnel plot as an SVG image with a text alternative: the 95% and 99.8% limits around the
 * average, and one point per area (up-triangles high, down-triangles low, circles not
 * significant). The table beside it has every number.
 */
export function FunnelPlot({ funnel, rows, unit, title }: { funnel: Funnel; rows: ComparisonRow[]; unit: string; title: string }) {
  const points = rows.filter((r) => r.funnelX !== null);
  const lines = [funnel.lower95, funnel.upper95, funnel.lower998, funnel.upper998];
  const ysPoints = points.map((r) => r.value);
  const xMax = Math.max(...points.map((r) => r.funnelX as number)) * 1.1;
  const xMin = 0;
  // The y range: the points and the 95% lines where they are beside the points, so tiny denominators' wide limits do not squash the plot.
  const near = lines.flat().filter((p) => p[0] >= Math.min(...points.map((r) => r.funnelX as number)) * 0.5);
  const ys = [...ysPoints, ...near.map((p) => p[1]), funnel.average];
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  const pad = (yMax - yMin) * 0.1 || 1;
  yMin -= pad;
  yMax += pad;
  const x = (v: number) => M.left + ((v - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - yMin) / (yMax - yMin)) * (H - M.top - M.bottom);
  const path = (line: FunnelLine) =>
    line
      .filter(([px]) => px <= xMax && px > 0)
      .map(([px, py]) => `${x(px).toFixed(1)},${y(Math.max(yMin, Math.min(yMax, py))).toFixed(1)}`)
      .join(' ');
  const high = rows.filter((r) => r.significance?.startsWith('High')).length;
  const low = rows.filter((r) => r.significance?.startsWith('Low')).length;
  const description = `${points.length} areas against an average of ${formatValue(funnel.average, unit)}: ${high} above the 95% limit, ${low} below it, ${points.length - high - low} within. The table below gives every value.`;
  return (
    <figure className="nhsuk-u-margin-0" data-testid="funnel-plot">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="funnel-title funnel-desc" style={{ maxWidth: W }}>
        <title id="funnel-title">{title}</title>
        <desc id="funnel-desc">{description}</desc>
        <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} fill="#fff" stroke="#d8dde0" />
        {ticks(yMin, yMax).map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e8edee" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill="#212b32">
              {t.toLocaleString('en-GB')}
            </text>
          </g>
        ))}
        {ticks(xMin, xMax).map((t) => (
          <text key={`x${t}`} x={x(t)} y={H - M.bottom + 18} textAnchor="middle" fontSize={12} fill="#212b32">
            {t.toLocaleString('en-GB')}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" fontSize={13} fill="#212b32">
          {funnel.xLabel}
        </text>
        <text x={16} y={(M.top + H - M.bottom) / 2} textAnchor="middle" fontSize={13} fill="#212b32" transform={`rotate(-90 16 ${(M.top + H - M.bottom) / 2})`}>
          {unit}
        </text>
        <line x1={M.left} x2={W - M.right} y1={y(funnel.average)} y2={y(funnel.average)} stroke="#212b32" strokeWidth={1.5} />
        <polyline points={path(funnel.lower95)} fill="none" stroke="#4c6272" strokeWidth={1.5} strokeDasharray="6 3" />
        <polyline points={path(funnel.upper95)} fill="none" stroke="#4c6272" strokeWidth={1.5} strokeDasharray="6 3" />
        <polyline points={path(funnel.lower998)} fill="none" stroke="#212b32" strokeWidth={1.5} />
        <polyline points={path(funnel.upper998)} fill="none" stroke="#212b32" strokeWidth={1.5} />
        {points.map((r) => {
          const cx = x(r.funnelX as number);
          const cy = y(r.value);
          const { shape, fill } = markOf(r.significance);
          return (
            <g key={r.area.code} data-testid="funnel-point" data-significance={r.significance ?? ''}>
              <title>{`${r.area.name}: ${formatValue(r.value, unit)} (${r.significance ?? 'not assessed'})`}</title>
              {shape === 'circle' ? <circle cx={cx} cy={cy} r={5} fill={fill} /> : <polygon points={shape === 'up' ? `${cx},${cy - 7} ${cx - 6},${cy + 5} ${cx + 6},${cy + 5}` : `${cx},${cy + 7} ${cx - 6},${cy - 5} ${cx + 6},${cy - 5}`} fill={fill} />}
            </g>
          );
        })}
      </svg>
      <figcaption className="nhsuk-body-s">
        Solid line across: the average. Dashed lines: 95% limits (p = 0.025 each side). Solid curves: 99.8% limits (p = 0.001). Triangles up: above the limits; triangles down: below; circles: within.
      </figcaption>
    </figure>
  );
}

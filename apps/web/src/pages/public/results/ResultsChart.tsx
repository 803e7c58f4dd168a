import type { OptionFigure } from '@footprint/engage';

const BAR_HEIGHT = 22;
const GAP = 10;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 560;

/**
 * Horizontal bars of published counts, drawn as SVG on the server (no script). A suppressed
 * count (`*`) is drawn as an outlined stub and labelled "*". The same numbers are in the table
 * beside it, so the chart is hidden from screen readers except for its title.
 */
export function ResultsChart({ id, title, options }: { id: string; title: string; options: readonly OptionFigure[] }) {
  const max = Math.max(1, ...options.map((o) => (o.count === '*' ? 0 : o.count)));
  const room = CHART_WIDTH - LABEL_WIDTH - 70;
  const height = options.length * (BAR_HEIGHT + GAP) + GAP;
  return (
    <svg className="fp-results-chart" viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-labelledby={`${id}-chart-title`} focusable="false">
      <title id={`${id}-chart-title`}>{`Bar chart: ${title}. The table below gives the same numbers.`}</title>
      {options.map((o, i) => {
        const y = GAP + i * (BAR_HEIGHT + GAP);
        const suppressed = o.count === '*';
        const width = suppressed ? 6 : Math.round(((o.count as number) / max) * room);
        return (
          <g key={o.id} aria-hidden="true">
            <text className="fp-results-chart__label" x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} textAnchor="end">
              {o.label.length > 28 ? `${o.label.slice(0, 27)}…` : o.label}
            </text>
            <rect className={suppressed ? 'fp-results-chart__bar fp-results-chart__bar--suppressed' : 'fp-results-chart__bar'} x={LABEL_WIDTH} y={y} width={Math.max(width, o.count === 0 ? 0 : 2)} height={BAR_HEIGHT} />
            <text className="fp-results-chart__value" x={LABEL_WIDTH + Math.max(width, 0) + 6} y={y + BAR_HEIGHT / 2 + 5}>
              {suppressed ? '*' : `${o.count} (${o.percent === '*' ? '*' : `${o.percent}%`})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

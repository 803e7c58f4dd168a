import type { Catalogue, TrendAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { AboutFigure } from '../../components/AboutFigure';
import { TrendChart } from '../../components/Charts';
import { FigureTable } from '../../components/FigureTable';
import { formatCount, formatDate, formatRate } from '../../components/format';
import { Load } from '../../components/Status';
import { breakdownHeading, breakdownName, groupLabel, registerName } from './labels';

/** Monthly register prevalence per 1,000 over the chosen period, one line per group. */
export function TrendsView({ catalogue, register, by, months }: { catalogue: Catalogue; register: string; by: string; months: string }) {
  const answer = useApi<TrendAnswer>(
    `/population/trends?register=${encodeURIComponent(register)}&by=${encodeURIComponent(by)}&months=${encodeURIComponent(months)}`,
  );
  const title = `${registerName(catalogue, register)} prevalence per 1,000 over the last ${months} months, ${by === 'footprint' ? 'across the footprint' : `by ${breakdownName(catalogue, by)}`}`;
  return (
    <Load state={answer} what="trends">
      {({ figure, labels }) => {
        const series = [...new Set(figure.rows.map((r) => groupLabel(r.group, labels)))];
        const periods = new Map<string, Record<string, string | number | null>>();
        for (const row of figure.rows) {
          const period = row.interval_end.slice(0, 7);
          const point = periods.get(period) ?? { period };
          point[groupLabel(row.group, labels)] = row.rate_per_1000;
          periods.set(period, point);
        }
        return (
          <section aria-labelledby="trends-heading">
            <h2 id="trends-heading">{title}</h2>
            <TrendChart label={title} data={[...periods.values()]} series={series} valueName="Per 1,000 people" />
            <FigureTable
              caption={title}
              testId="trends"
              csvName={`trend-${register}-by-${by}`}
              columns={[
                { key: 'interval_end', header: 'Month ending', render: (r) => formatDate(r.interval_end), csv: (r) => r.interval_end },
                { key: 'group', header: breakdownHeading(catalogue, by), render: (r) => groupLabel(r.group, labels), csv: (r) => groupLabel(r.group, labels) },
                { key: 'numerator', header: 'People on register', numeric: true, render: (r) => formatCount(r.numerator), csv: (r) => r.numerator },
                { key: 'denominator', header: 'Registered population', numeric: true, render: (r) => formatCount(r.denominator), csv: (r) => r.denominator },
                { key: 'rate_per_1000', header: 'Per 1,000 people', numeric: true, render: (r) => formatRate(r.rate_per_1000), csv: (r) => r.rate_per_1000 },
              ]}
              rows={figure.rows}
            />
            <AboutFigure definition={figure.definition} disclosure={figure.disclosure} asAt={figure.asAt} />
          </section>
        );
      }}
    </Load>
  );
}

import type { Catalogue, InequalitiesAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { AboutFigure } from '../../components/AboutFigure';
import { RateWithIntervalChart } from '../../components/Charts';
import { FigureTable } from '../../components/FigureTable';
import { formatCount, formatRate } from '../../components/format';
import { SummaryList } from '../../components/SummaryList';
import { Load } from '../../components/Status';
import { breakdownHeading, breakdownName, groupLabel, registerName } from './labels';

/** Age-standardised rates with 95% confidence intervals by group, and the slope index of inequality. */
export function InequalitiesView({ catalogue, register, by }: { catalogue: Catalogue; register: string; by: string }) {
  const answer = useApi<InequalitiesAnswer>(`/population/inequalities?register=${encodeURIComponent(register)}&by=${encodeURIComponent(by)}`);
  const title = `${registerName(catalogue, register)}: age-standardised rate per 100,000 ${by === 'footprint' ? 'across the footprint' : `by ${breakdownName(catalogue, by)}`}`;
  return (
    <Load state={answer} what="inequality figures">
      {({ rates, sii, labels }) => {
        const slope = sii.rows[0];
        return (
          <section aria-labelledby="inequalities-heading">
            <h2 id="inequalities-heading">{title}</h2>
            <RateWithIntervalChart
              label={title}
              valueName="Age-standardised rate per 100,000"
              data={rates.rows.map((r) => ({ label: groupLabel(r.group, labels), value: r.dsr, lower: r.dsr_lower, upper: r.dsr_upper }))}
            />
            <FigureTable
              caption={title}
              testId="inequalities"
              csvName={`inequalities-${register}-by-${by}`}
              columns={[
                { key: 'group', header: breakdownHeading(catalogue, by), render: (r) => groupLabel(r.group, labels), csv: (r) => groupLabel(r.group, labels) },
                { key: 'observed', header: 'People on register', numeric: true, render: (r) => formatCount(r.observed), csv: (r) => r.observed },
                { key: 'population', header: 'Population', numeric: true, render: (r) => formatCount(r.population), csv: (r) => r.population },
                { key: 'crude_rate', header: 'Crude rate', numeric: true, render: (r) => formatRate(r.crude_rate), csv: (r) => r.crude_rate },
                { key: 'dsr', header: 'Age-standardised rate', numeric: true, render: (r) => formatRate(r.dsr), csv: (r) => r.dsr },
                {
                  key: 'interval',
                  header: '95% confidence interval',
                  numeric: true,
                  render: (r) => (r.dsr_lower === null || r.dsr_upper === null ? '[c]' : `${formatRate(r.dsr_lower)} to ${formatRate(r.dsr_upper)}`),
                  csv: (r) => (r.dsr_lower === null || r.dsr_upper === null ? null : `${r.dsr_lower} to ${r.dsr_upper}`),
                },
              ]}
              rows={rates.rows}
            />
            <AboutFigure definition={rates.definition} disclosure={rates.disclosure} asAt={rates.asAt} />
            <h2>Slope index of inequality</h2>
            <SummaryList
              testId="sii"
              rows={[
                ['Slope index of inequality (per 100,000)', slope ? formatRate(slope.sii) : 'Not available'],
                [
                  '95% confidence interval',
                  slope && slope.sii_lower !== null && slope.sii_upper !== null ? `${formatRate(slope.sii_lower)} to ${formatRate(slope.sii_upper)}` : 'Not available',
                ],
              ]}
            />
            <AboutFigure definition={sii.definition} disclosure={sii.disclosure} asAt={sii.asAt} />
          </section>
        );
      }}
    </Load>
  );
}

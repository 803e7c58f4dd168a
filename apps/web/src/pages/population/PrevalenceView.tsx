import type { Catalogue, PrevalenceAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { AboutFigure } from '../../components/AboutFigure';
import { BarFigure } from '../../components/Charts';
import { FigureTable } from '../../components/FigureTable';
import { formatCount, formatRate } from '../../components/format';
import { Load } from '../../components/Status';
import { breakdownHeading, breakdownName, groupLabel, registerName } from './labels';

/** Register prevalence per 1,000 registered people, by the chosen breakdown. */
export function PrevalenceView({ catalogue, register, by }: { catalogue: Catalogue; register: string; by: string }) {
  const answer = useApi<PrevalenceAnswer>(`/population/prevalence?register=${encodeURIComponent(register)}&by=${encodeURIComponent(by)}`);
  const title = `${registerName(catalogue, register)} register prevalence ${by === 'footprint' ? 'across the footprint' : `by ${breakdownName(catalogue, by)}`}`;
  return (
    <Load state={answer} what="register prevalence">
      {({ figure, labels }) => (
        <section aria-labelledby="prevalence-heading">
          <h2 id="prevalence-heading">{title}</h2>
          <BarFigure
            label={title}
            valueName="Per 1,000 people"
            data={figure.rows.map((r) => ({ label: groupLabel(r.group, labels), value: r.prevalence_per_1000 }))}
          />
          <FigureTable
            caption={title}
            testId="prevalence"
            csvName={`prevalence-${register}-by-${by}`}
            columns={[
              { key: 'group', header: breakdownHeading(catalogue, by), render: (r) => groupLabel(r.group, labels), csv: (r) => groupLabel(r.group, labels) },
              { key: 'register_count', header: 'People on register', numeric: true, render: (r) => formatCount(r.register_count), csv: (r) => r.register_count },
              { key: 'list_size', header: 'Registered population', numeric: true, render: (r) => formatCount(r.list_size), csv: (r) => r.list_size },
              { key: 'prevalence_per_1000', header: 'Per 1,000 people', numeric: true, render: (r) => formatRate(r.prevalence_per_1000), csv: (r) => r.prevalence_per_1000 },
            ]}
            rows={figure.rows}
          />
          <AboutFigure definition={figure.definition} disclosure={figure.disclosure} asAt={figure.asAt} />
        </section>
      )}
    </Load>
  );
}

import type { Catalogue, CaseFindingAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { AboutFigure } from '../../components/AboutFigure';
import { BarFigure } from '../../components/Charts';
import { FigureTable } from '../../components/FigureTable';
import { formatCount } from '../../components/format';
import { Load } from '../../components/Status';
import { breakdownHeading, breakdownName, groupLabel } from './labels';

/** How many people each case-finding rule flags, by the chosen breakdown, with each rule's clinical basis. */
export function CaseFindingView({ catalogue, by }: { catalogue: Catalogue; by: string }) {
  const answer = useApi<CaseFindingAnswer>(`/population/case-finding?by=${encodeURIComponent(by)}`);
  const ruleName = (id: string) => catalogue.rules.find((r) => r.id === id)?.name ?? id;
  return (
    <Load state={answer} what="case-finding counts">
      {({ figure, labels }) => {
        const totals = catalogue.rules.map((rule) => ({
          label: rule.name,
          value: figure.rows.filter((r) => r.rule === rule.id).reduce<number | null>((sum, r) => (r.flagged === null ? sum : (sum ?? 0) + r.flagged), null),
        }));
        const title = by === 'footprint' ? 'People flagged by case finding across the footprint' : `People flagged by case finding, by ${breakdownName(catalogue, by)}`;
        return (
          <section aria-labelledby="case-finding-heading">
            <h2 id="case-finding-heading">{title}</h2>
            <BarFigure label="People flagged by each rule" valueName="People flagged" data={totals} />
            <FigureTable
              caption={title}
              testId="case-finding"
              csvName={`case-finding-by-${by}`}
              columns={[
                { key: 'rule', header: 'Rule', render: (r) => ruleName(r.rule), csv: (r) => ruleName(r.rule) },
                { key: 'group', header: breakdownHeading(catalogue, by), render: (r) => groupLabel(r.group, labels), csv: (r) => groupLabel(r.group, labels) },
                { key: 'flagged', header: 'People flagged', numeric: true, render: (r) => formatCount(r.flagged), csv: (r) => r.flagged },
                { key: 'population', header: 'Eligible population', numeric: true, render: (r) => formatCount(r.population), csv: (r) => r.population },
              ]}
              rows={figure.rows}
            />
            <AboutFigure definition={figure.definition} disclosure={figure.disclosure} asAt={figure.asAt} />
            <h2>The rules</h2>
            {catalogue.rules.map((rule) => (
              <details className="nhsuk-details" key={rule.id}>
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">{rule.name}</span>
                </summary>
                <div className="nhsuk-details__text">
                  <p>{rule.definition}</p>
                  <p>
                    <strong>Clinical basis:</strong> {rule.clinicalBasis}
                  </p>
                </div>
              </details>
            ))}
          </section>
        );
      }}
    </Load>
  );
}

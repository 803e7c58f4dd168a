import type { RatingResult } from '@footprint/performance';
import { FigureTable } from '../../components/FigureTable';

const formatScore = (v: number | null) => (v === null ? '–' : String(Math.round(v * 100) / 100));
const formatValue = (v: number | string | null, unit: string | null) => (v === null ? 'No value' : typeof v === 'number' ? `${Math.round(v * 100) / 100}${unit ? ` ${unit}` : ''}` : v === 'not-met' ? 'Not met' : v === 'met' ? 'Met' : v);

/** A computed rating as a tag that says it is computed, never to be read as a published one. */
export function ComputedRating({ result, testId }: { result: RatingResult; testId: string }) {
  return (
    <p data-testid={testId}>
      <strong className="nhsuk-tag nhsuk-tag--purple">Computed</strong>{' '}
      <span className="nhsuk-body-l nhsuk-u-font-weight-bold" data-testid={`${testId}-value`}>
        {result.rating ? (result.engine.id === 'stp-progress-dashboard' ? `Category ${result.rating.value} – ${result.rating.label}` : result.rating.label) : 'Not rated'}
      </span>
    </p>
  );
}

/**
 * A computed result explained from its inputs: the summary and caveats, the domains (or tests)
 * in a table, then each domain's indicators (or criteria) with value, score, weight and the
 * engine's words for them.
 */
export function RatingExplanation({ result, itemHeader, domainHeader = 'Domain', testId }: { result: RatingResult; itemHeader: string; domainHeader?: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <p data-testid={`${testId}-summary`}>{result.summary}</p>
      {result.notes.length > 0 && (
        <div className="nhsuk-inset-text" data-testid={`${testId}-notes`}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {result.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      <FigureTable
        caption={`${result.engine.name}: ${domainHeader.toLowerCase()} by ${domainHeader.toLowerCase()}`}
        testId={`${testId}-domains`}
        columns={[
          { key: 'name', header: domainHeader },
          { key: 'score', header: 'Score', numeric: true, render: (d) => (d.rating ?? formatScore(d.score)), csv: (d) => d.rating ?? d.score },
          { key: 'weight', header: 'Weight', numeric: true, render: (d) => formatScore(d.weight) },
          { key: 'text', header: 'Explanation' },
        ]}
        rows={result.domains}
      />
      {result.domains.map((domain) => (
        <FigureTable
          key={domain.id}
          caption={`${domain.name}: ${itemHeader.toLowerCase()} by ${itemHeader.toLowerCase()}`}
          testId={`${testId}-items-${domain.id}`}
          columns={[
            { key: 'name', header: itemHeader },
            { key: 'value', header: 'Value', numeric: true, render: (i) => formatValue(i.value, i.unit), csv: (i) => (typeof i.value === 'number' ? i.value : i.value) },
            { key: 'period', header: 'Period', nowrap: true, render: (i) => i.period ?? '–' },
            { key: 'score', header: 'Score', numeric: true, render: (i) => formatScore(i.score) },
            { key: 'weight', header: 'Weight', numeric: true, render: (i) => formatScore(i.weight) },
            { key: 'text', header: 'Explanation' },
          ]}
          rows={domain.items}
        />
      ))}
    </div>
  );
}

import type { PublishedRating } from '@footprint/performance';
import { FigureTable } from '../../components/FigureTable';
import { formatDate } from '../../components/format';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period as people say it: 2017-07 is July 2017; a financial year 2025/26 stays as it is. */
export function formatPeriod(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : period;
}

/** Published ratings as they were published, each with its source: stored data, never recomputed. */
export function PublishedRatings({ ratings, schemes, caption, testId, emptyText }: { ratings: PublishedRating[]; schemes: { id: string; name: string }[]; caption: string; testId: string; emptyText: string }) {
  const schemeName = new Map(schemes.map((s) => [s.id, s.name]));
  return (
    <FigureTable
      caption={caption}
      testId={testId}
      emptyText={emptyText}
      columns={[
        { key: 'footprintName', header: 'Footprint', render: (r) => `${r.footprintName} (${r.footprintCode})`, csv: (r) => r.footprintName },
        { key: 'scheme', header: 'Scheme', render: (r) => schemeName.get(r.scheme) ?? r.scheme },
        { key: 'period', header: 'Period', nowrap: true, render: (r) => formatPeriod(r.period) },
        {
          key: 'rating',
          header: 'Published rating',
          render: (r) => (
            <>
              <strong className="nhsuk-tag nhsuk-tag--blue">Published</strong> {r.scheme === 'stp-progress-dashboard' ? `Category ${r.rating} – ${r.ratingLabel}` : r.ratingLabel}
            </>
          ),
          csv: (r) => r.ratingLabel,
        },
        { key: 'source', header: 'Source', render: (r) => (r.sourceUrl ? <a href={r.sourceUrl}>{r.source}</a> : r.source) },
        { key: 'recordedAt', header: 'Recorded', nowrap: true, render: (r) => formatDate(r.recordedAt) },
      ]}
      rows={ratings}
    />
  );
}

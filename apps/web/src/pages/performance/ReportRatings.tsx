import type { BoardReport, PublishedRatingSource, RatingSource } from '@footprint/performance';
import { Link } from 'react-router-dom';
import { ReportTable, reportValue } from './ReportTables';

/** Computed ratings as at the month, and ratings as published (never recomputed). */
export function ReportRatings({ report }: { report: BoardReport }) {
  return (
    <>
      <ReportTable<RatingSource>
        caption="Computed ratings"
        testId="report-ratings-computed"
        rows={report.ratings.computed}
        rowKey={(r) => `${r.engine.id}-${r.subject}`}
        empty="No ratings were computed for the period."
        columns={[
          { header: 'Engine', cell: (r) => r.engine.name },
          { header: 'Rating', cell: (r) => r.rating?.label ?? 'Not rated' },
          { header: 'Score', cell: (r) => reportValue(r.score, '', 2), numeric: true },
          { header: 'Summary', cell: (r) => [r.summary, ...r.notes].join(' ') },
        ]}
      />
      <p className="nhsuk-body-s">
        Each computed rating is explained, domain by domain, on <Link to="/performance/ratings">the progress ratings page</Link>.
      </p>
      <ReportTable<PublishedRatingSource>
        caption="Published ratings"
        testId="report-ratings-published"
        rows={report.ratings.published}
        rowKey={(r) => `${r.scheme}-${r.period}`}
        empty="No published ratings are recorded for this footprint."
        columns={[
          { header: 'Scheme', cell: (r) => r.scheme },
          { header: 'Period', cell: (r) => r.period },
          { header: 'Rating', cell: (r) => r.ratingLabel },
          { header: 'Source', cell: (r) => (r.sourceUrl ? <a href={r.sourceUrl}>{r.source}</a> : r.source) },
        ]}
      />
    </>
  );
}

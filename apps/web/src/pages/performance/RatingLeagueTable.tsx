import type { LeagueTableRow } from '@footprint/performance';
import { FigureTable } from '../../components/FigureTable';

/** The oversight league table: ranked by segment, then by average metric score (lower is better). */
export function RatingLeagueTable({ rows, comparing, highlight }: { rows: LeagueTableRow[]; comparing: 'footprints' | 'places'; highlight: string }) {
  return (
    <FigureTable
      caption={`Oversight league table of ${comparing}, computed: by segment, then by average metric score`}
      testId="oversight-league-table"
      csvName="oversight-league-table"
      emptyText="No body has values to compare."
      columns={[
        { key: 'position', header: 'Position', numeric: true, render: (r) => String(r.position) },
        { key: 'name', header: comparing === 'places' ? 'Place' : 'Footprint', render: (r) => (r.code === highlight ? <strong>{r.name} (this footprint)</strong> : r.name), csv: (r) => r.name },
        { key: 'code', header: 'Code' },
        { key: 'segment', header: 'Segment', numeric: true, render: (r) => (r.segment === null ? 'Not segmented' : String(r.segment)) },
        { key: 'averageScore', header: 'Average score', numeric: true, render: (r) => (r.averageScore === null ? '–' : String(Math.round(r.averageScore * 100) / 100)) },
        { key: 'metricsScored', header: 'Metrics scored', numeric: true, render: (r) => String(r.metricsScored) },
        { key: 'overridden', header: 'Financial override', render: (r) => (r.overridden ? 'Applied' : 'No'), csv: (r) => (r.overridden ? 'applied' : '') },
      ]}
      rows={rows}
    />
  );
}

import { SectionNav } from '../../components/SectionNav';

/** System performance's pages, in the order a board member reads them. */
export const PERFORMANCE_PAGES = [
  { path: '/performance/indicators', label: 'Indicators', description: 'Every indicator with its definition, source and values for the footprint, its places and practices, each with its SPC chart.' },
  { path: '/performance/compare', label: 'Comparisons', description: 'Places, practices and footprints compared with each other and with a benchmark: funnel plots and Better, Similar or Worse by the confidence interval.' },
  { path: '/performance/ratings', label: 'Progress ratings', description: 'Published ratings of the partnership, the oversight segmentation league table and the ICS maturity self-assessment, each explained.' },
  { path: '/performance/report', label: 'Board report', description: 'The report for a board meeting: scorecard, charts that changed, ratings, milestones, risks, decisions and actions; as a page or a PDF.' },
] as const;

/** The navigation at the top of every system performance page; its home is the plan's scorecard. */
export function PerformanceNav() {
  return <SectionNav label="Performance" home="/performance" pages={PERFORMANCE_PAGES} testId="performance-nav" />;
}

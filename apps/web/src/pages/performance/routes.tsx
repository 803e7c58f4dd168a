import { IndicatorsPage } from './IndicatorsPage';
import { IndicatorPage } from './IndicatorPage';
import { ScorecardPage } from './ScorecardPage';
import { AmbitionScorecardPage } from './AmbitionScorecardPage';
import { ComparePage } from './ComparePage';
import { RatingsPage } from './RatingsPage';
import { BoardReportPage } from './BoardReportPage';

/** System performance's pages (capability `performance`), mounted by App under /performance. */
export const PERFORMANCE_ROUTES = [
  { path: '/performance', element: <ScorecardPage /> },
  { path: '/performance/ambitions/:ambitionId', element: <AmbitionScorecardPage /> },
  { path: '/performance/indicators', element: <IndicatorsPage /> },
  { path: '/performance/indicators/:indicatorId', element: <IndicatorPage /> },
  { path: '/performance/compare', element: <ComparePage /> },
  { path: '/performance/ratings', element: <RatingsPage /> },
  { path: '/performance/report', element: <BoardReportPage /> },
] as const;

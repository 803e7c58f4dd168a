import type { EngageRoute } from '../routes';
import { AnalyticsPage } from './AnalyticsPage';

/** The analytics pages of the staff engagement area: one consultation's analytics. */
export const ANALYTICS_ROUTES: EngageRoute[] = [{ path: '/engage/consultations/:id/analytics', element: <AnalyticsPage />, capability: 'engagement' }];

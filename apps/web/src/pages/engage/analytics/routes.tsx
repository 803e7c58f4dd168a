import type { EngageRoute } from '../routes';

/** The analytics pages of the staff engagement area. */
export const ANALYTICS_ROUTES: EngageRoute[] = [];

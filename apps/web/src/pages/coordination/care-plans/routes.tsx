import type { CoordinationRoute } from '../routes';

/** The pages of shared care plans. */
export const CARE_PLANS_ROUTES: CoordinationRoute[] = [];

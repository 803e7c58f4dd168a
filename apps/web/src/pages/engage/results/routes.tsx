import type { EngageRoute } from '../routes';

/** The results pages of the staff engagement area. */
export const RESULTS_ROUTES: EngageRoute[] = [];

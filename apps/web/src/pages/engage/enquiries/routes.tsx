import type { EngageRoute } from '../routes';

/** The enquiries pages of the staff engagement area. */
export const ENQUIRIES_ROUTES: EngageRoute[] = [];

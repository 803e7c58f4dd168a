import type { EngageRoute } from '../routes';

/** The consultations pages of the staff engagement area. */
export const CONSULTATIONS_ROUTES: EngageRoute[] = [];

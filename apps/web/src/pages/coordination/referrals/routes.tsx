import type { CoordinationRoute } from '../routes';

/** The pages of referrals, tasks and the organisation's worklist (/coordination is the worklist). */
export const REFERRALS_ROUTES: CoordinationRoute[] = [];

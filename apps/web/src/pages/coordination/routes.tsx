import type { ReactElement } from 'react';
import { CARE_PLANS_ROUTES } from './care-plans/routes';
import { MEETINGS_ROUTES } from './meetings/routes';
import { REFERRALS_ROUTES } from './referrals/routes';
import { SOCIAL_PRESCRIBING_ROUTES } from './social-prescribing/routes';

/** One care coordination page: its path under /coordination and the page (capability `coordination`). */
export interface CoordinationRoute {
  path: string;
  element: ReactElement;
}

/** Care coordination's staff pages, mounted by App under /coordination. */
export const COORDINATION_ROUTES: CoordinationRoute[] = [...REFERRALS_ROUTES, ...CARE_PLANS_ROUTES, ...MEETINGS_ROUTES, ...SOCIAL_PRESCRIBING_ROUTES];

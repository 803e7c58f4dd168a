import type { ReactElement } from 'react';
import type { Capability } from '../../api/types';
import { ANALYTICS_ROUTES } from './analytics/routes';
import { CONSULTATIONS_ROUTES } from './consultations/routes';
import { CONTENT_ROUTES } from './content/routes';
import { ENQUIRIES_ROUTES } from './enquiries/routes';
import { MODERATION_ROUTES } from './moderation/routes';
import { RESULTS_ROUTES } from './results/routes';

/** One staff engagement page: its path under /engage, the page, and the capability it needs. */
export interface EngageRoute {
  path: string;
  element: ReactElement;
  capability: Extract<Capability, 'engagement' | 'engagement-moderate'>;
}

/** Engagement's staff pages, mounted by App under /engage; the public's pages are under /public, rendered by the server. */
export const ENGAGE_ROUTES: EngageRoute[] = [...CONTENT_ROUTES, ...ENQUIRIES_ROUTES, ...CONSULTATIONS_ROUTES, ...MODERATION_ROUTES, ...RESULTS_ROUTES, ...ANALYTICS_ROUTES];

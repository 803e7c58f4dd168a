import type { CoordinationRoute } from '../routes';
import { CarePlanPage } from './CarePlanPage';
import { StartCarePlanPage } from './StartCarePlanPage';

/** The pages of shared care plans: start one from a template, and work on it as a team. */
export const CARE_PLANS_ROUTES: CoordinationRoute[] = [
  { path: '/coordination/care-plans/new/:patientId', element: <StartCarePlanPage /> },
  { path: '/coordination/care-plans/:id', element: <CarePlanPage /> },
];

import type { CoordinationRoute } from '../routes';
import { ReferPage } from './ReferPage';
import { TaskPage } from './TaskPage';
import { WorklistPage } from './WorklistPage';

/** The pages of referrals, tasks and the organisation's worklist (/coordination is the worklist). */
export const REFERRALS_ROUTES: CoordinationRoute[] = [
  { path: '/coordination', element: <WorklistPage /> },
  { path: '/coordination/tasks/:id', element: <TaskPage /> },
  { path: '/coordination/refer/:patientId', element: <ReferPage /> },
];

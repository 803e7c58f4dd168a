import type { CoordinationRoute } from '../routes';
import { AddToMeetingPage } from './AddToMeetingPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { OutcomePage } from './OutcomePage';

/** The pages of multidisciplinary team meetings: the host's meetings, one meeting and its list, and recording what was decided about one person. */
export const MEETINGS_ROUTES: CoordinationRoute[] = [
  { path: '/coordination/meetings', element: <MeetingsPage /> },
  { path: '/coordination/meetings/add/:patientId', element: <AddToMeetingPage /> },
  { path: '/coordination/meetings/:id', element: <MeetingPage /> },
  { path: '/coordination/meetings/:id/outcomes/:patientId', element: <OutcomePage /> },
];

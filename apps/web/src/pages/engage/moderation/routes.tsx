import type { EngageRoute } from '../routes';
import { ConsultationModerationPage } from './ConsultationModerationPage';
import { ModerationQueuePage } from './ModerationQueuePage';
import './moderation.css';

/** The moderation pages of the staff engagement area (capability `engagement-moderate`). */
export const MODERATION_ROUTES: EngageRoute[] = [
  { path: '/engage/moderation', element: <ModerationQueuePage />, capability: 'engagement-moderate' },
  { path: '/engage/consultations/:id/moderation', element: <ConsultationModerationPage />, capability: 'engagement-moderate' },
];

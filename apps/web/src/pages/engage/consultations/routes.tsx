import '../../public/consultations.css';
import type { EngageRoute } from '../routes';
import { ConsultationBuilderPage } from './ConsultationBuilderPage';
import { ConsultationsPage } from './ConsultationsPage';

/** The consultations pages of the staff engagement area (capability `engagement`); the public consultation pages' CSS is bundled from here. */
export const CONSULTATIONS_ROUTES: EngageRoute[] = [
  { path: '/engage/consultations', element: <ConsultationsPage />, capability: 'engagement' },
  { path: '/engage/consultations/new', element: <ConsultationBuilderPage />, capability: 'engagement' },
  { path: '/engage/consultations/:id', element: <ConsultationBuilderPage />, capability: 'engagement' },
];

import type { EngageRoute } from '../routes';
import { ConsultationResultsPage } from './ConsultationResultsPage';
// The public results pages' styles: the server-rendered public pages use the SPA's one stylesheet.
import '../../public/results.css';

/** The results pages of the staff engagement area (capability `engagement`). */
export const RESULTS_ROUTES: EngageRoute[] = [{ path: '/engage/consultations/:id/results', element: <ConsultationResultsPage />, capability: 'engagement' }];

import type { CoordinationRoute } from '../routes';
import { DirectoryPage } from './DirectoryPage';
import { OwnServicesPage } from './OwnServicesPage';
import { PrescribePage } from './PrescribePage';
import { ServiceFormPage } from './ServiceFormPage';

/** The pages of social prescribing: the directory, a voluntary organisation's own services, and a link worker's referral. */
export const SOCIAL_PRESCRIBING_ROUTES: CoordinationRoute[] = [
  { path: '/coordination/directory', element: <DirectoryPage /> },
  { path: '/coordination/directory/own', element: <OwnServicesPage /> },
  { path: '/coordination/directory/services/new', element: <ServiceFormPage /> },
  { path: '/coordination/directory/services/:id/edit', element: <ServiceFormPage /> },
  { path: '/coordination/social-prescribing/refer/:serviceId', element: <PrescribePage /> },
];

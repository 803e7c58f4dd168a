import type { EngageRoute } from '../routes';
import '../../public/enquiries.css';
import { EnquiriesPage } from './EnquiriesPage';
import { EnquiryPage } from './EnquiryPage';
import { MailSinkPage } from './MailSinkPage';

/** The enquiries pages of the staff engagement area: the inbox, one enquiry, and the demo's mail sink. */
export const ENQUIRIES_ROUTES: EngageRoute[] = [
  { path: '/engage/enquiries', element: <EnquiriesPage />, capability: 'engagement' },
  { path: '/engage/enquiries/:reference', element: <EnquiryPage />, capability: 'engagement' },
  { path: '/engage/mail', element: <MailSinkPage />, capability: 'engagement' },
];

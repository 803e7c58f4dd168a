import type { EngageRoute } from '../routes';
import '../../public/content.css';
import { ContentEditPage } from './ContentEditPage';
import { ContentListPage } from './ContentListPage';
import { EngageHomePage } from './EngageHomePage';
import { NewContentPage } from './NewContentPage';

/** The content pages of the staff engagement area, and the area's front page (capability `engagement`). */
export const CONTENT_ROUTES: EngageRoute[] = [
  { path: '/engage', element: <EngageHomePage />, capability: 'engagement' },
  { path: '/engage/content', element: <ContentListPage />, capability: 'engagement' },
  { path: '/engage/content/new', element: <NewContentPage />, capability: 'engagement' },
  { path: '/engage/content/:id', element: <ContentEditPage />, capability: 'engagement' },
];

import { Link } from 'react-router-dom';
import { usePageTitle } from '../components/usePageTitle';

/** Shown when a signed-in user opens a page their role does not allow (the API refuses the data too). */
export function ForbiddenPage() {
  usePageTitle('You do not have access to this page');
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>Your role does not give access to this part of Footprint.</p>
      <p>If you need it for your work, ask your organisation’s Footprint administrator.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </>
  );
}

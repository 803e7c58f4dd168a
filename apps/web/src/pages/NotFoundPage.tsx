import { Link } from 'react-router-dom';
import { usePageTitle } from '../components/usePageTitle';

/** The NHS.UK "page not found" pattern. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link to="/">Go to the Footprint home page</Link>
      </p>
    </>
  );
}

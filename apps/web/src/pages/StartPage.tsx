import { Link, useLocation } from 'react-router-dom';
import type { DemoUser } from '../api/types';
import { useApi } from '../api/useApi';
import { usePageTitle } from '../components/usePageTitle';

/** The demo's credentials, shown only when the server runs the demo (it answers 404 otherwise). */
function DemoUsers() {
  const demo = useApi<{ users: DemoUser[] }>('/demo-users');
  if (demo.status !== 'ready') return null;
  return (
    <section aria-labelledby="demo-users-heading">
      <h2 id="demo-users-heading">Demo users</h2>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          This is a demonstration with a synthetic footprint: nobody in it is a real person. Sign in as any of these users to see what
          each role can do. Real deployments have no demo users.
        </p>
      </div>
      <div className="nhsuk-table-container" role="region" aria-label="Demo users" tabIndex={0}>
        <table className="nhsuk-table" data-testid="demo-users">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Demo users and their passwords</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Role</th>
              <th scope="col" className="nhsuk-table__header">Works for</th>
              <th scope="col" className="nhsuk-table__header">Username</th>
              <th scope="col" className="nhsuk-table__header">Password</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {demo.data.users.map((u) => (
              <tr className="nhsuk-table__row" key={u.username} data-role={u.role}>
                <td className="nhsuk-table__cell">{u.roleLabel}</td>
                <td className="nhsuk-table__cell">{u.organisation?.name ?? 'The partnership'}</td>
                <td className="nhsuk-table__cell">
                  <code data-field="username">{u.username}</code>
                </td>
                <td className="nhsuk-table__cell">
                  <code data-field="password">{u.password}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What a signed-out visitor sees first: what Footprint is, the way in, and in the demo the users to try. */
export function StartPage() {
  usePageTitle('Sign in to Footprint');
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        {signedOut && (
          <div className="nhsuk-inset-text" role="status">
            <p>You have signed out.</p>
          </div>
        )}
        <h1>Footprint</h1>
        <p className="nhsuk-lede-text">
          The shared care record and population health intelligence for the partners of one health and care footprint: GP practices,
          hospital trusts, councils and voluntary organisations.
        </p>
        <p>Staff of partner organisations sign in with the username and password their administrator gave them.</p>
        <Link className="nhsuk-button" to="/sign-in" draggable={false}>
          Sign in
        </Link>
        <DemoUsers />
      </div>
    </div>
  );
}

import { Link, useLocation } from 'react-router-dom';
import type { DemoIdentities, DemoUser } from '../api/types';
import { useApi } from '../api/useApi';
import { formatNhsNumber } from '../components/format';
import { usePageTitle } from '../components/usePageTitle';
import { PATIENT_SIGN_IN } from './patient/PatientArea';

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

/** The demo's synthetic citizens and CIS2 staff at its own identity provider (404, and nothing shown, outside the demo). */
function DemoIdentityLogins() {
  const demo = useApi<DemoIdentities>('/demo-identities');
  if (demo.status !== 'ready') return null;
  return (
    <>
      <section aria-labelledby="demo-citizens-heading">
        <h2 id="demo-citizens-heading">Demo citizens</h2>
        <p>
          Sign in as a citizen with one of these logins at the demo NHS login to see that person’s own record, who has looked at it, and their
          choices. The last one’s date of birth at NHS login does not match the record, so Footprint refuses it.
        </p>
        <div className="nhsuk-table-container" role="region" aria-label="Demo citizens" tabIndex={0}>
          <table className="nhsuk-table" data-testid="demo-citizens">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Synthetic citizens and their demo NHS login</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Name</th>
                <th scope="col" className="nhsuk-table__header">NHS number</th>
                <th scope="col" className="nhsuk-table__header">Email address</th>
                <th scope="col" className="nhsuk-table__header">Password</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {demo.data.citizens.map((c) => (
                <tr className="nhsuk-table__row" key={c.login} data-matches={String(c.matchesRecord)}>
                  <td className="nhsuk-table__cell">
                    {c.name}
                    {c.matchesRecord ? null : <span className="nhsuk-body-s nhsuk-u-display-block">Date of birth does not match</span>}
                  </td>
                  <td className="nhsuk-table__cell">{formatNhsNumber(c.nhsNumber)}</td>
                  <td className="nhsuk-table__cell">
                    <code data-field="login">{c.login}</code>
                  </td>
                  <td className="nhsuk-table__cell">
                    <code data-field="password">{c.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="demo-staff-heading">
        <h2 id="demo-staff-heading">Demo staff at NHS CIS2</h2>
        <p>Use “Sign in with NHS CIS2 (demo)” on the sign-in page. Someone with roles at two organisations chooses one after signing in.</p>
        <div className="nhsuk-table-container" role="region" aria-label="Demo NHS CIS2 staff" tabIndex={0}>
          <table className="nhsuk-table" data-testid="demo-cis2-staff">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Staff at the demo NHS CIS2 and their roles</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Name</th>
                <th scope="col" className="nhsuk-table__header">Roles</th>
                <th scope="col" className="nhsuk-table__header">Email address</th>
                <th scope="col" className="nhsuk-table__header">Password</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {demo.data.staff.map((s) => (
                <tr className="nhsuk-table__row" key={s.login}>
                  <td className="nhsuk-table__cell">{s.name}</td>
                  <td className="nhsuk-table__cell">{s.roles.map((r) => `${r.roleName} (${r.roleCode}) at ${r.organisation.name}`).join('; ')}</td>
                  <td className="nhsuk-table__cell">
                    <code data-field="login">{s.login}</code>
                  </td>
                  <td className="nhsuk-table__cell">
                    <code data-field="password">{s.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
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
        <p>People who live in the footprint can see their own care record, who has looked at it, and choose how it is shared.</p>
        <a className="nhsuk-button nhsuk-button--secondary" href={PATIENT_SIGN_IN} draggable={false} data-testid="citizen-sign-in">
          Sign in as a citizen
        </a>
        <DemoUsers />
        <DemoIdentityLogins />
      </div>
    </div>
  );
}

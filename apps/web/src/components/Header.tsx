import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useState } from 'react';
import type { Capability } from '../api/types';
import { useSession } from '../session/SessionContext';
import { NhsLogo } from './NhsLogo';

/** The sections of the app, in menu order, each shown only to roles that may use it. */
export const SECTIONS: Array<{ path: string; label: string; capability: Capability }> = [
  { path: '/footprint', label: 'Footprint overview', capability: 'overview' },
  { path: '/partnership', label: 'Partnership', capability: 'partnership' },
  { path: '/performance', label: 'Performance', capability: 'performance' },
  { path: '/engage', label: 'Engagement', capability: 'engagement' },
  { path: '/engage/moderation', label: 'Moderation', capability: 'engagement-moderate' },
  { path: '/population', label: 'Population health', capability: 'population' },
  { path: '/care-record', label: 'Shared care record', capability: 'care-record' },
  { path: '/coordination', label: 'Care coordination', capability: 'coordination' },
  { path: '/worklist', label: 'Practice worklist', capability: 'worklist' },
  { path: '/feeds', label: 'Data feeds', capability: 'feeds' },
  { path: '/accounts', label: 'Staff accounts', capability: 'accounts' },
  { path: '/corrections', label: 'Corrections', capability: 'corrections' },
  { path: '/duplicates', label: 'Duplicate records', capability: 'duplicates' },
  { path: '/privacy', label: 'Privacy', capability: 'privacy-reviews' },
];

/** NHS.UK header: logo and service name, the signed-in account, and the menu for the user's role. */
export function Header() {
  const { user, signOut, can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const sections = SECTIONS.filter((s) => can(s.capability));

  async function handleSignOut(event: React.FormEvent) {
    event.preventDefault();
    setSigningOut(true);
    try {
      await signOut();
      void navigate('/', { state: { signedOut: true } });
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/" aria-label="NHS Footprint homepage">
            <NhsLogo />
            <span className="nhsuk-header__service-name">Footprint</span>
          </Link>
        </div>
        {user && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item" data-testid="account-name">
                {user.displayName} ({user.roleLabel}
                {user.organisation ? `, ${user.organisation.name}` : ''})
              </li>
              {!user.mustChangePassword && (
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/change-password">
                    Change password
                  </Link>
                </li>
              )}
              {!user.mustChangePassword && (
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" to="/sessions">
                    Your sessions
                  </Link>
                </li>
              )}
              <li className="nhsuk-header__account-item">
                <form className="nhsuk-header__account-form" onSubmit={handleSignOut} noValidate>
                  <button className="nhsuk-header__account-button" type="submit" disabled={signingOut}>
                    Sign out
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {user && sections.length > 0 && (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {sections.map((section) => {
                const current = location.pathname === section.path || location.pathname.startsWith(`${section.path}/`);
                return (
                  <li
                    key={section.path}
                    className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}
                  >
                    <Link
                      className="nhsuk-header__navigation-link"
                      to={section.path}
                      aria-current={current ? (location.pathname === section.path ? 'page' : 'true') : undefined}
                    >
                      {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{section.label}</strong> : section.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

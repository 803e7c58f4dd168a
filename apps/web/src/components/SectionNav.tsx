import { Link, useLocation } from 'react-router-dom';

/**
 * The navigation between an area's pages (privacy, partnership), shown at the top of each: the
 * area's home, then its pages, the current one marked for screen readers and in bold.
 */
export function SectionNav({ label, home, pages, testId }: { label: string; home: string; pages: readonly { path: string; label: string }[]; testId: string }) {
  const { pathname } = useLocation();
  return (
    <nav aria-label={label} className="nhsuk-u-margin-bottom-4" data-testid={testId}>
      <ul className="nhsuk-list footprint-inline-list">
        <li>{pathname === home ? <strong aria-current="page">{label}</strong> : <Link to={home}>{label}</Link>}</li>
        {pages.map((p) => {
          const current = pathname === p.path || pathname.startsWith(`${p.path}/`);
          return (
            <li key={p.path}>
              {current ? (
                <Link to={p.path} aria-current={pathname === p.path ? 'page' : 'true'}>
                  <strong>{p.label}</strong>
                </Link>
              ) : (
                <Link to={p.path}>{p.label}</Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

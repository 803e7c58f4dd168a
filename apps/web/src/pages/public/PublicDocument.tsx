import type { ReactNode } from 'react';
import { NhsLogo } from '../../components/NhsLogo';

/** The public site's sections, in menu order. Every path is under /public and served by the server, rendered there. */
export const PUBLIC_SECTIONS: ReadonlyArray<{ path: string; label: string }> = [
  { path: '/public', label: 'Home' },
  { path: '/public/plan', label: 'Our plan' },
  { path: '/public/progress', label: 'Progress' },
  { path: '/public/news', label: 'News' },
  { path: '/public/consultations', label: 'Have your say' },
  { path: '/public/questions', label: 'Questions' },
  { path: '/public/contact', label: 'Get in touch' },
];

export interface PublicPageFrame {
  /** The page's own title; the document title adds the partnership's name. */
  title: string;
  /** The partnership as the public knows it ("Cheshire and Merseyside Health and Care Partnership"). */
  partnership: string;
  /** The path being shown, to mark the menu's current section. */
  path: string;
  /** Stylesheets of the built web app (render.ts finds them). */
  stylesheets: string[];
  /** Scripts that enhance the page (never needed to read it), same-origin only. */
  scripts?: string[];
  /** Shown above the page's heading (a back link or breadcrumbs). */
  before?: ReactNode;
  children?: ReactNode;
}

function isCurrent(section: string, path: string): boolean {
  if (section === '/public') return path === '/public' || path === '/public/';
  return path === section || path.startsWith(`${section}/`);
}

/**
 * A whole public page: the NHS.UK header with the partnership's name and the public menu, a skip
 * link, the page in <main>, and a footer with the accessibility statement, the easy read version and
 * staff sign-in. Pure rendering (no hooks, no router): the server renders it to static HTML.
 */
export function PublicDocument({ title, partnership, path, stylesheets, scripts = [], before, children }: PublicPageFrame) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${partnership}`}</title>
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body className="fp-public">
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <a className="nhsuk-header__service-logo" href="/public" aria-label={`${partnership} homepage`}>
                <NhsLogo />
                <span className="nhsuk-header__service-name">{partnership}</span>
              </a>
            </div>
          </div>
          <nav className="nhsuk-header__navigation" aria-label="Menu">
            <div className="nhsuk-header__navigation-container nhsuk-width-container">
              <ul className="nhsuk-header__navigation-list">
                {PUBLIC_SECTIONS.map((section) => {
                  const current = isCurrent(section.path, path);
                  return (
                    <li key={section.path} className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}>
                      <a className="nhsuk-header__navigation-link" href={section.path} aria-current={current ? (path === section.path ? 'page' : 'true') : undefined}>
                        {section.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          </nav>
        </header>
        <div className="nhsuk-width-container">
          {before}
          <main className="nhsuk-main-wrapper" id="maincontent" role="main">
            {children}
          </main>
        </div>
        <footer className="nhsuk-footer" role="contentinfo">
          <div className="nhsuk-width-container">
            <div className="nhsuk-footer__meta">
              <h2 className="nhsuk-u-visually-hidden">Support links</h2>
              <ul className="nhsuk-footer__list">
                <li className="nhsuk-footer__list-item">
                  <a className="nhsuk-footer__list-item-link" href="/public/easy-read">
                    Easy read
                  </a>
                </li>
                <li className="nhsuk-footer__list-item">
                  <a className="nhsuk-footer__list-item-link" href="/public/accessibility">
                    Accessibility statement
                  </a>
                </li>
                <li className="nhsuk-footer__list-item">
                  <a className="nhsuk-footer__list-item-link" href="/public/privacy">
                    How we use your information
                  </a>
                </li>
                <li className="nhsuk-footer__list-item">
                  <a className="nhsuk-footer__list-item-link" href="/sign-in">
                    Staff sign in
                  </a>
                </li>
              </ul>
              <p className="nhsuk-body-s">{partnership}. Published with Footprint.</p>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

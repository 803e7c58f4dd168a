import { Link } from 'react-router-dom';

/** NHS.UK footer with the service's own support links. */
export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/about/privacy">
                How Footprint uses data
              </Link>
            </li>
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/about/accessibility">
                Accessibility statement
              </Link>
            </li>
          </ul>
          <p className="nhsuk-body-s">Footprint: the shared care record and population health platform for a health and care partnership.</p>
        </div>
      </div>
    </footer>
  );
}

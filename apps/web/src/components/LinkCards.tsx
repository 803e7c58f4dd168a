import { Link } from 'react-router-dom';

/** NHS.UK clickable cards, one per page: its name as a link and what it is for (home page, area front pages). */
export function LinkCards({ pages, width = 'one-half', heading = 'h2', size = 'm', testId }: { pages: readonly { path: string; label: string; description: string }[]; width?: 'one-half' | 'one-third'; heading?: 'h2' | 'h3'; size?: 's' | 'm'; testId?: string }) {
  const Heading = heading;
  return (
    <ul className="nhsuk-grid-row nhsuk-card-group" data-testid={testId}>
      {pages.map((p) => (
        <li className={`nhsuk-grid-column-${width} nhsuk-card-group__item`} key={p.path}>
          <div className="nhsuk-card nhsuk-card--clickable">
            <div className="nhsuk-card__content">
              <Heading className={`nhsuk-card__heading nhsuk-heading-${size}`}>
                <Link className="nhsuk-card__link" to={p.path}>
                  {p.label}
                </Link>
              </Heading>
              <p className="nhsuk-card__description">{p.description}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

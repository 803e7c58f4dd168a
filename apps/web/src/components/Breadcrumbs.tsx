import { Link } from 'react-router-dom';

/** NHS.UK breadcrumbs: the trail from the overview down to the current page (the last item is not a link). */
export function Breadcrumbs({ trail }: { trail: Array<{ label: string; to: string }> }) {
  if (trail.length === 0) return null;
  const parent = trail[trail.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {trail.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.to}>
            <Link className="nhsuk-breadcrumb__link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
      <Link className="nhsuk-back-link" to={parent.to}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {parent.label}
      </Link>
    </nav>
  );
}

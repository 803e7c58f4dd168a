/** NHS.UK breadcrumbs for a public page, as plain links (the server renders them; no router). */
export function PublicBreadcrumb({ trail }: { trail: Array<{ label: string; href: string }> }) {
  const parent = trail[trail.length - 1];
  if (!parent) return null;
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {trail.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <a className="nhsuk-breadcrumb__link" href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
      <a className="nhsuk-back-link" href={parent.href}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {parent.label}
      </a>
    </nav>
  );
}

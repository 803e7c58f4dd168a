import { PlacesMap } from './PlacesMap';
import { PlainText } from './PlainText';
import type { DistrictShape, PublicContent } from './types';
import { IllustrativeNotice, longDate } from './words';

export interface HomePageProps {
  partnership: string;
  footprint: { code: string; name: string };
  /** The plain-English plan summary, when published. */
  summary: PublicContent | null;
  /** Member organisations on today's date, grouped by kind ("NHS trust", "Local authority", …). */
  members: Array<{ kind: string; label: string; names: string[] }>;
  places: Array<{ code: string; name: string }>;
  deliverySystems: Array<{ name: string; places: string[] }>;
  districts: DistrictShape[];
  attribution: string;
  news: PublicContent[];
}

const LINKS = [
  { href: '/public/plan', label: 'Our plan', description: 'Our priorities and the ambitions we set in 2021, in plain words.' },
  { href: '/public/progress', label: 'Progress', description: 'How we are doing on each ambition, with the figures behind it.' },
  { href: '/public/news', label: 'News', description: 'What the partnership has been doing.' },
  { href: '/public/consultations', label: 'Have your say', description: 'Consultations open now, and what changed because of the ones that have closed.' },
];

/** The partnership in plain English: what it is, who is in it, its places and map, and where to read more. */
export function HomePage({ partnership, footprint, summary, members, places, deliverySystems, districts, attribution, news }: HomePageProps) {
  const placeName = new Map(places.map((p) => [p.code, p.name]));
  return (
    <>
      <h1>{partnership}</h1>
      <p className="nhsuk-lede-text">
        The NHS, councils and voluntary organisations of {footprint.name} working together on the health and care of everyone who lives here.
      </p>
      {summary && (
        <section aria-labelledby="summary-heading" data-testid="home-summary">
          <h2 id="summary-heading">{summary.title}</h2>
          {summary.illustrative && <IllustrativeNotice what="This summary" />}
          <PlainText text={summary.body.split(/\n\s*\n/).slice(0, 2).join('\n\n')} headingLevel={3} />
          <p className="nhsuk-body">
            <a href="/public/plan">Read the plan in plain English</a> or the <a href="/public/easy-read">easy read version</a>.
          </p>
        </section>
      )}
      <ul className="nhsuk-grid-row nhsuk-card-group" data-testid="home-links">
        {LINKS.map((l) => (
          <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={l.href}>
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <a className="nhsuk-card__link" href={l.href}>
                    {l.label}
                  </a>
                </h2>
                <p className="nhsuk-card__description">{l.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>

      <section aria-labelledby="places-heading" data-testid="home-places">
        <h2 id="places-heading">Our places</h2>
        <p className="nhsuk-body">
          {footprint.name} is {places.length} places, each a local council’s area. Much of the work is planned in each place, close to the people it is for.
        </p>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <PlacesMap districts={districts} attribution={attribution} title={`Map of ${footprint.name}'s ${places.length} places: ${places.map((p) => p.name).join(', ')}`} />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <h3>The places</h3>
            <ul className="nhsuk-list nhsuk-list--bullet" data-testid="places-list">
              {places.map((p) => (
                <li key={p.code}>{p.name}</li>
              ))}
            </ul>
          </div>
        </div>
        {deliverySystems.length > 0 && (
          <>
            <h3>Places working together</h3>
            <ul className="nhsuk-list nhsuk-list--bullet" data-testid="delivery-systems">
              {deliverySystems.map((d) => (
                <li key={d.name}>
                  {d.name}: {d.places.map((c) => placeName.get(c) ?? c).join(', ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="members-heading" data-testid="home-members">
        <h2 id="members-heading">Who is in the partnership</h2>
        {members.length === 0 ? (
          <p className="nhsuk-body">The list of member organisations has not been published yet.</p>
        ) : (
          <>
            <p className="nhsuk-body">{members.reduce((n, g) => n + g.names.length, 0)} organisations are members today:</p>
            {members.map((group) => (
              <details className="nhsuk-details" key={group.kind} data-testid="member-group">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">
                    {group.label} ({group.names.length})
                  </span>
                </summary>
                <div className="nhsuk-details__text">
                  <ul className="nhsuk-list nhsuk-list--bullet">
                    {group.names.map((n, i) => (
                      <li key={`${n}-${i}`}>{n}</li>
                    ))}
                  </ul>
                </div>
              </details>
            ))}
          </>
        )}
      </section>

      {news.length > 0 && (
        <section aria-labelledby="news-heading">
          <h2 id="news-heading">Latest news</h2>
          <ul className="nhsuk-list">
            {news.map((n) => (
              <li key={n.slug}>
                <a href={`/public/news/${encodeURIComponent(n.slug)}`}>{n.title}</a> <span className="nhsuk-body-s">({longDate(n.firstPublishedAt)})</span>
              </li>
            ))}
          </ul>
          <p className="nhsuk-body">
            <a href="/public/news">All news</a>
          </p>
        </section>
      )}
    </>
  );
}

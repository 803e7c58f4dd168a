import { PlainText } from './PlainText';
import type { PublicContent, PublicVersion } from './types';
import { FIELD_WORDS, IllustrativeNotice, longDate, publishedWords } from './words';

/** When it was published, and a link to every earlier version. */
function Provenance({ item, historyHref }: { item: PublicContent; historyHref: string }) {
  return (
    <p className="nhsuk-body-s fp-provenance" data-testid="provenance">
      {publishedWords(item)}. Version {item.version}. <a href={historyHref}>See the page’s history{item.version > 1 ? ` (${item.version} versions)` : ''}</a>
    </p>
  );
}

/** A published page (accessibility statement, privacy notice, or any other page staff write): its title, text and history link. */
export function ContentPage({ item, historyHref }: { item: PublicContent; historyHref: string }) {
  return (
    <article data-testid="content-page" data-version={item.version}>
      <h1>{item.title}</h1>
      {item.summary && <p className="nhsuk-lede-text">{item.summary}</p>}
      {item.illustrative && <IllustrativeNotice what="This page" />}
      <PlainText text={item.body} />
      <Provenance item={item} historyHref={historyHref} />
    </article>
  );
}

/**
 * The easy read version of the plan: short sentences in large text, one idea per line. Each line
 * of the text is its own paragraph; "## " lines are headings.
 */
export function EasyReadPage({ item, historyHref }: { item: PublicContent; historyHref: string }) {
  const lines = item.body.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <article className="fp-easy-read" data-testid="easy-read" data-version={item.version}>
      <h1>{item.title}</h1>
      {item.illustrative && <IllustrativeNotice what="This easy read version" />}
      {lines.map((line, i) =>
        line.startsWith('## ') ? (
          <h2 key={i}>{line.slice(3)}</h2>
        ) : (
          <p key={i} className="fp-easy-read__line">
            {line.replace(/^[-*]\s+/, '')}
          </p>
        ),
      )}
      <Provenance item={item} historyHref={historyHref} />
    </article>
  );
}

/** The news, newest first: each item's title, date and standfirst. */
export function NewsListPage({ items }: { items: PublicContent[] }) {
  return (
    <>
      <h1>News</h1>
      {items.length === 0 ? (
        <p className="nhsuk-body">There is no news yet.</p>
      ) : (
        <ul className="nhsuk-list fp-news-list" data-testid="news-list">
          {items.map((n) => (
            <li key={n.slug} className="fp-news-list__item">
              <h2 className="nhsuk-heading-m">
                <a href={`/public/news/${encodeURIComponent(n.slug)}`}>{n.title}</a>
              </h2>
              <p className="nhsuk-body-s fp-news-list__date">
                {longDate(n.firstPublishedAt)}
                {n.illustrative ? ' · Illustrative' : ''}
              </p>
              {n.summary && <p className="nhsuk-body">{n.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One news item. */
export function NewsItemPage({ item }: { item: PublicContent }) {
  return <ContentPage item={item} historyHref={`/public/news/${encodeURIComponent(item.slug)}/history`} />;
}

/** Frequently asked questions, in the order staff chose: each question a heading, its answer below. */
export function QuestionsPage({ items }: { items: PublicContent[] }) {
  return (
    <>
      <h1>Questions people ask</h1>
      <p className="nhsuk-lede-text">Answers to the questions we are asked most often. If yours is not here, <a href="/public/contact">get in touch</a>.</p>
      {items.length === 0 ? (
        <p className="nhsuk-body">There are no questions here yet.</p>
      ) : (
        <>
          <nav aria-labelledby="questions-contents">
            <h2 id="questions-contents" className="nhsuk-heading-s">
              Contents
            </h2>
            <ol className="nhsuk-list nhsuk-list--number">
              {items.map((q) => (
                <li key={q.slug}>
                  <a href={`#${q.slug}`}>{q.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          {items.map((q) => (
            <section key={q.slug} aria-labelledby={q.slug} data-testid="question">
              <h2 id={q.slug}>{q.title}</h2>
              {q.illustrative && <IllustrativeNotice what="This answer" />}
              <PlainText text={q.body} headingLevel={3} />
            </section>
          ))}
        </>
      )}
    </>
  );
}

/** Every published version of a page, newest first: when, what changed, and the whole text of each. */
export function HistoryPage({ title, pageHref, versions }: { title: string; pageHref: string; versions: PublicVersion[] }) {
  return (
    <>
      <h1>History of “{title}”</h1>
      <p className="nhsuk-body">
        Every version of <a href={pageHref}>this page</a> that we have published, newest first. We keep them all.
      </p>
      <ol className="nhsuk-list fp-history" reversed data-testid="history">
        {versions.map((v) => (
          <li key={v.version} className="fp-history__version" data-version={v.version}>
            <h2 className="nhsuk-heading-s">
              Version {v.version}, published {longDate(v.publishedAt)}
            </h2>
            <p className="nhsuk-body fp-plain-text" data-testid="history-change">
              {v.change}
            </p>
            <p className="nhsuk-body-s">Changed: {v.changedFields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}.</p>
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Read version {v.version}</span>
              </summary>
              <div className="nhsuk-details__text">
                <h3>{v.title}</h3>
                {v.summary && <p className="nhsuk-body">{v.summary}</p>}
                <PlainText text={v.body} headingLevel={3} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

/** A public page that is not there: what to do instead. */
export function PublicNotFoundPage({ detail }: { detail: string }) {
  return (
    <>
      <h1>Page not found</h1>
      <p className="nhsuk-body" data-testid="not-found-detail">
        {detail}
      </p>
      <p className="nhsuk-body">
        Check the address, or go to the <a href="/public">home page</a>.
      </p>
    </>
  );
}

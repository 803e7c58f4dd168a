import { Link } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { KIND_LABELS, publicHref, statusWords, when, type ContentItem, type ContentKind } from './types';

const KINDS: ContentKind[] = ['page', 'news', 'question'];

function ItemsTable({ kind, items }: { kind: ContentKind; items: ContentItem[] }) {
  return (
    <table className="nhsuk-table" data-testid={`content-table-${kind}`}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{KIND_LABELS[kind]}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            {kind === 'question' ? 'Question' : 'Title'}
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
          <th scope="col" className="nhsuk-table__header">
            Last changed
          </th>
          <th scope="col" className="nhsuk-table__header">
            Public page
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((item) => (
          <tr key={item.id} className="nhsuk-table__row" data-testid="content-row" data-slug={item.slug}>
            <td className="nhsuk-table__cell">
              <Link to={`/engage/content/${item.id}`}>{item.title}</Link>
              {item.illustrative && <span className="nhsuk-body-s"> (illustrative)</span>}
            </td>
            <td className="nhsuk-table__cell">
              <strong className={`nhsuk-tag ${item.publishedVersion === null ? 'nhsuk-tag--grey' : item.unpublishedChanges ? 'nhsuk-tag--yellow' : 'nhsuk-tag--green'}`}>{statusWords(item)}</strong>
            </td>
            <td className="nhsuk-table__cell">
              {when(item.updatedAt)} by {item.updatedBy}
            </td>
            <td className="nhsuk-table__cell">{item.publishedVersion === null ? 'Not yet' : <a href={publicHref(item)}>View<span className="nhsuk-u-visually-hidden"> {item.title} as the public sees it</span></a>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every public page, news item and question, with where each stands; a link to write a new one. */
export function ContentListPage() {
  usePageTitle('Public content');
  const state = useApi<{ items: ContentItem[] }>('/engage/content');
  return (
    <>
      <h1>Public content</h1>
      <p className="nhsuk-lede-text">The pages, news and questions the public reads. Edit a draft, then publish it: every published version is kept.</p>
      <p>
        <Link className="nhsuk-button" to="/engage/content/new">
          Write something new
        </Link>
      </p>
      <Load state={state} what="the content">
        {({ items }) => (
          <>
            {KINDS.map((kind) => {
              const mine = items.filter((i) => i.kind === kind);
              return mine.length ? <ItemsTable key={kind} kind={kind} items={mine} /> : null;
            })}
            {items.length === 0 && <p className="nhsuk-body">Nothing has been written yet.</p>}
          </>
        )}
      </Load>
    </>
  );
}

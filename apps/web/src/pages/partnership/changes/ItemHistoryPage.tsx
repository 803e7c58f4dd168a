import { Link, useParams } from 'react-router-dom';
import type { ItemHistoryView, VersionView } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { ChangeTag, ValueText, whoText } from './ChangeParts';

/** What a version did, in words, above its table. */
function versionLead(version: VersionView, first: boolean): string {
  if (version.change === 'deleted') return 'The item was deleted. Its history is kept, and nothing in it changed.';
  if (version.change === 'restored') return 'The item was restored after being deleted.';
  if (first) return version.change === 'imported' ? 'The item was imported with these values.' : 'The item was created with these values.';
  if (version.changes.length === 0) return 'No field changed.';
  return `${version.changes.length === 1 ? 'One field' : `${version.changes.length} fields`} changed.`;
}

function VersionSection({ version, first }: { version: VersionView; first: boolean }) {
  const id = `version-${version.version}`;
  return (
    <section className="footprint-history-version" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="nhsuk-heading-m">
        Version {version.version}: {version.changeLabel.toLowerCase()} <ChangeTag version={version} />
      </h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Who</dt>
          <dd className="nhsuk-summary-list__value" data-field="who">{whoText(version.who)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">When</dt>
          <dd className="nhsuk-summary-list__value" data-field="when">
            <time dateTime={version.when}>{formatDateTime(version.when)}</time>
          </dd>
        </div>
      </dl>
      <p>{versionLead(version, first)}</p>
      {version.changes.length > 0 && (
        <div className="nhsuk-table-container" role="region" aria-label={`What version ${version.version} changed`} tabIndex={0}>
          <table className="nhsuk-table" data-testid={`changes-${version.version}`}>
            <caption className="nhsuk-u-visually-hidden">What version {version.version} changed, before and after</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Field</th>
                <th scope="col" className="nhsuk-table__header">Before</th>
                <th scope="col" className="nhsuk-table__header">After</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {version.changes.map((c) => (
                <tr className="nhsuk-table__row" key={c.field} data-field={c.field}>
                  <th scope="row" className="nhsuk-table__cell" data-column="field">{c.label}</th>
                  <td className="nhsuk-table__cell" data-column="before"><ValueText text={c.beforeText} /></td>
                  <td className="nhsuk-table__cell" data-column="after"><ValueText text={c.afterText} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * One item's history (the page every part of the register and plan links to as "History"): each
 * version, newest first, with who made it, when, and a before → after table of what it changed;
 * deletions and restorations marked.
 */
export function ItemHistoryPage() {
  const { itemId = '' } = useParams();
  const history = useApi<ItemHistoryView>(`/partnership/items/${encodeURIComponent(itemId)}/history`);
  const title = history.status === 'ready' ? history.data.item.title : 'History';
  usePageTitle(`History: ${title}`);
  return (
    <>
      <PartnershipNav />
      <Load state={history} what="the history">
        {({ item, versions }) => (
          <>
            <span className="nhsuk-caption-l">History of a {item.kindLabel}</span>
            <h1>
              {item.title} {item.deleted && <strong className="nhsuk-tag nhsuk-tag--red">Deleted</strong>}
            </h1>
            <p className="nhsuk-body">
              {versions.length === 1 ? 'One version' : `${versions.length} versions`}, newest first.
              {item.parent && (
                <>
                  {' '}It belongs to the {item.parent.kindLabel} <Link to={`/partnership/changes/${encodeURIComponent(item.parent.id)}`}>{item.parent.title}</Link>.
                </>
              )}
            </p>
            <p>
              <Link to="/partnership/changes">All changes to the register and plan</Link>
            </p>
            {versions.map((v, i) => (
              <VersionSection key={v.version} version={v} first={i === versions.length - 1} />
            ))}
          </>
        )}
      </Load>
    </>
  );
}

import { Link, useSearchParams } from 'react-router-dom';
import type { CoordinationWorklist as Worklist, CoordinationWorklistItem as WorklistItem } from '@footprint/server';
import { useApi } from '../../../api/useApi';
import { formatDate, formatNhsNumber } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { OverdueTag, StatusTag } from './StatusTag';

function Row({ item, direction }: { item: WorklistItem; direction: Worklist['direction'] }) {
  const other = direction === 'incoming' ? item.from : item.to;
  return (
    <tr className={`nhsuk-table__row${item.overdue ? ' footprint-overdue' : ''}`} data-testid="worklist-row">
      <td className="nhsuk-table__cell">
        <Link to={`/coordination/tasks/${encodeURIComponent(item.taskId)}`}>{item.patient ? item.patient.name : 'Person not visible to you'}</Link>
        {item.patient?.nhsNumber && <span className="nhsuk-body-s nhsuk-u-display-block">NHS {formatNhsNumber(item.patient.nhsNumber)}</span>}
      </td>
      <td className="nhsuk-table__cell">
        {item.categoryLabel}
        {item.priority === 'urgent' && <strong className="nhsuk-tag nhsuk-tag--orange nhsuk-u-margin-left-1">Urgent</strong>}
        <span className="nhsuk-body-s nhsuk-u-display-block">{item.reason}</span>
      </td>
      <td className="nhsuk-table__cell">{other.name}</td>
      <td className="nhsuk-table__cell">{formatDate(item.authoredOn)}</td>
      <td className="nhsuk-table__cell">
        {item.dueDate ? formatDate(item.dueDate) : 'No date'} {item.overdue && <OverdueTag />}
      </td>
      <td className="nhsuk-table__cell">
        <StatusTag status={item.status} label={item.statusLabel} />
      </td>
    </tr>
  );
}

/**
 * The organisation's worklist (docs/coordination.md §4): referrals and tasks addressed to it, or
 * that it asked for, overdue first. Each opens the task, where it is moved on.
 */
export function WorklistPage() {
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  usePageTitle(direction === 'incoming' ? 'Referrals and tasks for us' : 'Referrals we have made');
  const state = useApi<Worklist>(`/coordination/worklist?direction=${direction}`);
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Care coordination</span>
        Referrals and tasks
      </h1>
      <nav aria-label="Worklists" className="nhsuk-u-margin-bottom-4" data-testid="worklist-tabs">
        <ul className="nhsuk-list footprint-inline-list">
          {(['incoming', 'outgoing'] as const).map((d) => (
            <li key={d}>
              <a
                href={`?direction=${d}`}
                aria-current={d === direction ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setParams(d === 'incoming' ? {} : { direction: d });
                }}
              >
                {d === direction ? <strong>{d === 'incoming' ? 'For us to do' : 'Asked of others'}</strong> : d === 'incoming' ? 'For us to do' : 'Asked of others'}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <Link to="/coordination/meetings" data-testid="meetings-link">
          Team meetings
        </Link>
        {' · '}
        <Link to="/coordination/directory" data-testid="directory-link">
          Community services directory
        </Link>
      </p>
      <Load state={state} what="the worklist">
        {(data) => (
          <>
            <p className="nhsuk-body" data-testid="worklist-counts">
              {data.counts.open} open{data.counts.overdue > 0 && <>, <strong>{data.counts.overdue} overdue</strong></>}, {data.counts.finished} finished.
            </p>
            {data.notice && (
              <div className="nhsuk-inset-text" data-testid="worklist-notice">
                <p>{data.notice}</p>
              </div>
            )}
            {data.items.length === 0 ? (
              <p>{direction === 'incoming' ? 'Nothing has been asked of your organisation.' : 'Your organisation has not referred anyone yet. Refer from a person’s shared care record.'}</p>
            ) : (
              <table className="nhsuk-table" data-testid="worklist">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{direction === 'incoming' ? 'Referrals and tasks for your organisation' : 'Referrals and tasks your organisation asked of others'}</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">Person</th>
                    <th scope="col" className="nhsuk-table__header">What</th>
                    <th scope="col" className="nhsuk-table__header">{direction === 'incoming' ? 'From' : 'To'}</th>
                    <th scope="col" className="nhsuk-table__header">Asked</th>
                    <th scope="col" className="nhsuk-table__header">Due</th>
                    <th scope="col" className="nhsuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {data.items.map((item) => (
                    <Row key={item.taskId} item={item} direction={direction} />
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Load>
    </>
  );
}

import type { InboxAnswer } from '@footprint/engage';
import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { formatDate, formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { MailNotice, StateTag } from './EnquiryParts';

const STATES = [
  ['', 'All'],
  ['new', 'New'],
  ['open', 'Open'],
  ['closed', 'Closed'],
] as const;

/**
 * The get-in-touch inbox: enquiries newest first, filtered by state and team, with the count in
 * each state; whether replies are emailed; the retention policy and its last run.
 */
export function EnquiriesPage() {
  usePageTitle('Enquiries');
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const team = params.get('team') ?? '';
  const query = new URLSearchParams({ ...(state ? { state } : {}), ...(team ? { team } : {}) }).toString();
  const inbox = useApi<InboxAnswer>(`/engage/enquiries${query ? `?${query}` : ''}`);
  const filter = (next: { state?: string; team?: string }) => {
    const merged = { state, team, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  return (
    <>
      <h1>Enquiries</h1>
      <p className="nhsuk-lede-text">Messages the public sent through “Get in touch”. Assign each to a team, reply, and close it when it is dealt with.</p>
      <Load state={inbox} what="the enquiries">
        {(data) => (
          <>
            <MailNotice mail={data.mail} />
            <nav aria-label="Filter by state">
              <ul className="nhsuk-list fp-inline-list" data-testid="state-filter">
                {STATES.map(([value, label]) => (
                  <li key={value}>
                    {value === state ? (
                      <strong aria-current="true">
                        {label} ({value ? data.counts[value] : data.counts.all})
                      </strong>
                    ) : (
                      <a href={`?${new URLSearchParams({ ...(value ? { state: value } : {}), ...(team ? { team } : {}) }).toString()}`} onClick={(e) => { e.preventDefault(); filter({ state: value }); }}>
                        {label} ({value ? data.counts[value] : data.counts.all})
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="team-filter">
                Team
              </label>
              <select className="nhsuk-select" id="team-filter" value={team} onChange={(e) => filter({ team: e.target.value })}>
                <option value="">All teams</option>
                <option value="none">Not yet assigned</option>
                {data.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            {data.enquiries.length === 0 ? (
              <p data-testid="no-enquiries">There are no enquiries here.</p>
            ) : (
              <table className="nhsuk-table-responsive" data-testid="enquiries">
                <caption className="nhsuk-table__caption">Enquiries, newest first</caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Received</th>
                    <th scope="col">About</th>
                    <th scope="col">From</th>
                    <th scope="col">Team</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {data.enquiries.map((e) => (
                    <tr key={e.reference} className="nhsuk-table__row">
                      <td className="nhsuk-table__cell">
                        <span className="nhsuk-table-responsive__heading">Reference </span>
                        <Link to={`/engage/enquiries/${e.reference}`} className="fp-reference">
                          {e.reference}
                        </Link>
                      </td>
                      <td className="nhsuk-table__cell">
                        <span className="nhsuk-table-responsive__heading">Received </span>
                        {formatDateTime(e.receivedAt)}
                      </td>
                      <td className="nhsuk-table__cell">
                        <span className="nhsuk-table-responsive__heading">About </span>
                        {e.topicLabel}
                        {e.excerpt !== null && <span className="nhsuk-body-s fp-excerpt"><br />{e.excerpt}</span>}
                      </td>
                      <td className="nhsuk-table__cell">
                        <span className="nhsuk-table-responsive__heading">From </span>
                        {e.personalDataRemovedAt ? 'Removed' : (e.name ?? 'No name given')}
                        {e.hasEmail && ' (email)'}
                      </td>
                      <td className="nhsuk-table__cell">
                        <span className="nhsuk-table-responsive__heading">Team </span>
                        {e.team?.name ?? 'Not assigned'}
                      </td>
                      <td className="nhsuk-table__cell">
                        <span className="nhsuk-table-responsive__heading">State </span>
                        <StateTag state={e.state} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2>Retention</h2>
            <p data-testid="retention">
              The name, email address and message of a closed enquiry are deleted {data.retention.days} days after it is closed; its topic, dates, team and outcome are kept.{' '}
              {data.retention.lastRun
                ? `The retention job last ran on ${formatDate(data.retention.lastRun.ranAt)} and removed the personal data of ${data.retention.lastRun.removed.enquiries} enquir${data.retention.lastRun.removed.enquiries === 1 ? 'y' : 'ies'}.`
                : 'The retention job has not run yet: it runs daily.'}
            </p>
          </>
        )}
      </Load>
    </>
  );
}

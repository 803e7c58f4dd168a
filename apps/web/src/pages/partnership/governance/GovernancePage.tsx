import { Link } from 'react-router-dom';
import type { GovernanceOverview } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { PartnershipNav } from '../PartnershipNav';
import { NewBodyForm } from './NewBodyForm';
import { HistoryLink, ILLUSTRATIVE_NOTICE } from './parts';

/** A count that leads to the rows it counts (the action log, filtered). */
function CountCard({ title, to, count, testId }: { title: string; to: string; count: number; testId: string }) {
  return (
    <li className="nhsuk-grid-column-one-half nhsuk-card-group__item">
      <div className="nhsuk-card nhsuk-card--clickable">
        <div className="nhsuk-card__content">
          <h2 className="nhsuk-card__heading nhsuk-heading-m">
            <Link className="nhsuk-card__link" to={to}>
              {title}
            </Link>
          </h2>
          <p className="nhsuk-card__description footprint-governance-count" data-testid={testId}>
            {count}
          </p>
        </div>
      </div>
    </li>
  );
}

/**
 * The partnership's governance at a glance: its bodies (the board, the assembly, the commissioning
 * forum, the clinical and professional networks) with their next meetings, and how many actions
 * are open and overdue, each leading to the body, the meeting or the action log.
 */
export function GovernancePage() {
  usePageTitle('Governance');
  const { can } = useSession();
  const overview = useApi<GovernanceOverview>('/partnership/governance');
  return (
    <div className="footprint-governance">
      <PartnershipNav />
      <h1>Governance</h1>
      <Load state={overview} what="the partnership’s governance">
        {(data) => (
          <>
            <p className="nhsuk-lede-text">How {data.footprint.name} is governed: its bodies, who sits on them, their meetings, what they decided and what they asked people to do.</p>
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{ILLUSTRATIVE_NOTICE}</p>
            </div>
            <ul className="nhsuk-grid-row nhsuk-card-group" data-testid="action-counts">
              <CountCard title="Open actions" to="/partnership/governance/actions?status=open,in-progress" count={data.actions.open} testId="open-actions" />
              <CountCard title="Overdue actions" to="/partnership/governance/actions?overdue=true" count={data.actions.overdue} testId="overdue-actions" />
            </ul>
            <p>
              <Link to="/partnership/governance/actions">See the action log</Link>
            </p>

            <h2>Bodies</h2>
            <FigureTable
              caption="The partnership’s governance bodies"
              hideCaption
              testId="governance-bodies"
              emptyText="No governance bodies are recorded yet."
              columns={[
                { key: 'name', header: 'Body', render: (b) => <Link to={`/partnership/governance/bodies/${encodeURIComponent(b.id)}`}>{b.name}</Link> },
                { key: 'typeLabel', header: 'Kind' },
                { key: 'members', header: 'Members', numeric: true, render: (b) => String(b.members) },
                { key: 'next', header: 'Next meeting', nowrap: true, render: (b) => (b.nextMeeting ? <Link to={`/partnership/governance/meetings/${encodeURIComponent(b.nextMeeting.id)}`}>{formatDate(b.nextMeeting.date)}</Link> : b.ended ? `Ended ${formatDate(b.ended)}` : 'None planned') },
                { key: 'open', header: 'Open actions', numeric: true, render: (b) => String(b.openActions) },
                { key: 'overdue', header: 'Overdue', numeric: true, render: (b) => String(b.overdueActions) },
                { key: 'history', header: 'History', render: (b) => <HistoryLink id={b.id} what={b.name} /> },
              ]}
              rows={data.bodies}
            />

            <h2>Next meetings</h2>
            {data.nextMeetings.length === 0 ? (
              <p>No meetings are planned.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet" data-testid="next-meetings">
                {data.nextMeetings.map((m) => (
                  <li key={m.id}>
                    <Link to={`/partnership/governance/meetings/${encodeURIComponent(m.id)}`}>{m.title}</Link>
                    {m.startTime ? `, ${m.startTime}` : ''}
                    {m.online ? ' (online)' : m.location ? `, ${m.location}` : ''}
                    {m.public ? '' : ' (private)'}
                  </li>
                ))}
              </ul>
            )}
            {can('partnership-edit') && <NewBodyForm onCreated={overview.reload} />}
          </>
        )}
      </Load>
    </div>
  );
}

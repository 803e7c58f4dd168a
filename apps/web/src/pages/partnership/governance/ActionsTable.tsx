import { Link } from 'react-router-dom';
import type { ActionView } from '@footprint/partnership';
import { FigureTable, type Column } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { ActionStatus, HistoryLink } from './parts';

/**
 * Actions as a table: what, who owns it, when it is due, its status (and whether overdue), when
 * and how it was completed, and its history; with `showMeeting` the body and meeting it came from,
 * and with `onUpdate` a button to record progress (editors only).
 */
export function ActionsTable({ actions, caption, showMeeting, onUpdate, testId }: { actions: ActionView[]; caption: string; showMeeting?: boolean; onUpdate?: (action: ActionView) => void; testId: string }) {
  const columns: Column<ActionView>[] = [
    { key: 'description', header: 'Action', render: (a) => (a.decision ? <>{a.description} <span className="nhsuk-body-s">(from decision {a.decision.reference ?? a.decision.text})</span></> : a.description) },
    { key: 'owner', header: 'Owner', render: (a) => a.owner.label },
    { key: 'dueDate', header: 'Due', nowrap: true, render: (a) => formatDate(a.dueDate) },
    { key: 'status', header: 'Status', render: (a) => <ActionStatus action={a} /> },
    { key: 'completed', header: 'Completed', render: (a) => (a.completedOn ? `${formatDate(a.completedOn)}${a.completionNote ? `: ${a.completionNote}` : ''}` : '—') },
    ...(showMeeting ? [{ key: 'meeting', header: 'From', render: (a: ActionView) => <Link to={`/partnership/governance/meetings/${encodeURIComponent(a.meeting.id)}`}>{a.meeting.title}</Link> }] : []),
    {
      key: 'history',
      header: onUpdate ? 'Change' : 'History',
      render: (a) => (
        <>
          {onUpdate && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2" onClick={() => onUpdate(a)}>
              Update<span className="nhsuk-u-visually-hidden"> the action: {a.description}</span>
            </button>
          )}
          <HistoryLink id={a.id} what={`the action: ${a.description}`} />
        </>
      ),
    },
  ];
  return <FigureTable caption={caption} testId={testId} emptyText="No actions." columns={columns} rows={actions} />;
}

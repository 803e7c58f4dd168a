import { Link } from 'react-router-dom';
import type { ActionView } from '@footprint/partnership';
import { formatDate } from '../../../components/format';

const TAG_COLOURS: Record<string, string> = {
  open: 'nhsuk-tag--blue',
  'in-progress': 'nhsuk-tag--yellow',
  done: 'nhsuk-tag--green',
  cancelled: 'nhsuk-tag--grey',
  planned: 'nhsuk-tag--blue',
  held: 'nhsuk-tag--green',
  approved: 'nhsuk-tag--green',
  deferred: 'nhsuk-tag--yellow',
  rejected: 'nhsuk-tag--red',
  noted: 'nhsuk-tag--grey',
  overdue: 'nhsuk-tag--red',
};

/** A status (of a meeting, decision or action) as an NHS.UK tag. */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return <strong className={`nhsuk-tag ${TAG_COLOURS[status] ?? 'nhsuk-tag--grey'}`}>{label}</strong>;
}

/** An action's status, and "Overdue" beside it when its due date has passed while it is still open. */
export function ActionStatus({ action }: { action: Pick<ActionView, 'status' | 'statusLabel' | 'overdue'> }) {
  return (
    <span className="footprint-governance-tags">
      <StatusTag status={action.status} label={action.statusLabel} />
      {action.overdue && <StatusTag status="overdue" label="Overdue" />}
    </span>
  );
}

/** The link every item carries to its history (who changed what, when): the changes pages. */
export function HistoryLink({ id, what }: { id: string; what: string }) {
  return (
    <Link to={`/partnership/changes/${encodeURIComponent(id)}`}>
      History<span className="nhsuk-u-visually-hidden"> of {what}</span>
    </Link>
  );
}

/** "Version 3, changed by Pat Lead on 2 Dec 2026": how current an item is, with its history link. */
export function VersionLine({ item, what }: { item: { id: string; version: number; updatedAt: string; updatedBy: string }; what: string }) {
  return (
    <p className="nhsuk-body-s footprint-governance-version">
      Version {item.version}, last changed by {item.updatedBy} on {formatDate(item.updatedAt)}. <HistoryLink id={item.id} what={what} />
    </p>
  );
}

/** Multi-paragraph text people wrote (minutes, terms of reference): paragraphs split on blank lines, never as HTML. */
export function Paragraphs({ text, testId }: { text: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      {text.split(/\n\s*\n/).map((p, i) => (
        <p key={i} className="footprint-governance-paragraph">
          {p}
        </p>
      ))}
    </div>
  );
}

export const ILLUSTRATIVE_NOTICE = 'The demo’s governance is illustrative: the bodies are those the partnership describes, but members’ roles, meetings, papers, minutes, decisions and actions are made up. No real person is named.';

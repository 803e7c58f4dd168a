import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { TaskDetailResponse } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { formatDate, formatDateTime, formatNhsNumber } from '../../../components/format';
import { Load, ProblemMessage } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { WellbeingPanel } from '../social-prescribing/WellbeingPanel';
import { MOVE_LABELS, OverdueTag, StatusTag } from './StatusTag';

const NEEDS_REASON = new Set(['rejected', 'failed']);

function MoveForm({ task, onMoved }: { task: TaskDetailResponse; onMoved(): void }) {
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { submit, busy, problem } = useSubmit(async () => {
    await api(`/coordination/tasks/${encodeURIComponent(task.taskId)}/status`, { method: 'POST', body: { status, reason, note, version: task.version } });
    setStatus('');
    setReason('');
    setNote('');
    onMoved();
  }, 'The change was not saved');
  return (
    <form onSubmit={submit} noValidate data-testid="move-task">
      {problem && <ProblemMessage error={problem} />}
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">What happens next</legend>
          <div className="nhsuk-radios">
            {task.moves.map((m) => (
              <div className="nhsuk-radios__item" key={m}>
                <input className="nhsuk-radios__input" id={`move-${m}`} name="move" type="radio" value={m} checked={status === m} onChange={() => setStatus(m)} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`move-${m}`}>
                  {MOVE_LABELS[m] ?? m}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {NEEDS_REASON.has(status) && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="move-reason">
            Why (the organisation that asked is shown this)
          </label>
          <textarea className="nhsuk-textarea" id="move-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="move-note">
          Note for the other organisation (optional)
        </label>
        <textarea className="nhsuk-textarea" id="move-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy || !status}>
        Save
      </button>
    </form>
  );
}

/** One referral or task: what was asked, of whom, its state and every change of it, and what this organisation may do next. */
export function TaskPage() {
  const { id = '' } = useParams();
  usePageTitle('Referral');
  const state = useApi<TaskDetailResponse>(`/coordination/tasks/${encodeURIComponent(id)}`);
  return (
    <Load state={state} what="the referral">
      {(task) => (
        <>
          <h1>
            <span className="nhsuk-caption-l">
              {task.categoryLabel} referral from {task.from.name} to {task.to.name}
            </span>
            {task.patient ? task.patient.name : 'A person not visible to your organisation'}
          </h1>
          <p>
            <StatusTag status={task.status} label={task.statusLabel} /> {task.overdue && <OverdueTag />}
          </p>
          {task.statusReason && (
            <div className="nhsuk-inset-text" data-testid="status-reason">
              <p>
                <strong>Reason given:</strong> {task.statusReason}
              </p>
            </div>
          )}
          <SummaryList
            testId="task-summary"
            rows={[
              ['What is asked', task.reason],
              ['Priority', task.priority === 'urgent' ? 'Urgent' : 'Routine'],
              ['Asked', formatDate(task.authoredOn)],
              ['Due', task.dueDate ? formatDate(task.dueDate) : 'No date given'],
              ['From', task.from.name],
              ['To', task.to.name],
              ...(task.patient
                ? ([
                    ['NHS number', formatNhsNumber(task.patient.nhsNumber)],
                    ['Date of birth', formatDate(task.patient.birthDate)],
                    ['Record', <Link key="record" to={`/care-record/patients/${encodeURIComponent(task.patient.id)}`}>Open the shared care record</Link>],
                  ] as Array<[string, ReactNode]>)
                : []),
            ]}
          />
          {task.moves.length > 0 ? <MoveForm task={task} onMoved={() => state.reload()} /> : <p>Your organisation has nothing more to do on this referral.</p>}
          {task.category === 'social-prescribing' && <WellbeingPanel taskId={task.taskId} />}
          <h2>What has happened</h2>
          <ol className="nhsuk-list" data-testid="task-history">
            {task.history.map((h) => (
              <li key={h.version}>
                <strong>{h.statusLabel}</strong> — {formatDateTime(h.at)}
                {h.organisationName && <> by {h.organisationName}</>}
                {h.reason && <>: {h.reason}</>}
              </li>
            ))}
          </ol>
          {task.notes.length > 0 && (
            <>
              <h2>Notes</h2>
              <ul className="nhsuk-list" data-testid="task-notes">
                {task.notes.map((n, i) => (
                  <li key={i}>
                    <p className="nhsuk-u-margin-bottom-1">{n.text}</p>
                    <p className="nhsuk-body-s">
                      {n.author ?? 'Someone'}
                      {n.time && <>, {formatDateTime(n.time)}</>}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link to="/coordination">Back to the worklist</Link>
          </p>
        </>
      )}
    </Load>
  );
}

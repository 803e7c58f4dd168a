import { useState, type FormEvent } from 'react';
import type { ActionView, DecisionView, GovernanceOptions, Meeting, Versioned } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Field, FormCard, FormErrors, Radios, SelectField, TextArea, useSave } from './form-fields';

const base = '/partnership/governance';
const today = () => new Date().toISOString().slice(0, 10);

/** Records an action's progress: its status, and when done or cancelled, the date and a note. Sent with the version it was read at. */
export function ActionUpdateForm({ action, onDone }: { action: ActionView; onDone(saved: boolean): void }) {
  const options = useApi<GovernanceOptions>(`${base}/options`);
  const [status, setStatus] = useState<string>(action.status);
  const [dueDate, setDueDate] = useState(action.dueDate);
  const [completedOn, setCompletedOn] = useState(action.completedOn ?? '');
  const [note, setNote] = useState(action.completionNote ?? '');
  const form = useSave({ status: 'action-status', dueDate: 'action-due', completedOn: 'action-completed', completionNote: 'action-note' });
  const finished = status === 'done' || status === 'cancelled';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.fail(status === 'done' && !completedOn ? [{ field: 'action-completed', message: 'Enter the date the action was completed' }] : [])) return;
    const owner = { ...(action.owner.organisation ? { organisation: action.owner.organisation.id } : {}), ...(action.owner.role ? { role: action.owner.role } : {}), ...(action.owner.person ? { person: action.owner.person } : {}) };
    const saved = await form.save('PUT', `${base}/actions/${encodeURIComponent(action.id)}`, {
      ifVersion: action.version,
      description: action.description,
      owner,
      dueDate,
      status,
      ...(finished && completedOn ? { completedOn } : {}),
      ...(finished && note.trim() ? { completionNote: note } : {}),
    });
    if (saved) onDone(true);
  }
  return (
    <FormCard title="Update the action" testId="action-update-form">
      <p>{action.description}</p>
      <p className="nhsuk-body-s">Owner: {action.owner.label}</p>
      <form onSubmit={submit} noValidate>
        <FormErrors id="action-update-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        <Radios id="action-status" legend="Status" value={status} onChange={(v) => { setStatus(v); if ((v === 'done' || v === 'cancelled') && !completedOn) setCompletedOn(today()); }} error={form.errorFor('action-status')} options={options.status === 'ready' ? options.data.vocabulary.actionStatuses : []} />
        <Field id="action-due" label="Due date" type="date" value={dueDate} onChange={setDueDate} error={form.errorFor('action-due')} />
        {finished && (
          <>
            <Field id="action-completed" label={status === 'done' ? 'Completed on' : 'Cancelled on'} type="date" value={completedOn} onChange={setCompletedOn} error={form.errorFor('action-completed')} />
            <TextArea id="action-note" label={status === 'done' ? 'Completion note' : 'Why it was cancelled'} rows={3} value={note} onChange={setNote} error={form.errorFor('action-note')} />
          </>
        )}
        <div className="footprint-governance-buttons">
          <button className="nhsuk-button" type="submit" disabled={form.busy}>
            Save the action
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </FormCard>
  );
}

/** Records a new action from this meeting, or from one of its decisions. */
export function NewActionForm({ meetingId, decisions, onSaved }: { meetingId: string; decisions: DecisionView[]; onSaved(): void }) {
  const options = useApi<GovernanceOptions>(`${base}/options`);
  const [description, setDescription] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [decision, setDecision] = useState('');
  const form = useSave({ description: 'new-action-description', 'owner.organisation': 'new-action-organisation', owner: 'new-action-role', 'owner.role': 'new-action-role', dueDate: 'new-action-due' });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [
      ...(description.trim() ? [] : [{ field: 'new-action-description', message: 'Describe the action' }]),
      ...(organisation || role.trim() ? [] : [{ field: 'new-action-role', message: 'Choose the owner’s organisation or enter their role' }]),
      ...(dueDate ? [] : [{ field: 'new-action-due', message: 'Enter the due date' }]),
    ];
    if (form.fail(missing)) return;
    const parent = decision ? `decisions/${encodeURIComponent(decision)}` : `meetings/${encodeURIComponent(meetingId)}`;
    const saved = await form.save('POST', `${base}/${parent}/actions`, { description, owner: { ...(organisation ? { organisation } : {}), ...(role.trim() ? { role } : {}) }, dueDate, status: 'open' });
    if (saved) {
      setDescription('');
      setRole('');
      setDueDate('');
      onSaved();
    }
  }
  const organisations = options.status === 'ready' ? options.data.organisations : [];
  return (
    <FormCard title="Add an action" testId="new-action-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="new-action-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        <TextArea id="new-action-description" label="Action" rows={2} value={description} onChange={setDescription} error={form.errorFor('new-action-description')} />
        <SelectField id="new-action-organisation" label="Owner’s organisation" value={organisation} onChange={setOrganisation} error={form.errorFor('new-action-organisation')} options={[{ value: '', label: 'No organisation' }, ...organisations.map((o) => ({ value: o.id, label: o.odsCode ? `${o.name} (${o.odsCode})` : o.name }))]} />
        <Field id="new-action-role" label="Owner’s role" hint="A role title, for example Director of Public Health" value={role} onChange={setRole} error={form.errorFor('new-action-role')} />
        <Field id="new-action-due" label="Due date" type="date" value={dueDate} onChange={setDueDate} error={form.errorFor('new-action-due')} />
        {decisions.length > 0 && <SelectField id="new-action-decision" label="From decision" value={decision} onChange={setDecision} options={[{ value: '', label: 'None: from the meeting' }, ...decisions.map((d) => ({ value: d.id, label: d.reference ?? d.text.slice(0, 60) }))]} />}
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Add the action
        </button>
      </form>
    </FormCard>
  );
}

/** Writes or corrects the minutes (a new version of the meeting each time, so earlier wording stays in its history). */
export function MinutesForm({ meeting, onSaved }: { meeting: Versioned<Meeting>; onSaved(): void }) {
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const form = useSave({ minutes: 'meeting-minutes-text' });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const { id, version, updatedAt, updatedBy, ...data } = meeting as Versioned<Meeting> & { title?: string; statusLabel?: string };
    void id;
    void updatedAt;
    void updatedBy;
    delete data.title;
    delete data.statusLabel;
    if (await form.save('PUT', `${base}/meetings/${encodeURIComponent(meeting.id)}`, { ...data, minutes, ifVersion: version })) onSaved();
  }
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{meeting.minutes ? 'Change the minutes' : 'Write the minutes'}</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={submit} noValidate data-testid="minutes-form">
          <FormErrors id="minutes-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
          <TextArea id="meeting-minutes-text" label="Minutes" hint="Separate paragraphs with a blank line." rows={8} value={minutes} onChange={setMinutes} error={form.errorFor('meeting-minutes-text')} />
          <button className="nhsuk-button" type="submit" disabled={form.busy}>
            Save the minutes
          </button>
        </form>
      </div>
    </details>
  );
}

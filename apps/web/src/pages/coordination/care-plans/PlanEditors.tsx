import { Select } from '../../../components/Select';

/** An organisation the plan can name: the user's own, and every partner. */
export interface OrganisationChoice {
  reference: string;
  name: string;
}

export interface MemberDraft {
  organisation: string;
  name: string;
  role: string;
}

export interface ActivityDraft {
  description: string;
  owner: string;
  ownerName: string;
  status: string;
}

const STATUSES = [
  { value: 'not-started', label: 'Not started' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'completed', label: 'Done' },
  { value: 'cancelled', label: 'Stopped' },
];

const choices = (organisations: OrganisationChoice[]) => [{ value: '', label: 'Choose an organisation' }, ...organisations.map((o) => ({ value: o.reference, label: o.name }))];

function Field({ id, label, value, onChange, width = 'nhsuk-u-width-full' }: { id: string; label: string; value: string; onChange(v: string): void; width?: string }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <input className={`nhsuk-input ${width}`} id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The care team: each member's organisation, name and role. Being in the team relates the organisation to the person. */
export function TeamEditor({ team, organisations, onChange }: { team: MemberDraft[]; organisations: OrganisationChoice[]; onChange(team: MemberDraft[]): void }) {
  const set = (i: number, part: Partial<MemberDraft>) => onChange(team.map((m, j) => (j === i ? { ...m, ...part } : m)));
  return (
    <fieldset className="nhsuk-fieldset" data-testid="team-editor">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Care team</legend>
      <div className="nhsuk-hint">Everyone who acts on this plan, from every organisation. Each organisation named can then see the plan and the record it needs.</div>
      {team.map((m, i) => (
        <div key={i} className="nhsuk-card nhsuk-u-margin-bottom-3">
          <div className="nhsuk-card__content">
            <Select id={`member-${i}-organisation`} label={`Member ${i + 1}: organisation`} value={m.organisation} onChange={(v) => set(i, { organisation: v })} options={choices(organisations)} />
            <Field id={`member-${i}-name`} label={`Member ${i + 1}: name`} value={m.name} onChange={(v) => set(i, { name: v })} width="nhsuk-u-width-two-thirds" />
            <Field id={`member-${i}-role`} label={`Member ${i + 1}: role`} value={m.role} onChange={(v) => set(i, { role: v })} width="nhsuk-u-width-two-thirds" />
            {team.length > 1 && (
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => onChange(team.filter((_, j) => j !== i))}>
                Remove member {i + 1}
              </button>
            )}
          </div>
        </div>
      ))}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onChange([...team, { organisation: '', name: '', role: '' }])}>
        Add a team member
      </button>
    </fieldset>
  );
}

/** Who does what: each activity, the organisation and person who own it, and (once the plan runs) how far it has got. */
export function ActivitiesEditor({ activities, organisations, withStatus, onChange }: { activities: ActivityDraft[]; organisations: OrganisationChoice[]; withStatus: boolean; onChange(a: ActivityDraft[]): void }) {
  const set = (i: number, part: Partial<ActivityDraft>) => onChange(activities.map((a, j) => (j === i ? { ...a, ...part } : a)));
  return (
    <fieldset className="nhsuk-fieldset" data-testid="activities-editor">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Who does what</legend>
      {activities.map((a, i) => (
        <div key={i} className="nhsuk-card nhsuk-u-margin-bottom-3">
          <div className="nhsuk-card__content">
            <Field id={`activity-${i}-description`} label={`Activity ${i + 1}`} value={a.description} onChange={(v) => set(i, { description: v })} />
            <Select id={`activity-${i}-owner`} label={`Activity ${i + 1}: owned by`} value={a.owner} onChange={(v) => set(i, { owner: v })} options={choices(organisations)} />
            <Field id={`activity-${i}-owner-name`} label={`Activity ${i + 1}: person responsible (optional)`} value={a.ownerName} onChange={(v) => set(i, { ownerName: v })} width="nhsuk-u-width-two-thirds" />
            {withStatus && <Select id={`activity-${i}-status`} label={`Activity ${i + 1}: progress`} value={a.status} onChange={(v) => set(i, { status: v })} options={STATUSES} />}
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => onChange(activities.filter((_, j) => j !== i))}>
              Remove activity {i + 1}
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onChange([...activities, { description: '', owner: organisations[0]?.reference ?? '', ownerName: '', status: 'not-started' }])}>
        Add an activity
      </button>
    </fieldset>
  );
}

/** An activity as the API takes it: the optional parts left out when empty. */
export const activityBody = (a: ActivityDraft, withStatus: boolean) => ({
  description: a.description,
  owner: a.owner,
  ...(a.ownerName.trim() ? { ownerName: a.ownerName } : {}),
  ...(withStatus && a.status ? { status: a.status } : {}),
});

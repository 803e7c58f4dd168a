import { Select } from '../../../components/Select';
import { TextInput } from '../../../components/TextInput';

export interface EndOfLifeDraft {
  preferredPlaceOfCare: string;
  preferredPlaceOfDeath: string;
  decision: string;
  date: string;
  madeBy: string;
}

export const NO_END_OF_LIFE: EndOfLifeDraft = { preferredPlaceOfCare: '', preferredPlaceOfDeath: '', decision: '', date: '', madeBy: '' };

/** The end of life wishes as the API takes them; a resuscitation decision only when one was chosen. */
export function endOfLifeBody(d: EndOfLifeDraft) {
  return {
    ...(d.preferredPlaceOfCare.trim() ? { preferredPlaceOfCare: d.preferredPlaceOfCare } : {}),
    ...(d.preferredPlaceOfDeath.trim() ? { preferredPlaceOfDeath: d.preferredPlaceOfDeath } : {}),
    ...(d.decision ? { resuscitation: { decision: d.decision, date: d.date, madeBy: d.madeBy } } : {}),
  };
}

/**
 * Preferred places of care and death, and the decision about cardiopulmonary resuscitation with
 * its date and who made it (a decision without both is refused by the API, and the page says so).
 */
export function EndOfLifeEditor({ value, onChange }: { value: EndOfLifeDraft; onChange(v: EndOfLifeDraft): void }) {
  const set = (part: Partial<EndOfLifeDraft>) => onChange({ ...value, ...part });
  return (
    <fieldset className="nhsuk-fieldset" data-testid="end-of-life-editor">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">End of life wishes</legend>
      <TextInput id="eol-place-of-care" label="Preferred place of care" hint="For example: home, a hospice, a care home" value={value.preferredPlaceOfCare} onChange={(v) => set({ preferredPlaceOfCare: v })} />
      <TextInput id="eol-place-of-death" label="Preferred place of death" value={value.preferredPlaceOfDeath} onChange={(v) => set({ preferredPlaceOfDeath: v })} />
      <Select
        id="eol-decision"
        label="Decision about cardiopulmonary resuscitation (CPR)"
        value={value.decision}
        onChange={(v) => set({ decision: v })}
        options={[
          { value: '', label: 'No decision recorded' },
          { value: 'do-not-attempt-cpr', label: 'Do not attempt CPR (DNACPR)' },
          { value: 'attempt-cpr', label: 'Attempt CPR' },
        ]}
      />
      {value.decision && (
        <>
          <TextInput id="eol-decision-date" label="Date the decision was made" type="date" value={value.date} onChange={(v) => set({ date: v })} width="nhsuk-input--width-10" />
          <TextInput id="eol-decision-by" label="Who made the decision" hint="Name and role of the clinician, and whether the person or their representative took part" value={value.madeBy} onChange={(v) => set({ madeBy: v })} />
        </>
      )}
    </fieldset>
  );
}

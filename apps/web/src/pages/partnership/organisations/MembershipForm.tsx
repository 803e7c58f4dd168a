import { useRef, useState, type FormEvent } from 'react';
import type { OrganisationDetailResponse } from '@footprint/server';
import { api, ApiError } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select } from '../../../components/Select';
import { TextInput } from '../../../components/TextInput';

type Membership = OrganisationDetailResponse['memberships'][number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A partnership lead's change to one of the organisation's memberships: its role, start and end
 * (an end date ends it). Saved as a new version of the OrganizationAffiliation in the record,
 * guarded by the version shown (a change made meanwhile is refused, not overwritten).
 */
export function MembershipForm({ organisationId, memberships, roles, onSaved }: { organisationId: string; memberships: Membership[]; roles: { code: string; label: string }[]; onSaved(): void }) {
  const [chosen, setChosen] = useState(memberships[0]?.affiliationId ?? '');
  const membership = memberships.find((m) => m.affiliationId === chosen);
  const [role, setRole] = useState(membership?.role.code ?? 'member');
  const [start, setStart] = useState(membership?.period.start ?? '');
  const [end, setEnd] = useState(membership?.period.end ?? '');
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  if (!membership) return null;

  function choose(id: string) {
    const next = memberships.find((m) => m.affiliationId === id)!;
    setChosen(id);
    setRole(next.role.code);
    setStart(next.period.start ?? '');
    setEnd(next.period.end ?? '');
    setErrors([]);
    setProblem(null);
    setSaved(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = [
      ...(start && !DATE.test(start) ? [{ field: 'membership-start', message: 'Enter the start as a date, for example 2016-04-01' }] : []),
      ...(end && !DATE.test(end) ? [{ field: 'membership-end', message: 'Enter the end as a date, for example 2022-06-30' }] : []),
      ...(start && end && DATE.test(start) && DATE.test(end) && start > end ? [{ field: 'membership-end', message: 'The end must not be before the start' }] : []),
    ];
    setErrors(found);
    setProblem(null);
    setSaved(null);
    if (found.length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await api(`/partnership/organisations/${encodeURIComponent(organisationId)}/memberships/${encodeURIComponent(membership!.affiliationId)}`, {
        method: 'PATCH',
        body: { role, start: start || null, end: end || null, versionId: membership!.versionId },
      });
      setSaved(`Saved: ${roles.find((r) => r.code === role)?.label ?? role} of ${membership!.memberOf.name}, ${start || 'no start'} to ${end || 'now'}.`);
      onSaved();
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.message}${error.detail ? `: ${error.detail}` : ''}` : 'The change was not saved.');
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={submit} noValidate data-testid="membership-form" aria-labelledby="membership-form-title">
      <h2 id="membership-form-title">Change a membership</h2>
      <ErrorSummary id="membership-error" errors={errors} problem={problem} ref={summary} />
      {saved && (
        <div className="nhsuk-inset-text" role="status" data-testid="membership-saved">
          <p>{saved}</p>
        </div>
      )}
      <Select
        id="membership-choice"
        label="Membership"
        value={chosen}
        onChange={choose}
        options={memberships.map((m) => ({ value: m.affiliationId, label: `${m.role.label} of ${m.memberOf.name} (${m.period.start ?? '…'} to ${m.period.end ?? 'now'})` }))}
      />
      <Select id="membership-role" label="Role" value={role} onChange={setRole} options={roles.map((r) => ({ value: r.code, label: r.label }))} />
      <TextInput id="membership-start" label="Start" hint="For example 2016-04-01. Leave empty if not known." value={start} onChange={setStart} error={errorFor('membership-start')} width="nhsuk-input--width-10" />
      <TextInput id="membership-end" label="End" hint="Enter a date to end the membership. Leave empty while it continues." value={end} onChange={setEnd} error={errorFor('membership-end')} width="nhsuk-input--width-10" />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Save change
      </button>
    </form>
  );
}

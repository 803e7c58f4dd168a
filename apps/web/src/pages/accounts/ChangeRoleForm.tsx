import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { AccountList, StaffAccount } from '../../api/types';
import { Select } from '../../components/Select';
import { organisationOptions, roleOptions } from './options';

/** Gives one account another role, and optionally another organisation. */
export function ChangeRoleForm({ list, onChanged }: { list: AccountList; onChanged(user: StaffAccount): void }) {
  const [username, setUsername] = useState(list.users[0]?.username ?? '');
  const [role, setRole] = useState<string>(list.roles[0]?.role ?? '');
  const [organisation, setOrganisation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (list.users.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const { user } = await api<{ user: StaffAccount }>(`/users/${encodeURIComponent(username)}/role`, {
        method: 'POST',
        body: { role, ...(organisation ? { organisation } : {}) },
      });
      onChanged(user);
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.title}. ${error.detail ?? ''}`.trim() : 'The role could not be changed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-role-heading">
      <h2 id="change-role-heading">Change a role</h2>
      {problem && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="change-role-error-title" tabIndex={-1}>
          <h3 className="nhsuk-error-summary__title" id="change-role-error-title">
            There is a problem
          </h3>
          <div className="nhsuk-error-summary__body">
            <p data-testid="change-role-problem">{problem}</p>
          </div>
        </div>
      )}
      <Select id="role-user" label="Member of staff" value={username} onChange={setUsername} options={list.users.map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))} />
      <Select id="role-role" label="New role" value={role} onChange={setRole} options={roleOptions(list.roles)} />
      <Select id="role-organisation" label="New organisation" value={organisation} onChange={setOrganisation} options={organisationOptions(list.organisations, 'Keep their organisation')} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change role'}
      </button>
    </form>
  );
}

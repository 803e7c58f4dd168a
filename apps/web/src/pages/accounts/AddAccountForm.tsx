import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { AccountList, AccountWithTemporaryPassword } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { organisationOptions, roleOptions } from './options';

type Field = 'username' | 'displayName';

/** Adds a member of staff; the server answers with the temporary password, which the page shows once. */
export function AddAccountForm({ list, onAdded }: { list: AccountList; onAdded(result: AccountWithTemporaryPassword): void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string>(list.roles[0]?.role ?? '');
  const [organisation, setOrganisation] = useState('');
  const [errors, setErrors] = useState<Array<{ field: Field; message: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = [];
    if (!username.trim()) found.push({ field: 'username', message: 'Enter a username' });
    if (!displayName.trim()) found.push({ field: 'displayName', message: 'Enter the name to show' });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const result = await api<AccountWithTemporaryPassword>('/users', {
        method: 'POST',
        body: { username: username.trim(), displayName: displayName.trim(), role, ...(organisation ? { organisation } : {}) },
      });
      setUsername('');
      setDisplayName('');
      onAdded(result);
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.title}. ${error.detail ?? ''}`.trim() : 'The account could not be added. Try again.');
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: Field) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-account-heading">
      <h2 id="add-account-heading">Add a member of staff</h2>
      <ErrorSummary id="add-account-error" errors={errors} problem={problem} ref={summary} />
      <TextInput
        id="username"
        label="Username"
        hint="Lower-case letters, digits, dots, hyphens or underscores, for example asha.patel"
        value={username}
        onChange={setUsername}
        error={errorFor('username')}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
      />
      <TextInput id="displayName" label="Name" value={displayName} onChange={setDisplayName} error={errorFor('displayName')} autoComplete="off" />
      <Select id="role" label="Role" value={role} onChange={setRole} options={roleOptions(list.roles)} />
      <Select id="organisation" label="Organisation" value={organisation} onChange={setOrganisation} options={organisationOptions(list.organisations, 'None (works for the whole partnership)')} />
      <button className="nhsuk-button" type="submit" disabled={busy} data-prevent-double-click="true">
        {busy ? 'Adding…' : 'Add member of staff'}
      </button>
    </form>
  );
}

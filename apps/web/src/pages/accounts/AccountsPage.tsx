import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { AccountList, AccountWithTemporaryPassword, StaffAccount } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AccountsTable } from './AccountsTable';
import { AddAccountForm } from './AddAccountForm';
import { ChangeRoleForm } from './ChangeRoleForm';

/** Administrators: the staff who may sign in, and the changes an administrator makes to them (each audited). */
export function AccountsPage() {
  usePageTitle('Staff accounts');
  const { user } = useSession();
  const list = useApi<AccountList>('/users');
  const [issued, setIssued] = useState<AccountWithTemporaryPassword | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function changed(text: string, temporary: AccountWithTemporaryPassword | null = null) {
    setIssued(temporary);
    setMessage(text);
    setProblem(null);
    list.reload();
  }

  async function act(account: StaffAccount, action: 'disable' | 'enable' | 'reset-password') {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api<{ user: StaffAccount; temporaryPassword?: string }>(`/users/${encodeURIComponent(account.username)}/${action}`, { method: 'POST' });
      if (action === 'reset-password' && result.temporaryPassword) {
        changed(`The password of ${account.username} was reset and their sessions ended.`, { user: result.user, temporaryPassword: result.temporaryPassword });
      } else {
        changed(action === 'disable' ? `${account.username} is disabled and signed out everywhere.` : `${account.username} is enabled.`);
      }
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.title}. ${error.detail ?? ''}`.trim() : 'The change could not be made. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Staff accounts</h1>
      <p className="nhsuk-lede-text">Who may sign in to Footprint, with their role (and its national RBAC code) and organisation. Every change is audited.</p>
      {problem && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="accounts-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="accounts-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p data-testid="accounts-problem">{problem}</p>
          </div>
        </div>
      )}
      {message && (
        <div className="nhsuk-inset-text" role="status" data-testid="accounts-message">
          <p>{message}</p>
          {issued && (
            <>
              <p>
                Temporary password for {issued.user.username}: <code data-testid="temporary-password">{issued.temporaryPassword}</code>
              </p>
              <p>Give it to {issued.user.displayName} in person or by phone. It is shown only this once; they must change it when they first sign in.</p>
            </>
          )}
        </div>
      )}
      <Load state={list} what="staff accounts">
        {(data) => (
          <>
            <AccountsTable users={data.users} self={user?.username ?? ''} busy={busy} onAction={(u, a) => void act(u, a)} />
            <AddAccountForm list={data} onAdded={(result) => changed(`Added ${result.user.username} (${result.user.role.label}, ${result.user.role.code}).`, result)} />
            <ChangeRoleForm list={data} onChanged={(u) => changed(`${u.username} is now ${u.role.label} (${u.role.code}).`)} />
          </>
        )}
      </Load>
    </>
  );
}

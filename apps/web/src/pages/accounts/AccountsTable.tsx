import type { StaffAccount } from '../../api/types';

/** Every account with its role label and RBAC code, organisation and status, and the actions on it. */
export function AccountsTable({
  users,
  self,
  busy,
  onAction,
}: {
  users: StaffAccount[];
  /** The signed-in administrator's username: they cannot disable themselves. */
  self: string;
  busy: boolean;
  onAction(user: StaffAccount, action: 'disable' | 'enable' | 'reset-password'): void;
}) {
  return (
    <table className="nhsuk-table-responsive" data-testid="accounts">
      <caption className="nhsuk-table__caption">Staff accounts</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">Username</th>
          <th scope="col" className="nhsuk-table__header">Name</th>
          <th scope="col" className="nhsuk-table__header">Role</th>
          <th scope="col" className="nhsuk-table__header">Organisation</th>
          <th scope="col" className="nhsuk-table__header">Status</th>
          <th scope="col" className="nhsuk-table__header">Actions</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {users.map((u) => (
          <tr className="nhsuk-table__row" key={u.id} data-username={u.username}>
            <td className="nhsuk-table__cell">{u.username}</td>
            <td className="nhsuk-table__cell">{u.displayName}</td>
            <td className="nhsuk-table__cell">
              {u.role.label} <span className="nhsuk-u-secondary-text-color">({u.role.code})</span>
            </td>
            <td className="nhsuk-table__cell">{u.organisation ? `${u.organisation.name} (${u.organisation.code})` : 'Whole partnership'}</td>
            <td className="nhsuk-table__cell">
              <strong className={`nhsuk-tag ${u.status === 'active' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{u.status === 'active' ? 'Active' : 'Disabled'}</strong>
              {u.mustChangePassword && <span className="nhsuk-body-s nhsuk-u-display-block">Temporary password not yet changed</span>}
            </td>
            <td className="nhsuk-table__cell">
              <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-1" type="button" disabled={busy || !u.signIn.password && u.signIn.identity} onClick={() => onAction(u, 'reset-password')}>
                Reset password<span className="nhsuk-u-visually-hidden"> for {u.username}</span>
              </button>{' '}
              {u.status === 'active' ? (
                u.username !== self && (
                  <button className="nhsuk-button nhsuk-button--warning nhsuk-button--small nhsuk-u-margin-bottom-1" type="button" disabled={busy} onClick={() => onAction(u, 'disable')}>
                    Disable<span className="nhsuk-u-visually-hidden"> {u.username}</span>
                  </button>
                )
              ) : (
                <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-1" type="button" disabled={busy} onClick={() => onAction(u, 'enable')}>
                  Enable<span className="nhsuk-u-visually-hidden"> {u.username}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { AccountList } from '../../api/types';

/** Each role as "label (RBAC code)", the form the accounts page shows everywhere. */
export function roleOptions(roles: AccountList['roles']): Array<{ value: string; label: string }> {
  return roles.map((r) => ({ value: r.role, label: `${r.label} (${r.code})` }));
}

export function organisationOptions(organisations: AccountList['organisations'], none: string): Array<{ value: string; label: string }> {
  return [{ value: '', label: none }, ...organisations.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))];
}

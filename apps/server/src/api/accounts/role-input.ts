import { STAFF_ROLE_CODES } from '@footprint/record';
import { ApiProblem } from '../problem';
import { ROLE_LABELS, ROLES, type Role } from '../auth/roles';

/** A role with its label and national RBAC (or Footprint) code, as the accounts page and `user list` show it. */
export interface RoleDescription {
  role: Role;
  label: string;
  code: string;
  system: string;
}

export function describeRole(role: Role): RoleDescription {
  return { role, label: ROLE_LABELS[role], code: STAFF_ROLE_CODES[role].code, system: STAFF_ROLE_CODES[role].system };
}

export const ROLE_DESCRIPTIONS: readonly RoleDescription[] = ROLES.map(describeRole);

/**
 * Reads a role as an administrator types it: the role's name (`gp_clinician`, or `gp-clinician`),
 * or its RBAC code (`R8008`) where only one role has that code. R8000 belongs to both GP and
 * hospital clinicians, so it must be given by name.
 */
export function parseRole(input: string): Role {
  const typed = input.trim();
  const name = typed.toLowerCase().replaceAll('-', '_');
  const byName = ROLES.find((role) => role === name);
  if (byName) return byName;
  const byCode = ROLES.filter((role) => STAFF_ROLE_CODES[role].code.toLowerCase() === typed.toLowerCase());
  if (byCode.length === 1) return byCode[0];
  if (byCode.length > 1) {
    throw new ApiProblem(400, 'Role code is ambiguous', `${typed.toUpperCase()} is the code of ${byCode.join(' and ')}: give the role by name.`);
  }
  throw new ApiProblem(400, 'Unknown role', `"${typed}" is not a role. Roles: ${ROLE_DESCRIPTIONS.map((r) => `${r.role} (${r.code})`).join(', ')}.`);
}

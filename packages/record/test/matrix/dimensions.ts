import { SOCIAL_WORKER_TYPES, STAFF_ROLES, type StaffRole } from '../../src/access/staff-policy';
import { RELATIONSHIP_BASES, type RelationshipBasis } from '../../src/access/trust-codes';

/**
 * The access matrix's dimensions, each a list of values, and the oracle that says what every
 * cell must answer. The matrix is their cartesian product, so a new dimension (the person's
 * sharing choice, break-glass) is one more list here, one more case in `expected` and one more
 * way of setting the fixture up; the test then checks every combination.
 *
 * The oracle is written from the rules as an information governance lead would state them,
 * not from the policy's code.
 */
export type Role = StaffRole | 'patient';
export const ROLES: readonly Role[] = [...STAFF_ROLES, 'patient'];

/** How the person is related to the user's organisation: not at all, by each basis, or by an encounter too long ago to count. */
export type Relationship = 'none' | RelationshipBasis | 'encounter-over-12-months';
export const RELATIONSHIPS: readonly Relationship[] = ['none', ...RELATIONSHIP_BASES, 'encounter-over-12-months'];

/** An item's sensitivity, and who recorded it. */
export type Sensitivity = 'normal' | 'code-same-org' | 'code-other-org' | 'label-same-org' | 'label-other-org';
export const SENSITIVITIES: readonly Sensitivity[] = ['normal', 'code-same-org', 'code-other-org', 'label-same-org', 'label-other-org'];

export const INTERACTIONS = ['read', 'vread', 'search', 'count', '_include', '_revinclude', 'chaining', '_has', 'history-instance', 'history-type', '$everything'] as const;
export type MatrixInteraction = (typeof INTERACTIONS)[number];

/** What the fixture knows about each resource it wrote, for the oracle. */
export interface RowFacts {
  resourceType: string;
  /** The person it belongs to (the row of `relationship`), or undefined for reference data. */
  person?: Relationship;
  sensitivity: Sensitivity;
}

/** Which types a role reads of a related person. */
function roleReads(role: StaffRole, type: string): boolean {
  switch (role) {
    case 'gp_clinician':
    case 'hospital_clinician':
      return true;
    case 'social_worker':
      return SOCIAL_WORKER_TYPES.includes(type);
    case 'voluntary_worker':
    case 'analyst':
    case 'partnership_lead':
    case 'administrator':
    case 'privacy_officer':
      return false;
  }
}

/**
 * May `role`, acting for the organisation (or, for `patient`, as the person of row `self`), see
 * this row? Staff: reference data always (for a role that reads at all); a person's rows only
 * with a current care relationship, of a type the role reads, and sensitive ones only where the
 * user's organisation recorded them. A patient: their own rows, sensitive ones included.
 */
export function expected(role: Role, row: RowFacts, self?: Relationship): boolean {
  if (role === 'patient') return row.person === undefined ? row.resourceType !== 'Patient' : row.person === self;
  if (!roleReads(role, row.resourceType)) return false;
  if (row.person === undefined) return true;
  if (row.person === 'none' || row.person === 'encounter-over-12-months') return false;
  return row.sensitivity === 'normal' || row.sensitivity.endsWith('same-org');
}

/** One cell: the combination, what it must answer and what the record answered. */
export interface Cell {
  role: Role;
  relationship: Relationship;
  sensitivity: Sensitivity | 'person';
  interaction: MatrixInteraction;
  expected: boolean;
  actual: boolean;
}

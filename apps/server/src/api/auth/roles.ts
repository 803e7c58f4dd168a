import { isStaffRole, STAFF_ROLES, type StaffRole } from '@footprint/record';

/**
 * Staff roles and the parts of the web app each may use. The API enforces these on every route
 * (see guard.ts); the web app only uses them to decide which links to show. The roles
 * themselves, and what each may do in the record, are the record's staff policy.
 */
export const ROLES = STAFF_ROLES;
export type Role = StaffRole;

/** The areas of the app a role can be allowed into. */
export type Capability =
  | 'overview'
  | 'population'
  | 'care-record'
  | 'worklist'
  | 'feeds'
  | 'accounts'
  | 'corrections'
  | 'duplicates'
  | 'privacy-reviews'
  | 'break-glass'
  /** Read the partnership's register, governance and plan. */
  | 'partnership'
  /** Change them (every change versioned: who, when, what). */
  | 'partnership-edit'
  /** Read system performance: indicators, SPC, the scorecard, ratings, the board report. */
  | 'performance'
  /** Import indicator values, recompute them, record ratings and self-assessments. */
  | 'performance-edit'
  /** Engagement: write the public pages, news and questions; handle get-in-touch enquiries; run consultations and publish their results. */
  | 'engagement'
  /** Moderate consultation free text before it is published: see flagged personal data, redact with a reason. */
  | 'engagement-moderate'
  /** Care coordination: care plans and teams, team meetings, referrals and tasks between partners, the organisation's worklist, social prescribing. */
  | 'coordination';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  gp_clinician: ['overview', 'population', 'care-record', 'worklist', 'corrections', 'break-glass', 'partnership', 'performance', 'coordination'],
  hospital_clinician: ['overview', 'population', 'care-record', 'corrections', 'break-glass', 'partnership', 'performance', 'coordination'],
  social_worker: ['overview', 'care-record', 'break-glass', 'partnership', 'performance', 'coordination'],
  voluntary_worker: ['overview', 'care-record', 'partnership', 'performance', 'coordination'],
  analyst: ['overview', 'population', 'partnership', 'performance', 'performance-edit'],
  partnership_lead: ['overview', 'population', 'partnership', 'partnership-edit', 'performance', 'performance-edit', 'engagement', 'engagement-moderate'],
  administrator: ['overview', 'feeds', 'accounts', 'duplicates', 'partnership', 'partnership-edit', 'performance', 'performance-edit', 'engagement'],
  privacy_officer: ['overview', 'privacy-reviews', 'partnership', 'performance', 'engagement-moderate'],
};

export const ROLE_LABELS: Record<Role, string> = {
  gp_clinician: 'GP practice clinician',
  hospital_clinician: 'Hospital clinician',
  social_worker: 'Social worker',
  voluntary_worker: 'Voluntary-sector worker',
  analyst: 'Analyst',
  partnership_lead: 'Partnership lead',
  administrator: 'Administrator',
  privacy_officer: 'Privacy officer',
};

/** The kind of organisation each role works for (a GP clinician belongs to a practice, and so on). */
export const ROLE_ORGANISATION_KIND: Record<Role, 'gp_practice' | 'acute_trust' | 'local_authority' | 'voluntary' | 'partnership'> = {
  gp_clinician: 'gp_practice',
  hospital_clinician: 'acute_trust',
  social_worker: 'local_authority',
  voluntary_worker: 'voluntary',
  analyst: 'partnership',
  partnership_lead: 'partnership',
  administrator: 'partnership',
  privacy_officer: 'acute_trust',
};

export const isRole: (value: unknown) => value is Role = isStaffRole;

export function capabilitiesOf(role: Role): readonly Capability[] {
  return CAPABILITIES[role];
}

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

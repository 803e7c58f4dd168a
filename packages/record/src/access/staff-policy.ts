import type { AccessContext, PurposeOfUse } from '../access-context';

/** The roles of staff who sign in to Footprint's web app. */
export const STAFF_ROLES = [
  'gp_clinician',
  'hospital_clinician',
  'social_worker',
  'voluntary_worker',
  'analyst',
  'partnership_lead',
  'administrator',
  'privacy_officer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The national RBAC job-role code system (CIS2's `selected_roleid` carries these codes). */
export const NATIONAL_RBAC_SYSTEM = 'https://fhir.nhs.uk/CodeSystem/national-rbac-job-role';
/** Footprint's own role codes, for roles the national RBAC database has no code that fits. */
export const FOOTPRINT_ROLE_SYSTEM = 'https://fhir.footprint.example/CodeSystem/staff-role';

/**
 * Each role's identifier: the national RBAC job-role code where one fits (R8000 Clinical
 * Practitioner, R8008 Admin/Clinical Support, R0001 Privacy Officer), otherwise Footprint's own.
 * GP and hospital clinicians share R8000; the organisation they act for tells them apart.
 */
export const STAFF_ROLE_CODES: Record<StaffRole, { system: string; code: string; display: string }> = {
  gp_clinician: { system: NATIONAL_RBAC_SYSTEM, code: 'R8000', display: 'Clinical Practitioner Access Role' },
  hospital_clinician: { system: NATIONAL_RBAC_SYSTEM, code: 'R8000', display: 'Clinical Practitioner Access Role' },
  social_worker: { system: FOOTPRINT_ROLE_SYSTEM, code: 'social-worker', display: 'Social worker' },
  voluntary_worker: { system: FOOTPRINT_ROLE_SYSTEM, code: 'voluntary-sector-worker', display: 'Voluntary-sector worker' },
  analyst: { system: FOOTPRINT_ROLE_SYSTEM, code: 'analyst', display: 'Analyst' },
  partnership_lead: { system: FOOTPRINT_ROLE_SYSTEM, code: 'partnership-lead', display: 'Partnership lead' },
  administrator: { system: NATIONAL_RBAC_SYSTEM, code: 'R8008', display: 'Admin/Clinical Support Access Role' },
  privacy_officer: { system: NATIONAL_RBAC_SYSTEM, code: 'R0001', display: 'Privacy Officer' },
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** What a member of staff may do in the record, derived from their role and organisation. */
export interface StaffAccess {
  /** The most the role may be granted, as SMART user scopes (narrowed further by a context's own scopes). */
  scopes: readonly string[];
  /** The purposes of use the role may act under; any other purpose is granted nothing. */
  purposes: readonly PurposeOfUse[];
  /** True when searches may only count (`_summary=count`), never return resources. */
  countOnly: boolean;
  /**
   * True when the role reads people's records only where its organisation has a care
   * relationship with them (and sees sensitive items only where it recorded them); reference
   * data that belongs to nobody (organisations, practitioners, locations) stays readable.
   */
  relationship: boolean;
}

const NO_ACCESS: StaffAccess = { scopes: [], purposes: [], countOnly: true, relationship: true };

/**
 * What care coordination writes (docs/coordination.md): care plans, their teams and goals,
 * referrals (ServiceRequest) and the Tasks that track them, and the team's messages
 * (Communication). Clinicians and social workers may create these, and update them where the
 * stewardship rules let them (stewardship.ts): what their organisation recorded, and a person's
 * care plan, team and goals when their organisation is in the person's care team. A create into a
 * person's record needs the same care relationship (or break-glass) a read would
 * (AccessPolicy.requireCompartmentWrite).
 */
export const COORDINATION_TYPES: readonly string[] = ['CarePlan', 'CareTeam', 'Goal', 'ServiceRequest', 'Task', 'Communication', 'QuestionnaireResponse'];
const COORDINATION_WRITES = COORDINATION_TYPES.map((t) => `user/${t}.cu`);
/**
 * A member of staff in direct care records a person's agreement to share with a voluntary
 * organisation (a link worker's social prescription, docs/coordination.md §5); no other Consent
 * (staff-content.ts).
 */
const CONSENT_WRITE = 'user/Consent.c';
const DIRECT_CARE: StaffAccess = { scopes: ['user/*.rs', ...COORDINATION_WRITES, CONSENT_WRITE], purposes: ['TREAT'], countOnly: false, relationship: true };

/**
 * What a social worker may read of a related person: demographics and the people around them,
 * care plans, care teams and episodes (social care), goals, contacts, alerts and the problem list
 * (Condition), but not results, reports, documents, notes or medicines (no Observation,
 * DiagnosticReport, DocumentReference, MedicationRequest, Procedure, Immunization…); plus the
 * reference data that belongs to nobody, to name who did what.
 */
export const SOCIAL_WORKER_TYPES: readonly string[] = [
  'Patient',
  'RelatedPerson',
  'CarePlan',
  'CareTeam',
  'EpisodeOfCare',
  'Condition',
  'Goal',
  'Encounter',
  'Flag',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Location',
  'HealthcareService',
  // Care coordination: the referrals and tasks between partners, and the team's messages.
  'ServiceRequest',
  'Task',
  'Communication',
  // Social prescribing: the wellbeing scale before and after (docs/coordination.md §5).
  'QuestionnaireResponse',
];
const SOCIAL_CARE: StaffAccess = { ...DIRECT_CARE, scopes: [...SOCIAL_WORKER_TYPES.map((t) => `user/${t}.rs`), ...COORDINATION_WRITES, CONSENT_WRITE] };

/**
 * What a person may agree to share with a voluntary organisation (a voluntary-sharing Consent):
 * who they are and how to reach them, their care plans and goals, and who else is in their care
 * team; never results, notes, conditions or medicines. The Consent, not a care relationship,
 * decides whose (consent/terms.ts).
 */
export const VOLUNTARY_SHARED_TYPES = ['Patient', 'CarePlan', 'Goal', 'CareTeam'] as const;
/**
 * Of a person who agreed to share, a voluntary organisation also reads the referrals and tasks
 * addressed to it (ServiceRequest.performer, Task.owner: policy.ts), never those between other
 * partners, and moves its Tasks on (accept, reject, complete) under the record's state machine.
 */
export const VOLUNTARY_ADDRESSED_TYPES = ['ServiceRequest', 'Task'] as const;
/** The directory of services (social prescribing) and whose they are, which belong to nobody's record. */
export const DIRECTORY_TYPES = ['Organization', 'HealthcareService', 'Location'] as const;
const VOLUNTARY_SECTOR: StaffAccess = {
  ...DIRECT_CARE,
  scopes: [
    ...[...VOLUNTARY_SHARED_TYPES, ...VOLUNTARY_ADDRESSED_TYPES, ...DIRECTORY_TYPES].map((type) => `user/${type}.rs`),
    'user/Task.u',
    // The organisation keeps its own entries of the directory (staff-content.ts).
    'user/HealthcareService.cu',
    'user/Location.cu',
  ],
};

/**
 * The staff policy. GP and hospital clinicians read and search the whole record of the people
 * their organisation has a care relationship with, for direct care (TREAT); social workers the
 * social care subset (SOCIAL_WORKER_TYPES) of those people; voluntary-sector workers only
 * VOLUNTARY_SHARED_TYPES of people who agreed to share with their organisation. Privacy
 * officers read no record, only the audit trail of their organisation's accesses (HOPERAT),
 * and review break-glass; analysts and partnership leads have no
 * identifiable record access (they work in the pseudonymised warehouse); administrators may
 * count registered patients for operations (HOPERAT) and read nothing clinical. Direct care is
 * given by an organisation, so a clinician not linked to one is granted nothing.
 */
export function staffAccess(role: StaffRole, organisation: AccessContext['organisation']): StaffAccess {
  switch (role) {
    case 'gp_clinician':
    case 'hospital_clinician':
      return organisation?.reference ? DIRECT_CARE : NO_ACCESS;
    case 'social_worker':
      return organisation?.reference ? SOCIAL_CARE : NO_ACCESS;
    case 'voluntary_worker':
      return organisation?.reference ? VOLUNTARY_SECTOR : NO_ACCESS;
    case 'privacy_officer':
      // The audit trail of their organisation's accesses (audit-readers.ts), for operations.
      return organisation?.reference ? { scopes: ['user/AuditEvent.rs'], purposes: ['HOPERAT'], countOnly: false, relationship: false } : NO_ACCESS;
    case 'analyst':
    case 'partnership_lead':
      return NO_ACCESS;
    case 'administrator':
      return { scopes: ['user/Patient.s'], purposes: ['HOPERAT'], countOnly: true, relationship: false };
  }
}

/** The signed-in member of staff, as the web app knows them. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: StaffRole;
  organisation?: { code: string; reference?: string };
}

/**
 * The AccessContext for a member of staff acting for `purpose`: the user as principal with
 * their role, their organisation, and the scopes the staff policy grants the role. The record's
 * AccessPolicy applies the staff policy again whatever scopes a context claims.
 */
export function staffContext(user: StaffMember, purpose: PurposeOfUse, request?: AccessContext['request']): AccessContext {
  const organisation = user.organisation?.reference ? { reference: user.organisation.reference, odsCode: user.organisation.code } : undefined;
  return {
    principal: { kind: 'user', id: user.id, display: user.displayName, role: user.role },
    ...(organisation ? { organisation } : {}),
    scopes: staffAccess(user.role, organisation).scopes,
    purpose,
    ...(request ? { request } : {}),
  };
}

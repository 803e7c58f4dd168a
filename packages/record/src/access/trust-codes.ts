/**
 * The codes of the trust model: the shapes in which a person's choices, a break-glass reason,
 * a care relationship's basis and a correction request are written in the record. Every part of
 * the platform (the record's policy, the patient pages, the warehouse build) reads them from here.
 * See docs/trust.md for what each one means to a person.
 */
const BASE = 'https://fhir.footprint.example/CodeSystem';

/** HL7 consent scopes: `patient-privacy` for sharing choices, `research` for the opt-outs. */
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
/** LOINC 59284-0 "Patient Consent", the category of every Consent Footprint writes. */
export const CONSENT_CATEGORY = { system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' } as const;

/**
 * The person's sharing choice: a `Consent` (status `active`, scope `patient-privacy`,
 * `patient` the person) whose `policyRule.coding` holds one of these codes. The newest active
 * one (by `dateTime`, then last update) is in force; with none, `all-partners` applies.
 */
export const SHARING_CHOICE_SYSTEM = `${BASE}/sharing-choice`;
export const SHARING_CHOICES = ['all-partners', 'gp-and-treating', 'recording-organisation'] as const;
export type SharingChoice = (typeof SHARING_CHOICES)[number];
export const SHARING_CHOICE_LABELS: Record<SharingChoice, string> = {
  'all-partners': 'Share with every partner involved in my care',
  'gp-and-treating': 'Only my GP practice and those treating me now',
  'recording-organisation': 'Only the organisation that recorded each item',
};

/**
 * Sharing with voluntary organisations: a `Consent` (scope `patient-privacy`, policyRule
 * `voluntary-sharing#share`, `provision.type` `permit`, `provision.actor[].reference` the
 * voluntary organisations, as `Organization/{id}`). Status `inactive` withdraws it.
 */
export const VOLUNTARY_SHARING_SYSTEM = `${BASE}/voluntary-sharing`;

/**
 * Opt-outs from uses beyond direct care: a `Consent` (scope `research`, `provision.type`
 * `deny`) with policyRule `national-data-opt-out` or `type-1-opt-out`; a Type 1 opt-out names
 * the GP practice in `organization`. Status `active` sets it, `inactive` withdraws it.
 */
export const DATA_OPT_OUT_SYSTEM = `${BASE}/data-opt-out`;
export const DATA_OPT_OUTS = ['national-data-opt-out', 'type-1-opt-out'] as const;
export type DataOptOut = (typeof DATA_OPT_OUTS)[number];

/** Why a clinician broke glass: the `reason` of `$break-glass`. */
export const BREAK_GLASS_REASON_SYSTEM = `${BASE}/break-glass-reason`;
export const BREAK_GLASS_REASONS = ['emergency', 'person-asked', 'safeguarding', 'other'] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];
export const BREAK_GLASS_REASON_LABELS: Record<BreakGlassReason, string> = {
  emergency: 'Emergency care',
  'person-asked': 'The person asked me to look',
  safeguarding: 'Safeguarding concern',
  other: 'Other (explain)',
};

/** HL7 v3 ActReason purposes of use on AuditEvent.purposeOfEvent; break-glass access is `ETREAT`. */
export const PURPOSE_OF_USE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';

/** Confidentiality labels in `meta.security`: `R` restricted and `V` very restricted are sensitive. */
export const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
export const SENSITIVE_CONFIDENTIALITY = ['R', 'V'] as const;

/** Why an organisation has a care relationship with a person (care_relationship.basis). */
export const RELATIONSHIP_BASES = ['registered-gp', 'episode-of-care', 'encounter', 'referral', 'care-team', 'social-care-episode'] as const;
export type RelationshipBasis = (typeof RELATIONSHIP_BASES)[number];
/** The bases that count as "those treating me now" for the `gp-and-treating` sharing choice. */
export const TREATING_NOW_BASES: readonly RelationshipBasis[] = ['registered-gp', 'episode-of-care', 'encounter', 'care-team', 'social-care-episode'];

/**
 * A request to correct an entry: a `Task` (status `requested`, intent `order`, code
 * `task-type#record-correction`, `for` the person, `focus` the entry, `owner` the organisation
 * asked, `requester` the person, `description` what is wrong). Staff answer by setting status
 * `completed` or `rejected` with the answer in `note`.
 */
export const TASK_TYPE_SYSTEM = `${BASE}/task-type`;
export const RECORD_CORRECTION = 'record-correction';

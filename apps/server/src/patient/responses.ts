import type { MedicationList } from '../api/care-record/medications';
import type { OrganisationRef } from '../api/care-record/organisations';

/** The answers of /api/patient, typed once here and imported (type-only) by the web app. */

/** GET /api/patient/session */
export interface PatientSessionInfo {
  person: { name: string; nhsNumber: string };
  csrfToken: string;
  expiresAt: string;
}

/** GET /api/patient/record: the person's own record across every organisation, grouped as they think of it. */
export interface MyRecord {
  person: { name: string; nhsNumber: string | null; birthDate: string | null; practice: OrganisationRef | null; address: string | null };
  problems: Array<{ id: string; display: string; status: string | null; onset: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  medicines: MedicationList;
  allergies: Array<{ id: string; display: string; reaction: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  results: Array<{ id: string; display: string; value: string; date: string | null; organisation: OrganisationRef | null }>;
  encounters: Array<{ id: string; start: string | null; end: string | null; description: string; setting: string; organisation: OrganisationRef | null }>;
  carePlans: Array<{ id: string; title: string; status: string | null; start: string | null; organisation: OrganisationRef | null }>;
  /** Which organisations contributed, and how many items each. */
  organisations: Array<OrganisationRef & { items: number }>;
  /** Items of other kinds, by type, that are in the FHIR download. */
  otherItems: Array<{ resourceType: string; count: number }>;
}

/** One access to the person's record by someone else, as the access log shows it. */
export interface AccessLogEntry {
  id: string;
  when: string;
  who: string;
  /** What kind of principal looked: a member of staff, a partner system, or the platform itself. */
  kind: 'staff' | 'system' | 'platform' | 'person';
  role: string | null;
  organisation: { code: string | null; name: string } | null;
  /** Why, as the purpose of use recorded with the access. */
  purpose: { code: string; label: string };
  /** True for emergency access without a care relationship (purpose ETREAT). */
  breakGlass: boolean;
  /** The reason given when breaking glass, if any was recorded. */
  reason: string | null;
  action: string;
  /** The kinds of entry touched, e.g. ["Observation"]. */
  touched: string[];
  /** False when the access was refused (the attempt is still shown). */
  allowed: boolean;
}

/** GET /api/patient/access-log */
export interface AccessLog {
  entries: AccessLogEntry[];
  /** The person's own views of their record, summarised rather than listed. */
  ownAccesses: { count: number; latest: string | null };
  /** True when older entries exist beyond those shown. */
  truncated: boolean;
}

/** GET /api/patient/choices */
export interface MyChoices {
  sharing: { choice: string; label: string; since: string | null; options: Array<{ code: string; label: string }> };
  nationalDataOptOut: { optedOut: boolean; since: string | null };
}

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

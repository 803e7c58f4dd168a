import type { CodeableConcept, MedicationRequest } from '@medplum/fhirtypes';
import type { OrganisationRef } from './organisations';
import { conceptText, dateOnly } from './present';

/**
 * The care record's medication list, one row per medicine as GP clinical systems (EMIS Web,
 * SystmOne) show it, not one row per issue: a year of repeats is one line with its number of issues
 * and the date it was last issued, current medicines apart from past ones.
 *
 * A medicine is identified by its dm+d code (dm+d codes travel as SNOMED CT in UK Core; the older
 * https://dmd.nhs.uk system is accepted too), else by its first coding, else by its text.
 *
 * A medicine is current when its latest issue is active or on hold (a repeat not yet ended,
 * however long ago it was last issued), or, unless stopped or cancelled, when it was last issued
 * within the last six months (CURRENT_WITHIN_DAYS: an acute course or a lapsed repeat a clinician
 * should still see). Everything else (stopped, cancelled, completed longer ago) is past.
 * Issues entered in error are left out.
 */
export const CURRENT_WITHIN_DAYS = 183;

const DMD_SYSTEMS = ['http://snomed.info/sct', 'https://dmd.nhs.uk'];
const STILL_ISSUED = new Set<string>(['active', 'on-hold']);
const ENDED = new Set<string>(['stopped', 'cancelled']);

export interface MedicineSummary {
  /** The dm+d code, or another code, or the text the issues share. */
  key: string;
  display: string;
  /** The dm+d (or other) code, when coded. */
  code: string | null;
  /** The latest issue's dosage instruction. */
  dosage: string | null;
  /** The latest issue's status (active, completed, stopped, …). */
  status: string | null;
  /** How many times it was issued (prescriptions for it in the record). */
  issues: number;
  firstIssued: string | null;
  lastIssued: string | null;
  /** The organisation that prescribed the latest issue. */
  prescriber: OrganisationRef | null;
}

export interface MedicationList {
  current: MedicineSummary[];
  past: MedicineSummary[];
}

function medicineKey(concept: CodeableConcept | undefined): { key: string; code: string | null } {
  const codings = concept?.coding ?? [];
  const coding = codings.find((c) => c.code && c.system && DMD_SYSTEMS.includes(c.system)) ?? codings.find((c) => c.code);
  if (coding?.code) return { key: `${coding.system ?? ''}|${coding.code}`, code: coding.code };
  return { key: `text|${conceptText(concept).trim().toLowerCase()}`, code: null };
}

function daysBetween(from: string, to: Date): number {
  return (to.getTime() - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function isCurrent(medicine: MedicineSummary, today: Date): boolean {
  const status = medicine.status ?? '';
  if (STILL_ISSUED.has(status)) return true;
  if (ENDED.has(status)) return false;
  return medicine.lastIssued !== null && daysBetween(medicine.lastIssued, today) <= CURRENT_WITHIN_DAYS;
}

/**
 * Groups a person's MedicationRequests into one summary per medicine, current ones by name and
 * past ones most recently issued first. `prescriberOf` names the organisation behind each request.
 */
export function groupMedications(
  requests: readonly MedicationRequest[],
  prescriberOf: (request: MedicationRequest) => OrganisationRef | null,
  today: Date = new Date(),
): MedicationList {
  const byMedicine = new Map<string, { summary: MedicineSummary; latest: MedicationRequest | undefined }>();
  for (const request of requests) {
    if (request.status === 'entered-in-error') continue;
    const { key, code } = medicineKey(request.medicationCodeableConcept);
    const issued = dateOnly(request.authoredOn);
    let entry = byMedicine.get(key);
    if (!entry) {
      entry = {
        summary: { key, display: conceptText(request.medicationCodeableConcept), code, dosage: null, status: null, issues: 0, firstIssued: null, lastIssued: null, prescriber: null },
        latest: undefined,
      };
      byMedicine.set(key, entry);
    }
    const summary = entry.summary;
    summary.issues += 1;
    if (issued && (summary.firstIssued === null || issued < summary.firstIssued)) summary.firstIssued = issued;
    // The latest issue speaks for the medicine; an undated issue only when nothing is dated.
    if (entry.latest === undefined || (issued !== null && (summary.lastIssued === null || issued >= summary.lastIssued))) {
      entry.latest = request;
      if (issued) summary.lastIssued = issued;
    }
  }

  const current: MedicineSummary[] = [];
  const past: MedicineSummary[] = [];
  for (const { summary, latest } of byMedicine.values()) {
    if (latest) {
      summary.display = conceptText(latest.medicationCodeableConcept);
      summary.dosage = latest.dosageInstruction?.[0]?.text ?? null;
      summary.status = latest.status ?? null;
      summary.prescriber = prescriberOf(latest);
    }
    (isCurrent(summary, today) ? current : past).push(summary);
  }
  current.sort((a, b) => a.display.localeCompare(b.display, 'en-GB'));
  past.sort((a, b) => (b.lastIssued ?? '').localeCompare(a.lastIssued ?? '') || a.display.localeCompare(b.display, 'en-GB'));
  return { current, past };
}

import type { MapContext, ViewMapper } from './context';
import { firstDate } from './dates';

/** The patient key and resource key every many-row table carries; null when the row has no patient or they opted out. */
export function patientAndResource(resource: Record<string, unknown>, patientId: unknown, context: MapContext): [string, bigint] | null {
  if (typeof patientId !== 'string') return null;
  const patientKey = context.pseudonymiser.patientKey(patientId);
  if (context.optOuts.has(patientKey)) return null;
  return [patientKey, context.pseudonymiser.resourceKey(resource.resourceType as string, resource.id as string)];
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** clinical_events: one row per coding, with the resource type as `source`. */
export const mapClinicalEvent: ViewMapper = (view, resource, rows, context, sink) => {
  const c = view.column;
  let keys: [string, bigint] | null | undefined;
  for (const row of rows) {
    if (row[c.code] === null || row[c.code] === undefined) continue;
    keys ??= patientAndResource(resource, row[c.patient_id], context);
    if (!keys) return;
    sink('clinical_events', [
      keys[0],
      firstDate(row[c.date], row[c.date_fallback], c.date_issued === undefined ? null : row[c.date_issued]),
      row[c.system] ?? null,
      row[c.code],
      c.numeric_value === undefined ? null : numberOrNull(row[c.numeric_value]),
      c.unit === undefined ? null : (row[c.unit] ?? row[c.unit_text] ?? null),
      resource.resourceType,
      context.directory.odsCode(row[c.organisation_ods], row[c.organisation_id], row[c.organisation_role_id]),
      keys[1],
    ]);
  }
};

/** medications: one row per medicine coding, dated when authored. */
export const mapMedication: ViewMapper = (view, resource, rows, context, sink) => {
  const c = view.column;
  let keys: [string, bigint] | null | undefined;
  for (const row of rows) {
    if (row[c.code] === null || row[c.code] === undefined) continue;
    keys ??= patientAndResource(resource, row[c.patient_id], context);
    if (!keys) return;
    const organisation =
      context.directory.odsCode(row[c.organisation_ods], row[c.organisation_id], row[c.organisation_role_id]) ??
      context.directory.odsCode(row[c.organisation_fallback_ods], row[c.organisation_fallback_id], row[c.organisation_fallback_role_id]);
    sink('medications', [keys[0], firstDate(row[c.date]), row[c.system] ?? null, row[c.code], row[c.status] ?? null, organisation, keys[1]]);
  }
};

/** social_care: only resources whose code is a social care code; the code's list gives the kind. */
export const mapSocialCare: ViewMapper = (view, resource, rows, context, sink) => {
  const c = view.column;
  for (const row of rows) {
    const kind = context.codings.socialCareKind.get(row[c.code] as string);
    if (!kind) continue;
    const keys = patientAndResource(resource, row[c.patient_id], context);
    if (!keys) return;
    sink('social_care', [keys[0], firstDate(row[c.date], row[c.date_fallback]), kind, row[c.code], context.directory.odsCode(row[c.organisation_ods], row[c.organisation_id], row[c.organisation_role_id]), keys[1]]);
  }
};

/** An ICD-10 encounter diagnosis, kept by the Encounter's key so encounters.diagnosis_code can be filled. */
export const mapEncounterDiagnosis: ViewMapper = (view, resource, rows, context, sink) => {
  const c = view.column;
  for (const row of rows) {
    if (typeof row[c.code] !== 'string' || typeof row[c.encounter_id] !== 'string') continue;
    const keys = patientAndResource(resource, row[c.patient_id], context);
    if (!keys) return;
    sink('warehouse_encounter_diagnoses', [keys[0], context.pseudonymiser.resourceKey('Encounter', row[c.encounter_id] as string), row[c.code], keys[1]]);
  }
};

/** The ICD-10 underlying cause from a cause-of-death Observation, copied to patients.death_cause_code. */
export const mapDeathCause: ViewMapper = (view, resource, rows, context, sink) => {
  const c = view.column;
  for (const row of rows) {
    if (typeof row[c.code] !== 'string') continue;
    const keys = patientAndResource(resource, row[c.patient_id], context);
    if (!keys) return;
    sink('warehouse_death_causes', [keys[0], firstDate(row[c.date]), row[c.code], keys[1]]);
  }
};
